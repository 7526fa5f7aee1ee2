package com.bp010.ingest;

/**
 * The landing keys (well, variable, time in microseconds) a batch has met, to tell whether the batch holds the same
 * reading twice: an open-addressing hash set of primitive pairs, so a million keys cost 32 MB rather than objects.
 * A key's two halves sit side by side in one array, so a probe touches one cache line, not two.
 */
final class ReadingKeys {
    private static final long EMPTY = Long.MIN_VALUE;

    /** Slot i holds the well/variable pair at 2i and the time at 2i + 1. */
    private long[] slots = emptySlots(1 << 12);
    private int size;

    /** Adds the key; false when the batch already held it. */
    boolean add(int wellKey, int varKey, long micros) {
        long id = ((long) wellKey << 32) | (varKey & 0xFFFFFFFFL);
        if ((size + 1) * 4L > slots.length) {
            grow();
        }
        int mask = (slots.length >> 1) - 1;
        int i = slot(id, micros) & mask;
        while (slots[2 * i] != EMPTY) {
            if (slots[2 * i] == id && slots[2 * i + 1] == micros) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[2 * i] = id;
        slots[2 * i + 1] = micros;
        size++;
        return true;
    }

    private static int slot(long id, long micros) {
        long h = id * 0x9E3779B97F4A7C15L ^ micros * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    private static long[] emptySlots(int n) {
        long[] s = new long[2 * n];
        for (int i = 0; i < s.length; i += 2) {
            s[i] = EMPTY;
        }
        return s;
    }

    private void grow() {
        long[] old = slots;
        slots = emptySlots(old.length); // twice the slots: old.length / 2 slots before
        int mask = (slots.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != EMPTY) {
                int i = slot(old[j], old[j + 1]) & mask;
                while (slots[2 * i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = old[j];
                slots[2 * i + 1] = old[j + 1];
            }
        }
    }
}

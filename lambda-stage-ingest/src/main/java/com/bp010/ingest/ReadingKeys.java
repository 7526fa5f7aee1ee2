package com.bp010.ingest;

/**
 * Tells whether a batch may hold the same landing key (well, variable, time in microseconds) twice, without keeping
 * every key: each series (well, variable) remembers only its latest time. While every series comes in strictly
 * increasing time, no key can have come twice; a key at or before its series' latest time may repeat one, and the
 * batch is then marked as possibly holding repeats, which the database resolves exactly from the staged keys
 * ({@code Landing}'s repeats step groups them). Never says "new" for a key already met.
 *
 * <p>A series' latest time sits next to its key in one array (open addressing), so a probe touches one cache line; the
 * table holds one slot per series (wells x variables), not one per reading, and stays in the caches. The exact set of
 * every key it replaces was 15 % of the reader's samples (JFR, docs/BENCHMARKS.md).
 */
final class ReadingKeys {
    private static final long EMPTY = Long.MIN_VALUE;

    /** Slot i holds the well/variable pair at 2i and the series' latest time at 2i + 1. */
    private long[] slots = emptySlots(1 << 10);
    private int size;
    /** The series whose pair is {@link #EMPTY} (well Integer.MIN_VALUE, variable 0), kept apart. */
    private boolean emptyPairSeen;
    private long emptyPairLatest;

    /** Notes the key; false when it may repeat one met before (its time is not after its series' latest). */
    boolean add(int wellKey, int varKey, long micros) {
        long id = ((long) wellKey << 32) | (varKey & 0xFFFFFFFFL);
        if (id == EMPTY) {
            boolean later = !emptyPairSeen || micros > emptyPairLatest;
            if (later) {
                emptyPairLatest = micros;
            }
            emptyPairSeen = true;
            return later;
        }
        int mask = (slots.length >> 1) - 1;
        int i = slot(id) & mask;
        while (slots[2 * i] != EMPTY) {
            if (slots[2 * i] == id) {
                if (micros > slots[2 * i + 1]) {
                    slots[2 * i + 1] = micros;
                    return true;
                }
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[2 * i] = id;
        slots[2 * i + 1] = micros;
        if (++size * 4L > slots.length) {
            grow();
        }
        return true;
    }

    private static int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
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
                int i = slot(old[j]) & mask;
                while (slots[2 * i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = old[j];
                slots[2 * i + 1] = old[j + 1];
            }
        }
    }
}

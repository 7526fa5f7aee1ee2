package com.bp010.ingest;

/**
 * The landing keys (well, variable, time in microseconds) a batch has met, to tell whether the batch holds the same
 * reading twice: an open-addressing hash set of primitive pairs, so a million keys cost 32 MB rather than objects.
 */
final class ReadingKeys {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] ids = new long[1 << 12];
    private long[] times = new long[1 << 12];
    private int size;

    ReadingKeys() {
        java.util.Arrays.fill(ids, EMPTY);
    }

    /** Adds the key; false when the batch already held it. */
    boolean add(int wellKey, int varKey, long micros) {
        long id = ((long) wellKey << 32) | (varKey & 0xFFFFFFFFL);
        if ((size + 1) * 2L > ids.length) {
            grow();
        }
        int mask = ids.length - 1;
        int i = slot(id, micros) & mask;
        while (ids[i] != EMPTY) {
            if (ids[i] == id && times[i] == micros) {
                return false;
            }
            i = (i + 1) & mask;
        }
        ids[i] = id;
        times[i] = micros;
        size++;
        return true;
    }

    private static int slot(long id, long micros) {
        long h = id * 0x9E3779B97F4A7C15L ^ micros * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    private void grow() {
        long[] oldIds = ids;
        long[] oldTimes = times;
        ids = new long[oldIds.length * 2];
        times = new long[oldIds.length * 2];
        java.util.Arrays.fill(ids, EMPTY);
        int mask = ids.length - 1;
        for (int j = 0; j < oldIds.length; j++) {
            if (oldIds[j] != EMPTY) {
                int i = slot(oldIds[j], oldTimes[j]) & mask;
                while (ids[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                ids[i] = oldIds[j];
                times[i] = oldTimes[j];
            }
        }
    }
}

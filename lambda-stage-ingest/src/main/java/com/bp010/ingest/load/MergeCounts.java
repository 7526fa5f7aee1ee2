package com.bp010.ingest.load;

import java.util.Map;

/** What a batch's readings became: new, identical to what was there, corrected, refused (with reasons). */
record MergeCounts(long inserted, long duplicate, long revised, long rejected, Map<String, Long> rejectsByReason) {
    static final MergeCounts NONE = new MergeCounts(0, 0, 0, 0, Map.of());
}

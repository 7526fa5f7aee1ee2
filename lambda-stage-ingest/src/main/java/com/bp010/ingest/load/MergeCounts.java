package com.bp010.ingest.load;

import java.util.Map;

/** What a batch's readings became: new, identical, corrected, refused (with reasons); production rows pivoted. */
record MergeCounts(long inserted, long duplicate, long revised, long rejected, long pivoted,
                   Map<String, Long> rejectsByReason) {
}

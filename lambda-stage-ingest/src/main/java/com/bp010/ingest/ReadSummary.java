package com.bp010.ingest;

/** How many data rows a reader met (accepted and rejected together), and the API's next cursor when it has one. */
record ReadSummary(long rowsRead, String nextCursor) {

    public static ReadSummary of(long rowsRead) {
        return new ReadSummary(rowsRead, null);
    }
}

package com.bp010.ingest.read;

/** How many data rows a reader met (accepted and rejected together), and the API's next cursor when it has one. */
public record ReadSummary(long rowsRead, String nextCursor) {

    public static ReadSummary of(long rowsRead) {
        return new ReadSummary(rowsRead, null);
    }
}

package com.bp010.ingest;

import java.util.List;

/** Receives the data rows of a dump: table, columns, one row of values as text (null for SQL NULL). */
interface DumpSink {
    void row(String table, List<String> columns, long line, List<String> values, String rawText);

    void reject(RowReject reject);

    /** A sink that keeps nothing: the first pass over a dump only checks that every statement is allowed. */
    DumpSink NONE = new DumpSink() {
        @Override
        public void row(String table, List<String> columns, long line, List<String> values, String rawText) {
        }

        @Override
        public void reject(RowReject reject) {
        }
    };
}

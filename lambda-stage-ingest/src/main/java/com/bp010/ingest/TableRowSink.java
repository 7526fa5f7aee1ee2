package com.bp010.ingest;

/** Where table readers put typed rows and refused ones. */
interface TableRowSink {
    void accept(TableRow row);

    void reject(RowReject reject);

    /** Keeps nothing (a pass over an input that reads something else). */
    TableRowSink DISCARD = new TableRowSink() {
        @Override
        public void accept(TableRow row) {
        }

        @Override
        public void reject(RowReject reject) {
        }
    };
}

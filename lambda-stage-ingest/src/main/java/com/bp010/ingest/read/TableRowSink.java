package com.bp010.ingest.read;

/** Where table readers put typed rows and refused ones. */
public interface TableRowSink {
    void accept(TableRow row);

    void reject(RowReject reject);
}

package com.bp010.ingest;

import java.util.UUID;

/** Thrown inside a batch's transaction (so it rolls back) when the same content was loaded before from there. */
final class DuplicateContent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final UUID loadedBy;
    final long rowsRead;
    final String sha256;

    DuplicateContent(UUID loadedBy, long rowsRead, String sha256) {
        super("content already loaded by batch " + loadedBy, null, false, false);
        this.loadedBy = loadedBy;
        this.rowsRead = rowsRead;
        this.sha256 = sha256;
    }
}

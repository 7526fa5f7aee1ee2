package com.bp010.db;

/**
 * Something a container opens on its first invocation and keeps for the next ones: a connection pool (with the
 * secret it was opened with), an SDK client, an API source. Under SnapStart none of it may be open when the snapshot
 * is taken: {@link JsonRequestHandler#beforeCheckpoint} closes what is, and the restored container opens it again on
 * first use.
 */
public interface LazyResource {
    /** Whether it has been opened and not closed since. */
    boolean isOpen();

    /** Closes it if open; the next use opens it again. */
    void close();
}

package com.bp010.ingest;


import java.time.Instant;

/**
 * A source of telemetry that can be asked for a time window: the default SCADA REST adapter, or the real vendor's API
 * behind the same interface (nothing else in the ingest changes).
 */
public interface TelemetrySource {
    /** The name the source's batches and watermark go under (e.g. {@code api}). */
    String name();

    /**
     * Delivers every reading taken in {@code [from, to)} to {@code sink}, all pages, and returns how many rows the
     * source gave. Throws {@link com.bp010.db.Bp010Exception} (SOURCE_API) when the source refuses or keeps failing.
     */
    long fetch(Instant from, Instant to, ReadingSink sink);
}

package com.bp010.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** What every call of a run is given: its id, window, optional well and the time staleness is judged against. */
record RunContext(UUID runId, RunWindow window, String wellId, Instant asOf) {
    OffsetDateTime asOfTimestamp() {
        return OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
    }
}

package com.bp010.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What every call of a run is given: its id, window, optional well, the time staleness is judged against, and its well
 * group ({@link WellGroup#setting()}, null: every well).
 */
record RunContext(UUID runId, RunWindow window, String wellId, Instant asOf, String group) {
    RunContext(UUID runId, RunWindow window, String wellId, Instant asOf) {
        this(runId, window, wellId, asOf, null);
    }

    /** The run's lease: the pipeline's, or its group's. */
    String leaseName() {
        return group == null ? RunLease.NAME : WellGroup.leaseName(group);
    }

    OffsetDateTime asOfTimestamp() {
        return OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
    }
}

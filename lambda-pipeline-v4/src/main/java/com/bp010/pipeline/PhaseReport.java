package com.bp010.pipeline;

import com.bp010.db.CallResult;

import java.util.List;

/** One phase as the response reports it: OK, FAILED or SKIPPED, its duration and its calls with their notices. */
record PhaseReport(String phase, String status, long durationMs, List<CallResult> calls) {
    static PhaseReport skipped(Phase phase) {
        return new PhaseReport(phase.name(), "SKIPPED", 0, List.of());
    }
}

package com.bp010.pipeline;

import com.bp010.db.CallResult;

import java.util.List;

/**
 * One phase, its duration and its calls with their notices. A response only ever holds {@code OK} phases (a failing
 * phase throws); {@code FAILED} is written to the run log ({@code reporting.pipeline_run_phases}).
 */
record PhaseReport(String phase, String status, long durationMs, List<CallResult> calls) {
}

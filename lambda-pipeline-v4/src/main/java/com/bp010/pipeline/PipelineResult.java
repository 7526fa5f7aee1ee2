package com.bp010.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The PIPELINE V4 response of docs/CONTRACTS.md §4.4. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PipelineResult(UUID runId, String status, RunWindow window, Instant asOf, String wellId, String wellGroup,
                      List<PhaseReport> phases, RunSummaries.DqSummary dq,
                      RunSummaries.ConsistencySummary consistency, String message, long durationMs) {
}

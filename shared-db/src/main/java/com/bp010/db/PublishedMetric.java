package com.bp010.db;

/**
 * Every CloudWatch metric the functions publish ({@link EmbeddedMetrics}: namespace {@code BP010}, the one dimension
 * {@code Function} = {@link #function()}), and what watches it. A metric whose {@link #unwatched()} is null is a
 * condition an operator must hear of without looking: an alarm of template.yaml watches it with exactly this
 * namespace, name and dimension (SamTemplateTest, alarms against this catalogue); the others say why none does.
 */
public enum PublishedMetric {
    // --- STAGE INGEST, after every invocation -----------------------------------------------------------------------
    /** Rows refused and kept in stage.landing_rejects (a file or API batch of which nothing loaded counts here too). */
    ROWS_REJECTED("bp010-stage-ingest", "RowsRejected", null),
    FILES_REJECTED("bp010-stage-ingest", "FilesRejected",
            "a REJECTED file is one whose rows were all refused: RowsRejected counts them, its alarm fires"),
    FILES_FAILED("bp010-stage-ingest", "FilesFailed",
            "a FAILED file fails the invocation: the function's Errors alarm (and failed-events for an S3 event)"),
    /** S3 objects of the event outside INGEST_BUCKET / INGEST_PREFIX: answered SKIPPED, never read. */
    FILES_SKIPPED("bp010-stage-ingest", "FilesSkipped", null),
    ROWS_INSERTED("bp010-stage-ingest", "RowsInserted", "volume; no rows reaching the pipeline is bp010-no-new-data"),

    // --- PIPELINE V4, once per run (the step that ends it), a failure from every failed invocation ------------------
    PIPELINE_RUNS("bp010-pipeline-v4", "PipelineRuns", null),
    PIPELINE_FAILED("bp010-pipeline-v4", "PipelineFailed",
            "a failed invocation throws: the function's Errors alarm (and executions-failed under Step Functions)"),
    /**
     * A run that found no new readings: NOTHING_TO_DO, or DIMENSIONS_SYNCED (it only applied an edit of the well
     * master, the limits or the KPI targets); bp010-no-new-data counts both as idle. Also an OK run whose scope held
     * only periods that ended since they were written in progress (docs/AGGREGATION.md "Incremental runs"), no new
     * hour: the first run after midnight without readings.
     */
    PIPELINE_NOTHING_TO_DO("bp010-pipeline-v4", "PipelineNothingToDo", null),
    PIPELINE_SKIPPED_LOCKED("bp010-pipeline-v4", "PipelineSkippedLocked", null),
    PIPELINE_DURATION_MS("bp010-pipeline-v4", "PipelineDurationMs",
            "performance; a run stopped by the time budget fails (Errors alarm)"),
    /**
     * A step that answered OK (or NOTHING_TO_DO, DIMENSIONS_SYNCED) with a message asking for an explicit rerun:
     * recomputation marks before the lookback floor, cards before CARD_LOOKBACK_DAYS, an explicit window without
     * readings; or a phase joining
     * its run by runId answered SKIPPED_LOCKED (the lease taken over). Published by the step the message is answered
     * in, under Step Functions an intermediate one.
     */
    PIPELINE_NEEDS_ATTENTION("bp010-pipeline-v4", "PipelineNeedsAttention", null),
    DQ_SCORE("bp010-pipeline-v4", "DqScore", null),
    DQ_FAILED("bp010-pipeline-v4", "DqFailed", "the rules' failures: DqScore is what the alarm judges"),
    CONSISTENCY_VIOLATIONS("bp010-pipeline-v4", "ConsistencyViolations", null),
    REPORT_WRITTEN("bp010-pipeline-v4", "ReportWritten", "success count; ReportFailed is alarmed"),
    REPORT_FAILED("bp010-pipeline-v4", "ReportFailed", null);

    private final String function;
    private final String metricName;
    private final String unwatched;

    PublishedMetric(String function, String metricName, String unwatched) {
        this.function = function;
        this.metricName = metricName;
        this.unwatched = unwatched;
    }

    /** The value of the dimension {@code Function}: the function's name, as template.yaml deploys it. */
    public String function() {
        return function;
    }

    public String metricName() {
        return metricName;
    }

    /** Why no alarm watches this metric (another alarm hears the same condition, or it is volume), or null. */
    public String unwatched() {
        return unwatched;
    }

    /** CloudWatch's unit: milliseconds for durations, none for scores, else a count. */
    String unit() {
        return metricName.endsWith("Ms") ? "Milliseconds" : this == DQ_SCORE ? "None" : "Count";
    }
}

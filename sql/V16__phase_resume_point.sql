-- BP010 time budget per phase (docs/CONTRACTS.md §4.4, "Time budget"): a chunked phase (TRANSFORM) commits its window
-- chunk by chunk (a day, or a month for long windows) and records here, in each chunk's transaction, how far it got.
-- When the invocation's time runs out the phase fails with TIME_BUDGET; the retry of the same step (the same run id)
-- starts after hecho_hasta instead of at the window's start. Any other rerun of the phase clears it.
ALTER TABLE reporting.pipeline_run_phases
    ADD COLUMN hecho_hasta date,
    ADD COLUMN tramos_hechos integer NOT NULL DEFAULT 0;
COMMENT ON COLUMN reporting.pipeline_run_phases.hecho_hasta IS
    'Resume point of a chunked phase: the last day (BP010_TIMEZONE) whose chunk committed; NULL before the first chunk';
COMMENT ON COLUMN reporting.pipeline_run_phases.tramos_hechos IS
    'Chunks this phase committed for the run, over all its invocations since the phase last started afresh';

-- A default run without new readings (and without recomputation marks after the lookback floor) that applied the
-- dimension marks an operator's edit left (reporting.dimensiones_pendientes: the well master, the limits, the KPI
-- targets) ends as DIMENSIONS_SYNCED, not NOTHING_TO_DO: it synced the dimensions, re-judged the semaphores and ran
-- the defaults and the consistency checks (docs/CONTRACTS.md §4.4).
ALTER TABLE reporting.pipeline_runs DROP CONSTRAINT IF EXISTS pipeline_runs_status_check;
ALTER TABLE reporting.pipeline_runs ADD CONSTRAINT pipeline_runs_status_check
    CHECK (status IN ('RUNNING', 'OK', 'FAILED', 'SKIPPED_LOCKED', 'NOTHING_TO_DO', 'DIMENSIONS_SYNCED'));
COMMENT ON COLUMN reporting.pipeline_runs.status IS
    'RUNNING, OK (its phases ran), FAILED, SKIPPED_LOCKED (another run held the lease), NOTHING_TO_DO (nothing new: staleness re-judged), DIMENSIONS_SYNCED (no new readings; pending edits of the master, limits or KPI targets applied: dimensions synced, semaphores re-judged, defaults and consistency run)';

-- The recomputation marks a run took (docs/AGGREGATION.md, "Incremental runs", marks): the ids of the
-- reporting.recalculo_pendiente rows its scope applied when it opened (reporting.fnc_registrar_alcance, R__25). Only
-- those are deleted when it completes (reporting.sp_cerrar_alcance): a mark written after the run opened, or one for
-- wells the run did not cover (another well group), is left for a later run.
ALTER TABLE reporting.pipeline_runs ADD COLUMN marcas_tomadas bigint[];
COMMENT ON COLUMN reporting.pipeline_runs.marcas_tomadas IS
    'Ids of the reporting.recalculo_pendiente marks this run took when it opened (a well group''s run: the marks of its wells and the every-well marks); deleted when it, or the global run over its group, completes';
-- the runs of the well groups a global run took (its closing reads them)
CREATE INDEX pipeline_runs_global_idx ON reporting.pipeline_runs (global_run_id) WHERE global_run_id IS NOT NULL;

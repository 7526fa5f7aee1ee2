-- BP010 well groups (docs/SCALE.md §6, docs/CONTRACTS.md §4.4 "Well groups"): a run of a well group covers DQ and
-- TRANSFORM for the wells of one hash bucket or list (grupo: 'k/n' or '{A,B}', reporting.fnc_en_grupo); its lease is
-- the group's and its watermark the newest of its runs whose global run (global_run_id: the run of the global steps
-- over every group's scope, opened by {"phase": "GLOBAL"}) completed.
ALTER TABLE reporting.pipeline_runs
    ADD COLUMN grupo text,
    ADD COLUMN global_run_id uuid REFERENCES reporting.pipeline_runs (run_id) ON DELETE SET NULL;
CREATE INDEX pipeline_runs_grupo_idx ON reporting.pipeline_runs (grupo, started_at DESC) WHERE grupo IS NOT NULL;
COMMENT ON COLUMN reporting.pipeline_runs.grupo IS
    'The well group a run covered (''k/n'': md5 bucket k of n; ''{A,B}'': a list); NULL: every well, or one (well_id)';
COMMENT ON COLUMN reporting.pipeline_runs.global_run_id IS
    'For a well group''s run: the global run that took its scope (ENRICH, DEFAULTS, CONSISTENCY over every group)';

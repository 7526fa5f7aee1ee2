-- Every table keyed by well carries the well in its primary key and in every unique key (docs/SCALE.md): what a
-- database sharded by well needs (Aurora PostgreSQL Limitless Database, Citus), where a key must hold the shard key so
-- that one shard can enforce it. On one PostgreSQL this changes nothing a query sees: the surrogate ids stay unique
-- (identity columns) and every lookup by them still finds one row. Shard-readiness is tested
-- (ShardReadySchemaIT); the tables without a well (catalogue, run log) are the ones a sharded database replicates or
-- keeps on one node.

-- the foreign keys that point at the primary keys changed below go first, and come back with the well in them
ALTER TABLE universal.validacion_experta DROP CONSTRAINT validacion_experta_diagnostico_id_fkey;
ALTER TABLE universal.diagnostico DROP CONSTRAINT diagnostico_stroke_id_fkey;

ALTER TABLE stage.landing_revisions DROP CONSTRAINT landing_revisions_pkey,
    ADD CONSTRAINT landing_revisions_pkey PRIMARY KEY (well_id, revision_id);
ALTER TABLE stage.tbl_consistency_results DROP CONSTRAINT tbl_consistency_results_pkey,
    ADD CONSTRAINT tbl_consistency_results_pkey PRIMARY KEY (well_id, result_id);
ALTER TABLE reporting.fact_alertas DROP CONSTRAINT fact_alertas_pkey,
    ADD CONSTRAINT fact_alertas_pkey PRIMARY KEY (well_id, alerta_id);
ALTER TABLE universal.stroke DROP CONSTRAINT stroke_pkey,
    ADD CONSTRAINT stroke_pkey PRIMARY KEY (well_id, stroke_id);
ALTER TABLE universal.diagnostico DROP CONSTRAINT diagnostico_pkey,
    ADD CONSTRAINT diagnostico_pkey PRIMARY KEY (well_id, diagnostico_id);
ALTER TABLE universal.ipr_resultados DROP CONSTRAINT ipr_resultados_pkey,
    ADD CONSTRAINT ipr_resultados_pkey PRIMARY KEY (well_id, ipr_id);
ALTER TABLE universal.arps_resultados DROP CONSTRAINT arps_resultados_pkey,
    ADD CONSTRAINT arps_resultados_pkey PRIMARY KEY (well_id, arps_id);

-- a diagnosis points at a stroke of its own well
ALTER TABLE universal.diagnostico ADD CONSTRAINT diagnostico_stroke_fk FOREIGN KEY (well_id, stroke_id)
    REFERENCES universal.stroke (well_id, stroke_id) ON DELETE CASCADE;

-- an expert's verdict carries the well of the diagnosis it judges; the ML side's writers keep inserting without it:
-- universal.fnc_validacion_well (R__60_universal_bridge.sql) fills it from the diagnosis
ALTER TABLE universal.validacion_experta ADD COLUMN well_id text;
UPDATE universal.validacion_experta v SET well_id = d.well_id
  FROM universal.diagnostico d WHERE d.diagnostico_id = v.diagnostico_id;
ALTER TABLE universal.validacion_experta ALTER COLUMN well_id SET NOT NULL,
    DROP CONSTRAINT validacion_experta_pkey,
    ADD CONSTRAINT validacion_experta_pkey PRIMARY KEY (well_id, validacion_id),
    ADD CONSTRAINT validacion_experta_diagnostico_fk FOREIGN KEY (well_id, diagnostico_id)
        REFERENCES universal.diagnostico (well_id, diagnostico_id) ON DELETE CASCADE;
COMMENT ON COLUMN universal.validacion_experta.well_id IS 'The diagnosis''s well (filled from universal.diagnostico when the writer leaves it out)';

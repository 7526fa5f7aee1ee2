-- Per-well fixed costs of a run (issue 16, docs/SCALE.md §2): steps that judge every well from reference data (the
-- semaphores, the dimension sync) do the whole work only when that reference data changed. Each such step keeps here
-- the md5 of the reference rows it read at its last call (huella) and when that call ran (ejecutado_en: now() of its
-- transaction); a step whose definition changes deletes its row (its R__ file), so its next call is a full one.
CREATE TABLE reporting.huella_paso (
    paso          text PRIMARY KEY,
    huella        text NOT NULL,
    ejecutado_en  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reporting.huella_paso IS
    'Per step (semaforos, dimensiones): md5 of the reference rows its last call read and when it ran; no row = the next call is a full one';

-- The current values are rewritten several times per run (values, card fillage, semaphores, derived values, ML
-- bridges); only the key is indexed, so with room in the page those updates stay HOT and are pruned without a vacuum
-- instead of growing the table between autovacuums (a 1,000-well table had reached 2,500 pages, 17 dead versions
-- per row, after two runs).
ALTER TABLE reporting.dataset_current_values SET (fillfactor = 50);

-- Wells whose dimension rows (reporting.dim_pozo, and the depth-derived fluid_level limits) the next
-- reporting.sp_sync_dim_pozo_targets must recompute: written by statement triggers on what the sync reads (the well
-- master, the limits, the per-well KPI configuration, dim_pozo itself; R__34); well_id NULL = every well. The sync
-- deletes what it took; xid is the writing transaction (the sync drops the marks its own writes leave).
CREATE TABLE reporting.dimensiones_pendientes (
    well_id    text,
    motivo     text NOT NULL,
    xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    creado_en  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reporting.dimensiones_pendientes IS
    'Wells (NULL = every well) whose dim_pozo row and derived limits the next sp_sync_dim_pozo_targets recomputes, with the table whose change asked for it';
INSERT INTO reporting.dimensiones_pendientes (well_id, motivo) VALUES (NULL, 'migration V18');

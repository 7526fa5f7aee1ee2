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

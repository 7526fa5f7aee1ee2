-- The scope of an incremental run (docs/AGGREGATION.md, "Incremental runs"): per well, the ranges of hours whose facts
-- the readings pivoted since the last complete run can change. Written once when a default-window run opens
-- (reporting.fnc_registrar_alcance, R__25) and read by every phase of the run, in this invocation or in a later one
-- (one Step Functions state per phase). A run without rows here (an explicit window) recomputes its whole window.
CREATE TABLE reporting.pipeline_run_alcance (
    run_id     uuid NOT NULL REFERENCES reporting.pipeline_runs (run_id) ON DELETE CASCADE,
    well_id    text NOT NULL,
    desde      timestamptz NOT NULL,
    hasta      timestamptz NOT NULL,
    dia_desde  date NOT NULL,
    dia_hasta  date NOT NULL,
    CONSTRAINT pipeline_run_alcance_pk PRIMARY KEY (run_id, well_id, desde),
    CONSTRAINT pipeline_run_alcance_rango_ck CHECK (hasta > desde AND dia_hasta >= dia_desde)
);
COMMENT ON TABLE reporting.pipeline_run_alcance IS
    'Per run and well, the disjoint hour ranges [desde, hasta) an incremental run recomputes, and the calendar days (BP010_TIMEZONE, inclusive) they touch';
COMMENT ON COLUMN reporting.pipeline_run_alcance.desde IS
    'Start of the first hour to recompute: the hour of the reading before the earliest new one, and at least the hour before it';
COMMENT ON COLUMN reporting.pipeline_run_alcance.hasta IS
    'End (exclusive) of the hour of the reading after the latest new one (counter deltas and time weights look at both neighbours)';

-- Recomputation asked for by a change outside the readings (a catalogue load, a well-master change): the next
-- default-window run adds these wells and days to its scope and deletes the rows it took.
CREATE TABLE reporting.recalculo_pendiente (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    well_id     text,
    dia_desde   date NOT NULL,
    dia_hasta   date NOT NULL,
    motivo      text NOT NULL,
    creado_en   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT recalculo_pendiente_rango_ck CHECK (dia_hasta >= dia_desde)
);
COMMENT ON TABLE reporting.recalculo_pendiente IS
    'Wells (NULL = every well) and days to recompute on the next default-window run, with the change that asked for it';

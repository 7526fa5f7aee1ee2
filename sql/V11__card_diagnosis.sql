-- BP010 phase 5 (ENRICH), the rules' card analysis (docs/CARDS.md): the pipeline writes the surface card and its pump
-- card to universal.stroke (tipo_carta SUPERFICIE / FONDO) and one diagnosis per (stroke, model version) to
-- universal.diagnostico, so a rerun replaces rather than appends; universal.patron holds each model's vocabulary.

-- md5 of the card text a stroke was read from: a card rewritten since is analysed again
ALTER TABLE universal.stroke ADD COLUMN carta_md5 uuid;
COMMENT ON COLUMN universal.stroke.carta_md5 IS 'md5 of the stage card text the stroke came from (NULL when written by an ML module)';

ALTER TABLE universal.diagnostico
    ADD COLUMN severidad        text CHECK (severidad IN ('NONE', 'LOW', 'MODERATE', 'SEVERE')),
    ADD COLUMN base             text CHECK (base IN ('PUMP', 'SURFACE')),
    ADD COLUMN llenado_pct      double precision,
    ADD COLUMN carga_fluido_lbf double precision,
    ADD COLUMN carrera_neta_in  double precision,
    ADD COLUMN pip_psi          double precision,
    ADD COLUMN caracteristicas  jsonb,
    ADD COLUMN razones          jsonb,
    -- one diagnosis of a stroke per model version (the well first: docs/SCALE.md, every unique key holds the well)
    ADD CONSTRAINT diagnostico_stroke_modelo_uk UNIQUE (well_id, stroke_id, modelo_version);
COMMENT ON COLUMN universal.diagnostico.severidad IS 'NONE (full pump), LOW, MODERATE, SEVERE';
COMMENT ON COLUMN universal.diagnostico.base IS 'What the diagnosis read: PUMP (the pump card) or SURFACE (the surface card''s shape only)';
COMMENT ON COLUMN universal.diagnostico.llenado_pct IS 'Pump fillage read off the card [%]';
COMMENT ON COLUMN universal.diagnostico.carga_fluido_lbf IS 'Fluid load Fo on the plunger [lbf] (NULL on the surface basis)';
COMMENT ON COLUMN universal.diagnostico.carrera_neta_in IS 'Net plunger stroke [in] (NULL on the surface basis)';
COMMENT ON COLUMN universal.diagnostico.pip_psi IS 'Pump intake pressure from the card, Pdischarge - Fo/Ap [psi]';
COMMENT ON COLUMN universal.diagnostico.caracteristicas IS 'The features the rules read (docs/CARDS.md), by name';
COMMENT ON COLUMN universal.diagnostico.razones IS 'Why: the deciding features in words';

ALTER TABLE universal.patron ADD CONSTRAINT patron_clase_fuente_uk UNIQUE (clase_diagnostico, fuente);

-- The latest card per well carries its pump card and the diagnosis with its source (RULES or ML) to reporting
ALTER TABLE reporting.dataset_latest_dynacard
    ADD COLUMN position_fondo  double precision[],
    ADD COLUMN load_fondo      double precision[],
    ADD COLUMN llenado_pct     double precision,
    ADD COLUMN severidad       text,
    ADD COLUMN base            text,
    ADD COLUMN modelo_version  text,
    ADD COLUMN razones         jsonb;
COMMENT ON COLUMN reporting.dataset_latest_dynacard.fuente IS 'SCADA (the card as sent, no diagnosis), RULES (the pipeline''s card step) or ML';
COMMENT ON COLUMN reporting.dataset_latest_dynacard.position_fondo IS 'The pump card of the same reading: plunger position [in]';
COMMENT ON COLUMN reporting.dataset_latest_dynacard.load_fondo IS 'The pump card of the same reading: load on the plunger [lbf]';
COMMENT ON COLUMN reporting.dataset_latest_dynacard.razones IS 'Why the diagnosis says what it says (docs/CARDS.md)';

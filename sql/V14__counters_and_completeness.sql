-- Numbers an engineer can trust (issue 15), counters half: the kind of counter is an attribute of the variable, and
-- the project's own data-quality checks have their own catalogue (the user's 35 rules in tbl_dq_rules stay 35).

-- ACUMULADO: a lifetime counter (energy, runtime, strokes): hourly facts take its deltas. DIARIO: a controller counter
-- that restarts at local midnight (runtime today, pump-offs today): facts take the last/max of the hour and day.
-- Loaded from the variables file's tipo_contador column when it has one, else from config/tipos_contador.csv.
ALTER TABLE referencial.tbl_maestra_variables
    ADD COLUMN tipo_contador text CHECK (tipo_contador IN ('ACUMULADO', 'DIARIO'));
COMMENT ON COLUMN referencial.tbl_maestra_variables.tipo_contador IS
    'ACUMULADO (lifetime counter: deltas) or DIARIO (restarts at local midnight: last/max of the hour and day); NULL = not a counter';
UPDATE referencial.tbl_maestra_variables SET tipo_contador = 'ACUMULADO' WHERE es_contador AND tipo_contador IS NULL;

-- The project's own checks, written by the pipeline's phases into stage.tbl_pozo_scada_dq beside the user's rules.
CREATE TABLE referencial.tbl_dq_reglas_proyecto (
    rule_id      text PRIMARY KEY CHECK (rule_id ~ '^DQP-[0-9]{3}$'),
    tipo         text NOT NULL,
    descripcion  text NOT NULL,
    severidad    text NOT NULL,
    fase         text NOT NULL,
    activa       boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE referencial.tbl_dq_reglas_proyecto IS
    'Data-quality checks the project defines (DQP-nnn), apart from the user''s rules of referencial.tbl_dq_rules';
INSERT INTO referencial.tbl_dq_reglas_proyecto (rule_id, tipo, descripcion, severidad, fase) VALUES
    ('DQP-001', 'CONTADOR', 'A lone counter reading out of line with the readings before and after it (glitch): left out, the hour''s delta is not a spike', 'MEDIUM', 'TRANSFORM'),
    ('DQP-002', 'CONTADOR', 'A counter delta above the physical ceiling of its interval (rated power x hours, 60 x max SPM x hours strokes, 1 h of runtime per hour): refused', 'HIGH', 'TRANSFORM'),
    ('DQP-003', 'CONTADOR', 'A counter reset or roll-over confirmed by the readings after it: the delta counts from zero (or across the roll-over)', 'LOW', 'TRANSFORM');

-- Numbers an engineer can trust (issue 15), partial periods: every daily and monthly fact says how much of its period
-- it covers, and a period below the configured share is shown as incomplete (docs/AGGREGATION.md).

ALTER TABLE reporting.fact_operaciones_diarias
    ADD COLUMN horas_periodo smallint,
    ADD COLUMN completitud double precision,
    ADD COLUMN completo boolean;
COMMENT ON COLUMN reporting.fact_operaciones_diarias.horas_periodo IS 'Clock hours of the day in BP010_TIMEZONE (23, 24 or 25)';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.completitud IS 'horas_con_datos / horas_periodo, 0..1';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.completo IS
    'completitud >= completitud_minima (referencial.config_evaluacion, 0.9): uptime, variances and declines only then';

ALTER TABLE reporting.fact_operaciones_mensuales
    ADD COLUMN dias_periodo smallint,
    ADD COLUMN dias_completos smallint,
    ADD COLUMN completitud double precision,
    ADD COLUMN completo boolean;
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.dias_periodo IS 'Calendar days of the month';
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.dias_completos IS 'Days of the month whose daily fact is complete';
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.completitud IS 'dias_completos / dias_periodo, 0..1';
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.completo IS
    'completitud >= completitud_minima: uptime, variances and declines only then';

ALTER TABLE reporting.dataset_kpi_business
    ADD COLUMN completitud double precision,
    ADD COLUMN completo boolean;
COMMENT ON COLUMN reporting.dataset_kpi_business.completitud IS 'Completeness of the period (from its daily or monthly fact)';
COMMENT ON COLUMN reporting.dataset_kpi_business.completo IS 'The period is complete: uptime, variance and decline are computed';

INSERT INTO referencial.config_evaluacion (clave, nombre_tecnico, valor_num, valor_texto, descripcion)
VALUES ('completitud_minima', NULL, 0.9, NULL,
        'Share of a period''s hours (a month: of its days) with data for the period to count as complete')
ON CONFLICT (clave, nombre_tecnico) DO NOTHING;

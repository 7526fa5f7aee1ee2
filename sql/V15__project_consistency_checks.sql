-- Numbers an engineer can trust (issue 15), cross-checks: the project's own consistency checks (VC-nnn) have their
-- own catalogue, apart from the user's RC-001..RC-006 of referencial.tbl_reglas_consistencia (which stay six). They
-- run in the same phase-7 engine (sql/R__36_consistency_engine.sql), their findings live beside the user's in
-- stage.tbl_consistency_results and reporting.fact_alertas (tipo CONSISTENCIA), docs/AGGREGATION.md.
--
-- Two kinds of rule:
--   comparison  operador set, tolerancia_pct NULL: "variable_medida <operador> variable_referencia" must hold;
--   agreement   operador NULL, tolerancia_pct set: a quantity both measured (variable_medida) and calculated
--               (variable_referencia) must agree: |measured - calculated| / max(|measured|, |calculated|) * 100 must
--               not exceed tolerancia_pct (configurable per rule: UPDATE ... SET tolerancia_pct).
CREATE TABLE referencial.tbl_reglas_consistencia_proyecto (
    codigo               text PRIMARY KEY CHECK (codigo ~ '^VC-[0-9]{3}$'),
    descripcion          text NOT NULL,
    variable_medida      text NOT NULL,
    operador             text CHECK (operador IN ('<', '<=', '>', '>=')),
    variable_referencia  text NOT NULL,
    tolerancia_pct       double precision CHECK (tolerancia_pct > 0),
    severidad            text NOT NULL,
    activa               boolean NOT NULL DEFAULT true,
    CONSTRAINT tbl_reglas_consistencia_proyecto_forma CHECK ((operador IS NULL) <> (tolerancia_pct IS NULL))
);
COMMENT ON TABLE referencial.tbl_reglas_consistencia_proyecto IS
    'Consistency checks the project defines (VC-nnn): measured vs calculated downhole values within tolerancia_pct, and pressure orderings; the user''s rules are referencial.tbl_reglas_consistencia';
COMMENT ON COLUMN referencial.tbl_reglas_consistencia_proyecto.tolerancia_pct IS
    'Agreement rules: largest allowed |measured - calculated| / max(|measured|, |calculated|), percent';

-- pip_calc is the PIP from the measured fluid level, fluid_level_calc the level from the measured PIP, pwf the FBHP
-- from the measured PIP (sql/R__10_calc_derivados_funciones.sql): a wrong pump depth or gradient in the master shows
-- as a measured and a calculated value that disagree.
INSERT INTO referencial.tbl_reglas_consistencia_proyecto
    (codigo, descripcion, variable_medida, operador, variable_referencia, tolerancia_pct, severidad) VALUES
    ('VC-001', 'Measured pump intake pressure agrees with the PIP calculated from the fluid level', 'pump_intake_pressure', NULL, 'pip_calc', 15, 'HIGH'),
    ('VC-002', 'Measured fluid level agrees with the level calculated from the pump intake pressure', 'fluid_level', NULL, 'fluid_level_calc', 15, 'HIGH'),
    ('VC-003', 'Measured bottom-hole pressure agrees with the calculated flowing bottom-hole pressure', 'bottom_hole_pressure', NULL, 'pwf', 15, 'HIGH'),
    ('VC-004', 'Flowing bottom-hole pressure not below the pump intake pressure (perforations below the pump)', 'pwf', '>=', 'pump_intake_pressure', NULL, 'HIGH'),
    ('VC-005', 'Casing pressure below the flowing bottom-hole pressure', 'casing_head_pressure', '<', 'pwf', NULL, 'HIGH');

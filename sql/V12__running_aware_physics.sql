-- Numbers an engineer can trust (issue 15), physics half: volumetric efficiency from the displaced volume of the
-- strokes actually made, and the hydraulic-horsepower form used per row (docs/AGGREGATION.md).

-- The pump's displaced volume of the day, bbl: (k / 1440) * D^2 * S * strokes, strokes from the stroke counter where
-- present, else running SPM * 60 * runtime hours. pump_efficiency_pct = 100 * liquid / this volume, and the month's
-- efficiency is the ratio of the sums of both (one formula for days, months and KPIs).
ALTER TABLE reporting.fact_operaciones_diarias ADD COLUMN volumen_desplazado_bbl double precision;
COMMENT ON COLUMN reporting.fact_operaciones_diarias.volumen_desplazado_bbl IS
    'Volume the pump displaced in the day, bbl: (k/1440) * D^2 * S * strokes (stroke counter, else running SPM * 60 * runtime h)';
ALTER TABLE reporting.fact_operaciones_mensuales ADD COLUMN volumen_desplazado_bbl double precision;
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.volumen_desplazado_bbl IS
    'Sum of the daily displaced volumes of the days that have one, bbl';

-- Which hydraulic-horsepower form gave hydraulic_hp: PRESION (1.7e-5 * q * (Pd - PIP)) or API (7.36e-6 * q * SGm * L_net).
ALTER TABLE reporting.fact_operaciones_horarias ADD COLUMN hhp_forma text;
ALTER TABLE reporting.fact_operaciones_diarias ADD COLUMN hhp_forma text;
COMMENT ON COLUMN reporting.fact_operaciones_horarias.hhp_forma IS 'Form of hydraulic_hp: PRESION or API';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.hhp_forma IS 'Form of hydraulic_hp: PRESION or API';

-- The pressure form becomes the default wherever PIP (measured or calculated) exists, the API form with the wellhead
-- pressures in the net lift elsewhere (AUTO). A database still on the shipped default moves to it; PRESION or API set
-- by hand are kept.
UPDATE referencial.config_evaluacion
   SET valor_texto = 'AUTO',
       descripcion = 'Hydraulic horsepower: AUTO (pressure form where PIP exists, else API with L_net = FL + (Pt - Pc)/(0.433*SGm)), PRESION or API'
 WHERE clave = 'hhp_definicion' AND nombre_tecnico IS NULL AND valor_texto = 'API'
   AND descripcion = 'Hydraulic horsepower: API (7.36e-6*q*SG*L_net) or PRESION (1.7e-5*q*dP)';

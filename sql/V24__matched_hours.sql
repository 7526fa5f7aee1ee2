-- Counter-to-rate ratios over matched hours (docs/AGGREGATION.md, "Matched hours"). A lifetime counter's hourly delta
-- spans back to the previous accepted reading; after a gap it carries the whole gap while the hour's barrels are one
-- hour's. An hour is matched for a counter when its delta spans only the hour itself and the clock hour before it
-- (every accepted reading of the hour has a delta, not a reset counted from zero, whose previous accepted reading lies
-- in the same or the preceding clock hour). Efficiencies and kWh/bbl are ratios of sums over matched hours only.
-- NULL = written before this column existed: read as not matched until the window is rerun.

ALTER TABLE reporting.fact_operaciones_horarias
    ADD COLUMN energia_emparejada boolean,
    ADD COLUMN horas_emparejadas boolean,
    ADD COLUMN carreras_emparejadas boolean;
COMMENT ON COLUMN reporting.fact_operaciones_horarias.energia_emparejada IS
    'energia_kwh spans only this hour and the clock hour before it (previous accepted energy reading there, no refused delta, no reset from zero): the hour''s ratios may divide it by its barrels';
COMMENT ON COLUMN reporting.fact_operaciones_horarias.horas_emparejadas IS
    'horas_operacion spans only this hour and the clock hour before it (as energia_emparejada, for the runtime counter)';
COMMENT ON COLUMN reporting.fact_operaciones_horarias.carreras_emparejadas IS
    'n_carreras spans only this hour and the clock hour before it (as energia_emparejada, for the stroke counter)';

-- The day's sums over its matched hours (hours with a liquid rate whose counter is matched): the numerators and
-- denominators of its ratios, summed again by the month and the field totals.
ALTER TABLE reporting.fact_operaciones_diarias
    ADD COLUMN emp_energia_kwh double precision,
    ADD COLUMN emp_energia_liquido_bbl double precision,
    ADD COLUMN emp_energia_petroleo_bbl double precision,
    ADD COLUMN emp_carreras_liquido_bbl double precision,
    ADD COLUMN emp_carreras double precision,
    ADD COLUMN emp_volumen_desplazado_bbl double precision;
COMMENT ON COLUMN reporting.fact_operaciones_diarias.emp_energia_kwh IS
    'Energy (kWh) of the day''s energy-matched hours with a liquid rate: numerator of kwh_por_bbl, kwh_por_bbl_petroleo, system_efficiency_pct';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.emp_energia_liquido_bbl IS
    'Liquid (bbl: the hours'' mean rates / 24) of the same hours: kwh_por_bbl = emp_energia_kwh / it';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.emp_energia_petroleo_bbl IS
    'Oil (bbl) of the same hours; NULL when one of them has no oil rate: kwh_por_bbl_petroleo = emp_energia_kwh / it';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.emp_carreras_liquido_bbl IS
    'Liquid (bbl) of the day''s stroke-matched hours (stroke counter; a day without stroke deltas: runtime-matched hours): numerator of pump_efficiency_pct';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.emp_carreras IS
    'Strokes of the same hours: the stroke deltas, else running SPM x 60 x their runtime';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.emp_volumen_desplazado_bbl IS
    'Volume the strokes of the same hours displaced (bbl): pump_efficiency_pct = 100 x emp_carreras_liquido_bbl / it';

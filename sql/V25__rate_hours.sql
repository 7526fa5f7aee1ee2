-- The hours each of a day's rates is taken over (docs/AGGREGATION.md "A day's rate"). A day's barrels are the hours'
-- mean rates / 24 over the hours that HAVE that rate; an hour can have readings (it counts in horas_con_datos) but no
-- oil value (every oil reading of the hour failed its DQ range rule, or the meter did not report while other tags
-- did), so barrels x 24 / horas_con_datos read the rate low by that hour. Each rate is now its barrels x 24 / its own
-- hours. NULL = written before these columns existed: the rate is taken over horas_con_datos (the earlier rule) until
-- the window is rerun. Not backfilled: the rates stored with the row were computed with the earlier rule.

ALTER TABLE reporting.fact_operaciones_diarias
    ADD COLUMN horas_con_petroleo smallint,
    ADD COLUMN horas_con_agua smallint,
    ADD COLUMN horas_con_gas smallint,
    ADD COLUMN horas_con_liquido smallint;
COMMENT ON COLUMN reporting.fact_operaciones_diarias.horas_con_petroleo IS
    'Hours of the day with an oil rate (an hourly mean over readings that passed DQ): the oil rate is produccion_petroleo_bbl x 24 / it (NULL rate at 0); NULL = a row written before V25 (rate over horas_con_datos)';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.horas_con_agua IS
    'Hours of the day with a water rate: the water rate is produccion_agua_bbl x 24 / it; NULL as horas_con_petroleo';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.horas_con_gas IS
    'Hours of the day with a gas rate: the gas rate is produccion_gas_mscf x 24 / it; NULL as horas_con_petroleo';
COMMENT ON COLUMN reporting.fact_operaciones_diarias.horas_con_liquido IS
    'Hours of the day with a liquid rate (the measured liquid rate, else oil + water, as produccion_liquido_bbl): the liquid rate, the HHP and the system efficiency''s input power are taken over it; NULL as horas_con_petroleo';

ALTER TABLE reporting.fact_operaciones_mensuales
    ADD COLUMN horas_con_petroleo integer,
    ADD COLUMN horas_con_agua integer,
    ADD COLUMN horas_con_gas integer,
    ADD COLUMN horas_con_liquido integer;
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.horas_con_petroleo IS
    'Sum of the month''s days'' horas_con_petroleo: oil_rate = produccion_petroleo_bbl / (it / 24); NULL when a day of the month has none (written before V25: rate over horas_con_datos)';
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.horas_con_agua IS
    'Sum of the month''s days'' horas_con_agua: water_rate = produccion_agua_bbl / (it / 24); NULL as horas_con_petroleo';
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.horas_con_gas IS
    'Sum of the month''s days'' horas_con_gas: gas_rate = produccion_gas_mscf / (it / 24); NULL as horas_con_petroleo';
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.horas_con_liquido IS
    'Sum of the month''s days'' horas_con_liquido: liquid_rate = produccion_liquido_bbl / (it / 24); NULL as horas_con_petroleo';
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.oil_rate IS
    'Average daily oil rate of the month, bbl/d: produccion_petroleo_bbl / (horas_con_petroleo / 24), its hours with oil (NULL without one; horas_con_datos when a day was written before V25)';

-- BP010 family 4 (docs/SEED.md: V7__kpi_business_redesign): phase 5.4, the business KPIs per well and period
-- (reporting.dataset_kpi_business, DIA and MES rows) and the reserves dataset. Set-based: one statement per target.
-- Reads the daily and monthly facts of phase 4 with the derived values of phase 5.3, the Arps fit in force per well
-- (the latest ML result of universal.arps_resultados, else an exponential fit of the monthly oil rate here), the
-- targets of reporting.dim_pozo and the reserves of stage.tbl_reservas_pozo. Calendar periods are in the session time
-- zone (the pipeline sets it to BP010_TIMEZONE).

COMMENT ON COLUMN reporting.dataset_kpi_business.declinacion_pct IS
    'Decline of the mean daily oil rate, percent: DIA = last 30 days against the 30 before (each with >= 15 complete days), MES = month against the previous month (both complete); positive = declining';
COMMENT ON COLUMN reporting.dataset_kpi_business.oil_rate_promedio IS
    'Oil rate, bbl/d: the period''s barrels x 24 / its hours with an oil rate (horas_con_petroleo, else for a row written before V25 horas_con_datos: an hour without readings, or whose oil readings all failed DQ, is not an hour at zero; on a day whose clock hours all have oil, 23 or 25 on the days daylight saving time starts and ends, else 24, where it is the barrels; NULL without such an hour), DIA of the day, MES of the month';
COMMENT ON COLUMN reporting.dataset_kpi_business.declinacion_anual_efectiva IS
    'Effective annual decline of the Arps fit in force, percent per year (1 - (1 + b Di)^(-1/b), 1 - e^(-Di) for b = 0)';
COMMENT ON COLUMN reporting.dataset_kpi_business.arps_modelo IS
    'Arps fit in force: the latest ML result (universal.arps_resultados) or, without one, an exponential fit (log-linear, >= 6 of the last 12 complete months) prefixed AJUSTE_';
COMMENT ON COLUMN reporting.dataset_kpi_business.eur_remanente_bbl IS
    'Remaining reserves of the Arps fit in force at the end of the period (or at as-of for the current period): EUR - Np(t), bbl';
COMMENT ON COLUMN reporting.dataset_kpi_business.uptime_pct IS
    'DIA: the daily facts'' (runtime over the clock hours of the day, 23 or 25 on DST days, where its runtime deltas cover the day); MES: the monthly facts'' (runtime over the clock hours of the days whose runtime covers them); percent; NULL on an incomplete period';

-- The Arps decline in force per well: the latest ML fit (by fecha_ajuste; a fit is never hidden by an older as-of,
-- so the ARPS bridge cannot mark a fit synced that no run would show) or, for wells without one, an exponential fit by least squares of ln(mean daily oil rate) over the last 12 complete months (at least 6
-- months with oil, declining). t is in years of 365 days from fecha_inicio; q_limite is the fit's economic limit or
-- the configured arps_q_limite_economico.
CREATE OR REPLACE FUNCTION reporting.fnc_arps_vigente(p_as_of timestamptz)
RETURNS TABLE (well_id text, fuente text, arps_id bigint, modelo text, qi double precision, di_anual double precision,
               b double precision, fecha_inicio date, q_limite double precision)
LANGUAGE sql STABLE
AS $$
    WITH cfg AS (SELECT c.q_limite_economico FROM reporting.fnc_config_fisica() c),
    ml AS (
        SELECT DISTINCT ON (a.well_id) a.well_id, 'ML'::text AS fuente, a.arps_id, a.modelo, a.qi, a.di_anual,
               stage.fnc_arps_b(a.modelo, a.b) AS b, a.fecha_inicio,
               coalesce(a.q_limite_economico, (SELECT cfg.q_limite_economico FROM cfg)) AS q_limite
          FROM universal.arps_resultados a
         ORDER BY a.well_id, a.fecha_ajuste DESC, a.arps_id DESC),
    hist AS (
        SELECT m.well_id, m.mes,
               m.produccion_petroleo_bbl
                   / reporting.fnc_dias_tasa_mes(m.horas_con_petroleo, m.horas_con_datos, m.dias_con_datos) AS q,
               min(m.mes) OVER (PARTITION BY m.well_id) AS mes0,
               ((m.mes + interval '1 month')::date - m.mes) AS dias_mes
          FROM reporting.fact_operaciones_mensuales m
         WHERE m.mes >= (date_trunc('month', p_as_of AT TIME ZONE current_setting('TimeZone')) - interval '12 months')::date
           AND m.mes < date_trunc('month', p_as_of AT TIME ZONE current_setting('TimeZone'))::date
           AND m.produccion_petroleo_bbl > 0 AND m.dias_con_datos > 0
           AND NOT EXISTS (SELECT 1 FROM ml WHERE ml.well_id = m.well_id)),
    fit AS (
        SELECT h.well_id, h.mes0, count(*) AS n,
               regr_slope(ln(h.q), h.t) AS pendiente, regr_intercept(ln(h.q), h.t) AS intercepto
          FROM (SELECT hist.*, ((hist.mes - hist.mes0) + hist.dias_mes / 2.0) / 365.0 AS t FROM hist) h
         GROUP BY h.well_id, h.mes0)
    SELECT ml.well_id, ml.fuente, ml.arps_id, ml.modelo, ml.qi, ml.di_anual, ml.b, ml.fecha_inicio, ml.q_limite
      FROM ml
    UNION ALL
    SELECT f.well_id, 'AJUSTE', NULL, 'EXPONENCIAL', stage.fnc_safe_exp(f.intercepto), -f.pendiente, 0, f.mes0,
           (SELECT cfg.q_limite_economico FROM cfg)
      FROM fit f
     WHERE f.n >= 6 AND f.pendiente < 0
$$;
COMMENT ON FUNCTION reporting.fnc_arps_vigente(timestamptz) IS
    'Arps decline in force per well: the latest ML fit, else an exponential fit of the 12 complete months before as-of (>= 6 with oil, declining)';

-- Remaining reserves of an Arps fit at a time: EUR - Np(t), t = years of 365 days from fecha_inicio (0 before it).
CREATE OR REPLACE FUNCTION reporting.fnc_arps_remanente_en(p_qi double precision, p_di double precision,
                                                           p_b double precision, p_q_limite double precision,
                                                           p_fecha_inicio date, p_en timestamptz)
RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT stage.fnc_calc_arps_remaining(p_qi, p_di, p_b, p_q_limite,
               greatest(extract(epoch FROM p_en - p_fecha_inicio::timestamptz) / 86400 / 365, 0))
$$;
COMMENT ON FUNCTION reporting.fnc_arps_remanente_en(double precision, double precision, double precision,
                                                    double precision, date, timestamptz) IS
    'Arps remaining reserves at a time: max(EUR - Np(t), 0), t in years of 365 days from fecha_inicio; bbl';

CREATE OR REPLACE PROCEDURE reporting.poblar_kpi_business(
    p_fecha_inicio date DEFAULT NULL,
    p_fecha_fin    date DEFAULT NULL,
    p_run_id       uuid DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
    v_desde date;
    v_hasta date;
    v_as_of timestamptz := reporting.fnc_as_of_run(p_run_id);
    -- An incremental run (R__25) recomputes, for the wells of its scope, the days and months from its scope's first
    -- day to 59 days after its last: a day's decline compares it with the 59 days before it, a month's with the month
    -- before it.
    v_alcance constant uuid := reporting.fnc_alcance_de(p_run_id);
    v_n     bigint;
BEGIN
    SELECT w.desde, w.hasta INTO v_desde, v_hasta FROM reporting.fnc_ventana_fase(p_run_id, p_fecha_inicio, p_fecha_fin) w;
    PERFORM reporting.fnc_validar_ventana('poblar_kpi_business', v_desde, v_hasta);
    IF v_alcance IS NOT NULL THEN
        SELECT least(v_desde, min(a.dia_desde)), greatest(v_hasta, max(a.dia_hasta) + 59) INTO v_desde, v_hasta
          FROM reporting.pipeline_run_alcance a WHERE a.run_id = v_alcance;
    END IF;

    -- 1. One row per well and day of the window (DIA) and per well and month it touches (MES).
    INSERT INTO reporting.dataset_kpi_business AS k
           (well_id, tipo_periodo, periodo, produccion_petroleo_bbl, produccion_agua_bbl, produccion_gas_mscf,
            produccion_liquido_bbl, oil_rate_promedio, liquid_rate_promedio, bsw_promedio, declinacion_pct,
            declinacion_anual_efectiva, arps_modelo, arps_qi, arps_di_anual, arps_b, eficiencia_volumetrica_pct,
            eficiencia_sistema_pct, kwh_por_bbl, kwh_por_bbl_petroleo, energia_kwh, horas_operacion, uptime_pct,
            variance_oil_pct, eur_bbl, eur_remanente_bbl, completitud, completo, run_id, updated_at)
    WITH dia AS (
        SELECT x.well_id, 'DIA'::text AS tipo_periodo, x.fecha AS periodo, x.produccion_petroleo_bbl,
               x.produccion_agua_bbl, x.produccion_gas_mscf,
               coalesce(x.produccion_liquido_bbl, x.produccion_petroleo_bbl + x.produccion_agua_bbl) AS liquido,
               -- the day's rate (bbl/d) is its barrels over the hours that have the rate (docs/AGGREGATION.md "A
               -- day's rate"): a partial day (a first day from 08:00, an outage) is not a shortfall, nor an hour whose
               -- oil readings all failed DQ; a 23- or 25-hour day (daylight saving) holds 23 or 25 hours of barrels;
               -- x.dias is 1 on a day with 24 hours with the rate: the barrels
               x.produccion_petroleo_bbl / x.dias AS oil_rate_promedio,
               coalesce(x.produccion_liquido_bbl, x.produccion_petroleo_bbl + x.produccion_agua_bbl) / x.dias_liquido
                   AS liquid_rate_promedio,
               CASE WHEN x.n30 >= 15 AND x.n_prev >= 15
                    THEN 100 * (x.q_prev - x.q30) / NULLIF(x.q_prev, 0) END AS declinacion_pct,
               x.pump_efficiency_pct, x.system_efficiency_pct, x.kwh_por_bbl, x.kwh_por_bbl_petroleo,
               x.energia_kwh, x.horas_operacion, x.fecha::timestamptz AS inicio, (x.fecha + 1)::timestamptz AS fin,
               x.completitud, x.completo,
               -- the day's uptime is the daily facts': where its runtime deltas cover the day, its runtime over its
               -- clock hours (docs/AGGREGATION.md "Uptime"); a covered day has its last clock hour's reading, so
               -- as-of is past it and the day's runtime is not cut there (over the hours to as-of, a run at 23:30
               -- read 24 h over 23.5: 102.13 %)
               x.uptime_pct AS uptime
          FROM (SELECT f.*, d.dias, d.dias_liquido,
                       -- the decline compares complete days only (a partial day is not a low day), by their rates
                       avg(f.produccion_petroleo_bbl / d.dias) FILTER (WHERE f.completo IS NOT FALSE) OVER w30 AS q30,
                       count(f.produccion_petroleo_bbl) FILTER (WHERE f.completo IS NOT FALSE) OVER w30 AS n30,
                       avg(f.produccion_petroleo_bbl / d.dias) FILTER (WHERE f.completo IS NOT FALSE) OVER wp AS q_prev,
                       count(f.produccion_petroleo_bbl) FILTER (WHERE f.completo IS NOT FALSE) OVER wp AS n_prev
                  FROM reporting.fact_operaciones_diarias f
                 CROSS JOIN LATERAL (SELECT reporting.fnc_horas_tasa(f.horas_con_petroleo, f.horas_con_datos, f.horas_periodo)
                                                / 24.0::double precision AS dias,
                                            reporting.fnc_horas_tasa(f.horas_con_liquido, f.horas_con_datos, f.horas_periodo)
                                                / 24.0::double precision AS dias_liquido) d
                 WHERE f.fecha >= v_desde - 59 AND f.fecha <= v_hasta
                WINDOW w30 AS (PARTITION BY f.well_id ORDER BY f.fecha
                               RANGE BETWEEN INTERVAL '29 days' PRECEDING AND CURRENT ROW),
                       wp AS (PARTITION BY f.well_id ORDER BY f.fecha
                              RANGE BETWEEN INTERVAL '59 days' PRECEDING AND INTERVAL '30 days' PRECEDING)) x
         WHERE x.fecha >= v_desde
           AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                              WHERE a.run_id = v_alcance AND a.well_id = x.well_id
                                                AND x.fecha BETWEEN a.dia_desde AND a.dia_hasta + 59))),
    mes AS (
        SELECT x.well_id, 'MES'::text AS tipo_periodo, x.mes AS periodo, x.produccion_petroleo_bbl,
               x.produccion_agua_bbl, x.produccion_gas_mscf, x.liquido, x.oil_rate_promedio,
               x.liquido / x.dias_tasa_liquido AS liquid_rate_promedio,
               CASE WHEN x.mes_prev = (x.mes - interval '1 month')::date AND x.completo IS NOT FALSE AND x.completo_prev IS NOT FALSE
                    THEN 100 * (x.q_prev - x.oil_rate_promedio) / NULLIF(x.q_prev, 0) END AS declinacion_pct,
               x.pump_efficiency_pct, x.system_efficiency_pct, x.kwh_por_bbl, x.kwh_por_bbl_petroleo,
               x.energia_kwh, x.horas_operacion, x.mes::timestamptz AS inicio, (x.mes + interval '1 month')::date::timestamptz AS fin,
               -- the month's uptime is the monthly facts': over the days whose runtime covers them (R__30)
               x.completitud, x.completo, x.uptime_pct AS uptime
          FROM (SELECT m.*, t.dias_tasa, t.dias_tasa_liquido,
                       coalesce(m.produccion_liquido_bbl, m.produccion_petroleo_bbl + m.produccion_agua_bbl) AS liquido,
                       -- the month's rates over its hours with each rate, as the day's
                       m.produccion_petroleo_bbl / t.dias_tasa AS oil_rate_promedio,
                       lag(m.mes) OVER w AS mes_prev, lag(m.completo) OVER w AS completo_prev,
                       lag(m.produccion_petroleo_bbl / t.dias_tasa) OVER w AS q_prev
                  FROM reporting.fact_operaciones_mensuales m
                 CROSS JOIN LATERAL (SELECT reporting.fnc_dias_tasa_mes(m.horas_con_petroleo, m.horas_con_datos,
                                                                        m.dias_con_datos) AS dias_tasa,
                                            reporting.fnc_dias_tasa_mes(m.horas_con_liquido, m.horas_con_datos,
                                                                        m.dias_con_datos) AS dias_tasa_liquido) t
                 WHERE m.mes >= (date_trunc('month', v_desde) - interval '1 month')::date AND m.mes <= v_hasta
                WINDOW w AS (PARTITION BY m.well_id ORDER BY m.mes)) x
         WHERE x.mes >= date_trunc('month', v_desde)::date
           AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                              WHERE a.run_id = v_alcance AND a.well_id = x.well_id
                                                AND x.mes >= date_trunc('month', a.dia_desde)
                                                AND x.mes <= a.dia_hasta + 59))),
    periodo AS (SELECT * FROM dia UNION ALL SELECT * FROM mes)
    SELECT p.well_id, p.tipo_periodo, p.periodo, p.produccion_petroleo_bbl, p.produccion_agua_bbl,
           p.produccion_gas_mscf, p.liquido, p.oil_rate_promedio, p.liquid_rate_promedio,
           100 * p.produccion_agua_bbl / NULLIF(p.produccion_petroleo_bbl + p.produccion_agua_bbl, 0),
           p.declinacion_pct,
           100 * stage.fnc_calc_arps_effective_decline(a.di_anual, a.b),
           CASE a.fuente WHEN 'ML' THEN a.modelo WHEN 'AJUSTE' THEN 'AJUSTE_' || a.modelo END,
           a.qi, a.di_anual, a.b,
           -- the efficiencies and energy intensities of the daily and monthly facts (over their matched hours,
           -- docs/AGGREGATION.md "Matched hours"), copied
           p.pump_efficiency_pct, p.system_efficiency_pct, p.kwh_por_bbl, p.kwh_por_bbl_petroleo,
           p.energia_kwh, p.horas_operacion,
           -- uptime and variance on complete periods only: a fragment is never read as a whole period
           CASE WHEN p.completo IS NOT FALSE THEN p.uptime END,
           CASE WHEN p.completo IS NOT FALSE THEN stage.fnc_calc_variance(p.oil_rate_promedio, dp.target_oil_rate) END,
           stage.fnc_calc_arps_eur(a.qi, a.di_anual, a.b, a.q_limite),
           reporting.fnc_arps_remanente_en(a.qi, a.di_anual, a.b, a.q_limite, a.fecha_inicio, least(p.fin, v_as_of)),
           p.completitud, p.completo, p_run_id, now()
      FROM periodo p
      LEFT JOIN reporting.fnc_arps_vigente(v_as_of) a ON a.well_id = p.well_id
      LEFT JOIN reporting.dim_pozo dp ON dp.well_id = p.well_id
    ON CONFLICT (well_id, tipo_periodo, periodo) DO UPDATE
       SET produccion_petroleo_bbl = EXCLUDED.produccion_petroleo_bbl,
           produccion_agua_bbl = EXCLUDED.produccion_agua_bbl, produccion_gas_mscf = EXCLUDED.produccion_gas_mscf,
           produccion_liquido_bbl = EXCLUDED.produccion_liquido_bbl, oil_rate_promedio = EXCLUDED.oil_rate_promedio,
           liquid_rate_promedio = EXCLUDED.liquid_rate_promedio, bsw_promedio = EXCLUDED.bsw_promedio,
           declinacion_pct = EXCLUDED.declinacion_pct, declinacion_anual_efectiva = EXCLUDED.declinacion_anual_efectiva,
           arps_modelo = EXCLUDED.arps_modelo, arps_qi = EXCLUDED.arps_qi, arps_di_anual = EXCLUDED.arps_di_anual,
           arps_b = EXCLUDED.arps_b, eficiencia_volumetrica_pct = EXCLUDED.eficiencia_volumetrica_pct,
           eficiencia_sistema_pct = EXCLUDED.eficiencia_sistema_pct, kwh_por_bbl = EXCLUDED.kwh_por_bbl,
           kwh_por_bbl_petroleo = EXCLUDED.kwh_por_bbl_petroleo, energia_kwh = EXCLUDED.energia_kwh,
           horas_operacion = EXCLUDED.horas_operacion, uptime_pct = EXCLUDED.uptime_pct,
           variance_oil_pct = EXCLUDED.variance_oil_pct, eur_bbl = EXCLUDED.eur_bbl,
           eur_remanente_bbl = EXCLUDED.eur_remanente_bbl, completitud = EXCLUDED.completitud,
           completo = EXCLUDED.completo, run_id = coalesce(EXCLUDED.run_id, k.run_id),
           updated_at = EXCLUDED.updated_at;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'kpi_business: % period rows written', v_n;

    -- 2. Reserves as the dashboard shows them: each well's latest evaluation per category, with the remaining
    --    reserves of its Arps fit in force at as-of beside it.
    INSERT INTO reporting.dataset_reservas_pozo AS r
           (well_id, categoria, fecha_evaluacion, petroleo_bbl, gas_mscf, np_acumulado_bbl, eur_remanente_bbl, updated_at)
    SELECT t.well_id, t.categoria, t.fecha_evaluacion, t.petroleo_bbl, t.gas_mscf, t.np_acumulado_bbl,
           reporting.fnc_arps_remanente_en(a.qi, a.di_anual, a.b, a.q_limite, a.fecha_inicio, v_as_of), now()
      FROM (SELECT DISTINCT ON (s.well_id, s.categoria) s.*
              FROM stage.tbl_reservas_pozo s
             WHERE s.fecha_evaluacion <= (v_as_of AT TIME ZONE current_setting('TimeZone'))::date
             ORDER BY s.well_id, s.categoria, s.fecha_evaluacion DESC) t
      LEFT JOIN reporting.fnc_arps_vigente(v_as_of) a ON a.well_id = t.well_id
    ON CONFLICT (well_id, categoria) DO UPDATE
       SET fecha_evaluacion = EXCLUDED.fecha_evaluacion, petroleo_bbl = EXCLUDED.petroleo_bbl,
           gas_mscf = EXCLUDED.gas_mscf, np_acumulado_bbl = EXCLUDED.np_acumulado_bbl,
           eur_remanente_bbl = EXCLUDED.eur_remanente_bbl, updated_at = EXCLUDED.updated_at
     WHERE (r.fecha_evaluacion, r.petroleo_bbl, r.gas_mscf, r.np_acumulado_bbl, r.eur_remanente_bbl)
           IS DISTINCT FROM (EXCLUDED.fecha_evaluacion, EXCLUDED.petroleo_bbl, EXCLUDED.gas_mscf,
            EXCLUDED.np_acumulado_bbl, EXCLUDED.eur_remanente_bbl);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'kpi_business: % reserve rows written', v_n;
END
$$;

COMMENT ON PROCEDURE reporting.poblar_kpi_business(date, date, uuid) IS
    'Phase 5.4: dataset_kpi_business per well and day/month of the window (production, decline, Arps, efficiencies, energy, uptime, variance, EUR and remaining) and dataset_reservas_pozo';

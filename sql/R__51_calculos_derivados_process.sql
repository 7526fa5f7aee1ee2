-- BP010 family 5 (docs/SEED.md: V9__calculos_derivados_process): phase 5.3, the derived physics of docs/DOMAIN.md written into
-- the hourly facts, the hourly KPIs, the daily facts, the monthly re-aggregation, the latest card and current values.
-- One set-based statement per target table (no loop over wells or rows); every value is a pure function of the facts,
-- the well master and referencial.config_evaluacion, so a rerun of the same window changes nothing. A value whose
-- inputs are missing (no pump depth, no runtime, no energy counter...) is NULL, never 0.
--
-- Conventions shared with phase 4 (reporting.sp_load_to_reporting):
-- * calendar days are days in the session time zone (the pipeline sets TimeZone to BP010_TIMEZONE);
-- * rates (bbl/d) are time averages: a day's production is the sum of its hourly mean rates / 24;
-- * hourly energia_kwh / horas_operacion are counter deltas within the hour, daily ones their sums.
-- Power and efficiency follow from those: the average input power of a period is its energy over its hours, and
-- system efficiency = hydraulic energy / electrical energy = HHP(q) * 24 h / (kWh_day * hp_per_kW) * 100 per day, q and
-- kWh over the day's matched hours (docs/AGGREGATION.md, "Matched hours")
-- (HHP is linear in q, so this equals HHP at the rate while running over the power while running, docs/DOMAIN.md §2).

-- The hydraulic power of a day's energy-matched hours (docs/AGGREGATION.md, "Matched hours"): HHP is linear in the
-- liquid rate, so the day's hydraulic power (at its liquid and mean head) times the matched share of its liquid; the
-- day's own value when every hour with liquid is matched (the same bits, not a product and quotient of them).
CREATE OR REPLACE FUNCTION reporting.fnc_hhp_emparejada(p_hhp_dia double precision, p_liquido_emparejado double precision,
                                                        p_liquido_dia double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_liquido_emparejado = p_liquido_dia THEN p_hhp_dia
                ELSE p_hhp_dia * p_liquido_emparejado / NULLIF(p_liquido_dia, 0) END
$$;
COMMENT ON FUNCTION reporting.fnc_hhp_emparejada(double precision, double precision, double precision) IS
    'Hydraulic power of a day''s matched hours: the day''s HHP x matched liquid / the day''s liquid (the day''s HHP when they are equal); hp, bbl, bbl -> hp';

-- (one signature only: p_carta_al_puente was added as a fourth, defaulted argument)
DROP PROCEDURE IF EXISTS reporting.sp_calcular_derivados_completos(date, date, uuid);

CREATE OR REPLACE PROCEDURE reporting.sp_calcular_derivados_completos(
    p_fecha_inicio date DEFAULT NULL,
    p_fecha_fin    date DEFAULT NULL,
    p_run_id       uuid DEFAULT NULL,
    -- the CDI bridge (sp_sync_cdi_to_reporting) follows in the same transaction (step 5)
    p_carta_al_puente boolean DEFAULT false)
LANGUAGE plpgsql
-- Row-at-a-time formulas over a window: JIT compilation would cost more than it saves; sorts stay in memory.
SET jit = off
SET work_mem = '64MB'
AS $$
DECLARE
    v_desde    date;
    v_hasta    date;
    v_ts_desde timestamptz;
    v_ts_hasta timestamptz;
    v_as_of    timestamptz := reporting.fnc_as_of_run(p_run_id);
    v_hoy      date := (reporting.fnc_as_of_run(p_run_id) AT TIME ZONE current_setting('TimeZone'))::date;
    -- an incremental run recomputes the hours, days and months of its scope (R__25), of its wells
    v_alcance  constant uuid := reporting.fnc_alcance_de(p_run_id);
    v_n        bigint;
    -- the CDI bridge's last snapshot (step 5: the strokes it has not synced yet)
    v_cdi_snap pg_snapshot := reporting.fnc_ml_sync_snapshot('CDI');
    v_cdi_xmin xid8 := pg_snapshot_xmin(v_cdi_snap);
BEGIN
    PERFORM reporting.fnc_validar_config_fisica();
    SELECT w.desde, w.hasta INTO v_desde, v_hasta FROM reporting.fnc_ventana_fase(p_run_id, p_fecha_inicio, p_fecha_fin) w;
    PERFORM reporting.fnc_validar_ventana('sp_calcular_derivados_completos', v_desde, v_hasta);
    v_ts_desde := v_desde::timestamptz;
    v_ts_hasta := CASE WHEN isfinite(v_hasta) THEN (v_hasta + 1)::timestamptz ELSE 'infinity'::timestamptz END;
    IF isfinite(v_desde) AND isfinite(v_hasta) THEN
        PERFORM reporting.fnc_ensure_fact_partitions(v_desde, v_hasta);
    END IF;
    IF v_alcance IS NOT NULL THEN
        SELECT greatest(v_ts_desde, min(a.desde)), least(v_ts_hasta, max(a.hasta)) INTO v_ts_desde, v_ts_hasta
          FROM reporting.pipeline_run_alcance a WHERE a.run_id = v_alcance;
    END IF;

    -- 1-2. Hourly facts and hourly KPIs, from one read of the hours: the derived pressures, levels, displacement and
    --    hydraulic horsepower of each hour, and its KPIs from them: volumetric efficiency (the hour's barrels over the
    --    volume its strokes displaced), input power (the hour's energy over its one hour), system efficiency, energy
    --    per barrel of the hour's liquid, variance of oil against target. Computed once per row (the settings read
    --    once) into a temporary table, then written to both tables by primary key. The hours: the window's, or (an
    --    incremental run) each scope range's, looked up by well and hour from the scope. (A CTE joined back to the
    --    facts took its row estimate from the facts' statistics: a new day the statistics had not seen yet gave a
    --    nested loop over hours x hours.) Phase 4 writes an hour's derived values with the hour (the same function on
    --    the same inputs), so the update rewrites only the hours whose well master or settings changed since.
    IF to_regclass('pg_temp.bp010_derivados_hora') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_derivados_hora;
    END IF;
    CREATE TEMP TABLE bp010_derivados_hora ON COMMIT DROP AS
    WITH c AS MATERIALIZED (SELECT * FROM reporting.fnc_config_fisica()),
    x AS (SELECT h.* FROM reporting.fact_operaciones_horarias h
           WHERE v_alcance IS NULL AND h.fecha_hora >= v_ts_desde AND h.fecha_hora < v_ts_hasta
          UNION ALL
          SELECT h.* FROM reporting.pipeline_run_alcance a
            JOIN reporting.fact_operaciones_horarias h
              ON h.well_id = a.well_id AND h.fecha_hora >= a.desde AND h.fecha_hora < a.hasta
           WHERE a.run_id = v_alcance AND h.fecha_hora >= v_ts_desde AND h.fecha_hora < v_ts_hasta)
    SELECT x.well_id, x.fecha_hora,
           (x.fluid_level_calc, x.pip_calc, x.pwf, x.pump_displacement_bpd, x.hydraulic_hp, x.hhp_forma)
               IS DISTINCT FROM (d.fluid_level_calc, d.pip_calc, d.pwf, d.pump_displacement_bpd, d.hydraulic_hp,
                                 d.hhp_forma) AS cambia,
           d.fluid_level_calc, d.pip_calc, d.pwf, d.pump_displacement_bpd, d.hydraulic_hp, d.hhp_forma,
           -- a counter delta enters the hour's ratios only where it is matched (docs/AGGREGATION.md, "Matched
           -- hours"): the strokes are the matched stroke delta, else (an hour without one) running SPM x 60 x the
           -- matched runtime; the input power is the matched energy delta over the hour, else the measured motor
           -- power (as on a well without an energy counter); kWh/bbl needs the matched energy delta
           stage.fnc_calc_volumetric_efficiency_volume(q.liquido / 24,
               stage.fnc_calc_displaced_volume(m.diametro_piston, coalesce(x.plunger_stroke, x.stroke_length),
                   stage.fnc_carreras_periodo(e.carreras, CASE WHEN x.n_carreras IS NULL THEN x.strokes_per_minute END,
                                              e.horas), c.constante_bomba))
               AS eficiencia_volumetrica_pct,
           coalesce(e.energia, x.motor_power) * c.hp_por_kw AS potencia_entrada_hp,
           stage.fnc_calc_system_efficiency(d.hydraulic_hp, coalesce(e.energia, x.motor_power), c.hp_por_kw)
               AS system_efficiency_pct,
           stage.fnc_calc_kwh_per_bbl(e.energia, q.liquido / 24) AS kwh_por_bbl,
           stage.fnc_calc_variance(x.oil_rate, p.target_oil_rate) AS variance_oil_pct
      FROM x
      LEFT JOIN reporting.fnc_parametros_pozo() m ON m.well_id = x.well_id
      LEFT JOIN reporting.dim_pozo p ON p.well_id = x.well_id
     CROSS JOIN c
     CROSS JOIN LATERAL (SELECT coalesce(x.liquid_rate, x.oil_rate + x.water_rate) AS liquido) q
     CROSS JOIN LATERAL (SELECT CASE WHEN x.energia_emparejada THEN x.energia_kwh END AS energia,
                                CASE WHEN x.horas_emparejadas THEN x.horas_operacion END AS horas,
                                CASE WHEN x.carreras_emparejadas THEN x.n_carreras END AS carreras) e
     CROSS JOIN LATERAL stage.fnc_calc_derivados(
            p_api => m.api_gravity, p_sg_water => m.sg_agua, p_bsw_pct => x.bsw,
            p_oil_rate => x.oil_rate, p_water_rate => x.water_rate, p_liquid_rate => x.liquid_rate,
            p_pump_depth => m.profundidad_bomba, p_midperf_depth => m.profundidad_media_perforados,
            p_plunger_diameter => m.diametro_piston, p_rod_weight_air => m.peso_varillas_aire,
            p_casing_pressure => x.casing_head_pressure, p_tubing_pressure => x.well_head_pressure,
            p_fluid_level => x.fluid_level, p_pip_measured => x.pump_intake_pressure,
            p_discharge_measured => x.pump_discharge_pressure, p_spm => x.strokes_per_minute,
            p_stroke => coalesce(x.plunger_stroke, x.stroke_length), p_card_area => x.card_area,
            p_gas_correction => c.correccion_columna_gas, p_sg_gas => m.sg_gas,
            p_temp_avg_f => stage.fnc_calc_gas_column_temperature(
                coalesce(m.temperatura_superficie, x.wellhead_temperature), m.temperatura_yacimiento,
                x.fluid_level, m.profundidad_media_perforados),
            p_water_gradient => c.gradiente, p_pump_constant => c.constante_bomba,
            p_buoyancy_factor => c.factor_flotacion, p_hhp_definicion => c.hhp_definicion,
            p_hhp_factor_api => c.hhp_factor_api, p_hhp_factor_presion => c.hhp_factor_presion,
            p_prhp_divisor => c.prhp_divisor) d;

    -- (usually no hour changed: then the window's facts are not read again to find that out)
    v_n := 0;
    IF EXISTS (SELECT 1 FROM bp010_derivados_hora s WHERE s.cambia) THEN
        UPDATE reporting.fact_operaciones_horarias h
           SET fluid_level_calc = s.fluid_level_calc, pip_calc = s.pip_calc, pwf = s.pwf,
               pump_displacement_bpd = s.pump_displacement_bpd, hydraulic_hp = s.hydraulic_hp, hhp_forma = s.hhp_forma,
               run_id = coalesce(p_run_id, h.run_id), updated_at = now()
          FROM bp010_derivados_hora s
         WHERE s.cambia AND h.well_id = s.well_id AND h.fecha_hora = s.fecha_hora
           AND h.fecha_hora >= v_ts_desde AND h.fecha_hora < v_ts_hasta;
        GET DIAGNOSTICS v_n = ROW_COUNT;
    END IF;
    RAISE NOTICE 'derivados: % hourly facts updated', v_n;

    INSERT INTO reporting.fact_kpi_horarios AS k
           (well_id, fecha_hora, pump_displacement_bpd, eficiencia_volumetrica_pct, hydraulic_hp, potencia_entrada_hp,
            system_efficiency_pct, kwh_por_bbl, variance_oil_pct, run_id, updated_at)
    SELECT s.well_id, s.fecha_hora, s.pump_displacement_bpd, s.eficiencia_volumetrica_pct, s.hydraulic_hp,
           s.potencia_entrada_hp, s.system_efficiency_pct, s.kwh_por_bbl, s.variance_oil_pct, p_run_id, now()
      FROM bp010_derivados_hora s
    ON CONFLICT (well_id, fecha_hora) DO UPDATE
       SET pump_displacement_bpd = EXCLUDED.pump_displacement_bpd,
           eficiencia_volumetrica_pct = EXCLUDED.eficiencia_volumetrica_pct,
           hydraulic_hp = EXCLUDED.hydraulic_hp, potencia_entrada_hp = EXCLUDED.potencia_entrada_hp,
           system_efficiency_pct = EXCLUDED.system_efficiency_pct, kwh_por_bbl = EXCLUDED.kwh_por_bbl,
           variance_oil_pct = EXCLUDED.variance_oil_pct, run_id = coalesce(EXCLUDED.run_id, k.run_id),
           updated_at = EXCLUDED.updated_at
     WHERE (k.pump_displacement_bpd, k.eficiencia_volumetrica_pct, k.hydraulic_hp, k.potencia_entrada_hp,
            k.system_efficiency_pct, k.kwh_por_bbl, k.variance_oil_pct)
           IS DISTINCT FROM (EXCLUDED.pump_displacement_bpd, EXCLUDED.eficiencia_volumetrica_pct, EXCLUDED.hydraulic_hp,
            EXCLUDED.potencia_entrada_hp, EXCLUDED.system_efficiency_pct, EXCLUDED.kwh_por_bbl,
            EXCLUDED.variance_oil_pct);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'derivados: % hourly KPI rows written', v_n;
    -- Hourly KPIs of the window whose hour has no fact any more (an hour whose readings were removed, or an hour of
    -- another zone's clock after BP010_TIMEZONE changed). The facts of the window (or scope) are the hours read above:
    -- one hashed set, not a probe of the facts per KPI row.
    DELETE FROM reporting.fact_kpi_horarios k
     WHERE k.fecha_hora >= v_ts_desde AND k.fecha_hora < v_ts_hasta
       AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                                  WHERE a.run_id = v_alcance AND a.well_id = k.well_id
                                                    AND k.fecha_hora >= a.desde AND k.fecha_hora < a.hasta))
       AND (k.well_id, k.fecha_hora) NOT IN (SELECT s.well_id, s.fecha_hora FROM bp010_derivados_hora s);

    -- 3. Daily facts: the day's derived values from its averages and its produced barrels (q = liquid bbl of the day),
    --    pump efficiency = the day's liquid over the volume its strokes displaced (stroke counter, else running SPM
    --    times runtime: the same formula the month and the KPIs use), system efficiency from its hydraulic and electrical
    --    energy, oil energy intensity, uptime over the day's calendar hours (23 or 25 on DST changes) on a complete day
    --    only (fact_operaciones_diarias.completo; NULL on a partial day).
    --    Computed into a temporary table and written by primary key (as the hours above); the days: the window's, or
    --    (an incremental run) the well-days its scope touches, looked up from the scope.
    IF to_regclass('pg_temp.bp010_derivados_dia') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_derivados_dia;
    END IF;
    CREATE TEMP TABLE bp010_derivados_dia ON COMMIT DROP AS
    WITH c AS MATERIALIZED (SELECT * FROM reporting.fnc_config_fisica()),
    x AS (SELECT f.* FROM reporting.fact_operaciones_diarias f
           WHERE v_alcance IS NULL AND f.fecha >= v_desde AND f.fecha <= v_hasta
          UNION ALL
          SELECT f.* FROM (SELECT DISTINCT a.well_id, g.dia::date AS dia
                             FROM reporting.pipeline_run_alcance a
                            CROSS JOIN LATERAL generate_series(a.dia_desde, a.dia_hasta, interval '1 day') g(dia)
                            WHERE a.run_id = v_alcance) t
            JOIN reporting.fact_operaciones_diarias f ON f.well_id = t.well_id AND f.fecha = t.dia
           WHERE f.fecha >= v_desde AND f.fecha <= v_hasta)
    SELECT x.well_id, x.fecha, d.fluid_level_calc, d.pip_calc, d.pwf, d.sg_mezcla, d.gradiente_mezcla,
                   d.rod_weight_buoyant, d.fluid_load_calc, d.pump_displacement_bpd, d.hydraulic_hp, d.hhp_forma,
                   d.prhp_calc, v.volumen AS volumen_desplazado_bbl, v.volumen_emp AS emp_volumen_desplazado_bbl,
                   -- the counter-to-rate ratios over the day's matched hours (docs/AGGREGATION.md, "Matched hours";
                   -- the sums are phase 4's): the liquid of the stroke-matched hours over the volume their strokes
                   -- displaced; the hydraulic energy of the energy-matched hours (the day's hydraulic power at their
                   -- liquid: HHP is linear in q) over their electrical energy; their energy over their oil
                   stage.fnc_calc_volumetric_efficiency_volume(x.emp_carreras_liquido_bbl, v.volumen_emp)
                       AS pump_efficiency_pct,
                   stage.fnc_calc_system_efficiency(
                       reporting.fnc_hhp_emparejada(d.hydraulic_hp, x.emp_energia_liquido_bbl, x.produccion_liquido_bbl),
                       x.emp_energia_kwh / r.horas_liquido, c.hp_por_kw) AS system_efficiency_pct,
                   stage.fnc_calc_kwh_per_bbl(x.emp_energia_kwh, x.emp_energia_petroleo_bbl) AS kwh_por_bbl_petroleo,
                   -- uptime where phase 4 publishes one: a complete day whose runtime deltas cover it (R__30)
                   CASE WHEN x.completo IS NOT FALSE AND x.uptime_pct IS NOT NULL THEN 100 * x.horas_operacion
                       / (extract(epoch FROM (x.fecha + 1)::timestamptz - x.fecha::timestamptz) / 3600) END AS uptime_pct
              FROM x
              LEFT JOIN reporting.fnc_parametros_pozo() m ON m.well_id = x.well_id
             CROSS JOIN c
             -- the day's rates (bbl/d, for its HHP) are its barrels over the hours that have each rate
             -- (docs/AGGREGATION.md "A day's rate": an hour without readings is not an hour at zero, nor is an hour
             -- whose oil readings all failed DQ an hour of the oil rate; on a day whose clock hours all have every
             -- rate, 23 or 25 on DST changes, dias is 1 on a 24-hour one; a row written before V25: its hours with
             -- data), and the mean input power of the system efficiency its matched kWh over the liquid's hours (the
             -- HHP's q), so the hydraulic energy of the matched hours is exact
             CROSS JOIN LATERAL (SELECT reporting.fnc_horas_tasa(x.horas_con_liquido, x.horas_con_datos, x.horas_periodo)
                                            AS horas_liquido,
                                        reporting.fnc_horas_tasa(x.horas_con_petroleo, x.horas_con_datos, x.horas_periodo)
                                            / 24.0::double precision AS dias_petroleo,
                                        reporting.fnc_horas_tasa(x.horas_con_agua, x.horas_con_datos, x.horas_periodo)
                                            / 24.0::double precision AS dias_agua,
                                        reporting.fnc_horas_tasa(x.horas_con_liquido, x.horas_con_datos, x.horas_periodo)
                                            / 24.0::double precision AS dias_liquido) r
             CROSS JOIN LATERAL stage.fnc_calc_derivados(
                    p_api => m.api_gravity, p_sg_water => m.sg_agua, p_bsw_pct => x.bsw,
                    p_oil_rate => x.produccion_petroleo_bbl / r.dias_petroleo,
                    p_water_rate => x.produccion_agua_bbl / r.dias_agua,
                    p_liquid_rate => x.produccion_liquido_bbl / r.dias_liquido,
                    p_pump_depth => m.profundidad_bomba, p_midperf_depth => m.profundidad_media_perforados,
                    p_plunger_diameter => m.diametro_piston, p_rod_weight_air => m.peso_varillas_aire,
                    p_casing_pressure => x.casing_head_pressure, p_tubing_pressure => x.well_head_pressure,
                    p_fluid_level => x.fluid_level, p_pip_measured => x.pump_intake_pressure,
                    p_discharge_measured => x.pump_discharge_pressure, p_spm => x.strokes_per_minute,
                    p_stroke => coalesce(x.plunger_stroke, x.stroke_length), p_card_area => x.card_area,
                    p_gas_correction => c.correccion_columna_gas, p_sg_gas => m.sg_gas,
                    p_temp_avg_f => stage.fnc_calc_gas_column_temperature(
                        coalesce(m.temperatura_superficie, x.wellhead_temperature), m.temperatura_yacimiento,
                        x.fluid_level, m.profundidad_media_perforados),
                    p_water_gradient => c.gradiente, p_pump_constant => c.constante_bomba,
                    p_buoyancy_factor => c.factor_flotacion, p_hhp_definicion => c.hhp_definicion,
                    p_hhp_factor_api => c.hhp_factor_api, p_hhp_factor_presion => c.hhp_factor_presion,
                    p_prhp_divisor => c.prhp_divisor) d
             CROSS JOIN LATERAL (SELECT stage.fnc_calc_displaced_volume(m.diametro_piston,
                                        coalesce(x.plunger_stroke, x.stroke_length),
                                        stage.fnc_carreras_periodo(x.n_carreras, x.strokes_per_minute, x.horas_operacion),
                                        c.constante_bomba) AS volumen,
                                 stage.fnc_calc_displaced_volume(m.diametro_piston,
                                        coalesce(x.plunger_stroke, x.stroke_length), x.emp_carreras,
                                        c.constante_bomba) AS volumen_emp) v;
    UPDATE reporting.fact_operaciones_diarias dd
       SET fluid_level_calc = s.fluid_level_calc, pip_calc = s.pip_calc, pwf = s.pwf, sg_mezcla = s.sg_mezcla,
           gradiente_mezcla = s.gradiente_mezcla, rod_weight_buoyant = s.rod_weight_buoyant,
           fluid_load_calc = s.fluid_load_calc, pump_displacement_bpd = s.pump_displacement_bpd,
           pump_efficiency_pct = s.pump_efficiency_pct, hydraulic_hp = s.hydraulic_hp, hhp_forma = s.hhp_forma,
           prhp_calc = s.prhp_calc, volumen_desplazado_bbl = s.volumen_desplazado_bbl,
           emp_volumen_desplazado_bbl = s.emp_volumen_desplazado_bbl,
           system_efficiency_pct = s.system_efficiency_pct, kwh_por_bbl_petroleo = s.kwh_por_bbl_petroleo,
           uptime_pct = s.uptime_pct, run_id = coalesce(p_run_id, dd.run_id), updated_at = now()
      FROM bp010_derivados_dia s
     WHERE dd.well_id = s.well_id AND dd.fecha = s.fecha AND dd.fecha >= v_desde AND dd.fecha <= v_hasta
       AND (dd.fluid_level_calc, dd.pip_calc, dd.pwf, dd.sg_mezcla, dd.gradiente_mezcla, dd.rod_weight_buoyant,
            dd.fluid_load_calc, dd.pump_displacement_bpd, dd.pump_efficiency_pct, dd.hydraulic_hp, dd.hhp_forma,
            dd.prhp_calc, dd.volumen_desplazado_bbl, dd.emp_volumen_desplazado_bbl, dd.system_efficiency_pct,
            dd.kwh_por_bbl_petroleo, dd.uptime_pct)
           IS DISTINCT FROM (s.fluid_level_calc, s.pip_calc, s.pwf, s.sg_mezcla, s.gradiente_mezcla,
            s.rod_weight_buoyant, s.fluid_load_calc, s.pump_displacement_bpd, s.pump_efficiency_pct, s.hydraulic_hp,
            s.hhp_forma, s.prhp_calc, s.volumen_desplazado_bbl, s.emp_volumen_desplazado_bbl, s.system_efficiency_pct,
            s.kwh_por_bbl_petroleo, s.uptime_pct);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'derivados: % daily facts updated', v_n;

    -- 4. Monthly re-aggregation of the months the window touches: levels and pressures as means of the days;
    --    efficiencies as ratios of sums (never means of ratios) over the days that have every input, each day's sums
    --    over its matched hours (docs/AGGREGATION.md, "Matched hours"): pump efficiency = the matched liquid over the
    --    volume the matched strokes displaced; system efficiency = the matched hydraulic energy over the matched
    --    electrical energy. The month's displaced volume is the total of its days'.
    UPDATE reporting.fact_operaciones_mensuales mm
       SET pwf = s.pwf, pip_calc = s.pip_calc, fluid_level_calc = s.fluid_level_calc,
           pump_efficiency_pct = s.pump_efficiency_pct, volumen_desplazado_bbl = s.volumen_desplazado_bbl,
           hydraulic_hp = s.hydraulic_hp,
           system_efficiency_pct = s.system_efficiency_pct, run_id = coalesce(p_run_id, mm.run_id), updated_at = now()
      FROM (SELECT x.well_id, date_trunc('month', x.fecha)::date AS mes,
                   -- ORDER BY inside the aggregates: floating-point sums depend on the order of their terms, and
                   -- a rerun that rewrote the daily rows reads them in another physical order (idempotency).
                   avg(x.pwf ORDER BY x.fecha) AS pwf, avg(x.pip_calc ORDER BY x.fecha) AS pip_calc,
                   avg(x.fluid_level_calc ORDER BY x.fecha) AS fluid_level_calc,
                   avg(x.hydraulic_hp ORDER BY x.fecha) AS hydraulic_hp,
                   stage.fnc_calc_volumetric_efficiency_volume(
                       sum(x.emp_carreras_liquido_bbl ORDER BY x.fecha) FILTER (WHERE x.pump_efficiency_pct IS NOT NULL),
                       sum(x.emp_volumen_desplazado_bbl ORDER BY x.fecha) FILTER (WHERE x.pump_efficiency_pct IS NOT NULL))
                       AS pump_efficiency_pct,
                   sum(x.volumen_desplazado_bbl ORDER BY x.fecha) AS volumen_desplazado_bbl,
                   100 * sum(reporting.fnc_hhp_emparejada(x.hydraulic_hp, x.emp_energia_liquido_bbl,
                                                          x.produccion_liquido_bbl)
                             * reporting.fnc_horas_tasa(x.horas_con_liquido, x.horas_con_datos, x.horas_periodo)
                             ORDER BY x.fecha)
                             FILTER (WHERE x.system_efficiency_pct IS NOT NULL)
                       / NULLIF(sum(x.emp_energia_kwh ORDER BY x.fecha) FILTER (WHERE x.system_efficiency_pct IS NOT NULL)
                                * max(c.hp_por_kw), 0) AS system_efficiency_pct
              FROM reporting.fact_operaciones_diarias x
             CROSS JOIN reporting.fnc_config_fisica() c
             WHERE x.fecha >= date_trunc('month', v_desde)::date
               AND x.fecha < CASE WHEN isfinite(v_hasta) THEN (date_trunc('month', v_hasta) + interval '1 month')::date
                                  ELSE 'infinity'::date END
               AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                                  WHERE a.run_id = v_alcance AND a.well_id = x.well_id
                                                    AND x.fecha >= date_trunc('month', a.dia_desde)
                                                    AND x.fecha < date_trunc('month', a.dia_hasta) + interval '1 month'))
             GROUP BY x.well_id, date_trunc('month', x.fecha)) s
     WHERE mm.well_id = s.well_id AND mm.mes = s.mes
       AND (mm.pwf, mm.pip_calc, mm.fluid_level_calc, mm.pump_efficiency_pct, mm.volumen_desplazado_bbl,
            mm.hydraulic_hp, mm.system_efficiency_pct)
           IS DISTINCT FROM (s.pwf, s.pip_calc, s.fluid_level_calc, s.pump_efficiency_pct, s.volumen_desplazado_bbl,
            s.hydraulic_hp, s.system_efficiency_pct);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'derivados: % monthly facts updated', v_n;

    -- 5. The latest SCADA card per well in the window, when it parses into equal arrays of at least 20 points (a
    --    card that does not is flagged by the DQ FORMATO rule and leaves the previous card shown), kept only when
    --    newer than the card already shown (an ML stroke may be newer; see sp_sync_cdi_to_reporting).
    --    Each card is parsed once (both arrays from one read of its JSON) and its area computed once (materialized
    --    CTEs: inlined, the planner evaluated the parse in every filter and output column that named it). An incremental
    --    run reads the wells of its scope only, each well's newest card of the window looked up by key (one row read per
    --    well, not every scope reading sorted): another well's readings did not change since the run that last read
    --    them, and a card only ever replaces an older one.
    --    A window run looks each well's newest card of the window up by key too: the wells by a skip scan of the
    --    readings' key (one probe per well), not every reading of the window read with its card and sorted.
    --    With p_carta_al_puente (the runner passes it when the CDI bridge follows in the same transaction), a card whose
    --    reading has a surface stroke the bridge has not synced yet is neither parsed nor written here: the bridge
    --    shows that well's newest stroke (at or after the card's time; a stroke wins a tie) over whatever card is
    --    shown, and writes it (its source differs from a SCADA card's, and its time from an older card's), with the
    --    same values whether this card was written first or not (its geometry, where the stroke's arrays are the
    --    card's bit for bit, is what the same function gives on them). Only where step 6 below would read the card's
    --    area (a current-values row without a card_area reading) is the card still written.
    WITH RECURSIVE pozos AS (
        SELECT min(p.well_id) AS well_id FROM stage.tbl_pozo_produccion p WHERE v_alcance IS NULL
        UNION ALL
        SELECT (SELECT min(p.well_id) FROM stage.tbl_pozo_produccion p WHERE p.well_id > w.well_id)
          FROM pozos w
         WHERE w.well_id IS NOT NULL
    ), w AS (
        SELECT w.well_id FROM pozos w WHERE w.well_id IS NOT NULL
        UNION ALL
        SELECT DISTINCT a.well_id FROM reporting.pipeline_run_alcance a WHERE a.run_id = v_alcance
    ), s AS MATERIALIZED (
        -- each well's newest card of the window, one backward probe of the readings' key per well
        SELECT w.well_id, y.timestamp_lectura, y.dynacard, y.spm
          FROM w
         CROSS JOIN LATERAL (SELECT p.timestamp_lectura, p.dynacard, p.strokes_per_minute AS spm
                               FROM stage.tbl_pozo_produccion p
                              WHERE p.well_id = w.well_id AND p.dynacard IS NOT NULL
                                AND p.timestamp_lectura >= v_ts_desde AND p.timestamp_lectura < v_ts_hasta
                              ORDER BY p.timestamp_lectura DESC
                              LIMIT 1) y
         WHERE NOT (p_carta_al_puente
                    AND EXISTS (SELECT 1 FROM universal.stroke st
                                 WHERE st.well_id = w.well_id AND st.timestamp_lectura = y.timestamp_lectura
                                   AND st.tipo_carta = 'SUPERFICIE' AND st.write_xid >= v_cdi_xmin
                                   AND NOT pg_visible_in_snapshot(st.write_xid, v_cdi_snap))
                    AND NOT EXISTS (SELECT 1 FROM reporting.dataset_current_values cv
                                     WHERE cv.well_id = w.well_id AND cv.card_area IS NULL))
    ), u AS MATERIALIZED (
        SELECT s.well_id, s.timestamp_lectura, s.spm, k.p_position AS pos, k.p_load AS lod
          FROM s CROSS JOIN LATERAL stage.fnc_card_arrays(s.dynacard) k
    ), a AS MATERIALIZED (
        -- stroke, load extremes and area in one pass over the points (stage.fnc_card_geometry)
        SELECT u.well_id, u.timestamp_lectura, u.spm, u.pos, u.lod, g.carrera_in, g.carga_max, g.carga_min,
               g.area_lbf_in AS area
          FROM u
         CROSS JOIN LATERAL stage.fnc_card_geometry(u.pos, u.lod) g
         WHERE cardinality(u.pos) >= 20 AND cardinality(u.pos) = cardinality(u.lod)
    ), c AS MATERIALIZED (SELECT * FROM reporting.fnc_config_fisica())
    INSERT INTO reporting.dataset_latest_dynacard AS t
           (well_id, timestamp_lectura, position, load, n_puntos, carrera_in, carga_max, carga_min, area_lbf_in, prhp,
            cdi_diagnostico, cdi_probabilidad, fuente, updated_at)
    SELECT a.well_id, a.timestamp_lectura, a.pos, a.lod, cardinality(a.pos), a.carrera_in, a.carga_max, a.carga_min,
           a.area, stage.fnc_calc_prhp(a.area, a.spm, c.prhp_divisor), NULL, NULL, 'SCADA', now()
      FROM a
     CROSS JOIN c
     WHERE a.area IS NOT NULL
    ON CONFLICT (well_id) DO UPDATE
       SET timestamp_lectura = EXCLUDED.timestamp_lectura, position = EXCLUDED.position, load = EXCLUDED.load,
           n_puntos = EXCLUDED.n_puntos, carrera_in = EXCLUDED.carrera_in, carga_max = EXCLUDED.carga_max,
           carga_min = EXCLUDED.carga_min, area_lbf_in = EXCLUDED.area_lbf_in, prhp = EXCLUDED.prhp,
           cdi_diagnostico = NULL, cdi_probabilidad = NULL, fuente = EXCLUDED.fuente, position_fondo = NULL,
           load_fondo = NULL, llenado_pct = NULL, severidad = NULL, base = NULL, modelo_version = NULL, razones = NULL,
           updated_at = EXCLUDED.updated_at
     WHERE EXCLUDED.timestamp_lectura > t.timestamp_lectura
        OR (EXCLUDED.timestamp_lectura = t.timestamp_lectura AND t.fuente = 'SCADA'
            AND (t.position, t.load) IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.load));
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'derivados: % latest cards written', v_n;

    -- 6. Current values (every well): derived values of the latest readings; pump and system efficiency and energy
    --    intensity from the last complete day (the latest daily fact before the as-of day); PRHP from the reported
    --    card area, else the latest card's. An incremental run computes the wells of its scope (new readings, a
    --    changed master row: their marks), and any other well whose last complete day is no longer the one its row
    --    shows (the as-of day moved on): nothing else a well's derived values read changes without a scope.
    UPDATE reporting.dataset_current_values cv
       SET fluid_level_calc = s.fluid_level_calc, pip_calc = s.pip_calc, pwf = s.pwf, sg_mezcla = s.sg_mezcla,
           gradiente_mezcla = s.gradiente_mezcla, rod_weight_buoyant = s.rod_weight_buoyant,
           fluid_load_calc = s.fluid_load_calc, pump_displacement_bpd = s.pump_displacement_bpd,
           pump_efficiency_pct = s.pump_efficiency_pct, hydraulic_hp = s.hydraulic_hp, prhp_calc = s.prhp_calc,
           system_efficiency_pct = s.system_efficiency_pct, kwh_por_bbl = s.kwh_por_bbl,
           kwh_por_bbl_petroleo = s.kwh_por_bbl_petroleo, hhp_definicion = s.hhp_definicion,
           run_id = coalesce(p_run_id, cv.run_id), updated_at = now()
      FROM (SELECT x.well_id, d.fluid_level_calc, d.pip_calc, d.pwf, d.sg_mezcla, d.gradiente_mezcla,
                   d.rod_weight_buoyant, d.fluid_load_calc, d.pump_displacement_bpd, d.hydraulic_hp, d.prhp_calc,
                   y.pump_efficiency_pct, y.system_efficiency_pct,
                   stage.fnc_calc_kwh_per_bbl(y.emp_energia_kwh, y.emp_energia_liquido_bbl) AS kwh_por_bbl,
                   stage.fnc_calc_kwh_per_bbl(y.emp_energia_kwh, y.emp_energia_petroleo_bbl) AS kwh_por_bbl_petroleo,
                   d.hhp_forma AS hhp_definicion
              FROM reporting.dataset_current_values x
              LEFT JOIN reporting.fnc_parametros_pozo() m ON m.well_id = x.well_id
              LEFT JOIN reporting.dataset_latest_dynacard card ON card.well_id = x.well_id
              LEFT JOIN LATERAL (SELECT f.pump_efficiency_pct, f.system_efficiency_pct, f.emp_energia_kwh,
                                        f.emp_energia_liquido_bbl, f.emp_energia_petroleo_bbl
                                   FROM reporting.fact_operaciones_diarias f
                                  WHERE f.well_id = x.well_id AND f.fecha < v_hoy
                                  ORDER BY f.fecha DESC LIMIT 1) y ON true
             CROSS JOIN reporting.fnc_config_fisica() c
             CROSS JOIN LATERAL stage.fnc_calc_derivados(
                    p_api => m.api_gravity, p_sg_water => m.sg_agua, p_bsw_pct => x.bsw,
                    p_oil_rate => x.oil_rate, p_water_rate => x.water_rate, p_liquid_rate => x.liquid_rate,
                    p_pump_depth => m.profundidad_bomba, p_midperf_depth => m.profundidad_media_perforados,
                    p_plunger_diameter => m.diametro_piston, p_rod_weight_air => m.peso_varillas_aire,
                    p_casing_pressure => x.casing_head_pressure, p_tubing_pressure => x.well_head_pressure,
                    p_fluid_level => x.fluid_level, p_pip_measured => x.pump_intake_pressure,
                    p_discharge_measured => x.pump_discharge_pressure, p_spm => x.strokes_per_minute,
                    p_stroke => coalesce(x.plunger_stroke, x.stroke_length),
                    p_card_area => coalesce(x.card_area, card.area_lbf_in),
                    p_gas_correction => c.correccion_columna_gas, p_sg_gas => m.sg_gas,
                    p_temp_avg_f => stage.fnc_calc_gas_column_temperature(
                        coalesce(m.temperatura_superficie, x.wellhead_temperature), m.temperatura_yacimiento,
                        x.fluid_level, m.profundidad_media_perforados),
                    p_water_gradient => c.gradiente, p_pump_constant => c.constante_bomba,
                    p_buoyancy_factor => c.factor_flotacion, p_hhp_definicion => c.hhp_definicion,
                    p_hhp_factor_api => c.hhp_factor_api, p_hhp_factor_presion => c.hhp_factor_presion,
                    p_prhp_divisor => c.prhp_divisor) d
             WHERE v_alcance IS NULL
                OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                            WHERE a.run_id = v_alcance AND a.well_id = x.well_id)
                OR (x.pump_efficiency_pct, x.system_efficiency_pct, x.kwh_por_bbl, x.kwh_por_bbl_petroleo)
                   IS DISTINCT FROM (y.pump_efficiency_pct, y.system_efficiency_pct,
                                     stage.fnc_calc_kwh_per_bbl(y.emp_energia_kwh, y.emp_energia_liquido_bbl),
                                     stage.fnc_calc_kwh_per_bbl(y.emp_energia_kwh, y.emp_energia_petroleo_bbl))) s
     WHERE cv.well_id = s.well_id
       AND (cv.fluid_level_calc, cv.pip_calc, cv.pwf, cv.sg_mezcla, cv.gradiente_mezcla, cv.rod_weight_buoyant,
            cv.fluid_load_calc, cv.pump_displacement_bpd, cv.pump_efficiency_pct, cv.hydraulic_hp, cv.prhp_calc,
            cv.system_efficiency_pct, cv.kwh_por_bbl, cv.kwh_por_bbl_petroleo, cv.hhp_definicion)
           IS DISTINCT FROM (s.fluid_level_calc, s.pip_calc, s.pwf, s.sg_mezcla, s.gradiente_mezcla,
            s.rod_weight_buoyant, s.fluid_load_calc, s.pump_displacement_bpd, s.pump_efficiency_pct, s.hydraulic_hp,
            s.prhp_calc, s.system_efficiency_pct, s.kwh_por_bbl, s.kwh_por_bbl_petroleo, s.hhp_definicion);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'derivados: % current-value rows updated', v_n;
END
$$;

COMMENT ON PROCEDURE reporting.sp_calcular_derivados_completos(date, date, uuid, boolean) IS
    'Phase 5.3: derived physics into hourly facts, fact_kpi_horarios, daily facts, monthly re-aggregation, the latest card and current values; window = dates, else the run''s, else all history; as-of = the run''s, else now(); p_carta_al_puente: the CDI bridge follows in the same transaction, so a card it replaces is not written first';

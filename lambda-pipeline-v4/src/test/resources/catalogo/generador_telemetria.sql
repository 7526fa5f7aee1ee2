-- Test-only generator of physically plausible, deterministic telemetry (schema prueba, created in test databases
-- only): wells in the master, readings in stage.tbl_pozo_produccion (every column, cards included, every value inside
-- the DQ ranges of catalogo_dq_prueba.sql) and landing rows for the latency variables.
CREATE SCHEMA IF NOT EXISTS prueba;

-- Wells <prefijo>-0001 .. <prefijo>-<n> with valid completion and reservoir attributes (the oracle well of docs/DOMAIN.md §2).
CREATE OR REPLACE FUNCTION prueba.generar_pozos(p_prefijo text, p_n integer, p_campo text DEFAULT 'CAMPO-A')
RETURNS integer LANGUAGE sql AS $$
    INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, campo, yacimiento, profundidad_bomba,
        profundidad_yacimiento, profundidad_media_perforados, presion_estatica_yacimiento, radio_pozo, radio_drenaje,
        diametro_piston, api_gravity, sg_agua, peso_varillas_aire, source)
    SELECT format('%s-%s', p_prefijo, lpad(i::text, 4, '0')), format('Pozo %s %s', p_prefijo, i), p_campo, 'Y-1',
           5000, 5300, 5200, 2000, 0.328, 745, 1.5, 35, 1.07, 9350, 'prueba'
      FROM generate_series(1, p_n) i
    ON CONFLICT (well_id) DO NOTHING
    RETURNING 1
$$;

-- A closed card of 40 points (position 0..2*half_stroke..0, load around base).
CREATE OR REPLACE FUNCTION prueba.carta(p_media_carrera double precision, p_carga_base double precision)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT json_build_object(
               'position', json_agg(round((p_media_carrera * (1 - cos(2 * pi() * k / 39)))::numeric, 2) ORDER BY k),
               'load', json_agg(round((p_carga_base + 0.4 * p_carga_base * sin(2 * pi() * k / 39)
                                       + 0.2 * p_carga_base * (1 - cos(2 * pi() * k / 39)))::numeric, 1) ORDER BY k))::text
      FROM generate_series(0, 39) k
$$;

-- p_n_lecturas readings per well every p_paso from p_desde. Counters (energy_kwh, runtime_hours, stroke_counter)
-- grow with time since 2020-01-01; rates follow a daily cycle.
CREATE OR REPLACE FUNCTION prueba.generar_lecturas(p_prefijo text, p_n integer, p_desde timestamptz,
                                                   p_n_lecturas integer, p_paso interval DEFAULT interval '1 hour')
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    INSERT INTO stage.tbl_pozo_produccion AS p (well_id, timestamp_lectura, well_head_pressure, casing_head_pressure,
        flow_line_pressure, separator_pressure, wellhead_temperature, flow_line_temperature, ambient_temperature,
        strokes_per_minute, stroke_length, pump_fillage, cycles_today, runtime_today_hours, idle_time_today_hours,
        run_status, vfd_frequency, motor_speed_rpm, runtime_hours, stroke_counter, pump_off_count_today,
        controller_mode, max_rod_load, min_rod_load, card_area, gearbox_torque, structure_load_pct,
        counterbalance_effect, polished_rod_hp, fluid_load, plunger_stroke, rod_stress_pct, gearbox_load_pct,
        motor_current, motor_voltage, motor_power, power_factor, energy_kwh, motor_temperature,
        current_imbalance_pct, oil_rate, water_rate, gas_rate, liquid_rate, bsw, gor, inferred_production,
        casing_gas_rate, chemical_injection_rate, tank_level, fluid_level, pump_intake_pressure,
        pump_intake_temperature, pump_discharge_pressure, bottom_hole_pressure, bottom_hole_temperature,
        pump_efficiency_ctrl, pump_submergence, dynacard, downhole_card, vibration_level, h2s_concentration,
        gas_detector_lel_pct, rtu_battery_voltage, signal_strength, alarm_code, sand_content_ppm)
    WITH cartas AS (
        SELECT v, prueba.carta(43, 6000 + 500 * v) AS sup, prueba.carta(40, 3000 + 200 * v) AS fondo
          FROM generate_series(0, 6) v
    ), x AS (
        SELECT format('%s-%s', p_prefijo, lpad(i::text, 4, '0')) AS well_id, i, k, t AS ts,
               extract(epoch FROM t - timestamptz '2020-01-01 00:00:00+00') / 3600.0 AS h,
               sin(2 * pi() * (extract(epoch FROM t) / 3600.0) / 24) AS s,
               extract(epoch FROM t - date_trunc('day', t)) / 3600.0 AS hd
          FROM generate_series(1, p_n) i
         CROSS JOIN generate_series(0, p_n_lecturas - 1) k
         CROSS JOIN LATERAL (SELECT p_desde + k * p_paso AS t) tt
    )
    SELECT x.well_id, x.ts,
           120 + x.i % 40 + 10 * x.s, 60 + x.i % 20 + 5 * x.s, 100 + x.i % 30, 50,
           110 + 10 * x.s, 100 + 8 * x.s, 75 + 15 * x.s,
           6 + x.i % 5 + 0.5 * x.s, 86 + (x.i % 4) * 20, 85 + 5 * x.s, 3, 0.95 * x.hd, 0.05 * x.hd,
           1, 50 + 5 * x.s, 1150, 0.95 * x.h + x.i, 60 * 7 * x.h + 1000 * x.i, 2,
           1, 15000 + 100 * (x.i % 50) + 500 * x.s, 5000 + 50 * (x.i % 50) + 200 * x.s, 400000,
           250000 + 20000 * x.s, 60,
           10000, 8.7, 3200, 80, 55, 65,
           40 + 5 * x.s, 460, 12 + 2 * x.s, 0.85, 12 * x.h + 100 * x.i, 150,
           2, 50 + x.i % 25 + 5 * x.s, 80 + x.i % 30 + 5 * x.s, 30 + x.i % 10 + 2 * x.s,
           130 + x.i % 25 + x.i % 30 + 10 * x.s,
           100 * (80 + x.i % 30 + 5 * x.s) / (130 + x.i % 25 + x.i % 30 + 10 * x.s), 600, 130,
           5, 2, 8, 4000 + 10 * (x.i % 50) - 50 * x.s, 418 + 5 * x.s,
           130, 2225, 503, 160,
           -- every card text distinct (a reading counter in front), as real cards are
           75, 1000, '{"n":' || x.k || ',' || substr(c.sup, 2), '{"n":' || x.k || ',' || substr(c.fondo, 2), 0.2, 5,
           1, 12.6, -70, 0, 20
      FROM x
      JOIN cartas c ON c.v = x.i % 7
    ON CONFLICT (well_id, timestamp_lectura) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Landing rows of the latency variables (run_status, well_head_pressure, motor_power, oil_rate) for the readings of
-- stage.tbl_pozo_produccion between p_desde and p_hasta whose well matches p_patron, received p_demora after the reading
-- (run_status: 1 s). p_con_recepcion false: a backfill without receive times.
CREATE OR REPLACE FUNCTION prueba.generar_landing_latencia(p_patron text, p_desde timestamptz, p_hasta timestamptz,
                                                           p_demora interval DEFAULT interval '60 seconds',
                                                           p_con_recepcion boolean DEFAULT true)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM stage.fnc_ensure_landing_partitions(p_desde, p_hasta);
    INSERT INTO stage.landing_lectura (well_key, var_key, timestamp_lectura, measure, source_received_at,
                                       batch_id, source, pivoted_at)
    SELECT w.well_key, d.var_key, p.timestamp_lectura, v.valor::text,
           CASE WHEN p_con_recepcion THEN p.timestamp_lectura
                + CASE WHEN v.columna = 'run_status' THEN interval '1 second' ELSE p_demora END END,
           '00000000-0000-0000-0000-000000000001', CASE WHEN p_con_recepcion THEN 'api' ELSE 'file' END,
           p.pivoted_at
      FROM stage.tbl_pozo_produccion p
     CROSS JOIN LATERAL (VALUES ('run_status', p.run_status), ('well_head_pressure', p.well_head_pressure),
                                ('motor_power', p.motor_power), ('oil_rate', p.oil_rate)) v(columna, valor)
      JOIN referencial.tbl_var_scada_map m ON m.columna_stage = v.columna AND m.activa
      JOIN stage.dim_well w ON w.well_id = p.well_id
      JOIN stage.dim_variable d ON d.var_id = m.var_id_scada
     WHERE p.well_id LIKE p_patron AND p.timestamp_lectura >= p_desde AND p.timestamp_lectura < p_hasta
    ON CONFLICT (well_key, var_key, timestamp_lectura) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- BP010 family 7 (docs/SEED.md: V12 vistas helper frontend): the dashboard views, each answering one question.
--   vw_dashboard_main           How is each well right now? (identity, state, latest values, semaphores with names and
--                               colours, derived physics, targets, DQ score, live consistency violations)
--   vw_well_selector            Which wells can I pick, worst first?
--   vw_semaphore_matrix         Well x variable: which semaphore code, name, colour and value, against which limits?
--   vw_semaphore_legend         What does each semaphore code and operational state mean, in which colour?
--   vw_alerts                   What needs attention? Every variable at codes 1, 2, 6, 7, 8, 9 and every live
--                               consistency violation, worst first then newest, with the limit it broke and since
--                               when the condition has lasted.
--   vw_kpi_daily                Per well and day: production, energy, efficiency, uptime against targets.
--   vw_kpi_monthly              Per well and month: the same, with decline and reserves.
--   vw_dq_summary               Per DQ rule: evaluated, passed, failed, score of its latest run, and the trend against
--                               the run before.
--   vw_dq_trend                 Per day: DQ score per rule and over all rules (the latest run's verdict for each day).
--   vw_consistency_violations   Which physical contradictions are live, and which cleared in the last 30 days?
-- bp010_reader reads these views and nothing else (afterMigrate__grants.sql). A view checks table privileges as its
-- owner, but functions it calls as the reader: these views call no project routine. Repeatable: every view is dropped
-- (CASCADE) and created again.

DROP VIEW IF EXISTS reporting.vw_alerts CASCADE;
DROP VIEW IF EXISTS reporting.vw_dashboard_main CASCADE;
DROP VIEW IF EXISTS reporting.vw_well_selector CASCADE;
DROP VIEW IF EXISTS reporting.vw_semaphore_matrix CASCADE;
DROP VIEW IF EXISTS reporting.vw_semaphore_legend CASCADE;
DROP VIEW IF EXISTS reporting.vw_kpi_daily CASCADE;
DROP VIEW IF EXISTS reporting.vw_kpi_monthly CASCADE;
DROP VIEW IF EXISTS reporting.vw_dq_summary CASCADE;
DROP VIEW IF EXISTS reporting.vw_dq_trend CASCADE;
DROP VIEW IF EXISTS reporting.vw_consistency_violations CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- How is each well right now?
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_dashboard_main AS
WITH pozos AS (
    SELECT well_id FROM reporting.dim_pozo
    UNION
    SELECT well_id FROM reporting.dataset_current_values
), violaciones AS (
    SELECT t.well_id, count(*) AS n, string_agg(t.codigo, ', ' ORDER BY t.codigo) AS codigos
      FROM stage.tbl_consistency_results t
     WHERE t.vigente
     GROUP BY t.well_id
)
SELECT w.well_id,
       p.nombre_pozo, p.campo, p.yacimiento, p.estado_pozo, p.tipo_levantamiento, p.latitud, p.longitud,
       coalesce(c.estado_operativo, 'UNKNOWN') AS estado_operativo,
       eo.nombre AS estado_operativo_nombre,
       eo.color AS estado_operativo_color,
       c.peor_variable, c.peor_status, ps.nombre AS peor_status_nombre,
       c.n_variables_alerta, c.n_variables_criticas, c.evaluado_en,
       c.fecha_hora_ultima_lectura,
       round((extract(epoch FROM now() - c.fecha_hora_ultima_lectura) / 60.0)::numeric, 1)
           AS minutos_desde_ultima_lectura,
       c.well_head_pressure, c.well_head_pressure_ts, c.well_head_pressure_status, s01.nombre AS well_head_pressure_status_nombre, s01.color AS well_head_pressure_color,
       c.casing_head_pressure, c.casing_head_pressure_ts, c.casing_head_pressure_status, s02.nombre AS casing_head_pressure_status_nombre, s02.color AS casing_head_pressure_color,
       c.flow_line_pressure, c.flow_line_pressure_ts, c.flow_line_pressure_status, s03.nombre AS flow_line_pressure_status_nombre, s03.color AS flow_line_pressure_color,
       c.wellhead_temperature, c.wellhead_temperature_ts, c.wellhead_temperature_status, s04.nombre AS wellhead_temperature_status_nombre, s04.color AS wellhead_temperature_color,
       c.strokes_per_minute, c.strokes_per_minute_ts, c.strokes_per_minute_status, s05.nombre AS strokes_per_minute_status_nombre, s05.color AS strokes_per_minute_color,
       c.pump_fillage, c.pump_fillage_ts, c.pump_fillage_status, s06.nombre AS pump_fillage_status_nombre, s06.color AS pump_fillage_color,
       c.max_rod_load, c.max_rod_load_ts, c.max_rod_load_status, s07.nombre AS max_rod_load_status_nombre, s07.color AS max_rod_load_color,
       c.min_rod_load, c.min_rod_load_ts, c.min_rod_load_status, s08.nombre AS min_rod_load_status_nombre, s08.color AS min_rod_load_color,
       c.motor_current, c.motor_current_ts, c.motor_current_status, s09.nombre AS motor_current_status_nombre, s09.color AS motor_current_color,
       c.motor_power, c.motor_power_ts, c.motor_power_status, s10.nombre AS motor_power_status_nombre, s10.color AS motor_power_color,
       c.oil_rate, c.oil_rate_ts, c.oil_rate_status, s11.nombre AS oil_rate_status_nombre, s11.color AS oil_rate_color,
       c.water_rate, c.water_rate_ts, c.water_rate_status, s12.nombre AS water_rate_status_nombre, s12.color AS water_rate_color,
       c.gas_rate, c.gas_rate_ts, c.gas_rate_status, s13.nombre AS gas_rate_status_nombre, s13.color AS gas_rate_color,
       c.bsw, c.bsw_ts, c.bsw_status, s14.nombre AS bsw_status_nombre, s14.color AS bsw_color,
       c.pump_intake_pressure, c.pump_intake_pressure_ts, c.pump_intake_pressure_status, s15.nombre AS pump_intake_pressure_status_nombre, s15.color AS pump_intake_pressure_color,
       c.fluid_level, c.fluid_level_ts, c.fluid_level_status, s16.nombre AS fluid_level_status_nombre, s16.color AS fluid_level_color,
       c.gearbox_torque, c.gearbox_torque_ts, c.gearbox_torque_status, s17.nombre AS gearbox_torque_status_nombre, s17.color AS gearbox_torque_color,
       c.liquid_rate, c.stroke_length, c.gor, c.vfd_frequency, c.run_status, c.runtime_today_hours,
       c.fluid_level_calc, c.pip_calc, c.pwf, c.sg_mezcla, c.gradiente_mezcla, c.rod_weight_buoyant,
       c.fluid_load_calc, c.pump_displacement_bpd, c.pump_efficiency_pct, c.hydraulic_hp, c.hhp_definicion,
       c.prhp_calc, c.system_efficiency_pct, c.kwh_por_bbl, c.kwh_por_bbl_petroleo,
       p.target_oil_rate, p.target_kwh_por_bbl, p.target_eficiencia_bomba_pct,
       c.cdi_diagnostico, c.cdi_probabilidad, c.cdi_fecha, c.ipr_modelo, c.ipr_qmax, c.ipr_eficiencia,
       dq.score AS dq_score, dq.evaluated AS dq_evaluados, dq.failed AS dq_fallidos, dq.ventana_desde AS dq_desde,
       dq.ventana_hasta AS dq_hasta,
       coalesce(v.n, 0) AS n_violaciones_consistencia,
       v.codigos AS violaciones_consistencia
  FROM pozos w
  LEFT JOIN reporting.dim_pozo p ON p.well_id = w.well_id
  LEFT JOIN reporting.dataset_current_values c ON c.well_id = w.well_id
  LEFT JOIN referencial.tbl_ref_estados_operativos eo ON eo.codigo = coalesce(c.estado_operativo, 'UNKNOWN')
  LEFT JOIN referencial.catalogo_status ps ON ps.codigo = c.peor_status
  LEFT JOIN reporting.dataset_dq_score_pozo dq ON dq.well_id = w.well_id
  LEFT JOIN violaciones v ON v.well_id = w.well_id
  LEFT JOIN referencial.catalogo_status s01 ON s01.codigo = c.well_head_pressure_status
  LEFT JOIN referencial.catalogo_status s02 ON s02.codigo = c.casing_head_pressure_status
  LEFT JOIN referencial.catalogo_status s03 ON s03.codigo = c.flow_line_pressure_status
  LEFT JOIN referencial.catalogo_status s04 ON s04.codigo = c.wellhead_temperature_status
  LEFT JOIN referencial.catalogo_status s05 ON s05.codigo = c.strokes_per_minute_status
  LEFT JOIN referencial.catalogo_status s06 ON s06.codigo = c.pump_fillage_status
  LEFT JOIN referencial.catalogo_status s07 ON s07.codigo = c.max_rod_load_status
  LEFT JOIN referencial.catalogo_status s08 ON s08.codigo = c.min_rod_load_status
  LEFT JOIN referencial.catalogo_status s09 ON s09.codigo = c.motor_current_status
  LEFT JOIN referencial.catalogo_status s10 ON s10.codigo = c.motor_power_status
  LEFT JOIN referencial.catalogo_status s11 ON s11.codigo = c.oil_rate_status
  LEFT JOIN referencial.catalogo_status s12 ON s12.codigo = c.water_rate_status
  LEFT JOIN referencial.catalogo_status s13 ON s13.codigo = c.gas_rate_status
  LEFT JOIN referencial.catalogo_status s14 ON s14.codigo = c.bsw_status
  LEFT JOIN referencial.catalogo_status s15 ON s15.codigo = c.pump_intake_pressure_status
  LEFT JOIN referencial.catalogo_status s16 ON s16.codigo = c.fluid_level_status
  LEFT JOIN referencial.catalogo_status s17 ON s17.codigo = c.gearbox_torque_status;

COMMENT ON VIEW reporting.vw_dashboard_main IS
    'One row per well: identity, operational state and worst variable, latest value, time, semaphore code, name and colour of every limited variable, derived physics, targets, ML results, DQ score, live consistency violations';

-- ---------------------------------------------------------------------------------------------------------------
-- Well x variable semaphores (long form)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_semaphore_matrix AS
SELECT c.well_id, p.nombre_pozo, p.campo,
       u.orden, u.variable, dv.descripcion AS variable_descripcion, dv.unidad, dv.panel_nombre,
       u.valor, u.ts AS fecha_hora_lectura, u.codigo, s.nombre AS status_nombre, s.color,
       s.estado_operativo, s.severidad_orden,
       (p.limites -> u.variable ->> 'min_critical')::double precision AS min_critical,
       (p.limites -> u.variable ->> 'min_warning')::double precision AS min_warning,
       (p.limites -> u.variable ->> 'target')::double precision AS target,
       (p.limites -> u.variable ->> 'max_warning')::double precision AS max_warning,
       (p.limites -> u.variable ->> 'max_critical')::double precision AS max_critical,
       (p.limites -> u.variable ->> 'por_pozo')::boolean AS limite_por_pozo,
       c.evaluado_en
  FROM reporting.dataset_current_values c
 CROSS JOIN LATERAL (VALUES
        (1, 'well_head_pressure', c.well_head_pressure, c.well_head_pressure_ts, c.well_head_pressure_status),
        (2, 'casing_head_pressure', c.casing_head_pressure, c.casing_head_pressure_ts, c.casing_head_pressure_status),
        (3, 'flow_line_pressure', c.flow_line_pressure, c.flow_line_pressure_ts, c.flow_line_pressure_status),
        (4, 'wellhead_temperature', c.wellhead_temperature, c.wellhead_temperature_ts, c.wellhead_temperature_status),
        (5, 'strokes_per_minute', c.strokes_per_minute, c.strokes_per_minute_ts, c.strokes_per_minute_status),
        (6, 'pump_fillage', c.pump_fillage, c.pump_fillage_ts, c.pump_fillage_status),
        (7, 'max_rod_load', c.max_rod_load, c.max_rod_load_ts, c.max_rod_load_status),
        (8, 'min_rod_load', c.min_rod_load, c.min_rod_load_ts, c.min_rod_load_status),
        (9, 'motor_current', c.motor_current, c.motor_current_ts, c.motor_current_status),
        (10, 'motor_power', c.motor_power, c.motor_power_ts, c.motor_power_status),
        (11, 'oil_rate', c.oil_rate, c.oil_rate_ts, c.oil_rate_status),
        (12, 'water_rate', c.water_rate, c.water_rate_ts, c.water_rate_status),
        (13, 'gas_rate', c.gas_rate, c.gas_rate_ts, c.gas_rate_status),
        (14, 'bsw', c.bsw, c.bsw_ts, c.bsw_status),
        (15, 'pump_intake_pressure', c.pump_intake_pressure, c.pump_intake_pressure_ts, c.pump_intake_pressure_status),
        (16, 'fluid_level', c.fluid_level, c.fluid_level_ts, c.fluid_level_status),
        (17, 'gearbox_torque', c.gearbox_torque, c.gearbox_torque_ts, c.gearbox_torque_status)
       ) AS u(orden, variable, valor, ts, codigo)
  LEFT JOIN reporting.dim_pozo p ON p.well_id = c.well_id
  LEFT JOIN reporting.dim_variable dv ON dv.nombre_tecnico = u.variable
  LEFT JOIN referencial.catalogo_status s ON s.codigo = u.codigo;

COMMENT ON VIEW reporting.vw_semaphore_matrix IS
    'Well x limited variable: latest value and its time, semaphore code, name, colour and state, the effective limits it was judged against';

-- ---------------------------------------------------------------------------------------------------------------
-- Legend
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_semaphore_legend AS
SELECT s.codigo, s.nombre, s.descripcion, s.color, s.severidad_orden,
       s.estado_operativo, e.nombre AS estado_operativo_nombre, e.color AS estado_operativo_color,
       e.prioridad AS estado_operativo_prioridad,
       s.codigo IN (1, 2, 6, 7, 8, 9) AS es_alerta
  FROM referencial.catalogo_status s
  JOIN referencial.tbl_ref_estados_operativos e ON e.codigo = s.estado_operativo;

COMMENT ON VIEW reporting.vw_semaphore_legend IS
    'The semaphore scale 0-9 with names, colours and the operational state each code maps to (for legends)';

-- ---------------------------------------------------------------------------------------------------------------
-- Well selector
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_well_selector AS
SELECT w.well_id,
       coalesce(p.nombre_pozo, w.well_id) AS nombre_pozo,
       coalesce(p.nombre_pozo, w.well_id) || coalesce(' (' || p.campo || ')', '') AS etiqueta,
       p.campo, p.yacimiento, p.estado_pozo, p.tipo_levantamiento, p.latitud, p.longitud,
       coalesce(c.estado_operativo, 'UNKNOWN') AS estado_operativo,
       e.nombre AS estado_operativo_nombre, e.color AS estado_operativo_color,
       coalesce(c.n_variables_alerta, 0) AS n_variables_alerta,
       c.fecha_hora_ultima_lectura,
       c.fecha_hora_ultima_lectura IS NOT NULL AS tiene_datos,
       row_number() OVER (ORDER BY e.prioridad DESC NULLS LAST, coalesce(c.n_variables_alerta, 0) DESC,
                                   coalesce(p.nombre_pozo, w.well_id), w.well_id) AS orden
  FROM (SELECT well_id FROM reporting.dim_pozo UNION SELECT well_id FROM reporting.dataset_current_values) w
  LEFT JOIN reporting.dim_pozo p ON p.well_id = w.well_id
  LEFT JOIN reporting.dataset_current_values c ON c.well_id = w.well_id
  LEFT JOIN referencial.tbl_ref_estados_operativos e ON e.codigo = coalesce(c.estado_operativo, 'UNKNOWN');

COMMENT ON VIEW reporting.vw_well_selector IS
    'Wells to choose from, with field, state and colour; orden puts the worst first';

-- ---------------------------------------------------------------------------------------------------------------
-- Alerts
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_alerts AS
WITH semaforos AS (
    -- Each variable at an alert code, the limit its latest reading broke (the code says which: 1 min_critical,
    -- 2 min_warning, 6 max_warning, 7 max_critical, 8 the range of the DQ rule that failed it, 9 the offline
    -- allowance in minutes) and the side it broke it on.
    SELECT m.*, f.abierta_en, dq.rule_id AS dq_regla,
           CASE m.codigo WHEN 1 THEN 'min_critical' WHEN 2 THEN 'min_warning' WHEN 6 THEN 'max_warning'
                         WHEN 7 THEN 'max_critical'
                         WHEN 8 THEN CASE WHEN m.valor > dq.valor_max THEN 'dq_max' ELSE 'dq_min' END
                         WHEN 9 THEN 'offline_allowance_min' END AS limite_nombre,
           CASE m.codigo WHEN 1 THEN m.min_critical WHEN 2 THEN m.min_warning WHEN 6 THEN m.max_warning
                         WHEN 7 THEN m.max_critical
                         WHEN 8 THEN CASE WHEN m.valor > dq.valor_max THEN dq.valor_max ELSE dq.valor_min END
                         WHEN 9 THEN coalesce(ov.valor_num, og.valor_num, 120) END AS limite
      FROM reporting.vw_semaphore_matrix m
      LEFT JOIN reporting.fact_alertas f
             ON f.vigente AND f.tipo = 'SEMAFORO' AND f.well_id = m.well_id AND f.referencia = m.variable
      LEFT JOIN LATERAL (
            SELECT q.rule_id, r.valor_min, r.valor_max
              FROM stage.tbl_pozo_scada_dq q
              JOIN referencial.tbl_dq_rules r ON r.rule_id = q.rule_id AND r.tipo = 'REPRESENTATIVIDAD'
             WHERE m.codigo = 8 AND q.well_id = m.well_id AND q.timestamp_lectura = m.fecha_hora_lectura
               AND q.nombre_tecnico = m.variable AND q.resultado = 'FAIL'
             ORDER BY q.rule_id
             LIMIT 1) dq ON true
      LEFT JOIN referencial.config_evaluacion ov
             ON ov.clave = 'offline_allowance_min' AND ov.nombre_tecnico = m.variable
      LEFT JOIN referencial.config_evaluacion og
             ON og.clave = 'offline_allowance_min' AND og.nombre_tecnico IS NULL
     WHERE m.codigo IN (1, 2, 6, 7, 8, 9)
), alertas AS (
    SELECT 'SEMAFORO'::text AS tipo, m.well_id, m.variable AS referencia,
           coalesce(m.variable_descripcion, m.variable) AS descripcion,
           m.codigo AS codigo_status, m.status_nombre AS estado, m.estado_operativo AS severidad, m.color,
           m.severidad_orden AS rango_severidad,
           m.valor, NULL::double precision AS valor_referencia, m.unidad,
           m.limite_nombre, m.limite,
           -- since when: the first reading of the latest unbroken run of readings of the variable that break the
           -- same limit on the same side (readings without the variable are skipped); silent since the last reading
           -- for code 9
           CASE WHEN m.codigo = 9 THEN m.fecha_hora_lectura
                ELSE coalesce(inicio.desde, m.fecha_hora_lectura) END AS desde,
           m.abierta_en,
           m.fecha_hora_lectura AS ultima_observacion,
           m.evaluado_en,
           format('%s = %s%s: %s', m.variable, m.valor, coalesce(' ' || m.unidad, ''), m.status_nombre) AS mensaje
      FROM semaforos m
      LEFT JOIN LATERAL (
            SELECT min(p.timestamp_lectura) AS desde
              FROM stage.tbl_pozo_produccion p
             CROSS JOIN LATERAL (SELECT CASE m.variable
                          WHEN 'well_head_pressure' THEN p.well_head_pressure
                          WHEN 'casing_head_pressure' THEN p.casing_head_pressure
                          WHEN 'flow_line_pressure' THEN p.flow_line_pressure
                          WHEN 'wellhead_temperature' THEN p.wellhead_temperature
                          WHEN 'strokes_per_minute' THEN p.strokes_per_minute
                          WHEN 'pump_fillage' THEN p.pump_fillage
                          WHEN 'max_rod_load' THEN p.max_rod_load
                          WHEN 'min_rod_load' THEN p.min_rod_load
                          WHEN 'motor_current' THEN p.motor_current
                          WHEN 'motor_power' THEN p.motor_power
                          WHEN 'oil_rate' THEN p.oil_rate
                          WHEN 'water_rate' THEN p.water_rate
                          WHEN 'gas_rate' THEN p.gas_rate
                          WHEN 'bsw' THEN p.bsw
                          WHEN 'pump_intake_pressure' THEN p.pump_intake_pressure
                          WHEN 'fluid_level' THEN p.fluid_level
                          WHEN 'gearbox_torque' THEN p.gearbox_torque
                      END AS valor) v
             WHERE m.codigo <> 9 AND m.limite IS NOT NULL
               AND p.well_id = m.well_id AND p.timestamp_lectura <= m.fecha_hora_lectura
               AND v.valor IS NOT NULL
               AND p.timestamp_lectura > coalesce((
                       SELECT max(o.timestamp_lectura)
                         FROM stage.tbl_pozo_produccion o
                        CROSS JOIN LATERAL (SELECT CASE m.variable
                          WHEN 'well_head_pressure' THEN o.well_head_pressure
                          WHEN 'casing_head_pressure' THEN o.casing_head_pressure
                          WHEN 'flow_line_pressure' THEN o.flow_line_pressure
                          WHEN 'wellhead_temperature' THEN o.wellhead_temperature
                          WHEN 'strokes_per_minute' THEN o.strokes_per_minute
                          WHEN 'pump_fillage' THEN o.pump_fillage
                          WHEN 'max_rod_load' THEN o.max_rod_load
                          WHEN 'min_rod_load' THEN o.min_rod_load
                          WHEN 'motor_current' THEN o.motor_current
                          WHEN 'motor_power' THEN o.motor_power
                          WHEN 'oil_rate' THEN o.oil_rate
                          WHEN 'water_rate' THEN o.water_rate
                          WHEN 'gas_rate' THEN o.gas_rate
                          WHEN 'bsw' THEN o.bsw
                          WHEN 'pump_intake_pressure' THEN o.pump_intake_pressure
                          WHEN 'fluid_level' THEN o.fluid_level
                          WHEN 'gearbox_torque' THEN o.gearbox_torque
                      END AS valor) w
                        WHERE o.well_id = m.well_id AND o.timestamp_lectura < m.fecha_hora_lectura
                          AND w.valor IS NOT NULL
                          AND NOT CASE WHEN m.limite_nombre IN ('max_warning', 'max_critical', 'dq_max')
                                       THEN w.valor > m.limite
                                       ELSE w.valor < m.limite END),
                   '-infinity')) inicio ON true
    UNION ALL
    SELECT 'CONSISTENCIA', t.well_id, t.codigo,
           r.descripcion,
           NULL::smallint, 'VIOLACION_' || t.codigo, t.severidad,
           CASE upper(t.severidad) WHEN 'CRITICAL' THEN '#b71c1c' WHEN 'HIGH' THEN '#e65100'
                                   WHEN 'MEDIUM' THEN '#f9a825' ELSE '#fbc02d' END,
           CASE upper(t.severidad) WHEN 'CRITICAL' THEN 9 WHEN 'HIGH' THEN 6 WHEN 'MEDIUM' THEN 4
                                   WHEN 'LOW' THEN 3 ELSE 2 END,
           t.valor_medido, t.valor_referencia, NULL,
           r.variable_referencia, t.valor_referencia,
           t.detectado_en, t.detectado_en, t.ultima_vez_en, t.ultima_vez_en, t.mensaje
      FROM stage.tbl_consistency_results t
      LEFT JOIN referencial.vw_reglas_consistencia r ON r.codigo = t.codigo
     WHERE t.vigente
    UNION ALL
    -- A pump card pattern other than FULL_PUMP on the last N rules diagnoses of a well (N: config_evaluacion
    -- 'card_alert_consecutive', default 3; docs/CARDS.md): since the first card after its latest full pump.
    SELECT 'CARTA', u.well_id, u.clase, coalesce(pa.descripcion, u.clase),
           NULL::smallint, 'PATRON_' || u.clase, u.severidad,
           CASE u.severidad WHEN 'SEVERE' THEN '#e65100' WHEN 'MODERATE' THEN '#f9a825' ELSE '#fbc02d' END,
           CASE u.severidad WHEN 'SEVERE' THEN 6 WHEN 'MODERATE' THEN 4 ELSE 3 END,
           u.llenado_pct, racha.n::double precision, '%',
           'card_alert_consecutive', cfg.n::double precision,
           racha.desde, NULL::timestamptz, u.timestamp_lectura, u.timestamp_lectura,
           format('%s on the last %s cards: %s', u.clase, racha.n, coalesce(u.razones->>0, ''))
      FROM (SELECT DISTINCT ON (d.well_id) d.well_id, d.clase, d.severidad, d.llenado_pct, d.timestamp_lectura,
                   d.razones, d.patron_id, d.modelo_version
              FROM universal.diagnostico d
             WHERE d.modelo_version LIKE 'bp010-rules-%'
             ORDER BY d.well_id, d.timestamp_lectura DESC, d.created_at DESC, d.diagnostico_id DESC) u
     CROSS JOIN (SELECT greatest(1, coalesce((SELECT c.valor_num FROM referencial.config_evaluacion c
                                              WHERE c.clave = 'card_alert_consecutive'
                                                AND c.nombre_tecnico IS NULL), 3))::integer AS n) cfg
     CROSS JOIN LATERAL (
            SELECT count(*) AS n, min(d.timestamp_lectura) AS desde
              FROM universal.diagnostico d
             WHERE d.well_id = u.well_id AND d.modelo_version = u.modelo_version
               AND d.timestamp_lectura > coalesce((SELECT max(f.timestamp_lectura) FROM universal.diagnostico f
                                                    WHERE f.well_id = u.well_id
                                                      AND f.modelo_version = u.modelo_version
                                                      AND f.clase = 'FULL_PUMP'), '-infinity')) racha
      LEFT JOIN universal.patron pa ON pa.patron_id = u.patron_id
     WHERE u.clase <> 'FULL_PUMP' AND racha.n >= cfg.n
)
SELECT row_number() OVER (ORDER BY a.rango_severidad DESC, a.desde DESC NULLS LAST, a.well_id, a.referencia)
           AS orden,
       a.tipo, a.well_id, p.nombre_pozo, p.campo, a.referencia, a.descripcion, a.codigo_status, a.estado,
       a.severidad, a.color, a.rango_severidad, a.valor, a.valor_referencia, a.unidad, a.desde,
       a.ultima_observacion, a.mensaje,
       a.limite_nombre, a.limite, a.abierta_en, a.evaluado_en, a.evaluado_en - a.desde AS duracion
  FROM alertas a
  LEFT JOIN reporting.dim_pozo p ON p.well_id = a.well_id
 ORDER BY a.rango_severidad DESC, a.desde DESC NULLS LAST, a.well_id, a.referencia;

COMMENT ON VIEW reporting.vw_alerts IS
    'Every variable at semaphore codes 1, 2, 6, 7, 8, 9, every live consistency violation and every well whose last N pump cards (config card_alert_consecutive, default 3) show a pattern other than FULL_PUMP (tipo CARTA, referencia the latest pattern, mensaje its first reason), worst first (rango_severidad) then newest (desde); orden is that order. desde is when the condition began: for a variable, the first reading of the latest unbroken run of its readings that break the same limit (limite_nombre, limite) on the same side, or its last reading when it went silent (code 9); for a violation, when a run first detected it. abierta_en is when the pipeline opened the alert, duracion is evaluado_en (the run''s asOf) minus desde';

-- ---------------------------------------------------------------------------------------------------------------
-- KPIs
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_kpi_daily AS
SELECT f.well_id, p.nombre_pozo, p.campo, f.fecha,
       f.n_lecturas, f.horas_con_datos,
       f.produccion_petroleo_bbl, f.produccion_agua_bbl, f.produccion_gas_mscf, f.produccion_liquido_bbl,
       f.bsw, f.oil_rate, f.liquid_rate,
       p.target_oil_rate,
       CASE WHEN f.completo IS NOT FALSE THEN
           coalesce(k.variance_oil_pct,
                    CASE WHEN p.target_oil_rate > 0
                         THEN (f.produccion_petroleo_bbl
                               -- over its hours with an oil rate (reporting.fnc_horas_tasa(horas_con_petroleo, ...),
                               -- written out: the reader role executes no function; a row written before V25: its
                               -- hours with data)
                               / (CASE WHEN f.horas_con_petroleo IS NULL
                                       THEN coalesce(NULLIF(f.horas_con_datos, 0), f.horas_periodo, 24)
                                       ELSE NULLIF(f.horas_con_petroleo, 0) END / 24.0::double precision)
                               - p.target_oil_rate) / p.target_oil_rate * 100 END)
       END AS variance_oil_pct,
       f.energia_kwh, f.horas_operacion, f.uptime_pct, f.n_carreras,
       f.kwh_por_bbl, f.kwh_por_bbl_petroleo, p.target_kwh_por_bbl,
       CASE WHEN p.target_kwh_por_bbl > 0
            THEN (f.kwh_por_bbl - p.target_kwh_por_bbl) / p.target_kwh_por_bbl * 100 END AS variance_kwh_por_bbl_pct,
       coalesce(k.eficiencia_volumetrica_pct, f.pump_efficiency_pct) AS pump_efficiency_pct,
       p.target_eficiencia_bomba_pct,
       coalesce(k.eficiencia_sistema_pct, f.system_efficiency_pct) AS system_efficiency_pct,
       f.pwf, f.pip_calc, f.fluid_level_calc, f.hydraulic_hp, f.pump_displacement_bpd,
       k.declinacion_pct,
       f.horas_periodo, f.completitud, f.completo, f.hhp_forma, f.volumen_desplazado_bbl,
       -- the energy and liquid of the day's energy-matched hours: kWh/bbl over several wells or days is
       -- sum(emp_energia_kwh) / sum(emp_energia_liquido_bbl) (docs/AGGREGATION.md, "Matched hours")
       f.emp_energia_kwh, f.emp_energia_liquido_bbl,
       -- the hours that have each rate (a rate = its barrels x 24 / them; NULL: a row written before V25)
       f.horas_con_petroleo, f.horas_con_agua, f.horas_con_gas, f.horas_con_liquido
  FROM reporting.fact_operaciones_diarias f
  LEFT JOIN reporting.dim_pozo p ON p.well_id = f.well_id
  LEFT JOIN reporting.dataset_kpi_business k
         ON k.well_id = f.well_id AND k.tipo_periodo = 'DIA' AND k.periodo = f.fecha;

COMMENT ON VIEW reporting.vw_kpi_daily IS
    'Per well and day: production (bbl, Mscf), coverage and completeness (completo: uptime and variance only then), energy and kWh/bbl against target, uptime, pump and system efficiency (over matched hours), downhole pressures, decline, HHP form; the matched hours'' energy and liquid (emp_*) for kWh/bbl over several rows';

CREATE VIEW reporting.vw_kpi_monthly AS
SELECT f.well_id, p.nombre_pozo, p.campo, f.mes,
       f.dias_con_datos, f.horas_con_datos, f.n_lecturas,
       f.produccion_petroleo_bbl, f.produccion_agua_bbl, f.produccion_gas_mscf, f.produccion_liquido_bbl,
       f.oil_rate, f.liquid_rate, f.bsw,
       p.target_oil_rate,
       CASE WHEN f.completo IS NOT FALSE THEN
           coalesce(k.variance_oil_pct,
                    CASE WHEN p.target_oil_rate > 0 THEN (f.oil_rate - p.target_oil_rate) / p.target_oil_rate * 100 END)
       END AS variance_oil_pct,
       f.energia_kwh, f.horas_operacion, f.uptime_pct,
       f.kwh_por_bbl, f.kwh_por_bbl_petroleo, p.target_kwh_por_bbl,
       coalesce(k.eficiencia_volumetrica_pct, f.pump_efficiency_pct) AS pump_efficiency_pct,
       p.target_eficiencia_bomba_pct,
       coalesce(k.eficiencia_sistema_pct, f.system_efficiency_pct) AS system_efficiency_pct,
       f.pwf,
       k.declinacion_pct, k.declinacion_anual_efectiva, k.arps_modelo, k.arps_qi, k.arps_di_anual, k.arps_b,
       k.eur_bbl, k.eur_remanente_bbl,
       f.dias_periodo, f.dias_completos, f.completitud, f.completo,
       f.horas_con_petroleo, f.horas_con_agua, f.horas_con_gas, f.horas_con_liquido
  FROM reporting.fact_operaciones_mensuales f
  LEFT JOIN reporting.dim_pozo p ON p.well_id = f.well_id
  LEFT JOIN reporting.dataset_kpi_business k
         ON k.well_id = f.well_id AND k.tipo_periodo = 'MES' AND k.periodo = f.mes;

COMMENT ON VIEW reporting.vw_kpi_monthly IS
    'Per well and month: production (sums of days), average rates, energy and kWh/bbl (ratio of sums) against target, uptime, efficiencies, decline, Arps EUR and remaining reserves';

-- ---------------------------------------------------------------------------------------------------------------
-- Data quality
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_dq_summary AS
WITH corridas AS (
    -- runs per rule, newest first
    SELECT s.rule_id, s.run_id, max(s.created_at) AS ejecutada_en, min(s.fecha) AS ventana_desde,
           max(s.fecha) AS ventana_hasta, sum(s.evaluated)::bigint AS evaluated, sum(s.passed)::bigint AS passed,
           sum(s.failed)::bigint AS failed, sum(s.not_evaluated)::bigint AS not_evaluated,
           row_number() OVER (PARTITION BY s.rule_id ORDER BY max(s.created_at) DESC, s.run_id) AS n
      FROM stage.tbl_dq_run_summary s
     GROUP BY s.rule_id, s.run_id
), ultima AS (
    SELECT * FROM corridas WHERE n = 1
), anterior AS (
    SELECT * FROM corridas WHERE n = 2
), fallas AS (
    SELECT q.rule_id, q.run_id, count(*) AS lecturas_fallidas, count(DISTINCT q.well_id) AS pozos_con_fallas
      FROM stage.tbl_pozo_scada_dq q
     WHERE q.resultado = 'FAIL'
     GROUP BY q.rule_id, q.run_id
)
SELECT r.rule_id, r.nombre_tecnico, r.tipo, r.expresion, r.severidad, r.activa, r.descripcion,
       u.run_id, u.ejecutada_en, u.ventana_desde, u.ventana_hasta,
       coalesce(u.evaluated, 0) AS evaluated, coalesce(u.passed, 0) AS passed, coalesce(u.failed, 0) AS failed,
       coalesce(u.not_evaluated, 0) AS not_evaluated,
       CASE WHEN u.evaluated > 0 THEN u.passed::double precision / u.evaluated END AS score,
       CASE WHEN a.evaluated > 0 THEN a.passed::double precision / a.evaluated END AS score_anterior,
       CASE WHEN u.evaluated > 0 AND a.evaluated > 0
            THEN u.passed::double precision / u.evaluated - a.passed::double precision / a.evaluated END
           AS tendencia,
       coalesce(fa.lecturas_fallidas, 0) AS lecturas_fallidas,
       coalesce(fa.pozos_con_fallas, 0) AS pozos_con_fallas
  FROM referencial.tbl_dq_rules r
  LEFT JOIN ultima u ON u.rule_id = r.rule_id
  LEFT JOIN anterior a ON a.rule_id = r.rule_id
  LEFT JOIN fallas fa ON fa.rule_id = r.rule_id AND fa.run_id IS NOT DISTINCT FROM u.run_id;

COMMENT ON VIEW reporting.vw_dq_summary IS
    'Per DQ rule: evaluated, passed, failed, not evaluated and score (passed/evaluated) of its latest run, the previous run''s score and the difference (tendencia), failing readings and wells recorded by that run';

CREATE VIEW reporting.vw_dq_trend AS
WITH ultima_por_dia AS (
    -- each (rule, day) as the newest run that covered it judged it
    SELECT DISTINCT ON (s.rule_id, s.fecha) s.rule_id, s.fecha, s.run_id, s.evaluated, s.passed, s.failed,
           s.not_evaluated
      FROM stage.tbl_dq_run_summary s
     ORDER BY s.rule_id, s.fecha, s.created_at DESC, s.run_id
)
SELECT d.fecha,
       CASE WHEN GROUPING(d.rule_id) = 1 THEN 'TOTAL' ELSE 'REGLA' END AS ambito,
       d.rule_id,
       max(r.nombre_tecnico) AS nombre_tecnico,
       max(r.tipo) AS tipo,
       sum(d.evaluated)::bigint AS evaluated, sum(d.passed)::bigint AS passed, sum(d.failed)::bigint AS failed,
       sum(d.not_evaluated)::bigint AS not_evaluated,
       CASE WHEN sum(d.evaluated) > 0 THEN sum(d.passed)::double precision / sum(d.evaluated) END AS score
  FROM ultima_por_dia d
  LEFT JOIN referencial.tbl_dq_rules r ON r.rule_id = d.rule_id
 GROUP BY GROUPING SETS ((d.fecha, d.rule_id), (d.fecha));

COMMENT ON VIEW reporting.vw_dq_trend IS
    'DQ score per day, per rule (ambito REGLA) and over all rules (ambito TOTAL, rule_id NULL), from the newest run that evaluated each rule and day';

-- ---------------------------------------------------------------------------------------------------------------
-- Physical consistency
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_consistency_violations AS
SELECT t.result_id, t.codigo, r.descripcion, t.well_id, p.nombre_pozo, p.campo,
       r.variable_medida, t.valor_medido,
       -- an agreement rule (measured vs calculated) reads "≈ ±15 %": within its tolerance of each other
       coalesce(r.operador, format('≈ ±%s %%', r.tolerancia_pct)) AS operador, r.tolerancia_pct,
       r.variable_referencia, t.valor_referencia,
       t.severidad, t.mensaje, t.vigente, r.origen,
       t.detectado_en, t.ultima_vez_en, t.resuelto_en,
       coalesce(t.resuelto_en, t.ultima_vez_en) - t.detectado_en AS duracion,
       t.run_id AS detectado_por_run, t.ultimo_run_id
  FROM stage.tbl_consistency_results t
  LEFT JOIN referencial.vw_reglas_consistencia r ON r.codigo = t.codigo
  LEFT JOIN reporting.dim_pozo p ON p.well_id = t.well_id
 WHERE t.vigente OR t.resuelto_en >= now() - interval '30 days';

COMMENT ON VIEW reporting.vw_consistency_violations IS
    'Physical consistency violations of the user''s rules (RC-nnn, origen USUARIO) and the project''s cross-checks (VC-nnn, origen PROYECTO; tolerancia_pct for a measured vs calculated agreement): live ones (vigente) and those resolved in the last 30 days, with the rule, both values and how long each lasted';

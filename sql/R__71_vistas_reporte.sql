-- BP010 family 7 (continued): the views the surveillance report reads besides those of R__70, each answering one
-- question. Like R__70's, bp010_reader reads them (afterMigrate__grants.sql) and they call no project routine.
--   vw_variable_labels     How is each variable called and measured? The catalogue's own words (Spanish), a short
--                          code, the unit and its name, and the English names this project defines where the
--                          catalogue has none; es_profundidad marks depth-like variables (a depth measured from
--                          surface: a high value is a deep fluid level, a low one a level high above the pump).
--   vw_status_labels       The 0-9 scale: the catalogue's names with the project's English names and the side of
--                          the band each code lies on (BAJO / ALTO), so a report can say "low" or "above pump".
--   vw_hourly_variables    Per well and hour: the hourly averages of the variables that have limits (readings
--                          that failed their DQ range rule excluded, docs/CONTRACTS.md §6 "Facts: aggregation rules"), for trends against the bands.
--   vw_dynacards           Per well and reading: the surface dynamometer card as sent (JSON text) and whether the
--                          DQ FORMATO rule failed it, with the reason.
--   vw_card_diagnoses      Per well, reading and model: what the card diagnosis said (pattern, severity, confidence,
--                          basis, fillage, fluid load, net stroke, PIP, reasons) with the surface card it read and
--                          the pump card under it (docs/CARDS.md), and its source (RULES or ML).
-- These views depend on tables only (never on R__70's views): R__70 drops its views with CASCADE when it changes, and
-- Flyway re-applies only the repeatable files that changed.

DROP VIEW IF EXISTS reporting.vw_variable_labels;
DROP VIEW IF EXISTS reporting.vw_status_labels;
DROP VIEW IF EXISTS reporting.vw_hourly_variables;
DROP VIEW IF EXISTS reporting.vw_dynacards;
DROP VIEW IF EXISTS reporting.vw_card_diagnoses;

-- ---------------------------------------------------------------------------------------------------------------
-- Variable names and units
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_variable_labels AS
WITH ingles (nombre_tecnico, nombre_en) AS (
    -- The project's English names (the catalogue is written in Spanish and has none).
    VALUES ('well_head_pressure', 'Wellhead (tubing) pressure'),
           ('casing_head_pressure', 'Casing (annulus) pressure'),
           ('flow_line_pressure', 'Flow line pressure'),
           ('separator_pressure', 'Test separator pressure'),
           ('wellhead_temperature', 'Wellhead temperature'),
           ('flow_line_temperature', 'Flow line temperature'),
           ('ambient_temperature', 'Ambient temperature at the RTU'),
           ('strokes_per_minute', 'Strokes per minute'),
           ('stroke_length', 'Surface stroke length'),
           ('pump_fillage', 'Pump fillage'),
           ('runtime_today_hours', 'Runtime today (resets at midnight)'),
           ('runtime_hours', 'Runtime hour meter'),
           ('max_rod_load', 'Peak polished-rod load'),
           ('min_rod_load', 'Minimum polished-rod load'),
           ('gearbox_torque', 'Peak gearbox torque'),
           ('fluid_load', 'Fluid load (downhole card)'),
           ('motor_current', 'Motor current'),
           ('motor_voltage', 'Motor voltage'),
           ('motor_power', 'Motor input power (negative = regeneration)'),
           ('energy_kwh', 'Energy counter'),
           ('oil_rate', 'Oil rate'),
           ('water_rate', 'Water rate'),
           ('gas_rate', 'Gas rate'),
           ('liquid_rate', 'Gross liquid rate'),
           ('bsw', 'Water cut (BSW)'),
           ('fluid_level', 'Fluid level from surface (acoustic)'),
           ('pump_intake_pressure', 'Pump intake pressure'),
           ('pump_submergence', 'Pump submergence (fluid above the pump)'),
           ('dynacard', 'Surface dynamometer card'),
           ('downhole_card', 'Downhole card from the controller'),
           ('fluid_level_calc', 'Fluid level calculated from PIP'),
           ('pip_calc', 'PIP calculated from the fluid level'),
           ('pwf', 'Flowing bottom-hole pressure (FBHP)'),
           ('pump_efficiency_pct', 'Pump volumetric efficiency'),
           ('system_efficiency_pct', 'System efficiency'),
           ('kwh_por_bbl', 'Energy per barrel of liquid'),
           ('kwh_por_bbl_petroleo', 'Energy per barrel of oil'),
           ('produccion_petroleo_bbl', 'Oil production'),
           ('produccion_agua_bbl', 'Water production'),
           ('produccion_gas_mscf', 'Gas production'),
           ('energia_kwh', 'Energy used'),
           ('horas_operacion', 'Runtime'),
           ('uptime_pct', 'Uptime'),
           ('variance_oil_pct', 'Oil rate against target'),
           ('cdi_diagnostico', 'Card diagnosis'),
           ('cdi_probabilidad', 'Diagnosis probability'),
           ('rod_weight_buoyant', 'Buoyant rod weight'),
           ('profundidad_bomba', 'Pump depth'),
           ('profundidad_yacimiento', 'Reservoir depth'),
           ('profundidad_media_perforados', 'Mid-perforation depth'),
           ('presion_estatica_yacimiento', 'Static reservoir pressure'),
           ('radio_pozo', 'Well radius'),
           ('radio_drenaje', 'Drainage radius'),
           ('run_status', 'Run status'),
           ('vfd_frequency', 'VFD output frequency'),
           ('diametro_piston', 'Plunger diameter'),
           ('api_gravity', 'Oil API gravity'),
           ('sg_agua', 'Formation water specific gravity'),
           ('peso_varillas_aire', 'Rod string weight in air')
), profundidad (nombre_tecnico) AS (
    -- Depths measured from surface: their limits mean "too deep" (max) and "too high above the pump" (min).
    VALUES ('fluid_level'), ('fluid_level_calc')
)
SELECT v.nombre_tecnico,
       v.id_formato1,
       coalesce(nullif(split_part(v.ident_dashboard, '.', 2), ''), v.nombre_tecnico) AS codigo_corto,
       coalesce(v.descripcion, v.nombre_tecnico) AS nombre_es,
       -- the name without the catalogue's explanation: cut at the first " (" or at the first word of a formula
       coalesce(nullif(regexp_replace(v.descripcion, '\s+(\(|\S*[*/=(]).*$', ''), ''), v.nombre_tecnico) AS etiqueta_es,
       i.nombre_en,
       v.unidad, u.nombre AS unidad_nombre, u.magnitud,
       v.panel_id, pb.nombre AS panel_nombre,
       v.tipo_dato, v.categoria,
       p.nombre_tecnico IS NOT NULL AS es_profundidad,
       EXISTS (SELECT 1 FROM referencial.tbl_limites_pozo l WHERE l.nombre_tecnico = v.nombre_tecnico) AS tiene_limites
  FROM referencial.tbl_maestra_variables v
  LEFT JOIN referencial.tbl_ref_unidades u ON u.simbolo = v.unidad
  LEFT JOIN referencial.tbl_ref_paneles_bi pb ON pb.panel_id = v.panel_id
  LEFT JOIN ingles i ON i.nombre_tecnico = v.nombre_tecnico
  LEFT JOIN profundidad p ON p.nombre_tecnico = v.nombre_tecnico
 WHERE v.activa;

COMMENT ON VIEW reporting.vw_variable_labels IS
    'Per active catalogue variable: the catalogue''s name (nombre_es; etiqueta_es without its parenthesis or formula), short code (after the dot of ident_dashboard), unit and unit name, panel, the project''s English name (nombre_en, NULL where none is defined), es_profundidad for depths from surface, tiene_limites';

-- ---------------------------------------------------------------------------------------------------------------
-- The 0-9 scale's names
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_status_labels AS
WITH ingles (codigo, nombre_en, lado) AS (
    VALUES (0::smallint, 'No data', NULL),
           (1::smallint, 'Critical low', 'BAJO'),
           (2::smallint, 'Warning low', 'BAJO'),
           (3::smallint, 'Normal low', 'BAJO'),
           (4::smallint, 'Optimal', NULL),
           (5::smallint, 'Normal high', 'ALTO'),
           (6::smallint, 'Warning high', 'ALTO'),
           (7::smallint, 'Critical high', 'ALTO'),
           (8::smallint, 'Outside the physical range', NULL),
           (9::smallint, 'No communication', NULL)
)
SELECT s.codigo, s.nombre, i.nombre_en, s.descripcion, i.lado, s.estado_operativo,
       e.nombre AS estado_operativo_nombre, s.severidad_orden, e.prioridad AS estado_operativo_prioridad
  FROM referencial.catalogo_status s
  JOIN referencial.tbl_ref_estados_operativos e ON e.codigo = s.estado_operativo
  LEFT JOIN ingles i ON i.codigo = s.codigo;

COMMENT ON VIEW reporting.vw_status_labels IS
    'The semaphore scale 0-9: the catalogue''s name, the project''s English name, the side of the band (BAJO below the target, ALTO above, NULL otherwise), the operational state it maps to';

-- ---------------------------------------------------------------------------------------------------------------
-- Hourly trends of the limited variables
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_hourly_variables AS
SELECT h.well_id, h.fecha_hora, h.n_lecturas,
       h.well_head_pressure, h.casing_head_pressure, h.flow_line_pressure, h.wellhead_temperature,
       h.strokes_per_minute, h.pump_fillage, h.max_rod_load, h.min_rod_load, h.motor_current, h.motor_power,
       h.oil_rate, h.water_rate, h.gas_rate, h.bsw, h.pump_intake_pressure, h.fluid_level, h.gearbox_torque
  FROM reporting.fact_operaciones_horarias h;

COMMENT ON VIEW reporting.vw_hourly_variables IS
    'Per well and hour (fecha_hora = start of the hour): readings in the hour and the hourly average of each variable that has limits, over the readings that passed their DQ range rule';

-- ---------------------------------------------------------------------------------------------------------------
-- Surface dynamometer cards
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_dynacards AS
SELECT p.well_id, p.timestamp_lectura, p.dynacard AS carta,
       p.strokes_per_minute, p.stroke_length,
       f.rule_id IS NULL AS carta_valida,
       f.rule_id AS dq_regla, f.motivo AS dq_motivo
  FROM stage.tbl_pozo_produccion p
  LEFT JOIN LATERAL (
        SELECT q.rule_id, q.motivo
          FROM stage.tbl_pozo_scada_dq q
         WHERE q.well_id = p.well_id AND q.timestamp_lectura = p.timestamp_lectura
           AND q.nombre_tecnico = 'dynacard' AND q.resultado = 'FAIL'
         ORDER BY q.rule_id
         LIMIT 1) f ON true
 WHERE p.dynacard IS NOT NULL;

COMMENT ON VIEW reporting.vw_dynacards IS
    'Per well and reading with a surface card: the card as sent ({"position": [in], "load": [lbf]} JSON text), SPM and stroke of the same reading, carta_valida false with the DQ rule and reason when the FORMATO check failed it';

-- ---------------------------------------------------------------------------------------------------------------
-- Card diagnoses: the pump card and what it says
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW reporting.vw_card_diagnoses AS
SELECT d.well_id, d.timestamp_lectura, d.clase AS patron, d.severidad, d.probabilidad AS confianza, d.base,
       d.llenado_pct, d.carga_fluido_lbf, d.carrera_neta_in, d.pip_psi, d.razones, d.caracteristicas,
       d.modelo_version,
       CASE WHEN d.modelo_version LIKE 'bp010-rules-%' THEN 'RULES' ELSE 'ML' END AS fuente,
       s.position AS position_superficie, s.load AS load_superficie, s.spm,
       f.position AS position_fondo, f.load AS load_fondo
  FROM universal.diagnostico d
  LEFT JOIN universal.stroke s ON s.stroke_id = d.stroke_id
  LEFT JOIN universal.stroke f ON f.well_id = d.well_id AND f.timestamp_lectura = d.timestamp_lectura
                              AND f.tipo_carta = 'FONDO';

COMMENT ON VIEW reporting.vw_card_diagnoses IS
    'Per well, reading and model version: the card diagnosis (patron from universal.patron''s vocabulary, severidad NONE/LOW/MODERATE/SEVERE, confianza 0-1, base PUMP or SURFACE, llenado_pct, carga_fluido_lbf, carrera_neta_in, pip_psi, razones: why, in words, caracteristicas: the features by name as docs/CARDS.md defines them), the surface card it read and the pump card of the same reading (NULL on the surface basis), fuente RULES (the pipeline''s card step) or ML';

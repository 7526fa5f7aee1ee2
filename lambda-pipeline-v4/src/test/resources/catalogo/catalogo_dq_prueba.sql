-- Test catalogue for the phase 3-4 integration tests (the reference loader is tested on its own): one variable and
-- one SCADA id per stage column, and the 35 rules of config/02_reglas_calidad.csv as the loader parses them
-- (">0" -> min 0.0001, "0-100%" -> 0..100, "<15min" -> 900 s; WHP/CHP max 2000 from the well limits).
INSERT INTO referencial.tbl_maestra_variables (id_formato1, nombre_tecnico, tipo_dato, categoria, es_contador)
SELECT 'VAR' || lpad(c.ordinal_position::text, 3, '0'), c.column_name,
       CASE WHEN c.data_type = 'text' THEN 'text' ELSE 'numeric' END, 'scada',
       c.column_name IN ('energy_kwh', 'runtime_hours', 'stroke_counter')
  FROM information_schema.columns c
 WHERE c.table_schema = 'stage' AND c.table_name = 'tbl_pozo_produccion'
   AND c.column_name NOT IN ('well_id', 'timestamp_lectura', 'pivoted_at');

INSERT INTO referencial.tbl_var_scada_map (var_id_scada, id_formato1, nombre_tecnico, columna_stage, tipo_dato)
SELECT 'IDN' || lpad(c.ordinal_position::text, 4, '0'), 'VAR' || lpad(c.ordinal_position::text, 3, '0'),
       c.column_name, c.column_name, CASE WHEN c.data_type = 'text' THEN 'text' ELSE 'numeric' END
  FROM information_schema.columns c
 WHERE c.table_schema = 'stage' AND c.table_name = 'tbl_pozo_produccion'
   AND c.column_name NOT IN ('well_id', 'timestamp_lectura', 'pivoted_at');

INSERT INTO referencial.tbl_dq_rules (rule_id, nombre_tecnico, tipo, expresion, valor_min, valor_max, latencia_max_seg, severidad) VALUES
    ('DQ-001', 'well_head_pressure',           'REPRESENTATIVIDAD', '>=0',          0,      2000,    NULL, 'HIGH'),
    ('DQ-002', 'casing_head_pressure',         'REPRESENTATIVIDAD', '>=0',          0,      2000,    NULL, 'HIGH'),
    ('DQ-003', 'flow_line_pressure',           'REPRESENTATIVIDAD', '0-1500',       0,      1500,    NULL, 'MEDIUM'),
    ('DQ-004', 'wellhead_temperature',         'REPRESENTATIVIDAD', '0-350',        0,      350,     NULL, 'MEDIUM'),
    ('DQ-005', 'strokes_per_minute',           'REPRESENTATIVIDAD', '1-15',         1,      15,      NULL, 'HIGH'),
    ('DQ-006', 'stroke_length',                'REPRESENTATIVIDAD', '>0',           0.0001, NULL,    NULL, 'MEDIUM'),
    ('DQ-007', 'pump_fillage',                 'REPRESENTATIVIDAD', '0-100%',       0,      100,     NULL, 'HIGH'),
    ('DQ-008', 'max_rod_load',                 'REPRESENTATIVIDAD', '500-60000',    500,    60000,   NULL, 'CRITICAL'),
    ('DQ-009', 'min_rod_load',                 'REPRESENTATIVIDAD', '0-40000',      0,      40000,   NULL, 'CRITICAL'),
    ('DQ-010', 'motor_current',                'REPRESENTATIVIDAD', '0-400',        0,      400,     NULL, 'MEDIUM'),
    ('DQ-011', 'motor_power',                  'REPRESENTATIVIDAD', '-50-150',      -50,    150,     NULL, 'MEDIUM'),
    ('DQ-012', 'vfd_frequency',                'REPRESENTATIVIDAD', '0-90',         0,      90,      NULL, 'LOW'),
    ('DQ-013', 'oil_rate',                     'REPRESENTATIVIDAD', '0-5000',       0,      5000,    NULL, 'HIGH'),
    ('DQ-014', 'water_rate',                   'REPRESENTATIVIDAD', '0-10000',      0,      10000,   NULL, 'HIGH'),
    ('DQ-015', 'gas_rate',                     'REPRESENTATIVIDAD', '0-5000',       0,      5000,    NULL, 'MEDIUM'),
    ('DQ-016', 'bsw',                          'REPRESENTATIVIDAD', '0-100%',       0,      100,     NULL, 'HIGH'),
    ('DQ-017', 'pump_intake_pressure',         'REPRESENTATIVIDAD', '0-5000',       0,      5000,    NULL, 'HIGH'),
    ('DQ-018', 'fluid_level',                  'REPRESENTATIVIDAD', '0-15000',      0,      15000,   NULL, 'HIGH'),
    ('DQ-019', 'gearbox_torque',               'REPRESENTATIVIDAD', '0-1500000',    0,      1500000, NULL, 'MEDIUM'),
    ('DQ-020', 'run_status',                   'LATENCIA',          '<2s',          NULL,   NULL,    2,    'HIGH'),
    ('DQ-021', 'well_head_pressure',           'LATENCIA',          '<15min',       NULL,   NULL,    900,  'MEDIUM'),
    ('DQ-022', 'motor_power',                  'LATENCIA',          '<15min',       NULL,   NULL,    900,  'MEDIUM'),
    ('DQ-023', 'oil_rate',                     'LATENCIA',          '<1h',          NULL,   NULL,    3600, 'LOW'),
    ('DQ-024', 'dynacard',                     'FORMATO',           NULL,           NULL,   NULL,    NULL, 'HIGH'),
    ('DQ-025', 'downhole_card',                'FORMATO',           NULL,           NULL,   NULL,    NULL, 'MEDIUM'),
    ('DQ-026', 'profundidad_bomba',            'MAESTRA',           '1000-12000',   1000,   12000,   NULL, 'HIGH'),
    ('DQ-027', 'profundidad_yacimiento',       'MAESTRA',           '>0',           0.0001, NULL,    NULL, 'HIGH'),
    ('DQ-028', 'profundidad_media_perforados', 'MAESTRA',           '>0',           0.0001, NULL,    NULL, 'MEDIUM'),
    ('DQ-029', 'presion_estatica_yacimiento',  'MAESTRA',           '>0',           0.0001, NULL,    NULL, 'HIGH'),
    ('DQ-030', 'radio_pozo',                   'MAESTRA',           '0.1-1',        0.1,    1,       NULL, 'MEDIUM'),
    ('DQ-031', 'radio_drenaje',                'MAESTRA',           '100-3000',     100,    3000,    NULL, 'MEDIUM'),
    ('DQ-032', 'diametro_piston',              'MAESTRA',           '1.06-3.75',    1.06,   3.75,    NULL, 'MEDIUM'),
    ('DQ-033', 'api_gravity',                  'MAESTRA',           '10-50',        10,     50,      NULL, 'MEDIUM'),
    ('DQ-034', 'sg_agua',                      'MAESTRA',           '1-1.2',        1,      1.2,     NULL, 'MEDIUM'),
    ('DQ-035', 'peso_varillas_aire',           'MAESTRA',           '>0',           0.0001, NULL,    NULL, 'HIGH');

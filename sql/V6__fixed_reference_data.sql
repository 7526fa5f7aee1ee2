-- BP010 phase 1 (INIT), family 2 (seed V7 sistema de clasificacion universal): the fixed data of SPEC 5 and 6 -
-- operational states, the 0-9 status scale, the six consistency rules, evaluation settings and constants, KPI
-- configuration defaults. The reference loader re-asserts the states, scale and rules by upsert on these keys.

INSERT INTO referencial.tbl_ref_estados_operativos (codigo, nombre, descripcion, color, prioridad) VALUES
    ('CRITICAL', 'Critico',        'At least one variable critical or physically impossible', '#d32f2f', 5),
    ('OFFLINE',  'Sin comunicacion', 'Variables silent longer than the offline allowance',   '#424242', 4),
    ('WARNING',  'Alerta',         'At least one variable in a warning band',                 '#f9a825', 3),
    ('NORMAL',   'Normal',         'Every evaluated variable within its normal band',         '#2e7d32', 2),
    ('UNKNOWN',  'Desconocido',    'No evaluated variable',                                   '#9e9e9e', 1)
ON CONFLICT (codigo) DO UPDATE SET nombre = EXCLUDED.nombre, descripcion = EXCLUDED.descripcion,
    color = EXCLUDED.color, prioridad = EXCLUDED.prioridad;

INSERT INTO referencial.catalogo_status (codigo, nombre, color, estado_operativo, severidad_orden, descripcion) VALUES
    (0, 'SIN_DATO',              '#9e9e9e', 'UNKNOWN',  0, 'no value'),
    (1, 'CRITICO_BAJO',          '#b71c1c', 'CRITICAL', 9, 'value < min_critical'),
    (2, 'ALERTA_BAJO',           '#f9a825', 'WARNING',  5, 'min_critical <= value < min_warning'),
    (3, 'NORMAL_BAJO',           '#81c784', 'NORMAL',   2, 'min_warning <= value < target - tolerance'),
    (4, 'OPTIMO',                '#2e7d32', 'NORMAL',   1, 'within target +/- tolerance (or inside the warning band without a usable target)'),
    (5, 'NORMAL_ALTO',           '#81c784', 'NORMAL',   2, 'target + tolerance < value <= max_warning'),
    (6, 'ALERTA_ALTO',           '#f9a825', 'WARNING',  5, 'max_warning < value <= max_critical'),
    (7, 'CRITICO_ALTO',          '#b71c1c', 'CRITICAL', 9, 'value > max_critical'),
    (8, 'FUERA_DE_RANGO_FISICO', '#6a1b9a', 'CRITICAL', 8, 'the latest reading failed its DQ range rule'),
    (9, 'SIN_COMUNICACION',      '#424242', 'OFFLINE',  7, 'latest reading older than the offline allowance')
ON CONFLICT (codigo) DO UPDATE SET nombre = EXCLUDED.nombre, color = EXCLUDED.color,
    estado_operativo = EXCLUDED.estado_operativo, severidad_orden = EXCLUDED.severidad_orden,
    descripcion = EXCLUDED.descripcion;

-- Variables are stage columns (current values) or well-master attributes; pwf is the FBHP derived in phase 5.
INSERT INTO referencial.tbl_reglas_consistencia
    (codigo, descripcion, variable_medida, operador, variable_referencia, severidad) VALUES
    ('RC-001', 'Peak polished-rod load above the minimum load',            'max_rod_load',       '>', 'min_rod_load',                'CRITICAL'),
    ('RC-002', 'Peak polished-rod load above the buoyant rod weight',       'max_rod_load',       '>', 'rod_weight_buoyant',          'HIGH'),
    ('RC-003', 'Wellhead pressure below the flowing bottom-hole pressure',  'well_head_pressure', '<', 'pwf',                         'CRITICAL'),
    ('RC-004', 'Flowing bottom-hole pressure below static reservoir pressure', 'pwf',             '<', 'presion_estatica_yacimiento', 'HIGH'),
    ('RC-005', 'Pump set above the reservoir',                              'profundidad_bomba',  '<', 'profundidad_yacimiento',      'MEDIUM'),
    ('RC-006', 'Well radius smaller than the drainage radius',              'radio_pozo',         '<', 'radio_drenaje',               'MEDIUM')
ON CONFLICT (codigo) DO UPDATE SET descripcion = EXCLUDED.descripcion, variable_medida = EXCLUDED.variable_medida,
    operador = EXCLUDED.operador, variable_referencia = EXCLUDED.variable_referencia, severidad = EXCLUDED.severidad;

INSERT INTO referencial.config_evaluacion (clave, nombre_tecnico, valor_num, valor_texto, descripcion) VALUES
    ('tolerancia_pct',            NULL, 5,          NULL,  'Band around the target counted as OPTIMO, percent of target'),
    ('offline_allowance_min',     NULL, 120,        NULL,  'Minutes without a reading before a variable is SIN_COMUNICACION (per-variable rows override)'),
    ('gradiente_psi_ft',          NULL, 0.433,      NULL,  'Fresh-water pressure gradient, psi/ft per unit SG'),
    ('constante_bomba',           NULL, 0.1166,     NULL,  'Pump displacement constant k in PD = k*D^2*S*N (bbl/d; exact pi/4*1440/9702 = 0.116571)'),
    ('factor_flotacion',          NULL, 0.128,      NULL,  'Buoyancy factor for steel rods: Wrf = Wr_air*(1 - factor*SG)'),
    ('hhp_definicion',            NULL, NULL,       'API', 'Hydraulic horsepower: API (7.36e-6*q*SG*L_net) or PRESION (1.7e-5*q*dP)'),
    ('hhp_factor_api',            NULL, 7.36e-6,    NULL,  'API hydraulic horsepower factor'),
    ('hhp_factor_presion',        NULL, 1.7e-5,     NULL,  'Pressure-form hydraulic horsepower factor'),
    ('prhp_divisor',              NULL, 396000,     NULL,  'PRHP = card area (lbf*in) * SPM / 396000'),
    ('hp_por_kw',                 NULL, 1.341022,   NULL,  'Horsepower per kilowatt'),
    ('sg_agua_default',           NULL, NULL,       NULL,  'Water SG when the well master has none (NULL: no guess, derived values stay NULL)'),
    ('dq_cierre_carta_tolerancia', NULL, 0.05,    NULL,  'FORMATO rule: a card is closed when its first and last points differ by at most this fraction of the position and load spans'),
    ('correccion_columna_gas',    NULL, 0,          NULL,  '1 applies the gas-column correction to PIP (gas SG from the well master, Z 1)'),
    ('arps_q_limite_economico',   NULL, 5,          NULL,  'Economic-limit oil rate for Arps EUR and remaining reserves when the fit gives none, bbl/d'),
    ('factor_critico_min',        NULL, 0.8,        NULL,  'sp_seed_defaults: a missing min_critical is min_warning - |min_warning|*(1 - factor)'),
    ('factor_critico_max',        NULL, 1.2,        NULL,  'sp_seed_defaults: a missing max_critical is max_warning + |max_warning|*(factor - 1)'),
    ('volatilidad_pct_estable',   NULL, 5,          NULL,  'Expected variability (percent of target) of a variable of class ESTABLE (temperatures, SPM)'),
    ('volatilidad_pct_moderada',  NULL, 15,         NULL,  'Expected variability (percent of target) of a variable of class MODERADA (pressures, loads, levels)'),
    ('volatilidad_pct_volatil',   NULL, 30,         NULL,  'Expected variability (percent of target) of a variable of class VOLATIL (rates, electrical)')
ON CONFLICT (clave, nombre_tecnico) DO NOTHING;

INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, baseline, min_aceptable, max_aceptable, unidad, descripcion) VALUES
    ('kwh_por_bbl',                 NULL, 2.0,  NULL, NULL, 5.0,  'kWh/bbl', 'Energy per barrel of liquid'),
    ('kwh_por_bbl_petroleo',        NULL, 5.0,  NULL, NULL, 15.0, 'kWh/bbl', 'Energy per barrel of oil'),
    ('eficiencia_volumetrica_pct',  NULL, 80,   NULL, 60,   100,  '%',       'Pump volumetric efficiency'),
    ('eficiencia_sistema_pct',      NULL, 45,   NULL, 25,   70,   '%',       'System (wire-to-water) efficiency'),
    ('uptime_pct',                  NULL, 95,   NULL, 85,   100,  '%',       'Runtime over calendar hours'),
    ('declinacion_anual_pct',       NULL, 15,   NULL, NULL, 40,   '%/yr',    'Effective annual decline'),
    ('dq_score',                    NULL, 0.98, NULL, 0.90, 1,    'frac',    'Data-quality score (passed / evaluated)')
ON CONFLICT (kpi, well_id) DO NOTHING;

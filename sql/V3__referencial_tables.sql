-- BP010 phase 1 (INIT), family 1 (seed V4__referencial_schema_redesign) and family 2 (V7 sistema de clasificacion):
-- the reference catalogue. Loaded by lambda-load-referencial from config/ (SPEC 4.2, 5); the fixed data (status
-- scale, operational states, consistency rules, evaluation settings) is inserted by V6 and re-asserted by the loader.

-- Standard units (06_unidades_standar.csv): the canonical symbols every variable resolves to.
CREATE TABLE referencial.tbl_ref_unidades (
    simbolo     text PRIMARY KEY,
    nombre      text NOT NULL,
    magnitud    text NOT NULL,
    activa      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN referencial.tbl_ref_unidades.activa IS 'false: no longer in the config files but still referenced by a kept (deactivated) variable';

-- Operational states of a well (NORMAL, WARNING, CRITICAL, OFFLINE, UNKNOWN).
CREATE TABLE referencial.tbl_ref_estados_operativos (
    codigo       text PRIMARY KEY,
    nombre       text NOT NULL,
    descripcion  text,
    color        text NOT NULL,
    prioridad    smallint NOT NULL UNIQUE
);

-- BI panels of the dashboard (hoja_validacion.csv).
CREATE TABLE referencial.tbl_ref_paneles_bi (
    panel_id     text PRIMARY KEY,
    nombre       text NOT NULL,
    descripcion  text,
    orden        integer,
    activa       boolean NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The variable master (Variables_ID_stage.csv): the truth of variable ids.
CREATE TABLE referencial.tbl_maestra_variables (
    id_formato1      text PRIMARY KEY,
    nombre_tecnico   text NOT NULL UNIQUE,
    descripcion      text,
    unidad           text REFERENCES referencial.tbl_ref_unidades (simbolo),
    unidad_cruda     text,
    panel_id         text REFERENCES referencial.tbl_ref_paneles_bi (panel_id),
    ident_dashboard  text,
    tipo_dato        text NOT NULL CHECK (tipo_dato IN ('numeric', 'text', 'boolean', 'integer')),
    categoria        text NOT NULL,
    es_contador      boolean NOT NULL DEFAULT false,
    activa           boolean NOT NULL DEFAULT true,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Raw field units per variable as 05_unidades.csv writes them, with the standard symbol they normalise to.
CREATE TABLE referencial.tbl_unidades_variable (
    id_formato1   text PRIMARY KEY REFERENCES referencial.tbl_maestra_variables (id_formato1) ON DELETE CASCADE,
    unidad_cruda  text NOT NULL,
    simbolo       text NOT NULL REFERENCES referencial.tbl_ref_unidades (simbolo),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- SCADA id -> variable -> stage column (from the legacy pivot query V1__stage_to_stage.sql).
CREATE TABLE referencial.tbl_var_scada_map (
    var_id_scada    text PRIMARY KEY,
    id_formato1     text NOT NULL REFERENCES referencial.tbl_maestra_variables (id_formato1),
    nombre_tecnico  text NOT NULL,
    columna_stage   text NOT NULL,
    tipo_dato       text NOT NULL DEFAULT 'numeric' CHECK (tipo_dato IN ('numeric', 'text')),
    activa          boolean NOT NULL DEFAULT true,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tbl_var_scada_map_columna_chk CHECK (columna_stage ~ '^[a-z][a-z0-9_]{0,62}$')
);
-- One live SCADA id per stage column. A retired id that history (landing rows) still refers to stays, deactivated,
-- beside the id that replaced it: its old readings still mean that column.
CREATE UNIQUE INDEX tbl_var_scada_map_columna_activa_uk ON referencial.tbl_var_scada_map (columna_stage) WHERE activa;

-- Operating limits and targets per variable; well_id NULL = all wells, a per-well row overrides it.
CREATE TABLE referencial.tbl_limites_pozo (
    limite_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nombre_tecnico  text NOT NULL,
    well_id         text,
    min_critical    double precision,
    min_warning     double precision,
    max_warning     double precision,
    max_critical    double precision,
    target          double precision,
    baseline        double precision,
    unidad          text,
    clasificacion   text,
    volatilidad_pct double precision,
    tolerancia_pct  double precision,
    fuente          text NOT NULL DEFAULT 'config',
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tbl_limites_pozo_uk UNIQUE NULLS NOT DISTINCT (nombre_tecnico, well_id),
    CONSTRAINT tbl_limites_pozo_orden_chk CHECK (
        (min_critical IS NULL OR min_warning IS NULL OR min_critical <= min_warning)
        AND (max_warning IS NULL OR max_critical IS NULL OR max_warning <= max_critical)
        AND (min_warning IS NULL OR max_warning IS NULL OR min_warning <= max_warning))
);

-- Data-quality rules (02_reglas_calidad.csv). tipo: REPRESENTATIVIDAD (value range), LATENCIA (seconds between the
-- reading and its receipt), FORMATO (text variables: the card), MAESTRA (range on a well-master attribute).
CREATE TABLE referencial.tbl_dq_rules (
    rule_id           text PRIMARY KEY,
    nombre_tecnico    text NOT NULL,
    tipo              text NOT NULL CHECK (tipo IN ('REPRESENTATIVIDAD', 'LATENCIA', 'FORMATO', 'MAESTRA')),
    expresion         text,
    valor_min         double precision,
    valor_max         double precision,
    latencia_max_seg  double precision,
    severidad         text NOT NULL DEFAULT 'MEDIUM',
    activa            boolean NOT NULL DEFAULT true,
    descripcion       text,
    origen_max        text,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Physical consistency rules RC-001..RC-006: measured variable, operator, reference variable.
CREATE TABLE referencial.tbl_reglas_consistencia (
    codigo               text PRIMARY KEY CHECK (codigo ~ '^RC-[0-9]{3}$'),
    descripcion          text NOT NULL,
    variable_medida      text NOT NULL,
    operador             text NOT NULL CHECK (operador IN ('<', '<=', '>', '>=')),
    variable_referencia  text NOT NULL,
    severidad            text NOT NULL,
    activa               boolean NOT NULL DEFAULT true
);

-- Which variables take part in which consistency rule (the rules file's consistency column).
CREATE TABLE referencial.tbl_dq_consistencia_map (
    rule_id         text NOT NULL REFERENCES referencial.tbl_dq_rules (rule_id) ON DELETE CASCADE,
    codigo          text NOT NULL REFERENCES referencial.tbl_reglas_consistencia (codigo),
    nombre_tecnico  text NOT NULL,
    CONSTRAINT tbl_dq_consistencia_map_pk PRIMARY KEY (rule_id, codigo)
);

-- The semaphore scale 0-9 (SPEC 6).
CREATE TABLE referencial.catalogo_status (
    codigo            smallint PRIMARY KEY CHECK (codigo BETWEEN 0 AND 9),
    nombre            text NOT NULL UNIQUE,
    color             text NOT NULL,
    estado_operativo  text NOT NULL REFERENCES referencial.tbl_ref_estados_operativos (codigo),
    severidad_orden   smallint NOT NULL,
    descripcion       text
);

-- Evaluation settings and physical constants, key/value with optional per-variable overrides
-- (tolerance, offline allowance, gradient constant 0.433, pump constant 0.1166, HHP definition...).
CREATE TABLE referencial.config_evaluacion (
    clave           text NOT NULL,
    nombre_tecnico  text,
    valor_num       double precision,
    valor_texto     text,
    descripcion     text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT config_evaluacion_uk UNIQUE NULLS NOT DISTINCT (clave, nombre_tecnico)
);

-- KPI configuration: targets and baselines of business KPIs (kWh/bbl, efficiencies, uptime...), all wells or per well.
CREATE TABLE referencial.tbl_config_kpi (
    kpi             text NOT NULL,
    well_id         text,
    target          double precision,
    baseline        double precision,
    min_aceptable   double precision,
    max_aceptable   double precision,
    unidad          text,
    descripcion     text,
    fuente          text NOT NULL DEFAULT 'default',
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tbl_config_kpi_uk UNIQUE NULLS NOT DISTINCT (kpi, well_id)
);

-- Every reference load: where from, each file's SHA-256, the counts (traceability of any result's catalogue).
CREATE TABLE referencial.config_loads (
    load_id       uuid PRIMARY KEY,
    loaded_at     timestamptz NOT NULL DEFAULT now(),
    location      text NOT NULL,
    files         jsonb NOT NULL,
    counts        jsonb NOT NULL,
    warnings      jsonb NOT NULL DEFAULT '[]'::jsonb,
    duration_ms   bigint
);

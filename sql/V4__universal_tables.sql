-- BP010 phase 1 (INIT), family 1 (seed V2__universal_schema): what the ML modules write. Empty until they run; the
-- bridge procedures of phase 5 copy it into reporting whenever it holds rows newer than their last sync.

-- Reference card shapes per diagnosis class (full pump, fluid pound, gas interference, ...).
CREATE TABLE universal.patron (
    patron_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    clase_diagnostico  text NOT NULL,
    descripcion        text,
    position           double precision[] NOT NULL,
    load               double precision[] NOT NULL,
    fuente             text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT patron_arrays_chk CHECK (cardinality(position) = cardinality(load))
);

-- One stroke of a well's card: positions (in) and loads (lbf).
CREATE TABLE universal.stroke (
    stroke_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    well_id            text NOT NULL,
    timestamp_lectura  timestamptz NOT NULL,
    position           double precision[] NOT NULL,
    load               double precision[] NOT NULL,
    spm                double precision,
    tipo_carta         text NOT NULL DEFAULT 'SUPERFICIE' CHECK (tipo_carta IN ('SUPERFICIE', 'FONDO')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stroke_arrays_chk CHECK (cardinality(position) = cardinality(load)),
    CONSTRAINT stroke_uk UNIQUE (well_id, timestamp_lectura, tipo_carta)
);
CREATE INDEX stroke_created_idx ON universal.stroke (created_at);

-- A model's diagnosis of a stroke.
CREATE TABLE universal.diagnostico (
    diagnostico_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stroke_id          bigint REFERENCES universal.stroke (stroke_id) ON DELETE CASCADE,
    well_id            text NOT NULL,
    timestamp_lectura  timestamptz NOT NULL,
    clase              text NOT NULL,
    probabilidad       double precision CHECK (probabilidad BETWEEN 0 AND 1),
    modelo_version     text NOT NULL,
    patron_id          bigint REFERENCES universal.patron (patron_id),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diagnostico_well_ts_idx ON universal.diagnostico (well_id, timestamp_lectura DESC);
CREATE INDEX diagnostico_created_idx ON universal.diagnostico (created_at);

-- An expert's verdict on a diagnosis (the ground truth behind ai_accuracy_*).
CREATE TABLE universal.validacion_experta (
    validacion_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    diagnostico_id   bigint NOT NULL REFERENCES universal.diagnostico (diagnostico_id) ON DELETE CASCADE,
    clase_validada   text NOT NULL,
    es_correcto      boolean NOT NULL,
    experto          text,
    comentario       text,
    validado_en      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX validacion_experta_validado_idx ON universal.validacion_experta (validado_en);

-- Inflow performance results (Vogel, composite, straight-line PI).
CREATE TABLE universal.ipr_resultados (
    ipr_id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    well_id                text NOT NULL,
    fecha_calculo          timestamptz NOT NULL,
    modelo                 text NOT NULL CHECK (modelo IN ('VOGEL', 'COMPUESTO', 'LINEAL')),
    presion_yacimiento     double precision,
    presion_burbuja        double precision,
    pwf_prueba             double precision,
    q_prueba               double precision,
    qmax                   double precision,
    indice_productividad   double precision,
    eficiencia_flujo       double precision,
    modelo_version         text,
    created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ipr_resultados_well_idx ON universal.ipr_resultados (well_id, fecha_calculo DESC);
CREATE INDEX ipr_resultados_created_idx ON universal.ipr_resultados (created_at);

-- Arps decline fits (qi, Di nominal per year, b) and their reserves.
CREATE TABLE universal.arps_resultados (
    arps_id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    well_id              text NOT NULL,
    fecha_ajuste         timestamptz NOT NULL,
    fecha_inicio         date NOT NULL,
    modelo               text NOT NULL CHECK (modelo IN ('EXPONENCIAL', 'HIPERBOLICO', 'ARMONICO')),
    qi                   double precision NOT NULL,
    di_anual             double precision NOT NULL,
    b                    double precision NOT NULL DEFAULT 0,
    q_limite_economico   double precision,
    eur_bbl              double precision,
    remanente_bbl        double precision,
    r2                   double precision,
    modelo_version       text,
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX arps_resultados_well_idx ON universal.arps_resultados (well_id, fecha_ajuste DESC);
CREATE INDEX arps_resultados_created_idx ON universal.arps_resultados (created_at);

-- BP010 phase 1 (INIT), family 1 (seed V4__stage_schema_redesign): the stage schema.
-- Landing in EAV form never loses history (SPEC 2, gap 6): a reading is unique by (well, variable, time), a changed
-- value keeps the old one in landing_revisions, unreadable rows are kept in landing_rejects with their reason.

-- Static attributes of each well: completion, reservoir, fluids (DOMAIN.md section 1). Units: ft, psi, in, degF.
CREATE TABLE stage.tbl_pozo_maestra (
    well_id                       text PRIMARY KEY,
    nombre_pozo                   text,
    campo                         text,
    yacimiento                    text,
    latitud                       double precision CHECK (latitud BETWEEN -90 AND 90),
    longitud                      double precision CHECK (longitud BETWEEN -180 AND 180),
    estado_pozo                   text NOT NULL DEFAULT 'ACTIVO',
    tipo_levantamiento            text NOT NULL DEFAULT 'BM',
    fecha_inicio_produccion       date,
    profundidad_bomba             double precision,
    profundidad_bomba_tvd         double precision,
    profundidad_yacimiento        double precision,
    profundidad_media_perforados  double precision,
    presion_estatica_yacimiento   double precision,
    presion_burbuja               double precision,
    temperatura_yacimiento        double precision,
    temperatura_superficie        double precision,
    radio_pozo                    double precision,
    radio_drenaje                 double precision,
    diametro_piston               double precision,
    diametro_tubing               double precision,
    diametro_casing               double precision,
    api_gravity                   double precision,
    sg_agua                       double precision,
    sg_gas                        double precision,
    bo                            double precision,
    peso_varillas_aire            double precision,
    longitud_sarta_varillas       double precision,
    descripcion_sarta_varillas    text,
    unidad_bombeo                 text,
    carrera_maxima_unidad         double precision,
    capacidad_caja_engranajes     double precision,
    potencia_motor_hp             double precision,
    batch_id                      uuid,
    source                        text,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    updated_at                    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tbl_pozo_maestra_well_id_chk CHECK (well_id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$')
);
COMMENT ON TABLE stage.tbl_pozo_maestra IS 'Well master: completion, reservoir and fluid attributes (upsert by well_id)';
COMMENT ON COLUMN stage.tbl_pozo_maestra.profundidad_bomba IS 'Pump depth, ft (MD)';
COMMENT ON COLUMN stage.tbl_pozo_maestra.profundidad_bomba_tvd IS 'Pump depth, ft TVD (deviated wells; formulas prefer it when set)';
COMMENT ON COLUMN stage.tbl_pozo_maestra.profundidad_media_perforados IS 'Mid-perforation depth, ft';
COMMENT ON COLUMN stage.tbl_pozo_maestra.presion_estatica_yacimiento IS 'Static reservoir pressure, psi';
COMMENT ON COLUMN stage.tbl_pozo_maestra.radio_pozo IS 'Well radius, ft';
COMMENT ON COLUMN stage.tbl_pozo_maestra.radio_drenaje IS 'Drainage radius, ft';
COMMENT ON COLUMN stage.tbl_pozo_maestra.diametro_piston IS 'Plunger diameter, in';
COMMENT ON COLUMN stage.tbl_pozo_maestra.peso_varillas_aire IS 'Rod string weight in air, lbf';

-- Landing: one row per reading, exactly as the source sent it (measure is text; the pivot types it).
CREATE TABLE stage.landing_scada_data (
    well_id             text        NOT NULL,
    var_id              text        NOT NULL,
    timestamp_lectura   timestamptz NOT NULL,
    measure             text,
    moddate             timestamptz NOT NULL DEFAULT now(),
    source_received_at  timestamptz,
    batch_id            uuid        NOT NULL,
    source              text        NOT NULL,
    pivoted_at          timestamptz,
    CONSTRAINT landing_scada_data_uk UNIQUE (well_id, var_id, timestamp_lectura)
);
CREATE INDEX landing_scada_data_moddate_idx ON stage.landing_scada_data (moddate);
CREATE INDEX landing_scada_data_unpivoted_idx ON stage.landing_scada_data (well_id, timestamp_lectura)
    WHERE pivoted_at IS NULL;
COMMENT ON TABLE stage.landing_scada_data IS 'SCADA readings in EAV form; never truncated; pivoted rows older than LANDING_RETENTION_DAYS may be deleted';
COMMENT ON COLUMN stage.landing_scada_data.moddate IS 'When the reading landed here';
COMMENT ON COLUMN stage.landing_scada_data.source_received_at IS 'When the source says it received the reading (NULL for file drops and backfills)';
COMMENT ON COLUMN stage.landing_scada_data.pivoted_at IS 'When the reading reached stage.tbl_pozo_produccion (NULL until pivoted)';

-- A reading re-sent with another value: the previous value, kept.
CREATE TABLE stage.landing_revisions (
    revision_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    well_id              text        NOT NULL,
    var_id               text        NOT NULL,
    timestamp_lectura    timestamptz NOT NULL,
    measure_anterior     text,
    measure_nuevo        text,
    batch_id_anterior    uuid,
    batch_id_nuevo       uuid        NOT NULL,
    moddate_anterior     timestamptz,
    source_received_at_anterior timestamptz,
    revisado_en          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX landing_revisions_key_idx ON stage.landing_revisions (well_id, var_id, timestamp_lectura);
COMMENT ON TABLE stage.landing_revisions IS 'Previous values of readings that a later batch corrected';

-- Rows that could not be read, with why; replayable by batch once the cause is fixed (e.g. the well master arrived).
CREATE TABLE stage.landing_rejects (
    reject_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id          uuid        NOT NULL,
    source            text        NOT NULL,
    file_name         text,
    line_number       bigint,
    raw_text          text,
    reason            text        NOT NULL,
    reason_code       text        NOT NULL,
    well_id           text,
    var_id            text,
    timestamp_text    text,
    measure           text,
    source_received_text text,
    rejected_at       timestamptz NOT NULL DEFAULT now(),
    replayed_at       timestamptz,
    replay_batch_id   uuid
);
CREATE INDEX landing_rejects_batch_idx ON stage.landing_rejects (batch_id);
CREATE INDEX landing_rejects_pending_idx ON stage.landing_rejects (reason_code) WHERE replayed_at IS NULL;
COMMENT ON TABLE stage.landing_rejects IS 'Rejected input rows with batch, source, line, raw text and reason; nothing is dropped silently';

-- Per source, the newest reading time committed; advanced only after the batch commits.
CREATE TABLE stage.ingest_watermark (
    source          text PRIMARY KEY,
    last_timestamp  timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- One row per ingest batch (file, S3 object, API window): what came in, from where, with its content hash, so a
-- redelivered S3 event or a re-sent file is recognised.
CREATE TABLE stage.ingest_batches (
    batch_id        uuid PRIMARY KEY,
    source          text        NOT NULL,
    location        text,
    content_sha256  text,
    format          text,
    status          text        NOT NULL DEFAULT 'OK' CHECK (status IN ('OK', 'FAILED', 'DUPLICATE_OBJECT')),
    rows_read       bigint      NOT NULL DEFAULT 0,
    rows_inserted   bigint      NOT NULL DEFAULT 0,
    rows_duplicate  bigint      NOT NULL DEFAULT 0,
    rows_revised    bigint      NOT NULL DEFAULT 0,
    rows_rejected   bigint      NOT NULL DEFAULT 0,
    pivoted_rows    bigint      NOT NULL DEFAULT 0,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    detail          jsonb
);
CREATE INDEX ingest_batches_content_idx ON stage.ingest_batches (location, content_sha256);

-- Pivoted production: one row per well and reading time, one typed column per SCADA variable (SPEC 5). Columns are
-- added by migrations only; the loader refuses a SCADA map entry whose column does not exist.
CREATE TABLE stage.tbl_pozo_produccion (
    well_id                      text        NOT NULL,
    timestamp_lectura            timestamptz NOT NULL,
    well_head_pressure           double precision,
    casing_head_pressure         double precision,
    flow_line_pressure           double precision,
    separator_pressure           double precision,
    wellhead_temperature         double precision,
    flow_line_temperature        double precision,
    ambient_temperature          double precision,
    strokes_per_minute           double precision,
    stroke_length                double precision,
    pump_fillage                 double precision,
    cycles_today                 double precision,
    runtime_today_hours          double precision,
    idle_time_today_hours        double precision,
    run_status                   double precision,
    vfd_frequency                double precision,
    motor_speed_rpm              double precision,
    runtime_hours                double precision,
    stroke_counter               double precision,
    pump_off_count_today         double precision,
    controller_mode              double precision,
    max_rod_load                 double precision,
    min_rod_load                 double precision,
    card_area                    double precision,
    gearbox_torque               double precision,
    structure_load_pct           double precision,
    counterbalance_effect        double precision,
    polished_rod_hp              double precision,
    fluid_load                   double precision,
    plunger_stroke               double precision,
    rod_stress_pct               double precision,
    gearbox_load_pct             double precision,
    motor_current                double precision,
    motor_voltage                double precision,
    motor_power                  double precision,
    power_factor                 double precision,
    energy_kwh                   double precision,
    motor_temperature            double precision,
    current_imbalance_pct        double precision,
    oil_rate                     double precision,
    water_rate                   double precision,
    gas_rate                     double precision,
    liquid_rate                  double precision,
    bsw                          double precision,
    gor                          double precision,
    inferred_production          double precision,
    casing_gas_rate              double precision,
    chemical_injection_rate      double precision,
    tank_level                   double precision,
    fluid_level                  double precision,
    pump_intake_pressure         double precision,
    pump_intake_temperature      double precision,
    pump_discharge_pressure      double precision,
    bottom_hole_pressure         double precision,
    bottom_hole_temperature      double precision,
    pump_efficiency_ctrl         double precision,
    pump_submergence             double precision,
    dynacard                     text,
    downhole_card                text,
    vibration_level              double precision,
    h2s_concentration            double precision,
    gas_detector_lel_pct         double precision,
    rtu_battery_voltage          double precision,
    signal_strength              double precision,
    alarm_code                   double precision,
    sand_content_ppm             double precision,
    pivoted_at                   timestamptz NOT NULL DEFAULT now(),
    pivot_xid                    xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT tbl_pozo_produccion_pk PRIMARY KEY (well_id, timestamp_lectura)
);
CREATE INDEX tbl_pozo_produccion_ts_idx ON stage.tbl_pozo_produccion (timestamp_lectura);
CREATE INDEX tbl_pozo_produccion_pivot_xid_idx ON stage.tbl_pozo_produccion (pivot_xid);
COMMENT ON TABLE stage.tbl_pozo_produccion IS 'Production and telemetry pivoted from landing: one row per (well, reading time)';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pivot_xid IS 'Transaction that last wrote the row (set on insert and update): the pipeline''s watermark compares it with the snapshot xmin of the last run, so a slow ingest that commits late is never missed';
COMMENT ON COLUMN stage.tbl_pozo_produccion.well_head_pressure IS 'Wellhead (tubing) pressure WHP [psi]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.casing_head_pressure IS 'Casing head pressure CHP [psi]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.flow_line_pressure IS 'Flow-line pressure [psi]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.separator_pressure IS 'Test separator pressure [psi]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.wellhead_temperature IS 'Wellhead temperature [degF]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.flow_line_temperature IS 'Flow-line temperature [degF]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.ambient_temperature IS 'Ambient temperature at the RTU [degF]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.strokes_per_minute IS 'Strokes per minute SPM [spm]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.stroke_length IS 'Surface stroke length [in]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pump_fillage IS 'Pump fillage [%]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.cycles_today IS 'Pump-off controller cycles today [count]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.runtime_today_hours IS 'Runtime today (resets at midnight) [h]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.idle_time_today_hours IS 'Idle time today (resets at midnight) [h]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.run_status IS 'Run status (1 running, 0 stopped) [flag]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.vfd_frequency IS 'VFD output frequency [Hz]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.motor_speed_rpm IS 'Motor speed [rpm]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.runtime_hours IS 'Cumulative runtime counter [h] (cumulative counter)';
COMMENT ON COLUMN stage.tbl_pozo_produccion.stroke_counter IS 'Cumulative stroke counter [count] (cumulative counter)';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pump_off_count_today IS 'Pump-off events today [count]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.controller_mode IS 'Controller mode (0 manual, 1 POC, 2 timer, 3 VFD) [code]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.max_rod_load IS 'Peak polished-rod load PPRL [lbf]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.min_rod_load IS 'Minimum polished-rod load MPRL [lbf]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.card_area IS 'Surface card area [lbf*in]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.gearbox_torque IS 'Peak gearbox torque [in*lbf]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.structure_load_pct IS 'Structure load (percent of rating) [%]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.counterbalance_effect IS 'Counterbalance effect [lbf]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.polished_rod_hp IS 'Polished-rod horsepower reported by the controller [hp]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.fluid_load IS 'Fluid load from the downhole card [lbf]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.plunger_stroke IS 'Net plunger stroke from the downhole card [in]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.rod_stress_pct IS 'Rod stress (percent of allowable, modified Goodman) [%]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.gearbox_load_pct IS 'Gearbox load (percent of rating) [%]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.motor_current IS 'Motor current [A]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.motor_voltage IS 'Motor voltage [V]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.motor_power IS 'Motor input power (negative = regeneration) [kW]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.power_factor IS 'Power factor [frac]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.energy_kwh IS 'Cumulative energy counter [kWh] (cumulative counter)';
COMMENT ON COLUMN stage.tbl_pozo_produccion.motor_temperature IS 'Motor winding temperature [degF]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.current_imbalance_pct IS 'Phase current imbalance [%]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.oil_rate IS 'Oil rate [bbl/d]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.water_rate IS 'Water rate [bbl/d]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.gas_rate IS 'Gas rate [Mscf/d]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.liquid_rate IS 'Gross liquid rate [bbl/d]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.bsw IS 'Water cut BSW [%]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.gor IS 'Gas-oil ratio [scf/bbl]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.inferred_production IS 'Production inferred by the controller from the card [bbl/d]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.casing_gas_rate IS 'Casing (annulus) gas rate [Mscf/d]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.chemical_injection_rate IS 'Chemical injection rate [gal/d]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.tank_level IS 'Battery tank level [ft]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.fluid_level IS 'Fluid level from surface (acoustic) [ft]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pump_intake_pressure IS 'Pump intake pressure PIP [psi]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pump_intake_temperature IS 'Pump intake temperature [degF]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pump_discharge_pressure IS 'Pump discharge pressure [psi]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.bottom_hole_pressure IS 'Bottom-hole gauge pressure [psi]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.bottom_hole_temperature IS 'Bottom-hole temperature [degF]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pump_efficiency_ctrl IS 'Pump efficiency reported by the controller [%]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.pump_submergence IS 'Pump submergence (fluid above the pump) [ft]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.dynacard IS 'Surface dynamometer card (JSON position/load arrays) [json]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.downhole_card IS 'Downhole pump card computed by the controller (JSON) [json]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.vibration_level IS 'Unit vibration [in/s]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.h2s_concentration IS 'H2S at the wellhead [ppm]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.gas_detector_lel_pct IS 'Combustible gas detector [%LEL]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.rtu_battery_voltage IS 'RTU battery voltage [V]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.signal_strength IS 'Radio signal strength [dBm]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.alarm_code IS 'Active controller alarm code [code]';
COMMENT ON COLUMN stage.tbl_pozo_produccion.sand_content_ppm IS 'Sand content in produced fluid [ppm]';

-- Reserves per well and category (1P/2P/3P, PDP...), from the reserves workbook.
CREATE TABLE stage.tbl_reservas_pozo (
    well_id             text        NOT NULL,
    fecha_evaluacion    date        NOT NULL,
    categoria           text        NOT NULL,
    petroleo_bbl        double precision,
    gas_mscf            double precision,
    agua_bbl            double precision,
    np_acumulado_bbl    double precision,
    gp_acumulado_mscf   double precision,
    metodo              text,
    fuente              text,
    batch_id            uuid,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tbl_reservas_pozo_pk PRIMARY KEY (well_id, fecha_evaluacion, categoria)
);

-- Data-quality failures: the latest verdict per rule, well and reading (a rerun replaces, it does not append).
-- Rules on master data have a NULL timestamp_lectura.
CREATE TABLE stage.tbl_pozo_scada_dq (
    run_id             uuid,
    rule_id            text        NOT NULL,
    well_id            text        NOT NULL,
    timestamp_lectura  timestamptz,
    nombre_tecnico     text        NOT NULL,
    valor              text,
    resultado          text        NOT NULL DEFAULT 'FAIL',
    motivo             text        NOT NULL,
    severidad          text,
    tipo               text,
    detectado_en       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tbl_pozo_scada_dq_uk UNIQUE NULLS NOT DISTINCT (rule_id, well_id, timestamp_lectura)
);
CREATE INDEX tbl_pozo_scada_dq_well_ts_idx ON stage.tbl_pozo_scada_dq (well_id, timestamp_lectura);

-- Counts per run, rule and day, kept for every run (trends).
CREATE TABLE stage.tbl_dq_run_summary (
    run_id          uuid        NOT NULL,
    rule_id         text        NOT NULL,
    fecha           date        NOT NULL,
    evaluated       bigint      NOT NULL DEFAULT 0,
    passed          bigint      NOT NULL DEFAULT 0,
    failed          bigint      NOT NULL DEFAULT 0,
    not_evaluated   bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tbl_dq_run_summary_pk PRIMARY KEY (run_id, rule_id, fecha)
);
CREATE INDEX tbl_dq_run_summary_fecha_idx ON stage.tbl_dq_run_summary (fecha, rule_id);

-- Physical consistency violations (RC-001..RC-006): one live row per rule and well while it lasts (vigente), kept as
-- history when it clears.
CREATE TABLE stage.tbl_consistency_results (
    result_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            uuid,
    codigo            text        NOT NULL,
    well_id           text        NOT NULL,
    valor_medido      double precision,
    valor_referencia  double precision,
    severidad         text,
    mensaje           text,
    detectado_en      timestamptz NOT NULL DEFAULT now(),
    ultima_vez_en     timestamptz NOT NULL DEFAULT now(),
    ultimo_run_id     uuid,
    vigente           boolean     NOT NULL DEFAULT true,
    resuelto_en       timestamptz
);
CREATE UNIQUE INDEX tbl_consistency_results_live_uk ON stage.tbl_consistency_results (codigo, well_id) WHERE vigente;
CREATE INDEX tbl_consistency_results_well_idx ON stage.tbl_consistency_results (well_id);

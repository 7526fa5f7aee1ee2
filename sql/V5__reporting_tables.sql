-- BP010 phase 1 (INIT), family 1 (seed V4__reporting_schema_redesign): dimensions, facts range-partitioned by month
-- (with a default partition so no row is ever refused), current values, KPIs, the run log and the run lease.
-- Fact columns that carry a stage column's name hold its average over the period (counters excepted: their deltas are
-- energia_kwh, horas_operacion and n_carreras). Partitions are created by reporting.fnc_ensure_fact_partitions.

-- ---------------------------------------------------------------------------------------------------------------
-- Dimensions
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE reporting.dim_campo (
    campo            text PRIMARY KEY,
    n_pozos          integer NOT NULL DEFAULT 0,
    n_pozos_activos  integer NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- One row per well: identity from the master, targets from referencial (per-well limits override all-wells ones).
CREATE TABLE reporting.dim_pozo (
    well_id                          text PRIMARY KEY,
    nombre_pozo                      text,
    campo                            text,
    yacimiento                       text,
    estado_pozo                      text,
    tipo_levantamiento               text,
    latitud                          double precision,
    longitud                         double precision,
    fecha_inicio_produccion          date,
    target_well_head_pressure        double precision,
    target_casing_head_pressure      double precision,
    target_flow_line_pressure        double precision,
    target_wellhead_temperature      double precision,
    target_strokes_per_minute        double precision,
    target_pump_fillage              double precision,
    target_max_rod_load              double precision,
    target_min_rod_load              double precision,
    target_motor_current             double precision,
    target_motor_power               double precision,
    target_oil_rate                  double precision,
    target_water_rate                double precision,
    target_gas_rate                  double precision,
    target_bsw                       double precision,
    target_pump_intake_pressure      double precision,
    target_fluid_level               double precision,
    target_gearbox_torque            double precision,
    target_kwh_por_bbl               double precision,
    target_eficiencia_bomba_pct      double precision,
    limites                          jsonb,
    updated_at                       timestamptz NOT NULL DEFAULT now()
);

-- Variables as the dashboard shows them (from referencial.tbl_maestra_variables).
CREATE TABLE reporting.dim_variable (
    nombre_tecnico   text PRIMARY KEY,
    id_formato1      text,
    descripcion      text,
    unidad           text,
    panel_id         text,
    panel_nombre     text,
    ident_dashboard  text,
    categoria        text,
    tiene_limites    boolean NOT NULL DEFAULT false,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Calendar (days in BP010_TIMEZONE).
CREATE TABLE reporting.dim_tiempo (
    fecha            date PRIMARY KEY,
    anio             smallint NOT NULL,
    trimestre        smallint NOT NULL,
    mes              smallint NOT NULL,
    nombre_mes       text NOT NULL,
    semana_iso       smallint NOT NULL,
    dia_mes          smallint NOT NULL,
    dia_semana_iso   smallint NOT NULL,
    es_fin_de_semana boolean NOT NULL,
    dias_en_mes      smallint NOT NULL
);

-- ---------------------------------------------------------------------------------------------------------------
-- Facts (range-partitioned by month; default partitions catch outliers)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE reporting.fact_operaciones_horarias (
    well_id                          text        NOT NULL,
    fecha_hora                       timestamptz NOT NULL,
    n_lecturas                       integer     NOT NULL,
    well_head_pressure               double precision,
    casing_head_pressure             double precision,
    flow_line_pressure               double precision,
    separator_pressure               double precision,
    wellhead_temperature             double precision,
    flow_line_temperature            double precision,
    ambient_temperature              double precision,
    strokes_per_minute               double precision,
    stroke_length                    double precision,
    pump_fillage                     double precision,
    cycles_today                     double precision,
    runtime_today_hours              double precision,
    idle_time_today_hours            double precision,
    run_status                       double precision,
    vfd_frequency                    double precision,
    motor_speed_rpm                  double precision,
    pump_off_count_today             double precision,
    controller_mode                  double precision,
    max_rod_load                     double precision,
    min_rod_load                     double precision,
    card_area                        double precision,
    gearbox_torque                   double precision,
    structure_load_pct               double precision,
    counterbalance_effect            double precision,
    polished_rod_hp                  double precision,
    fluid_load                       double precision,
    plunger_stroke                   double precision,
    rod_stress_pct                   double precision,
    gearbox_load_pct                 double precision,
    motor_current                    double precision,
    motor_voltage                    double precision,
    motor_power                      double precision,
    power_factor                     double precision,
    motor_temperature                double precision,
    current_imbalance_pct            double precision,
    oil_rate                         double precision,
    water_rate                       double precision,
    gas_rate                         double precision,
    liquid_rate                      double precision,
    bsw                              double precision,
    gor                              double precision,
    inferred_production              double precision,
    casing_gas_rate                  double precision,
    chemical_injection_rate          double precision,
    tank_level                       double precision,
    fluid_level                      double precision,
    pump_intake_pressure             double precision,
    pump_intake_temperature          double precision,
    pump_discharge_pressure          double precision,
    bottom_hole_pressure             double precision,
    bottom_hole_temperature          double precision,
    pump_efficiency_ctrl             double precision,
    pump_submergence                 double precision,
    vibration_level                  double precision,
    h2s_concentration                double precision,
    gas_detector_lel_pct             double precision,
    rtu_battery_voltage              double precision,
    signal_strength                  double precision,
    alarm_code                       double precision,
    sand_content_ppm                 double precision,
    energia_kwh                      double precision,
    horas_operacion                  double precision,
    n_carreras                       double precision,
    reinicio_contador                boolean     NOT NULL DEFAULT false,
    fluid_level_calc                 double precision,
    pip_calc                         double precision,
    pwf                              double precision,
    pump_displacement_bpd            double precision,
    hydraulic_hp                     double precision,
    cdi_diagnostico                  text,
    cdi_probabilidad                 double precision,
    ipr_qmax                         double precision,
    ipr_eficiencia                   double precision,
    run_id                           uuid,
    updated_at                       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fact_operaciones_horarias_pk PRIMARY KEY (well_id, fecha_hora)
) PARTITION BY RANGE (fecha_hora);
CREATE TABLE reporting.fact_operaciones_horarias_default PARTITION OF reporting.fact_operaciones_horarias DEFAULT;
CREATE INDEX fact_operaciones_horarias_fecha_idx ON reporting.fact_operaciones_horarias (fecha_hora);

CREATE TABLE reporting.fact_operaciones_diarias (
    well_id                          text    NOT NULL,
    fecha                            date    NOT NULL,
    n_lecturas                       integer NOT NULL,
    horas_con_datos                  smallint NOT NULL,
    produccion_petroleo_bbl          double precision,
    produccion_agua_bbl              double precision,
    produccion_gas_mscf              double precision,
    produccion_liquido_bbl           double precision,
    energia_kwh                      double precision,
    horas_operacion                  double precision,
    n_carreras                       double precision,
    kwh_por_bbl                      double precision,
    kwh_por_bbl_petroleo             double precision,
    uptime_pct                       double precision,
    well_head_pressure               double precision,
    casing_head_pressure             double precision,
    flow_line_pressure               double precision,
    separator_pressure               double precision,
    wellhead_temperature             double precision,
    flow_line_temperature            double precision,
    ambient_temperature              double precision,
    strokes_per_minute               double precision,
    stroke_length                    double precision,
    pump_fillage                     double precision,
    cycles_today                     double precision,
    runtime_today_hours              double precision,
    idle_time_today_hours            double precision,
    run_status                       double precision,
    vfd_frequency                    double precision,
    motor_speed_rpm                  double precision,
    pump_off_count_today             double precision,
    controller_mode                  double precision,
    max_rod_load                     double precision,
    min_rod_load                     double precision,
    card_area                        double precision,
    gearbox_torque                   double precision,
    structure_load_pct               double precision,
    counterbalance_effect            double precision,
    polished_rod_hp                  double precision,
    fluid_load                       double precision,
    plunger_stroke                   double precision,
    rod_stress_pct                   double precision,
    gearbox_load_pct                 double precision,
    motor_current                    double precision,
    motor_voltage                    double precision,
    motor_power                      double precision,
    power_factor                     double precision,
    motor_temperature                double precision,
    current_imbalance_pct            double precision,
    oil_rate                         double precision,
    water_rate                       double precision,
    gas_rate                         double precision,
    liquid_rate                      double precision,
    bsw                              double precision,
    gor                              double precision,
    inferred_production              double precision,
    casing_gas_rate                  double precision,
    chemical_injection_rate          double precision,
    tank_level                       double precision,
    fluid_level                      double precision,
    pump_intake_pressure             double precision,
    pump_intake_temperature          double precision,
    pump_discharge_pressure          double precision,
    bottom_hole_pressure             double precision,
    bottom_hole_temperature          double precision,
    pump_efficiency_ctrl             double precision,
    pump_submergence                 double precision,
    vibration_level                  double precision,
    h2s_concentration                double precision,
    gas_detector_lel_pct             double precision,
    rtu_battery_voltage              double precision,
    signal_strength                  double precision,
    alarm_code                       double precision,
    sand_content_ppm                 double precision,
    fluid_level_calc                 double precision,
    pip_calc                         double precision,
    pwf                              double precision,
    sg_mezcla                        double precision,
    gradiente_mezcla                 double precision,
    rod_weight_buoyant               double precision,
    fluid_load_calc                  double precision,
    pump_displacement_bpd            double precision,
    pump_efficiency_pct              double precision,
    hydraulic_hp                     double precision,
    prhp_calc                        double precision,
    system_efficiency_pct            double precision,
    run_id                           uuid,
    updated_at                       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fact_operaciones_diarias_pk PRIMARY KEY (well_id, fecha)
) PARTITION BY RANGE (fecha);
CREATE TABLE reporting.fact_operaciones_diarias_default PARTITION OF reporting.fact_operaciones_diarias DEFAULT;
CREATE INDEX fact_operaciones_diarias_fecha_idx ON reporting.fact_operaciones_diarias (fecha);

CREATE TABLE reporting.fact_operaciones_mensuales (
    well_id                          text    NOT NULL,
    mes                              date    NOT NULL CHECK (extract(day FROM mes) = 1),
    dias_con_datos                   smallint NOT NULL,
    horas_con_datos                  integer NOT NULL,
    n_lecturas                       integer NOT NULL,
    produccion_petroleo_bbl          double precision,
    produccion_agua_bbl              double precision,
    produccion_gas_mscf              double precision,
    produccion_liquido_bbl           double precision,
    energia_kwh                      double precision,
    horas_operacion                  double precision,
    n_carreras                       double precision,
    kwh_por_bbl                      double precision,
    kwh_por_bbl_petroleo             double precision,
    uptime_pct                       double precision,
    oil_rate                         double precision,
    water_rate                       double precision,
    gas_rate                         double precision,
    liquid_rate                      double precision,
    bsw                              double precision,
    pwf                              double precision,
    pip_calc                         double precision,
    fluid_level_calc                 double precision,
    pump_efficiency_pct              double precision,
    hydraulic_hp                     double precision,
    system_efficiency_pct            double precision,
    run_id                           uuid,
    updated_at                       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fact_operaciones_mensuales_pk PRIMARY KEY (well_id, mes)
) PARTITION BY RANGE (mes);
CREATE TABLE reporting.fact_operaciones_mensuales_default PARTITION OF reporting.fact_operaciones_mensuales DEFAULT;
COMMENT ON COLUMN reporting.fact_operaciones_mensuales.oil_rate IS 'Average daily oil rate of the month: produccion_petroleo_bbl / dias_con_datos';

-- Hourly KPIs (seed V9 "KPIs horarios"): efficiency and energy intensity per hour of operation.
CREATE TABLE reporting.fact_kpi_horarios (
    well_id                          text        NOT NULL,
    fecha_hora                       timestamptz NOT NULL,
    pump_displacement_bpd            double precision,
    eficiencia_volumetrica_pct       double precision,
    hydraulic_hp                     double precision,
    potencia_entrada_hp              double precision,
    system_efficiency_pct            double precision,
    kwh_por_bbl                      double precision,
    variance_oil_pct                 double precision,
    run_id                           uuid,
    updated_at                       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fact_kpi_horarios_pk PRIMARY KEY (well_id, fecha_hora)
) PARTITION BY RANGE (fecha_hora);
CREATE TABLE reporting.fact_kpi_horarios_default PARTITION OF reporting.fact_kpi_horarios DEFAULT;

-- Data quality per well, day and rule (from stage.tbl_dq_run_summary's latest run of each day and the findings).
CREATE TABLE reporting.fact_dq_diaria (
    well_id          text   NOT NULL,
    fecha            date   NOT NULL,
    rule_id          text   NOT NULL,
    evaluated        bigint NOT NULL DEFAULT 0,
    passed           bigint NOT NULL DEFAULT 0,
    failed           bigint NOT NULL DEFAULT 0,
    not_evaluated    bigint NOT NULL DEFAULT 0,
    run_id           uuid,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fact_dq_diaria_pk PRIMARY KEY (well_id, fecha, rule_id)
);

-- Field totals per day.
CREATE TABLE reporting.fact_campo_diario (
    campo                     text NOT NULL,
    fecha                     date NOT NULL,
    pozos_con_datos           integer NOT NULL,
    produccion_petroleo_bbl   double precision,
    produccion_agua_bbl       double precision,
    produccion_gas_mscf       double precision,
    energia_kwh               double precision,
    kwh_por_bbl               double precision,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fact_campo_diario_pk PRIMARY KEY (campo, fecha)
);

-- Alert history: a variable's semaphore at codes 1, 2, 6, 7, 8, 9 or a consistency violation, from opening to close.
CREATE TABLE reporting.fact_alertas (
    alerta_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    well_id          text NOT NULL,
    tipo             text NOT NULL CHECK (tipo IN ('SEMAFORO', 'CONSISTENCIA')),
    referencia       text NOT NULL,
    codigo_status    smallint,
    severidad        text,
    valor            double precision,
    abierta_en       timestamptz NOT NULL DEFAULT now(),
    actualizada_en   timestamptz NOT NULL DEFAULT now(),
    cerrada_en       timestamptz,
    vigente          boolean NOT NULL DEFAULT true,
    run_id           uuid
);
CREATE UNIQUE INDEX fact_alertas_live_uk ON reporting.fact_alertas (well_id, tipo, referencia) WHERE vigente;

-- Events seen in the telemetry: counter restarts, stops and starts.
CREATE TABLE reporting.fact_eventos_pozo (
    well_id       text NOT NULL,
    ocurrido_en   timestamptz NOT NULL,
    tipo          text NOT NULL,
    detalle       jsonb,
    run_id        uuid,
    CONSTRAINT fact_eventos_pozo_pk PRIMARY KEY (well_id, ocurrido_en, tipo)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Datasets for the dashboard
-- ---------------------------------------------------------------------------------------------------------------
-- Latest value of every variable per well (zero-calc snapshot), the time of each limited variable's latest reading
-- and its semaphore code 0-9 (<variable>_status), the derived physics, the ML bridge columns, the well's state.
CREATE TABLE reporting.dataset_current_values (
    well_id                          text PRIMARY KEY,
    fecha_hora_ultima_lectura        timestamptz,
    well_head_pressure               double precision,
    casing_head_pressure             double precision,
    flow_line_pressure               double precision,
    separator_pressure               double precision,
    wellhead_temperature             double precision,
    flow_line_temperature            double precision,
    ambient_temperature              double precision,
    strokes_per_minute               double precision,
    stroke_length                    double precision,
    pump_fillage                     double precision,
    cycles_today                     double precision,
    runtime_today_hours              double precision,
    idle_time_today_hours            double precision,
    run_status                       double precision,
    vfd_frequency                    double precision,
    motor_speed_rpm                  double precision,
    runtime_hours                    double precision,
    stroke_counter                   double precision,
    pump_off_count_today             double precision,
    controller_mode                  double precision,
    max_rod_load                     double precision,
    min_rod_load                     double precision,
    card_area                        double precision,
    gearbox_torque                   double precision,
    structure_load_pct               double precision,
    counterbalance_effect            double precision,
    polished_rod_hp                  double precision,
    fluid_load                       double precision,
    plunger_stroke                   double precision,
    rod_stress_pct                   double precision,
    gearbox_load_pct                 double precision,
    motor_current                    double precision,
    motor_voltage                    double precision,
    motor_power                      double precision,
    power_factor                     double precision,
    energy_kwh                       double precision,
    motor_temperature                double precision,
    current_imbalance_pct            double precision,
    oil_rate                         double precision,
    water_rate                       double precision,
    gas_rate                         double precision,
    liquid_rate                      double precision,
    bsw                              double precision,
    gor                              double precision,
    inferred_production              double precision,
    casing_gas_rate                  double precision,
    chemical_injection_rate          double precision,
    tank_level                       double precision,
    fluid_level                      double precision,
    pump_intake_pressure             double precision,
    pump_intake_temperature          double precision,
    pump_discharge_pressure          double precision,
    bottom_hole_pressure             double precision,
    bottom_hole_temperature          double precision,
    pump_efficiency_ctrl             double precision,
    pump_submergence                 double precision,
    vibration_level                  double precision,
    h2s_concentration                double precision,
    gas_detector_lel_pct             double precision,
    rtu_battery_voltage              double precision,
    signal_strength                  double precision,
    alarm_code                       double precision,
    sand_content_ppm                 double precision,
    well_head_pressure_ts            timestamptz,
    well_head_pressure_status        smallint,
    casing_head_pressure_ts          timestamptz,
    casing_head_pressure_status      smallint,
    flow_line_pressure_ts            timestamptz,
    flow_line_pressure_status        smallint,
    wellhead_temperature_ts          timestamptz,
    wellhead_temperature_status      smallint,
    strokes_per_minute_ts            timestamptz,
    strokes_per_minute_status        smallint,
    pump_fillage_ts                  timestamptz,
    pump_fillage_status              smallint,
    max_rod_load_ts                  timestamptz,
    max_rod_load_status              smallint,
    min_rod_load_ts                  timestamptz,
    min_rod_load_status              smallint,
    motor_current_ts                 timestamptz,
    motor_current_status             smallint,
    motor_power_ts                   timestamptz,
    motor_power_status               smallint,
    oil_rate_ts                      timestamptz,
    oil_rate_status                  smallint,
    water_rate_ts                    timestamptz,
    water_rate_status                smallint,
    gas_rate_ts                      timestamptz,
    gas_rate_status                  smallint,
    bsw_ts                           timestamptz,
    bsw_status                       smallint,
    pump_intake_pressure_ts          timestamptz,
    pump_intake_pressure_status      smallint,
    fluid_level_ts                   timestamptz,
    fluid_level_status               smallint,
    gearbox_torque_ts                timestamptz,
    gearbox_torque_status            smallint,
    fluid_level_calc                 double precision,
    pip_calc                         double precision,
    pwf                              double precision,
    sg_mezcla                        double precision,
    gradiente_mezcla                 double precision,
    rod_weight_buoyant               double precision,
    fluid_load_calc                  double precision,
    pump_displacement_bpd            double precision,
    pump_efficiency_pct              double precision,
    hydraulic_hp                     double precision,
    prhp_calc                        double precision,
    system_efficiency_pct            double precision,
    kwh_por_bbl                      double precision,
    kwh_por_bbl_petroleo             double precision,
    hhp_definicion                   text,
    cdi_diagnostico                  text,
    cdi_probabilidad                 double precision,
    cdi_modelo_version               text,
    cdi_fecha                        timestamptz,
    ai_accuracy_cdi                  double precision,
    ai_accuracy_n_validaciones       integer,
    ipr_modelo                       text,
    ipr_qmax                         double precision,
    ipr_eficiencia                   double precision,
    ipr_indice_productividad         double precision,
    ipr_fecha                        timestamptz,
    estado_operativo                 text NOT NULL DEFAULT 'UNKNOWN',
    peor_variable                    text,
    peor_status                      smallint,
    n_variables_alerta               integer,
    n_variables_criticas             integer,
    evaluado_en                      timestamptz,
    run_id                           uuid,
    updated_at                       timestamptz NOT NULL DEFAULT now()
);

-- Business KPIs per well and period (DIA or MES): production, decline, efficiency, energy, reserves.
CREATE TABLE reporting.dataset_kpi_business (
    well_id                      text NOT NULL,
    tipo_periodo                 text NOT NULL CHECK (tipo_periodo IN ('DIA', 'MES')),
    periodo                      date NOT NULL,
    produccion_petroleo_bbl      double precision,
    produccion_agua_bbl          double precision,
    produccion_gas_mscf          double precision,
    produccion_liquido_bbl       double precision,
    oil_rate_promedio            double precision,
    liquid_rate_promedio         double precision,
    bsw_promedio                 double precision,
    declinacion_pct              double precision,
    declinacion_anual_efectiva   double precision,
    arps_modelo                  text,
    arps_qi                      double precision,
    arps_di_anual                double precision,
    arps_b                       double precision,
    eficiencia_volumetrica_pct   double precision,
    eficiencia_sistema_pct       double precision,
    kwh_por_bbl                  double precision,
    kwh_por_bbl_petroleo         double precision,
    energia_kwh                  double precision,
    horas_operacion              double precision,
    uptime_pct                   double precision,
    variance_oil_pct             double precision,
    eur_bbl                      double precision,
    eur_remanente_bbl            double precision,
    run_id                       uuid,
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dataset_kpi_business_pk PRIMARY KEY (well_id, tipo_periodo, periodo)
);

-- The latest card per well (from SCADA or, when newer, from the ML strokes) with its diagnosis.
CREATE TABLE reporting.dataset_latest_dynacard (
    well_id            text PRIMARY KEY,
    timestamp_lectura  timestamptz NOT NULL,
    position           double precision[] NOT NULL,
    load               double precision[] NOT NULL,
    n_puntos           integer NOT NULL,
    carrera_in         double precision,
    carga_max          double precision,
    carga_min          double precision,
    area_lbf_in        double precision,
    prhp               double precision,
    cdi_diagnostico    text,
    cdi_probabilidad   double precision,
    fuente             text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- IPR curve points of each well's latest IPR result (for the inflow chart).
CREATE TABLE reporting.dataset_ipr_curva (
    well_id     text NOT NULL,
    punto       smallint NOT NULL,
    pwf         double precision NOT NULL,
    q           double precision NOT NULL,
    modelo      text NOT NULL,
    ipr_id      bigint,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dataset_ipr_curva_pk PRIMARY KEY (well_id, punto)
);

-- Monthly forecast of each well's latest Arps fit, to the economic limit.
CREATE TABLE reporting.dataset_arps_pronostico (
    well_id          text NOT NULL,
    mes              date NOT NULL,
    q_bpd            double precision NOT NULL,
    np_acumulado_bbl double precision NOT NULL,
    modelo           text NOT NULL,
    arps_id          bigint,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dataset_arps_pronostico_pk PRIMARY KEY (well_id, mes)
);

-- Reserves as the dashboard shows them: the latest evaluation per category, with the Arps remaining beside it.
CREATE TABLE reporting.dataset_reservas_pozo (
    well_id             text NOT NULL,
    categoria           text NOT NULL,
    fecha_evaluacion    date NOT NULL,
    petroleo_bbl        double precision,
    gas_mscf            double precision,
    np_acumulado_bbl    double precision,
    eur_remanente_bbl   double precision,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dataset_reservas_pozo_pk PRIMARY KEY (well_id, categoria)
);

-- Latest data-quality score per well (passed / evaluated over the last run's window).
CREATE TABLE reporting.dataset_dq_score_pozo (
    well_id          text PRIMARY KEY,
    evaluated        bigint NOT NULL,
    passed           bigint NOT NULL,
    failed           bigint NOT NULL,
    not_evaluated    bigint NOT NULL,
    score            double precision,
    ventana_desde    date,
    ventana_hasta    date,
    run_id           uuid,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------------------------
-- Run log, watermark, lease, ML sync state
-- ---------------------------------------------------------------------------------------------------------------
-- One row per pipeline run: the run log and the watermark. pivot_xmin is the snapshot xmin when the run started:
-- every production row written by a transaction below it was visible to the run; the next default run looks at rows
-- with pivot_xid >= it. Explicit-window runs leave it NULL (they do not move the watermark).
CREATE TABLE reporting.pipeline_runs (
    run_id              uuid PRIMARY KEY,
    status              text NOT NULL CHECK (status IN ('RUNNING', 'OK', 'FAILED', 'SKIPPED_LOCKED', 'NOTHING_TO_DO')),
    trigger             text,
    ventana_desde       date,
    ventana_hasta       date,
    well_id             text,
    as_of               timestamptz NOT NULL,
    fases               text[] NOT NULL DEFAULT '{}',
    pivot_watermark     timestamptz,
    pivot_xmin          xid8,
    started_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    duration_ms         bigint,
    dq                  jsonb,
    consistency         jsonb,
    error               jsonb
);
CREATE INDEX pipeline_runs_started_idx ON reporting.pipeline_runs (started_at DESC);
CREATE INDEX pipeline_runs_ok_idx ON reporting.pipeline_runs (finished_at DESC) WHERE status = 'OK';

-- Each phase of each run, with its calls, timings and notices.
CREATE TABLE reporting.pipeline_run_phases (
    run_id       uuid NOT NULL REFERENCES reporting.pipeline_runs (run_id) ON DELETE CASCADE,
    fase         text NOT NULL,
    status       text NOT NULL CHECK (status IN ('RUNNING', 'OK', 'FAILED', 'SKIPPED')),
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    duration_ms  bigint,
    calls        jsonb,
    error        jsonb,
    CONSTRAINT pipeline_run_phases_pk PRIMARY KEY (run_id, fase)
);

-- The run lease: at most one live holder; an expired lease (its holder died) is taken over.
CREATE TABLE reporting.pipeline_lease (
    lease_name   text PRIMARY KEY DEFAULT 'pipeline-v4',
    run_id       uuid NOT NULL,
    holder       text,
    acquired_at  timestamptz NOT NULL DEFAULT now(),
    renewed_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);

-- What the universal -> reporting bridge procedures have already copied.
CREATE TABLE reporting.ml_sync_state (
    bridge          text PRIMARY KEY CHECK (bridge IN ('CDI', 'IPR', 'ARPS')),
    synced_until    timestamptz NOT NULL,
    rows_synced     bigint NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

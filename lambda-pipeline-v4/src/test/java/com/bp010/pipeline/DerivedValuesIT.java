package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * reporting.sp_calcular_derivados_completos on the facts phase 4 leaves for the oracle well of docs/DOMAIN.md §2: what the
 * dashboard shows in current values, the hourly facts and KPIs, the daily facts and the monthly re-aggregation.
 */
class DerivedValuesIT {
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final LocalDate NEXT = DAY.plusDays(1);

    private TestDatabase db;
    private OracleWellFacts facts;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        facts = new OracleWellFacts(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void derive(UUID runId) {
        db.execute("CALL reporting.sp_calcular_derivados_completos(NULL, NULL, '" + runId + "')");
    }

    private double value(String sql) {
        Object v = db.queryValue(sql);
        assertThat(v).as(sql).isNotNull();
        return ((Number) v).doubleValue();
    }

    @Test
    void shouldShowTheDomainNumbersInCurrentValues_whenTheWellIsTheOracleWell() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).month("OR-1", DAY).currentValues("OR-1", "2026-03-11T05:00:00Z");

        derive(facts.run(DAY, NEXT, "2026-03-11T06:00:00Z"));

        String cv = "SELECT %s FROM reporting.dataset_current_values WHERE well_id = 'OR-1'";
        assertThat(value(cv.formatted("pwf"))).isCloseTo(503.021, within(0.01));
        assertThat(value(cv.formatted("fluid_level_calc"))).isCloseTo(4000, within(0.1));
        assertThat(value(cv.formatted("pump_displacement_bpd"))).isCloseTo(180.50, within(0.01));
        assertThat(value(cv.formatted("pip_calc"))).isCloseTo(417.985, within(0.0005));
        assertThat(value(cv.formatted("sg_mezcla"))).isCloseTo(0.981940, within(5e-7));
        assertThat(value(cv.formatted("rod_weight_buoyant"))).isCloseTo(8174.81, within(0.005));
        assertThat(value(cv.formatted("fluid_load_calc"))).isCloseTo(3194.85, within(0.005));
        assertThat(value(cv.formatted("hydraulic_hp"))).as("pressure form by default where PIP exists")
                .isCloseTo(3.99549, within(5e-6));
        assertThat(db.queryValue(cv.formatted("hhp_definicion"))).isEqualTo("PRESION");
        assertThat(value(cv.formatted("pump_efficiency_pct"))).as("20 h of runtime").isCloseTo(86.43, within(0.005));
        assertThat(value(cv.formatted("system_efficiency_pct"))).as("pressure form").isCloseTo(29.79, within(0.005));
        assertThat(value(cv.formatted("kwh_por_bbl"))).isCloseTo(1.84615, within(5e-6));
        assertThat(value(cv.formatted("kwh_por_bbl_petroleo"))).isCloseTo(4.61538, within(5e-6));
    }

    @Test
    void shouldUseTheSeedsApiForm_whenTheConfigurationSaysApi() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).currentValues("OR-1", "2026-03-11T05:00:00Z");
        db.execute("UPDATE referencial.config_evaluacion SET valor_texto = 'API' WHERE clave = 'hhp_definicion'");

        derive(facts.run(DAY, DAY, "2026-03-11T06:00:00Z"));

        String cv = "SELECT %s FROM reporting.dataset_current_values WHERE well_id = 'OR-1'";
        assertThat(value(cv.formatted("hydraulic_hp"))).isCloseTo(3.75808, within(5e-6));
        assertThat(value(cv.formatted("system_efficiency_pct"))).isCloseTo(28.02, within(0.005));
        assertThat(db.queryValue(cv.formatted("hhp_definicion"))).isEqualTo("API");
    }

    @Test
    void shouldFallBackToTheApiFormWithWellheadPressures_whenNoPipCanBeKnown() {
        facts.master("NO-DEPTH", null).day("NO-DEPTH", DAY, 20).currentValues("NO-DEPTH", "2026-03-11T05:00:00Z");

        derive(facts.run(DAY, DAY, "2026-03-11T06:00:00Z"));

        String cv = "SELECT %s FROM reporting.dataset_current_values WHERE well_id = 'NO-DEPTH'";
        assertThat(value(cv.formatted("hydraulic_hp"))).as("DOMAIN: L_net = FL + (Pt - Pc)/(0.433 SGm)")
                .isCloseTo(3.86857, within(5e-6));
        assertThat(db.queryValue(cv.formatted("hhp_definicion"))).isEqualTo("API");
        assertThat(db.queryValue("SELECT hhp_forma FROM reporting.fact_operaciones_diarias WHERE well_id = 'NO-DEPTH'"))
                .as("the form is visible on the daily row").isEqualTo("API");
    }

    @Test
    void shouldLeaveDepthBoundValuesNull_whenTheWellHasNoPumpDepth() {
        facts.master("NO-DEPTH", null).day("NO-DEPTH", DAY, 20).currentValues("NO-DEPTH", "2026-03-11T05:00:00Z");

        derive(facts.run(DAY, DAY, "2026-03-11T06:00:00Z"));

        for (String column : new String[] {"pwf", "pip_calc", "fluid_level_calc", "fluid_load_calc"}) {
            assertThat(db.queryValue("SELECT " + column + " FROM reporting.dataset_current_values"))
                    .as(column + " in current values").isNull();
            assertThat(db.queryValue("SELECT " + column + " FROM reporting.fact_operaciones_diarias"))
                    .as(column + " in the daily fact").isNull();
        }
        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias WHERE pwf IS NOT NULL")).isZero();
        assertThat(value("SELECT pump_displacement_bpd FROM reporting.dataset_current_values"))
                .as("displacement does not depend on depth").isCloseTo(180.4968, within(5e-5));
    }

    @Test
    void shouldLeaveEverythingNull_whenTheWellHasNoMasterRow() {
        facts.day("ORPHAN", DAY, 20).currentValues("ORPHAN", "2026-03-11T05:00:00Z");

        derive(facts.run(DAY, DAY, "2026-03-11T06:00:00Z"));

        assertThat(db.count("""
                SELECT count(*) FROM reporting.dataset_current_values
                 WHERE pwf IS NULL AND pip_calc IS NULL AND pump_displacement_bpd IS NULL AND sg_mezcla IS NULL
                   AND rod_weight_buoyant IS NULL AND pump_efficiency_pct IS NULL""")).isEqualTo(1);
    }

    @Test
    void shouldTakeEfficiencyFromTheLastCompleteDay_whenTodayIsStillRunning() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).day("OR-1", NEXT, 3)
                .currentValues("OR-1", "2026-03-11T05:00:00Z");
        facts.master("OR-24", 5000.0).day("OR-24", DAY, 24).currentValues("OR-24", "2026-03-11T05:00:00Z");

        derive(facts.run(DAY, NEXT, "2026-03-11T06:00:00Z"));

        assertThat(value("SELECT pump_efficiency_pct FROM reporting.dataset_current_values WHERE well_id = 'OR-1'"))
                .as("the complete day 2026-03-10 at 20 h, not today's 3 h").isCloseTo(86.43, within(0.005));
        assertThat(value("SELECT pump_efficiency_pct FROM reporting.dataset_current_values WHERE well_id = 'OR-24'"))
                .as("24 h of runtime").isCloseTo(72.02, within(0.005));
    }

    @Test
    void shouldWriteHourlyFactsAndKpis_whenTheWindowHasHours() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20);

        derive(facts.run(DAY, DAY, "2026-03-11T06:00:00Z"));

        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias WHERE abs(pwf - 503.021) < 0.0005"
                + " AND abs(pump_displacement_bpd - 180.4968) < 0.00005")).isEqualTo(24);
        assertThat(db.count("SELECT count(*) FROM reporting.fact_kpi_horarios")).isEqualTo(24);
        String kpi = "SELECT %s FROM reporting.fact_kpi_horarios WHERE fecha_hora = '2026-03-10T07:00:00Z'";
        assertThat(value(kpi.formatted("eficiencia_volumetrica_pct"))).isCloseTo(86.43, within(0.005));
        assertThat(value(kpi.formatted("potencia_entrada_hp"))).as("10 kW averaged over the hour")
                .isCloseTo(13.41022, within(5e-6));
        assertThat(value(kpi.formatted("system_efficiency_pct"))).as("pressure form").isCloseTo(29.79, within(0.005));
        assertThat(value(kpi.formatted("kwh_por_bbl"))).isCloseTo(1.84615, within(5e-6));
    }

    @Test
    void shouldReaggregateTheMonthAsRatiosOfSums_whenDaysDifferInRuntime() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).day("OR-1", NEXT, 24).month("OR-1", DAY);

        derive(facts.run(DAY, NEXT, "2026-03-12T06:00:00Z"));

        double pd = 0.1166 * 1.5 * 1.5 * 86 * 8;
        double expected = 100 * (130.0 + 130.0) / (pd * 20 / 24 + pd * 24 / 24);
        assertThat(value("SELECT pump_efficiency_pct FROM reporting.fact_operaciones_mensuales"))
                .as("sum of liquid over sum of displaced volume, not the mean of 86.43 and 72.02")
                .isCloseTo(expected, within(1e-9));
        double hhp = 3.99549; // DOMAIN's pressure form, the default where PIP exists
        double energy = 12 * 20 + 12 * 24;
        assertThat(value("SELECT system_efficiency_pct FROM reporting.fact_operaciones_mensuales"))
                .isCloseTo(100 * (hhp * 24 * 2) / (energy * 1.341022), within(1e-4));
        assertThat(value("SELECT pwf FROM reporting.fact_operaciones_mensuales")).isCloseTo(503.021, within(0.0005));
    }

    @Test
    void shouldComputeUptimeOverTheDaysCalendarHours_whenTheDayHas23Hours() throws SQLException {
        facts.master("OR-1", 5000.0);
        LocalDate dstDay = LocalDate.parse("2026-03-29");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'Europe/Madrid'");
            // a day phase 4 gave an uptime (its runtime covers it), here over 24 h: phase 5 recomputes it over the
            // day's 23 calendar hours
            st.execute("INSERT INTO reporting.fact_operaciones_diarias (well_id, fecha, n_lecturas, horas_con_datos,"
                    + " horas_operacion, uptime_pct) VALUES ('OR-1', '" + dstDay + "', 23, 23, 23, 23 / 24.0 * 100)");
            st.execute("CALL reporting.sp_calcular_derivados_completos('" + dstDay + "', '" + dstDay + "')");
        }
        assertThat(value("SELECT uptime_pct FROM reporting.fact_operaciones_diarias")).isCloseTo(100, within(1e-9));
    }

    @Test
    void shouldShowTheLatestScadaCard_whenTheWindowHasACard() {
        facts.master("OR-1", 5000.0).currentValues("OR-1", "2026-03-10T12:00:00Z");
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, strokes_per_minute, dynacard)
                SELECT 'OR-1', ts, 8, json_build_object('position', pos, 'load', lod)::text
                  FROM (VALUES ('2026-03-10T11:00:00Z'::timestamptz, 0.5), ('2026-03-10T12:00:00Z', 1.0)) AS v(ts, f),
                       LATERAL (SELECT array_agg(CASE WHEN i <= 10 THEN 0 WHEN i <= 20 THEN (i - 10) * 8.6
                                                      WHEN i <= 30 THEN 86 ELSE 86 - (i - 30) * 8.6 END ORDER BY i) pos,
                                       array_agg(5000 + f * CASE WHEN i <= 10 THEN i * 500 WHEN i <= 20 THEN 5000
                                                                 WHEN i <= 30 THEN 5000 - (i - 20) * 500 ELSE 0 END
                                                 ORDER BY i) lod
                                  FROM generate_series(1, 40) i) card;
                """);
        UUID run = facts.run(DAY, DAY, "2026-03-11T06:00:00Z");
        derive(run);
        db.execute("INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, dynacard)"
                + " VALUES ('OR-1', '2026-03-10T13:00:00Z', '{\"position\": [0, 1], \"load\": [1, 2]}')");

        derive(run);

        assertThat(db.queryValue("SELECT timestamp_lectura = '2026-03-10T12:00:00Z' FROM reporting.dataset_latest_dynacard"))
                .as("the later 13:00 card is too short to show: the 12:00 one stays").isEqualTo(true);
        assertThat(value("SELECT area_lbf_in FROM reporting.dataset_latest_dynacard")).isCloseTo(430000, within(1e-6));
        assertThat(value("SELECT prhp FROM reporting.dataset_latest_dynacard")).isCloseTo(8.68687, within(5e-6));
        assertThat(value("SELECT carrera_in FROM reporting.dataset_latest_dynacard")).isCloseTo(86, within(1e-9));
        assertThat(value("SELECT prhp_calc FROM reporting.dataset_current_values"))
                .as("no reported card area: the latest card's").isCloseTo(8.68687, within(5e-6));
    }

    @Test
    void shouldChangeNothing_whenTheSameWindowRunsTwice() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).month("OR-1", DAY).currentValues("OR-1", "2026-03-11T05:00:00Z");
        UUID run = facts.run(DAY, DAY, "2026-03-11T06:00:00Z");
        derive(run);
        String snapshot = """
                SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
                  SELECT (to_jsonb(h) - 'updated_at')::text t FROM reporting.fact_operaciones_horarias h
                  UNION ALL SELECT (to_jsonb(k) - 'updated_at')::text FROM reporting.fact_kpi_horarios k
                  UNION ALL SELECT (to_jsonb(d) - 'updated_at')::text FROM reporting.fact_operaciones_diarias d
                  UNION ALL SELECT (to_jsonb(m) - 'updated_at')::text FROM reporting.fact_operaciones_mensuales m
                  UNION ALL SELECT (to_jsonb(c) - 'updated_at')::text FROM reporting.dataset_current_values c) s""";
        Object first = db.queryValue(snapshot);
        Object touched = db.queryValue("SELECT max(updated_at) FROM reporting.fact_operaciones_horarias");

        derive(run);

        assertThat(db.queryValue(snapshot)).isEqualTo(first);
        assertThat(db.queryValue("SELECT max(updated_at) FROM reporting.fact_operaciones_horarias"))
                .as("no row rewritten").isEqualTo(touched);
    }

    @Test
    void shouldLeaveDaysOutsideTheWindowAlone_whenGivenAWindow() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).day("OR-1", NEXT, 20);

        db.execute("CALL reporting.sp_calcular_derivados_completos('" + NEXT + "', '" + NEXT + "')");

        assertThat(db.queryValue("SELECT pwf FROM reporting.fact_operaciones_diarias WHERE fecha = '" + DAY + "'")).isNull();
        assertThat(db.queryValue("SELECT pwf FROM reporting.fact_operaciones_diarias WHERE fecha = '" + NEXT + "'"))
                .isNotNull();
        assertThat(db.count("SELECT count(*) FROM reporting.fact_kpi_horarios")).isEqualTo(24);
    }

    @Test
    void shouldFailNamingTheSetting_whenAPhysicalConstantIsMissing() throws SQLException {
        db.execute("DELETE FROM referencial.config_evaluacion WHERE clave = 'gradiente_psi_ft'");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CALL reporting.sp_calcular_derivados_completos()"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("gradiente_psi_ft")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
        }
    }

    @Test
    void shouldRunAsTheEtlRole_whenCalledByThePipeline() throws SQLException {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).currentValues("OR-1", "2026-03-11T05:00:00Z");
        UUID run = facts.run(DAY, NEXT, "2026-03-11T06:00:00Z");
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrlAs("bp010_etl"));
             Statement st = c.createStatement()) {
            st.execute("CALL reporting.sp_calcular_derivados_completos(NULL, NULL, '" + run + "')");
            try (ResultSet rs = st.executeQuery("SELECT pwf FROM reporting.dataset_current_values")) {
                rs.next();
                assertThat(rs.getDouble(1)).isCloseTo(503.021, within(0.0005));
            }
        }
    }
}

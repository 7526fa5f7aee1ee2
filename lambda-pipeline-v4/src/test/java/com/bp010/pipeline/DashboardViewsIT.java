package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bp010.pipeline.WellFixture.reading;
import static com.bp010.pipeline.WellFixture.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The dashboard views of docs/CONTRACTS.md §6 on a small evaluated field: what each answers, and that bp010_reader may read them. */
class DashboardViewsIT {
    private static final OffsetDateTime AS_OF = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    private static final List<String> VIEWS = List.of("vw_dashboard_main", "vw_kpi_daily", "vw_kpi_monthly",
            "vw_well_selector", "vw_semaphore_matrix", "vw_semaphore_legend", "vw_dq_summary", "vw_dq_trend",
            "vw_consistency_violations", "vw_alerts", "vw_variable_labels", "vw_status_labels", "vw_hourly_variables",
            "vw_dynacards", "vw_card_diagnoses");
    private static final String WHP = "well_head_pressure";

    private static TestDatabase db;
    private static WellFixture wells;

    @BeforeAll
    static void field() {
        db = TestDatabase.migrated();
        wells = new WellFixture(db);
        wells.limits(WHP, null, 10.0, 30.0, 500.0, 2000.0, 100.0);
        wells.limits("pump_fillage", null, 20.0, 50.0, 100.0, 100.0, 85.0);
        wells.dqRule("DQ-001", WHP, "REPRESENTATIVIDAD");
        wells.dqRule("DQ-007", "pump_fillage", "REPRESENTATIVIDAD");
        // one well per alert code, one healthy well, one that breaks RC-001
        plant("W-OK", 100.0, 85.0, AS_OF.minusMinutes(5), Map.of());
        plant("W-LOW-CRIT", 5.0, 85.0, AS_OF.minusMinutes(5), Map.of());              // WHP 1
        plant("W-LOW-WARN", 20.0, 85.0, AS_OF.minusMinutes(4), Map.of());             // WHP 2
        plant("W-HIGH-WARN", 800.0, 85.0, AS_OF.minusMinutes(3), Map.of());           // WHP 6
        plant("W-HIGH-CRIT", 2500.0, 85.0, AS_OF.minusMinutes(2), Map.of());          // WHP 7
        plant("W-DQ", 100.0, 140.0, AS_OF.minusMinutes(1), Map.of());                 // fillage 8 (DQ failed)
        wells.dqFailure("DQ-007", "W-DQ", "pump_fillage", AS_OF.minusMinutes(1));
        plant("W-SILENT", 100.0, 85.0, AS_OF.minusHours(6), Map.of());                // both 9
        plant("W-RC001", 100.0, 85.0, AS_OF.minusMinutes(5), values("max_rod_load", 3000.0));
        // phases 5-7 as the pipeline runs them: as bp010_etl, which owns nothing and has DML and EXECUTE only
        WellFixture etl = wells.as("bp010_etl");
        etl.syncTargets();
        etl.evaluate(UUID.randomUUID(), AS_OF);
        etl.populateDefaults();
        etl.checkConsistency(UUID.randomUUID(), AS_OF);
    }

    private static void plant(String wellId, double whp, double fillage, OffsetDateTime at,
                              Map<String, Object> extra) {
        wells.master(wellId, values("nombre_pozo", "Pozo " + wellId, "campo", "NORTE"));
        Map<String, Object> row = reading(WHP, whp, at);
        row.putAll(reading("pump_fillage", fillage, at));
        row.put("max_rod_load", 12000.0);
        row.put("min_rod_load", 5000.0);
        row.put("pwf", 3000.0);
        row.putAll(extra);
        wells.currentValues(wellId, row);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void shouldOfferTheDashboardViews_whenMigrated() {
        List<Map<String, Object>> views = wells.rows("SELECT viewname FROM pg_views WHERE schemaname = 'reporting'");
        assertThat(views).extracting(v -> v.get("viewname")).containsAll(VIEWS).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void shouldLetTheReaderReadEveryView_butNoTable() throws SQLException {
        try (Connection reader = DriverManager.getConnection(db.jdbcUrlAs("bp010_reader"));
             Statement st = reader.createStatement()) {
            for (String view : VIEWS) {
                st.executeQuery("SELECT * FROM reporting." + view).close();
            }
        }
        for (String table : List.of("reporting.dataset_current_values", "reporting.fact_alertas",
                "stage.tbl_consistency_results", "referencial.catalogo_status")) {
            assertThatThrownBy(() -> {
                try (Connection reader = DriverManager.getConnection(db.jdbcUrlAs("bp010_reader"));
                     Statement st = reader.createStatement()) {
                    st.executeQuery("SELECT * FROM " + table).close();
                }
            }).as(table).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void shouldShowOneRowPerWellWithStateNamesAndColours_inTheMainDashboard() {
        List<Map<String, Object>> rows = wells.rows("SELECT well_id, nombre_pozo, estado_operativo,"
                + " estado_operativo_color, well_head_pressure, well_head_pressure_status,"
                + " well_head_pressure_status_nombre, well_head_pressure_color, pwf, target_kwh_por_bbl,"
                + " n_violaciones_consistencia, violaciones_consistencia FROM reporting.vw_dashboard_main"
                + " ORDER BY well_id");

        assertThat(rows).hasSize(8).extracting(r -> r.get("well_id")).doesNotHaveDuplicates();
        Map<String, Object> high = rows.stream().filter(r -> r.get("well_id").equals("W-HIGH-CRIT")).findFirst()
                .orElseThrow();
        assertThat(high).containsEntry("nombre_pozo", "Pozo W-HIGH-CRIT").containsEntry("estado_operativo", "CRITICAL")
                .containsEntry("estado_operativo_color", "#d32f2f").containsEntry("well_head_pressure", 2500.0)
                .containsEntry("well_head_pressure_status", 7)
                .containsEntry("well_head_pressure_status_nombre", "CRITICO_ALTO")
                .containsEntry("well_head_pressure_color", "#b71c1c").containsEntry("pwf", 3000.0)
                .containsEntry("target_kwh_por_bbl", 2.0);
        Map<String, Object> rc = rows.stream().filter(r -> r.get("well_id").equals("W-RC001")).findFirst()
                .orElseThrow();
        assertThat(rc).containsEntry("n_violaciones_consistencia", 1L).containsEntry("violaciones_consistencia", "RC-001");
    }

    @Test
    void shouldListTheSemaphoreOfEveryWellAndVariable_inTheMatrix() {
        assertThat(wells.rows("SELECT variable, valor, codigo, status_nombre, color, max_warning"
                + " FROM reporting.vw_semaphore_matrix WHERE well_id = 'W-DQ' AND variable IN (?, ?) ORDER BY variable",
                WHP, "pump_fillage"))
                .extracting(r -> r.get("variable"), r -> r.get("valor"), r -> r.get("codigo"),
                        r -> r.get("status_nombre"), r -> r.get("max_warning"))
                .containsExactly(tuple("pump_fillage", 140.0, 8, "FUERA_DE_RANGO_FISICO", 100.0),
                        tuple(WHP, 100.0, 4, "OPTIMO", 500.0));
        assertThat(db.count("SELECT count(*) FROM reporting.vw_semaphore_matrix")).isEqualTo(8 * 17);
    }

    @Test
    void shouldListEveryAlertCodeAndLiveViolation_worstFirstThenNewest() {
        List<Map<String, Object>> alerts = wells.rows("SELECT orden, tipo, well_id, referencia, codigo_status,"
                + " rango_severidad, desde FROM reporting.vw_alerts");

        assertThat(alerts).extracting(a -> a.get("well_id") + "/" + a.get("referencia")).containsExactlyInAnyOrder(
                "W-LOW-CRIT/" + WHP, "W-LOW-WARN/" + WHP, "W-HIGH-WARN/" + WHP, "W-HIGH-CRIT/" + WHP,
                "W-DQ/pump_fillage", "W-SILENT/" + WHP, "W-SILENT/pump_fillage", "W-RC001/RC-001");
        assertThat(alerts).extracting(a -> a.get("codigo_status")).filteredOn(c -> c != null)
                .extracting(c -> ((Number) c).intValue()).containsOnly(1, 2, 6, 7, 8, 9);
        for (int i = 1; i < alerts.size(); i++) {
            Map<String, Object> before = alerts.get(i - 1);
            Map<String, Object> after = alerts.get(i);
            int rankBefore = ((Number) before.get("rango_severidad")).intValue();
            int rankAfter = ((Number) after.get("rango_severidad")).intValue();
            assertThat(rankBefore).as("worst first").isGreaterThanOrEqualTo(rankAfter);
            if (rankBefore == rankAfter) {
                assertThat(((Timestamp) before.get("desde")).toInstant()).as("then newest")
                        .isAfterOrEqualTo(((Timestamp) after.get("desde")).toInstant());
            }
            assertThat(((Number) after.get("orden")).longValue()).isEqualTo(i + 1);
        }
        assertThat(alerts.get(alerts.size() - 1).get("referencia")).as("warnings last").isIn(WHP);
    }

    @Test
    void shouldPutTheWorstWellFirst_inTheSelector() {
        List<Map<String, Object>> wellsListed = wells.rows("SELECT well_id, estado_operativo, etiqueta"
                + " FROM reporting.vw_well_selector ORDER BY orden");
        assertThat(wellsListed).hasSize(8);
        assertThat(wellsListed.get(0).get("estado_operativo")).isEqualTo("CRITICAL");
        assertThat(wellsListed.get(wellsListed.size() - 1).get("estado_operativo")).isEqualTo("NORMAL");
        assertThat(wellsListed).extracting(w -> w.get("etiqueta")).contains("Pozo W-OK (NORTE)");
    }

    @Test
    void shouldSummariseEachDqRuleFromItsLatestRun_andTrendByDay() {
        UUID older = UUID.randomUUID();
        UUID latest = UUID.randomUUID();
        LocalDate day1 = LocalDate.of(2026, 3, 1);
        LocalDate day2 = LocalDate.of(2026, 3, 2);
        String insert = "INSERT INTO stage.tbl_dq_run_summary (run_id, rule_id, fecha, evaluated, passed, failed,"
                + " not_evaluated, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        wells.update(insert, older, "DQ-001", day1, 100L, 80L, 20L, 0L, AS_OF.minusHours(2));
        wells.update(insert, latest, "DQ-001", day1, 100L, 90L, 10L, 0L, AS_OF.minusHours(1));
        wells.update(insert, latest, "DQ-001", day2, 100L, 100L, 0L, 5L, AS_OF.minusHours(1));
        wells.update(insert, latest, "DQ-007", day2, 50L, 25L, 25L, 0L, AS_OF.minusHours(1));

        Map<String, Object> dq001 = wells.rows("SELECT * FROM reporting.vw_dq_summary WHERE rule_id = 'DQ-001'")
                .get(0);
        assertThat(dq001).containsEntry("run_id", latest).containsEntry("evaluated", 200L)
                .containsEntry("passed", 190L).containsEntry("failed", 10L).containsEntry("not_evaluated", 5L)
                .containsEntry("score", 0.95).containsEntry("score_anterior", 0.8);
        assertThat((Double) dq001.get("tendencia")).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(wells.rows("SELECT fecha, ambito, rule_id, evaluated, passed, score FROM reporting.vw_dq_trend"
                + " ORDER BY fecha, ambito, rule_id"))
                .extracting(r -> r.get("fecha").toString(), r -> r.get("ambito"), r -> r.get("rule_id"),
                        r -> r.get("evaluated"), r -> r.get("score"))
                .containsExactly(
                        tuple("2026-03-01", "REGLA", "DQ-001", 100L, 0.9),
                        tuple("2026-03-01", "TOTAL", null, 100L, 0.9),
                        tuple("2026-03-02", "REGLA", "DQ-001", 100L, 1.0),
                        tuple("2026-03-02", "REGLA", "DQ-007", 50L, 0.5),
                        tuple("2026-03-02", "TOTAL", null, 150L, 125.0 / 150));
        wells.update("DELETE FROM stage.tbl_dq_run_summary");
    }

    @Test
    void shouldJoinDailyAndMonthlyFactsWithTheirTargets_inTheKpiViews() {
        wells.update("INSERT INTO reporting.fact_operaciones_diarias (well_id, fecha, n_lecturas, horas_con_datos,"
                + " produccion_petroleo_bbl, produccion_liquido_bbl, energia_kwh, kwh_por_bbl)"
                + " VALUES ('W-OK', DATE '2026-03-01', 24, 24, 52, 130, 240, 1.8461538461538463)");
        wells.update("INSERT INTO reporting.fact_operaciones_mensuales (well_id, mes, dias_con_datos,"
                + " horas_con_datos, n_lecturas, produccion_petroleo_bbl, energia_kwh, kwh_por_bbl)"
                + " VALUES ('W-OK', DATE '2026-03-01', 1, 24, 24, 52, 240, 1.8461538461538463)");

        Map<String, Object> day = wells.rows("SELECT * FROM reporting.vw_kpi_daily WHERE well_id = 'W-OK'").get(0);
        assertThat(day).containsEntry("nombre_pozo", "Pozo W-OK").containsEntry("produccion_petroleo_bbl", 52.0)
                .containsEntry("target_kwh_por_bbl", 2.0);
        assertThat((Double) day.get("variance_kwh_por_bbl_pct"))
                .isCloseTo(-7.6923, org.assertj.core.data.Offset.offset(1e-4));
        Map<String, Object> month = wells.rows("SELECT * FROM reporting.vw_kpi_monthly WHERE well_id = 'W-OK'")
                .get(0);
        assertThat(month).containsEntry("energia_kwh", 240.0).containsEntry("target_kwh_por_bbl", 2.0);
    }
}

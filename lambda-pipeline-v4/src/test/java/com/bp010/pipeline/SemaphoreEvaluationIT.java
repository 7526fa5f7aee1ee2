package com.bp010.pipeline;

import com.bp010.db.CallResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bp010.pipeline.WellFixture.reading;
import static com.bp010.pipeline.WellFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Phase 5.2, reporting.aplicar_evaluacion_universal: the docs/CONTRACTS.md §6 scale, its precedence, the well state, alerts. */
class SemaphoreEvaluationIT {
    private static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-03-10T12:00:00Z");
    private static final OffsetDateTime FRESH = AS_OF.minusMinutes(10);
    private static final String WHP = "well_head_pressure";
    private static final String FILLAGE = "pump_fillage";
    private static final String CURRENT = "motor_current";

    @RegisterExtension
    static final MigratedWells DATABASE = new MigratedWells();

    @BeforeEach
    void limits() {
        DATABASE.wells().clear();
        // WHP: critical below 10, warning below 30, target 100 (+/- 5 % = 95..105), warning above 500, critical above 2000
        DATABASE.wells().limits(WHP, null, 10.0, 30.0, 500.0, 2000.0, 100.0);
        DATABASE.wells().limits(FILLAGE, null, 20.0, 50.0, 100.0, 100.0, 85.0);
        DATABASE.wells().limits(CURRENT, null, null, null, 80.0, 120.0, null);
        DATABASE.wells().dqRule("DQ-001", WHP, "REPRESENTATIVIDAD");
        DATABASE.wells().dqRule("DQ-021", WHP, "LATENCIA");
    }

    @Test
    void shouldGiveEveryBandItsSpecCode_whenValuesArePlacedAcrossTheLimits() {
        Map<Double, Integer> expected = new LinkedHashMap<>();
        expected.put(5.0, 1);       // < min_critical
        expected.put(10.0, 2);      // = min_critical: not below it
        expected.put(29.9, 2);      // < min_warning
        expected.put(30.0, 3);      // = min_warning, below target - tolerance
        expected.put(94.9, 3);
        expected.put(95.0, 4);      // = target - 5 %
        expected.put(100.0, 4);
        expected.put(105.0, 4);     // = target + 5 %
        expected.put(105.1, 5);
        expected.put(500.0, 5);     // = max_warning: not above it
        expected.put(500.1, 6);
        expected.put(2000.0, 6);    // = max_critical
        expected.put(2000.1, 7);
        int i = 0;
        for (Double value : expected.keySet()) {
            DATABASE.wells().currentValues("BAND-" + i++, reading(WHP, value, FRESH));
        }
        DATABASE.wells().currentValues("BAND-NULL", reading(WHP, null, FRESH));

        DATABASE.wells().evaluate(null, AS_OF);

        i = 0;
        for (Map.Entry<Double, Integer> band : expected.entrySet()) {
            assertThat(DATABASE.wells().status("BAND-" + i++, WHP)).as("WHP %s", band.getKey()).isEqualTo(band.getValue());
        }
        assertThat(DATABASE.wells().status("BAND-NULL", WHP)).isZero();
    }

    @Test
    void shouldJudgeInsideTheWarningBandAsOptimal_whenTheVariableHasNoTarget() {
        DATABASE.wells().currentValues("NO-TARGET", reading(CURRENT, 40.0, FRESH));
        DATABASE.wells().currentValues("NO-TARGET-HIGH", reading(CURRENT, 100.0, FRESH));

        DATABASE.wells().evaluate(null, AS_OF);

        assertThat(DATABASE.wells().status("NO-TARGET", CURRENT)).isEqualTo(4);
        assertThat(DATABASE.wells().status("NO-TARGET-HIGH", CURRENT)).isEqualTo(6);
    }

    @Test
    void shouldUseTheWellsOwnLimit_whenAPerWellRowOverridesTheDefault() {
        DATABASE.wells().limits(WHP, "OWN-LIMIT", null, null, 200.0, 300.0, null);
        DATABASE.wells().currentValues("OWN-LIMIT", reading(WHP, 250.0, FRESH));
        DATABASE.wells().currentValues("DEFAULT-LIMIT", reading(WHP, 250.0, FRESH));
        DATABASE.wells().currentValues("OWN-LIMIT-LOW", reading(WHP, 20.0, FRESH));
        DATABASE.wells().limits(WHP, "OWN-LIMIT-LOW", null, null, 200.0, 300.0, null);

        DATABASE.wells().evaluate(null, AS_OF);

        assertThat(DATABASE.wells().status("OWN-LIMIT", WHP)).as("per-well max_warning 200").isEqualTo(6);
        assertThat(DATABASE.wells().status("DEFAULT-LIMIT", WHP)).as("all-wells max_warning 500").isEqualTo(5);
        assertThat(DATABASE.wells().status("OWN-LIMIT-LOW", WHP)).as("fields the per-well row leaves empty are inherited")
                .isEqualTo(2);
    }

    @Test
    void shouldUseTheRowsTolerance_whenTheLimitsRowHasOne() {
        DATABASE.wells().update("UPDATE referencial.tbl_limites_pozo SET tolerancia_pct = 20 WHERE nombre_tecnico = ?", WHP);
        DATABASE.wells().currentValues("WIDE-BAND", reading(WHP, 85.0, FRESH));

        DATABASE.wells().evaluate(null, AS_OF);

        assertThat(DATABASE.wells().status("WIDE-BAND", WHP)).isEqualTo(4);
    }

    @Test
    void shouldShowNine_onlyForTheWellSilentLongerThanTheOfflineAllowance() {
        DATABASE.wells().currentValues("SILENT", reading(WHP, 100.0, AS_OF.minusMinutes(121)));
        DATABASE.wells().currentValues("JUST-IN-TIME", reading(WHP, 100.0, AS_OF.minusMinutes(120)));
        DATABASE.wells().currentValues("REPORTING", reading(WHP, 100.0, AS_OF.minusMinutes(119)));

        DATABASE.wells().evaluate(null, AS_OF);

        assertThat(DATABASE.wells().status("SILENT", WHP)).isEqualTo(9);
        assertThat(DATABASE.wells().status("JUST-IN-TIME", WHP)).isEqualTo(4);
        assertThat(DATABASE.wells().status("REPORTING", WHP)).isEqualTo(4);
        assertThat(DATABASE.db().queryValue("SELECT estado_operativo FROM reporting.dataset_current_values WHERE well_id = 'SILENT'"))
                .isEqualTo("OFFLINE");
    }

    @Test
    void shouldUseTheVariablesOwnAllowance_whenConfigurationOverridesItForThatVariable() {
        DATABASE.wells().config("offline_allowance_min", FILLAGE, 30);
        Map<String, Object> row = reading(WHP, 100.0, AS_OF.minusMinutes(45));
        row.putAll(reading(FILLAGE, 85.0, AS_OF.minusMinutes(45)));
        DATABASE.wells().currentValues("FAST-FILLAGE", row);

        DATABASE.wells().evaluate(null, AS_OF);

        assertThat(DATABASE.wells().status("FAST-FILLAGE", FILLAGE)).isEqualTo(9);
        assertThat(DATABASE.wells().status("FAST-FILLAGE", WHP)).isEqualTo(4);
    }

    @Test
    void shouldShowNine_whenTheReadingIsBothStaleAndFailedItsRangeRule() {
        OffsetDateTime old = AS_OF.minusHours(5);
        DATABASE.wells().currentValues("STALE-AND-FAILED", reading(WHP, -50.0, old));
        DATABASE.wells().dqFailure("DQ-001", "STALE-AND-FAILED", WHP, old);

        DATABASE.wells().evaluate(null, AS_OF);

        assertThat(DATABASE.wells().status("STALE-AND-FAILED", WHP)).isEqualTo(9);
    }

    @Test
    void shouldShowEight_whenTheReadingFailedItsRangeRuleAndIsOutOfLimits() {
        DATABASE.wells().currentValues("FAILED-AND-HIGH", reading(WHP, 2500.0, FRESH));
        DATABASE.wells().dqFailure("DQ-001", "FAILED-AND-HIGH", WHP, FRESH);
        DATABASE.wells().currentValues("OLDER-FAILURE", reading(WHP, 2500.0, FRESH));
        DATABASE.wells().dqFailure("DQ-001", "OLDER-FAILURE", WHP, FRESH.minusHours(1));
        DATABASE.wells().currentValues("LATENCY-FAILURE", reading(WHP, 2500.0, FRESH));
        DATABASE.wells().dqFailure("DQ-021", "LATENCY-FAILURE", WHP, FRESH);

        DATABASE.wells().evaluate(null, AS_OF);

        assertThat(DATABASE.wells().status("FAILED-AND-HIGH", WHP)).isEqualTo(8);
        assertThat(DATABASE.wells().status("OLDER-FAILURE", WHP)).as("a failure of an earlier reading").isEqualTo(7);
        assertThat(DATABASE.wells().status("LATENCY-FAILURE", WHP)).as("a latency failure is not a range failure").isEqualTo(7);
        assertThat(DATABASE.db().queryValue("SELECT estado_operativo FROM reporting.dataset_current_values"
                + " WHERE well_id = 'FAILED-AND-HIGH'")).isEqualTo("CRITICAL");
    }

    @Test
    void shouldRankTheWellByItsWorstVariable_whenItsVariablesDisagree() {
        Map<String, Object> offline = reading(WHP, 100.0, FRESH);                       // 4
        offline.putAll(reading(CURRENT, 100.0, FRESH));                                 // 6
        offline.putAll(reading(FILLAGE, 85.0, AS_OF.minusHours(3)));                    // 9
        DATABASE.wells().currentValues("MIXED-OFFLINE", offline);
        Map<String, Object> critical = reading(WHP, 5.0, FRESH);                        // 1
        critical.putAll(reading(CURRENT, 130.0, FRESH));                                // 7
        critical.putAll(reading(FILLAGE, 85.0, AS_OF.minusHours(3)));                   // 9
        DATABASE.wells().currentValues("MIXED-CRITICAL", critical);
        Map<String, Object> warning = reading(WHP, 100.0, FRESH);                       // 4
        warning.putAll(reading(FILLAGE, 40.0, FRESH));                                  // 2
        DATABASE.wells().currentValues("MIXED-WARNING", warning);
        DATABASE.wells().currentValues("NO-DATA", values("fecha_hora_ultima_lectura", FRESH));

        DATABASE.wells().evaluate(null, AS_OF);

        List<Map<String, Object>> rows = DATABASE.wells().rows("SELECT well_id, estado_operativo, peor_variable, peor_status,"
                + " n_variables_alerta, n_variables_criticas, evaluado_en FROM reporting.dataset_current_values"
                + " ORDER BY well_id");
        assertThat(rows).extracting(r -> r.get("well_id"), r -> r.get("estado_operativo"), r -> r.get("peor_variable"),
                        r -> ((Number) r.get("peor_status")).intValue(),
                        r -> r.get("n_variables_alerta"), r -> r.get("n_variables_criticas"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MIXED-CRITICAL", "CRITICAL", CURRENT, 7, 3, 2),
                        org.assertj.core.groups.Tuple.tuple("MIXED-OFFLINE", "OFFLINE", FILLAGE, 9, 2, 0),
                        org.assertj.core.groups.Tuple.tuple("MIXED-WARNING", "WARNING", FILLAGE, 2, 1, 0),
                        org.assertj.core.groups.Tuple.tuple("NO-DATA", "UNKNOWN", null, 0, 0, 0));
        assertThat(rows).allSatisfy(r -> assertThat(((java.sql.Timestamp) r.get("evaluado_en")).toInstant())
                .isEqualTo(AS_OF.toInstant()));
    }

    @Test
    void shouldOpenKeepAndCloseOneAlert_whenAVariableEntersStaysInAndLeavesTheAlertCodes() {
        DATABASE.wells().currentValues("ALERTING", reading(WHP, 1000.0, FRESH));
        UUID first = UUID.randomUUID();
        DATABASE.wells().evaluate(first, AS_OF);

        DATABASE.wells().updateCurrentValues("ALERTING", reading(WHP, 2500.0, AS_OF.plusMinutes(50)));
        DATABASE.wells().evaluate(UUID.randomUUID(), AS_OF.plusHours(1));
        List<Map<String, Object>> live = DATABASE.wells().rows("SELECT codigo_status, valor, vigente, run_id, abierta_en"
                + " FROM reporting.fact_alertas WHERE well_id = 'ALERTING' AND tipo = 'SEMAFORO'");
        assertThat(live).hasSize(1);
        assertThat(live.get(0)).containsEntry("codigo_status", 7).containsEntry("valor", 2500.0)
                .containsEntry("vigente", true);

        DATABASE.wells().updateCurrentValues("ALERTING", reading(WHP, 100.0, AS_OF.plusMinutes(110)));
        CallResult closing = DATABASE.wells().evaluate(UUID.randomUUID(), AS_OF.plusHours(2));

        List<Map<String, Object>> history = DATABASE.wells().rows("SELECT vigente, cerrada_en, abierta_en"
                + " FROM reporting.fact_alertas WHERE well_id = 'ALERTING'");
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("vigente", false);
        assertThat(((java.sql.Timestamp) history.get(0).get("cerrada_en")).toInstant())
                .isEqualTo(AS_OF.plusHours(2).toInstant());
        assertThat(((java.sql.Timestamp) history.get(0).get("abierta_en")).toInstant()).isEqualTo(AS_OF.toInstant());
        assertThat(closing.notices()).anySatisfy(n -> assertThat(n).contains("closed 1"));
    }

    @Test
    void shouldLeaveStatusesAndAlertsIdentical_whenRerunWithTheSameAsOf() {
        DATABASE.wells().currentValues("RERUN-A", reading(WHP, 1000.0, FRESH));
        DATABASE.wells().currentValues("RERUN-B", reading(WHP, 100.0, AS_OF.minusHours(4)));
        Map<String, Object> c = reading(WHP, 3000.0, FRESH);
        DATABASE.wells().currentValues("RERUN-C", c);
        DATABASE.wells().dqFailure("DQ-001", "RERUN-C", WHP, FRESH);
        String statuses = "SELECT well_id, well_head_pressure_status, pump_fillage_status, motor_current_status,"
                + " estado_operativo, peor_variable, peor_status, n_variables_alerta, n_variables_criticas, evaluado_en"
                + " FROM reporting.dataset_current_values ORDER BY well_id";
        String alerts = "SELECT alerta_id, well_id, tipo, referencia, codigo_status, severidad, valor, abierta_en,"
                + " actualizada_en, cerrada_en, vigente FROM reporting.fact_alertas ORDER BY alerta_id";

        DATABASE.wells().evaluate(UUID.randomUUID(), AS_OF);
        List<Map<String, Object>> firstStatuses = DATABASE.wells().rows(statuses);
        List<Map<String, Object>> firstAlerts = DATABASE.wells().rows(alerts);
        DATABASE.wells().evaluate(UUID.randomUUID(), AS_OF);

        assertThat(DATABASE.wells().rows(statuses)).isEqualTo(firstStatuses);
        assertThat(DATABASE.wells().rows(alerts)).isEqualTo(firstAlerts).hasSize(3);
    }

    @Test
    void shouldReportTheStatesInANotice_whenItRuns() {
        DATABASE.wells().currentValues("NOTICE-1", reading(WHP, 1000.0, FRESH));

        CallResult result = DATABASE.wells().evaluate(null, AS_OF);

        assertThat(result.notices()).singleElement().asString()
                .contains("1 wells x 3 variables").contains("WARNING 1").contains("alerts opened 1");
    }
}

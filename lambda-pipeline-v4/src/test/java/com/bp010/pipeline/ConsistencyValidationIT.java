package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bp010.pipeline.WellFixture.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Phase 7, stage.sp_execute_consistency_validation: RC rules from referencial.tbl_reglas_consistencia on the current
 * values joined with the well master. Every planted well is healthy except for the one rule it is named after; the
 * healthy values are the oracle well of docs/DOMAIN.md §2 (FBHP 503.021 psi, buoyant rod weight 8,174.81 lbf).
 */
class ConsistencyValidationIT {
    private static final OffsetDateTime AS_OF = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    private static final String LIVE = "SELECT codigo, well_id FROM stage.tbl_consistency_results WHERE vigente"
            + " ORDER BY codigo, well_id";

    @RegisterExtension
    static final MigratedWells DATABASE = new MigratedWells();

    @BeforeEach
    void clean() {
        DATABASE.wells().clear();
        DATABASE.wells().update("UPDATE referencial.tbl_reglas_consistencia SET activa = true");
        DATABASE.wells().update("DELETE FROM referencial.tbl_reglas_consistencia WHERE codigo > 'RC-006'");
    }

    /** A well that satisfies all six rules, with {@code overrides} applied (master or current-value columns). */
    private static void well(String wellId, Map<String, Object> overrides) {
        Map<String, Object> master = values("profundidad_bomba", 5000.0, "profundidad_yacimiento", 5200.0,
                "presion_estatica_yacimiento", 2000.0, "radio_pozo", 0.328, "radio_drenaje", 745.0);
        Map<String, Object> current = values("max_rod_load", 12000.0, "min_rod_load", 5000.0,
                "rod_weight_buoyant", 8174.81, "well_head_pressure", 100.0, "casing_head_pressure", 50.0,
                "pwf", 503.021, "fecha_hora_ultima_lectura", AS_OF.minusMinutes(5));
        overrides.forEach((k, v) -> {
            if (master.containsKey(k)) {
                master.put(k, v);
            } else {
                current.put(k, v);
            }
        });
        DATABASE.wells().master(wellId, master);
        DATABASE.wells().currentValues(wellId, current);
    }

    private static void plantOnePerRule() {
        well("HEALTHY", Map.of());
        well("BAD-001", values("max_rod_load", 4000.0, "rod_weight_buoyant", 3000.0));
        well("BAD-003", values("well_head_pressure", 600.0));
        well("BAD-005", values("profundidad_bomba", 5300.0));
        well("BAD-006", values("radio_pozo", 800.0));
    }

    @Test
    void shouldRecordExactlyThePlantedWells_whenTheyBreakRc001Rc003Rc005AndRc006() {
        plantOnePerRule();

        DATABASE.wells().checkConsistency(UUID.randomUUID(), AS_OF);

        assertThat(DATABASE.wells().rows("SELECT codigo, well_id, valor_medido, valor_referencia, severidad, vigente"
                + " FROM stage.tbl_consistency_results ORDER BY codigo"))
                .extracting(r -> r.get("codigo"), r -> r.get("well_id"), r -> r.get("valor_medido"),
                        r -> r.get("valor_referencia"), r -> r.get("severidad"), r -> r.get("vigente"))
                .containsExactly(
                        tuple("RC-001", "BAD-001", 4000.0, 5000.0, "CRITICAL", true),
                        tuple("RC-003", "BAD-003", 600.0, 503.021, "CRITICAL", true),
                        tuple("RC-005", "BAD-005", 5300.0, 5200.0, "MEDIUM", true),
                        tuple("RC-006", "BAD-006", 800.0, 745.0, "MEDIUM", true));
        assertThat(DATABASE.wells().rows("SELECT referencia, well_id FROM reporting.vw_alerts WHERE tipo = 'CONSISTENCIA'"
                + " ORDER BY referencia"))
                .extracting(r -> r.get("referencia"), r -> r.get("well_id"))
                .containsExactly(tuple("RC-001", "BAD-001"), tuple("RC-003", "BAD-003"),
                        tuple("RC-005", "BAD-005"), tuple("RC-006", "BAD-006"));
        assertThat(DATABASE.db().count("SELECT count(*) FROM reporting.vw_alerts WHERE well_id = 'HEALTHY'")).isZero();
        assertThat(DATABASE.db().count("SELECT count(*) FROM reporting.fact_alertas WHERE tipo = 'CONSISTENCIA' AND vigente"))
                .isEqualTo(4);
    }

    @Test
    void shouldShowReadableNumbersInTheMessage_whileTheStoredValuesKeepEveryDigit() {
        // a derived value as the physics leaves it: the engineer reads 7745.4, not 7745.396768138067
        well("BAD-002", values("max_rod_load", 5287.85, "rod_weight_buoyant", 7745.396768138067,
                "min_rod_load", 1000.0));

        DATABASE.wells().checkConsistency(UUID.randomUUID(), AS_OF);

        assertThat(DATABASE.wells().rows("SELECT codigo, valor_medido, valor_referencia, mensaje"
                + " FROM stage.tbl_consistency_results WHERE well_id = 'BAD-002'"))
                .extracting(r -> r.get("codigo"), r -> r.get("valor_medido"), r -> r.get("valor_referencia"),
                        r -> r.get("mensaje"))
                .containsExactly(tuple("RC-002", 5287.85, 7745.396768138067,
                        "RC-002: max_rod_load = 5287.85, rod_weight_buoyant = 7745.4"
                                + " (expected max_rod_load > rod_weight_buoyant)"));
    }

    @Test
    void shouldKeepTheViolationAsHistory_whenItClears() {
        plantOnePerRule();
        DATABASE.wells().checkConsistency(UUID.randomUUID(), AS_OF);

        DATABASE.wells().updateCurrentValues("BAD-001", values("max_rod_load", 11000.0));
        UUID fixRun = UUID.randomUUID();
        CallResult fix = DATABASE.wells().checkConsistency(fixRun, AS_OF.plusHours(1));

        List<Map<String, Object>> rc001 = DATABASE.wells().rows("SELECT vigente, resuelto_en, detectado_en, ultimo_run_id"
                + " FROM stage.tbl_consistency_results WHERE codigo = 'RC-001' AND well_id = 'BAD-001'");
        assertThat(rc001).singleElement().satisfies(r -> {
            assertThat(r.get("vigente")).isEqualTo(false);
            assertThat(((Timestamp) r.get("resuelto_en")).toInstant()).isEqualTo(AS_OF.plusHours(1).toInstant());
            assertThat(((Timestamp) r.get("detectado_en")).toInstant()).isEqualTo(AS_OF.toInstant());
            assertThat(r.get("ultimo_run_id")).isEqualTo(fixRun);
        });
        assertThat(DATABASE.wells().rows(LIVE)).extracting(r -> r.get("codigo"))
                .containsExactly("RC-003", "RC-005", "RC-006");
        assertThat(DATABASE.db().count("SELECT count(*) FROM reporting.vw_alerts WHERE referencia = 'RC-001'")).isZero();
        assertThat(DATABASE.wells().rows("SELECT vigente FROM reporting.vw_consistency_violations WHERE codigo = 'RC-001'"))
                .extracting(r -> r.get("vigente")).containsExactly(false);
        assertThat(DATABASE.db().count("SELECT count(*) FROM reporting.fact_alertas WHERE tipo = 'CONSISTENCIA'"
                + " AND referencia = 'RC-001' AND NOT vigente AND cerrada_en IS NOT NULL")).isEqualTo(1);
        assertThat(fix.notices()).anySatisfy(n -> assertThat(n).contains("RC-001").contains("1 cleared"));

        DATABASE.wells().updateCurrentValues("BAD-001", values("max_rod_load", 4500.0));
        DATABASE.wells().checkConsistency(UUID.randomUUID(), AS_OF.plusHours(2));
        assertThat(DATABASE.wells().rows("SELECT vigente FROM stage.tbl_consistency_results WHERE codigo = 'RC-001'"
                + " ORDER BY detectado_en")).extracting(r -> r.get("vigente")).containsExactly(false, true);
    }

    @Test
    void shouldKeepOneLiveRowWithTheLatestValues_whenTheViolationLasts() {
        plantOnePerRule();
        DATABASE.wells().checkConsistency(UUID.randomUUID(), AS_OF);
        DATABASE.wells().updateCurrentValues("BAD-003", values("well_head_pressure", 700.0));
        UUID second = UUID.randomUUID();

        DATABASE.wells().checkConsistency(second, AS_OF.plusHours(1));

        assertThat(DATABASE.wells().rows("SELECT valor_medido, detectado_en, ultima_vez_en, ultimo_run_id, vigente"
                + " FROM stage.tbl_consistency_results WHERE codigo = 'RC-003'")).singleElement().satisfies(r -> {
                    assertThat(r.get("valor_medido")).isEqualTo(700.0);
                    assertThat(((Timestamp) r.get("detectado_en")).toInstant()).isEqualTo(AS_OF.toInstant());
                    assertThat(((Timestamp) r.get("ultima_vez_en")).toInstant())
                            .isEqualTo(AS_OF.plusHours(1).toInstant());
                    assertThat(r.get("ultimo_run_id")).isEqualTo(second);
                    assertThat(r.get("vigente")).isEqualTo(true);
                });
    }

    @Test
    void shouldNotJudgeAWell_whenOneOperandIsMissing() {
        well("NO-FBHP", values("well_head_pressure", 600.0, "pwf", null));
        well("WAS-BAD", values("well_head_pressure", 600.0));
        DATABASE.wells().checkConsistency(UUID.randomUUID(), AS_OF);
        DATABASE.wells().updateCurrentValues("WAS-BAD", values("pwf", null));

        DATABASE.wells().checkConsistency(UUID.randomUUID(), AS_OF.plusHours(1));

        assertThat(DATABASE.wells().rows(LIVE)).extracting(r -> r.get("codigo"), r -> r.get("well_id"))
                .as("no finding without FBHP; the earlier finding is neither confirmed nor cleared")
                .containsExactly(tuple("RC-003", "WAS-BAD"));
    }

    @Test
    void shouldLeaveFindingsIdentical_whenRerunWithTheSameAsOf() {
        plantOnePerRule();
        String findings = "SELECT result_id, codigo, well_id, valor_medido, valor_referencia, severidad, mensaje,"
                + " detectado_en, ultima_vez_en, vigente, resuelto_en FROM stage.tbl_consistency_results"
                + " ORDER BY result_id";
        String alerts = "SELECT * FROM reporting.fact_alertas ORDER BY alerta_id";
        UUID run = UUID.randomUUID();
        DATABASE.wells().checkConsistency(run, AS_OF);
        List<Map<String, Object>> first = DATABASE.wells().rows(findings);
        List<Map<String, Object>> firstAlerts = DATABASE.wells().rows(alerts);

        DATABASE.wells().checkConsistency(run, AS_OF);

        assertThat(DATABASE.wells().rows(findings)).isEqualTo(first).hasSize(4);
        assertThat(DATABASE.wells().rows(alerts)).isEqualTo(firstAlerts);
    }

    @Test
    void shouldRaiseANoticePerViolationAndASummary_whenItRuns() {
        plantOnePerRule();

        CallResult result = DATABASE.wells().checkConsistency(null, AS_OF);

        assertThat(result.notices()).anySatisfy(n -> assertThat(n)
                .contains("RC-001").contains("BAD-001").contains("max_rod_load = 4000").contains("min_rod_load = 5000"));
        assertThat(result.notices()).anySatisfy(n -> assertThat(n).contains("RC-006").contains("BAD-006"));
        assertThat(result.notices()).last().asString()
                .contains("consistency summary").contains("11 rules evaluated").contains("4 live violations")
                .contains("RC-001: 1").contains("RC-002: 0").contains("RC-006: 1");
    }

    @Test
    void shouldCountLiveViolationsPerRuleInTheRunResponse_andFindTheSameOnARerun_whenThePipelineRunsPhase7() {
        plantOnePerRule();
        PipelineV4Handler handler = new PipelineV4Handler(LazyDatabase.of(DATABASE.db().database()),
                PipelineSettings.fromEnv(Env.of(DATABASE.db().env())), EmbeddedMetrics.disabled());
        String event = "{\"phases\": [\"DEFAULTS\", \"CONSISTENCY\"], \"fechaInicio\": \"2026-03-01\","
                + " \"fechaFin\": \"2026-03-01\", \"asOf\": \"" + AS_OF + "\"}";
        String findings = "SELECT result_id, codigo, well_id, valor_medido, valor_referencia, vigente, detectado_en"
                + " FROM stage.tbl_consistency_results ORDER BY result_id";

        JsonNode first = Invocation.invoke(handler, event);
        List<Map<String, Object>> firstFindings = DATABASE.wells().rows(findings);
        JsonNode second = Invocation.invoke(handler, event);

        for (JsonNode response : List.of(first, second)) {
            assertThat(response.get("status").asText()).isEqualTo("OK");
            JsonNode consistency = response.get("consistency");
            assertThat(consistency.get("violations").asLong()).isEqualTo(4);
            assertThat(consistency.get("byRule").toString()).isEqualTo(
                    "{\"RC-001\":1,\"RC-002\":0,\"RC-003\":1,\"RC-004\":0,\"RC-005\":1,\"RC-006\":1,"
                            + "\"VC-001\":0,\"VC-002\":0,\"VC-003\":0,\"VC-004\":0,\"VC-005\":0}");
        }
        assertThat(second.get("phases").get(1).get("calls").get(0).get("notices").toString())
                .contains("BAD-001").contains("consistency summary");
        assertThat(DATABASE.wells().rows(findings)).isEqualTo(firstFindings).hasSize(4);
    }

    @Test
    void shouldFollowTheCatalogue_whenRulesAreAddedSwitchedOffOrUnresolvable() {
        plantOnePerRule();
        well("CHP-ABOVE-FBHP", values("casing_head_pressure", 600.0, "well_head_pressure", 100.0));
        DATABASE.wells().checkConsistency(null, AS_OF);
        DATABASE.wells().update("UPDATE referencial.tbl_reglas_consistencia SET activa = false WHERE codigo = 'RC-005'");
        DATABASE.wells().update("INSERT INTO referencial.tbl_reglas_consistencia (codigo, descripcion, variable_medida,"
                + " operador, variable_referencia, severidad) VALUES"
                + " ('RC-007', 'Casing pressure below FBHP', 'casing_head_pressure', '<', 'pwf', 'HIGH'),"
                + " ('RC-008', 'Unknown variable', 'pwf; DROP TABLE stage.tbl_pozo_maestra', '<', 'pwf', 'LOW')");

        CallResult result = DATABASE.wells().checkConsistency(null, AS_OF.plusHours(1));

        assertThat(DATABASE.wells().rows(LIVE)).extracting(r -> r.get("codigo"), r -> r.get("well_id")).containsExactly(
                tuple("RC-001", "BAD-001"), tuple("RC-003", "BAD-003"), tuple("RC-006", "BAD-006"),
                tuple("RC-007", "CHP-ABOVE-FBHP"), tuple("VC-005", "CHP-ABOVE-FBHP"));
        assertThat(DATABASE.db().count("SELECT count(*) FROM stage.tbl_consistency_results WHERE codigo = 'RC-005'"
                + " AND NOT vigente")).isEqualTo(1);
        assertThat(result.notices()).anySatisfy(n -> assertThat(n).contains("RC-008").contains("skipped"));
        assertThat(DATABASE.db().count("SELECT count(*) FROM stage.tbl_pozo_maestra")).isEqualTo(6);
    }
}

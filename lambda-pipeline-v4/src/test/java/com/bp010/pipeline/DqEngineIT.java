package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bp010.pipeline.PipelineSqlFixture.checksum;
import static com.bp010.pipeline.PipelineSqlFixture.connectAsPipeline;
import static com.bp010.pipeline.PipelineSqlFixture.dq;
import static com.bp010.pipeline.PipelineSqlFixture.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase 3 (stage.sp_execute_dq_validation) on generated telemetry with planted faults: 4 wells x 24 hourly readings
 * of 2026-03-02 (UTC), every value inside its rule, landing rows of the 4 latency variables received 60 s (run_status
 * 1 s) after the reading. Each test gets a fresh database.
 */
class DqEngineIT {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private static final int WELLS = 4;
    private static final int READINGS = WELLS * 24;
    private static final List<String> RANGE_RULES = range("DQ-", 1, 19);
    private static final List<String> LATENCY_RULES = List.of("DQ-020", "DQ-021", "DQ-022", "DQ-023");
    private static final List<String> CARD_RULES = List.of("DQ-024", "DQ-025");
    private static final List<String> MASTER_RULES = range("DQ-", 26, 35);

    private TestDatabase db;
    private Connection admin;
    private Connection pipeline;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = TestDatabase.migrated();
        PipelineSqlFixture.loadCatalogue(db);
        admin = db.connect();
        update(admin, "SELECT prueba.generar_pozos('DQ', ?)", WELLS);
        update(admin, "SELECT prueba.generar_lecturas('DQ', ?, ?, 24)", WELLS, at("2026-03-02T00:00:00Z"));
        update(admin, "SELECT prueba.generar_landing_latencia('DQ-%', ?, ?)", at("2026-03-02T00:00:00Z"),
                at("2026-03-03T00:00:00Z"));
        pipeline = connectAsPipeline(db, "UTC");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        pipeline.close();
        admin.close();
        db.close();
    }

    private void plantFaults() throws SQLException {
        // out of range: pump fillage 130 % (DQ-007, 0-100 %)
        update(admin, "UPDATE stage.tbl_pozo_produccion SET pump_fillage = 130 WHERE well_id = 'DQ-0001' AND timestamp_lectura = ?",
                at("2026-03-02T10:00:00Z"));
        // received late: wellhead pressure 20 min after the reading (DQ-021, < 15 min)
        update(admin, "UPDATE stage.landing_scada_data SET source_received_at = timestamp_lectura + interval '20 minutes' "
                + "WHERE well_id = 'DQ-0002' AND timestamp_lectura = ? AND var_id = (SELECT var_id_scada "
                + "FROM referencial.tbl_var_scada_map WHERE columna_stage = 'well_head_pressure')", at("2026-03-02T05:00:00Z"));
        // bad card: arrays of different length (DQ-024)
        update(admin, "UPDATE stage.tbl_pozo_produccion SET dynacard = '{\"position\":[0,40,0],\"load\":[5000,9000]}' "
                + "WHERE well_id = 'DQ-0003' AND timestamp_lectura = ?", at("2026-03-02T12:00:00Z"));
        // master record breaking a reservoir rule: static pressure 0 (DQ-029, > 0)
        update(admin, "UPDATE stage.tbl_pozo_maestra SET presion_estatica_yacimiento = 0 WHERE well_id = 'DQ-0004'");
        // a missing value: not evaluated, never failed (DQ-015 gas_rate)
        update(admin, "UPDATE stage.tbl_pozo_produccion SET gas_rate = NULL WHERE well_id = 'DQ-0001' AND timestamp_lectura = ?",
                at("2026-03-02T15:00:00Z"));
    }

    @Test
    void shouldFlagExactlyThePlantedFaults_whenTheWindowHoldsThem() throws SQLException {
        plantFaults();
        UUID run = UUID.randomUUID();

        CallResult call = dq(pipeline, DAY, DAY, null, run);

        assertThat(findings()).containsExactlyInAnyOrder(
                "DQ-007|DQ-0001|2026-03-02T10:00Z|130|pump_fillage = 130 above the maximum 100",
                "DQ-021|DQ-0002|2026-03-02T05:00Z|1200.000|well_head_pressure received 1200.000 s after the reading (limit 900 s)",
                "DQ-024|DQ-0003|2026-03-02T12:00Z|{\"position\":[0,40,0],\"load\":[5000,9000]}|dynacard: position has 3 points, load has 2",
                "DQ-029|DQ-0004|null|0|presion_estatica_yacimiento = 0 below the minimum 0.0001");
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE run_id = ? AND severidad IS NOT NULL "
                + "AND tipo IS NOT NULL AND resultado = 'FAIL'", run)).isEqualTo(4);
        assertThat(call.notices()).anyMatch(n -> n.contains("DQ rule DQ-007 (pump_fillage): 1 failure(s) of 96 evaluated"));
        assertThat(call.notices()).anyMatch(n -> n.contains("35 of 35 active rule(s) executable")
                && n.contains("2439 evaluated, 2435 passed, 4 failed, 1 not evaluated"));
    }

    @Test
    void shouldCountEveryOneOfThe35Rules_whenTheCatalogueMapsThemAll() throws SQLException {
        plantFaults();
        UUID run = UUID.randomUUID();

        dq(pipeline, DAY, DAY, null, run);

        Map<String, long[]> byRule = summary(run);
        assertThat(byRule).hasSize(35);
        Map<String, long[]> expected = new HashMap<>();
        RANGE_RULES.forEach(r -> expected.put(r, new long[]{READINGS, READINGS, 0, 0}));
        LATENCY_RULES.forEach(r -> expected.put(r, new long[]{READINGS, READINGS, 0, 0}));
        CARD_RULES.forEach(r -> expected.put(r, new long[]{READINGS, READINGS, 0, 0}));
        MASTER_RULES.forEach(r -> expected.put(r, new long[]{WELLS, WELLS, 0, 0}));
        expected.put("DQ-007", new long[]{READINGS, READINGS - 1, 1, 0});
        expected.put("DQ-015", new long[]{READINGS - 1, READINGS - 1, 0, 1});
        expected.put("DQ-021", new long[]{READINGS, READINGS - 1, 1, 0});
        expected.put("DQ-024", new long[]{READINGS, READINGS - 1, 1, 0});
        expected.put("DQ-029", new long[]{WELLS, WELLS - 1, 1, 0});
        expected.forEach((rule, counts) -> assertThat(byRule.get(rule)).as(rule).containsExactly(counts));

        // per well, day and rule: the same counts; each well's score = passed / evaluated
        assertThat(db.count("SELECT sum(failed) FROM reporting.fact_dq_diaria")).isEqualTo(4);
        assertThat(db.count("SELECT sum(evaluated) FROM reporting.fact_dq_diaria")).isEqualTo(2439);
        assertThat(db.queryValue("SELECT score FROM reporting.dataset_dq_score_pozo WHERE well_id = 'DQ-0001'"))
                .isEqualTo(608.0 / 609.0);
        assertThat(db.queryValue("SELECT score FROM reporting.dataset_dq_score_pozo WHERE well_id = 'DQ-0004'"))
                .isEqualTo(609.0 / 610.0);
    }

    @Test
    void shouldFailNoLatencyRule_whenABackfillCarriesNoReceiveTimes() throws SQLException {
        update(admin, "SELECT prueba.generar_lecturas('DQ', ?, ?, 24)", WELLS, at("2026-03-03T00:00:00Z"));
        // a file drop months later: landed now (moddate), no source receive time
        update(admin, "SELECT prueba.generar_landing_latencia('DQ-%', ?, ?, interval '0 seconds', false)",
                at("2026-03-03T00:00:00Z"), at("2026-03-04T00:00:00Z"));
        UUID run = UUID.randomUUID();

        dq(pipeline, LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-03"), null, run);

        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE tipo = 'LATENCIA'")).isZero();
        Map<String, long[]> byRule = summary(run);
        LATENCY_RULES.forEach(r -> assertThat(byRule.get(r)).as(r).containsExactly(0, 0, 0, READINGS));
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq")).isZero();
    }

    @Test
    void shouldReplaceVerdictsAndKeepFindingsIdentical_whenTheWindowIsRunAgain() throws SQLException {
        plantFaults();
        dq(pipeline, DAY, DAY, null, UUID.randomUUID());
        String findings = checksum(pipeline, "stage.tbl_pozo_scada_dq");
        String daily = checksum(pipeline, "reporting.fact_dq_diaria");
        String scores = checksum(pipeline, "reporting.dataset_dq_score_pozo");
        Object firstDetection = db.queryValue("SELECT detectado_en FROM stage.tbl_pozo_scada_dq WHERE rule_id = 'DQ-007'");

        UUID second = UUID.randomUUID();
        dq(pipeline, DAY, DAY, null, second);

        assertThat(checksum(pipeline, "stage.tbl_pozo_scada_dq")).isEqualTo(findings);
        assertThat(checksum(pipeline, "reporting.fact_dq_diaria")).isEqualTo(daily);
        assertThat(checksum(pipeline, "reporting.dataset_dq_score_pozo")).isEqualTo(scores);
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE run_id = ?", second)).isEqualTo(4);
        assertThat(db.queryValue("SELECT detectado_en FROM stage.tbl_pozo_scada_dq WHERE rule_id = 'DQ-007'"))
                .isEqualTo(firstDetection);

        // the reading is corrected: the next verdict is a pass, and the old failure is gone
        update(admin, "UPDATE stage.tbl_pozo_produccion SET pump_fillage = 90 WHERE well_id = 'DQ-0001' AND timestamp_lectura = ?",
                at("2026-03-02T10:00:00Z"));
        UUID third = UUID.randomUUID();
        CallResult call = dq(pipeline, DAY, DAY, null, third);

        assertThat(findings()).extracting(f -> f.substring(0, 6)).containsExactlyInAnyOrder("DQ-021", "DQ-024", "DQ-029");
        assertThat(summary(third).get("DQ-007")).containsExactly(READINGS, READINGS, 0, 0);
        assertThat(call.notices()).anyMatch(n -> n.contains("1 earlier failure(s) cleared"));
        assertThat(db.count("SELECT count(*) FROM stage.tbl_dq_run_summary")).as("every run kept").isEqualTo(3 * 35);
    }

    @Test
    void shouldLeaveWhatTheWholeDayLeaves_whenAnIncrementalRunChecksOnlyItsHours() throws SQLException {
        dq(pipeline, DAY, DAY, null, UUID.randomUUID());
        assertThat(db.count("SELECT count(*) FROM reporting.fact_dq_horaria")).as("one row per well and hour")
                .isEqualTo(READINGS);
        plantFaults();
        // DQ-0003's day as counted before hourly counts were kept: daily rows, no hourly ones
        update(admin, "INSERT INTO reporting.fact_dq_diaria_base (well_id, fecha, rule_id, evaluated, passed, failed,"
                + " not_evaluated) SELECT well_id, fecha, rule_id, evaluated, passed, failed, not_evaluated"
                + " FROM reporting.fact_dq_diaria WHERE well_id = 'DQ-0003' ON CONFLICT DO NOTHING");
        update(admin, "DELETE FROM reporting.fact_dq_horaria WHERE well_id = 'DQ-0003'");
        update(admin, "DELETE FROM reporting.fact_dq_diaria_pozo WHERE well_id = 'DQ-0003'");
        // the scope an incremental run would register for those readings (R__25): their hours
        UUID run = UUID.randomUUID();
        update(admin, "INSERT INTO reporting.pipeline_runs (run_id, status, as_of) VALUES (?, 'RUNNING', now())", run);
        String scope = "INSERT INTO reporting.pipeline_run_alcance (run_id, well_id, desde, hasta, dia_desde, dia_hasta)"
                + " VALUES (?, ?, ?, ?, '2026-03-02', '2026-03-02')";
        update(admin, scope, run, "DQ-0001", at("2026-03-02T10:00:00Z"), at("2026-03-02T11:00:00Z"));
        update(admin, scope, run, "DQ-0001", at("2026-03-02T15:00:00Z"), at("2026-03-02T17:00:00Z"));
        // the new reading's hour and its neighbours' (the facts need them): DQ checks only the hour marked new
        update(admin, "INSERT INTO reporting.pipeline_run_alcance (run_id, well_id, desde, hasta, dia_desde, dia_hasta,"
                + " horas_nuevas) VALUES (?, ?, ?, ?, '2026-03-02', '2026-03-02', tstzmultirange(tstzrange(?, ?)))",
                run, "DQ-0002", at("2026-03-02T04:00:00Z"), at("2026-03-02T07:00:00Z"), at("2026-03-02T05:00:00Z"),
                at("2026-03-02T06:00:00Z"));
        update(admin, scope, run, "DQ-0003", at("2026-03-02T12:00:00Z"), at("2026-03-02T13:00:00Z"));

        CallResult call = dq(pipeline, DAY, DAY, null, run);

        assertThat(call.notices()).anyMatch(n -> n.contains("DQ rule DQ-007 (pump_fillage): 1 failure(s) of 72 evaluated, in 1 well(s)"));
        assertThat(db.count("SELECT count(*) FROM reporting.fact_dq_horaria WHERE run_id = ?", run))
                .as("the scope's 4 hours holding new readings, and every hour of DQ-0003's day").isEqualTo(4 + 24);
        List<String> tables = List.of("stage.tbl_pozo_scada_dq", "reporting.fact_dq_horaria", "reporting.fact_dq_diaria",
                "reporting.fact_dq_diaria_pozo", "reporting.fact_dq_maestra_pozo", "reporting.fact_dq_diaria_base");
        Map<String, String> incremental = new HashMap<>();
        for (String table : tables) {
            incremental.put(table, checksum(pipeline, table));
        }
        dq(pipeline, DAY, DAY, null, UUID.randomUUID());
        for (String table : tables) {
            assertThat(incremental.get(table)).as(table + ": the incremental run against the whole day")
                    .isEqualTo(checksum(pipeline, table));
        }
        assertThat(findings()).extracting(f -> f.substring(0, 6))
                .containsExactlyInAnyOrder("DQ-007", "DQ-021", "DQ-024", "DQ-029");
    }

    @Test
    void shouldTouchOnlyThatWell_whenAWellIsGiven() throws SQLException {
        plantFaults();
        dq(pipeline, DAY, DAY, null, UUID.randomUUID());
        update(admin, "UPDATE stage.tbl_pozo_produccion SET pump_fillage = 90 WHERE well_id = 'DQ-0001'");
        update(admin, "UPDATE stage.tbl_pozo_maestra SET presion_estatica_yacimiento = 2000");
        UUID run = UUID.randomUUID();

        dq(pipeline, DAY, DAY, "DQ-0001", run);

        // DQ-0001's failure cleared; DQ-0004's master finding stays until DQ-0004 is evaluated again
        assertThat(findings()).extracting(f -> f.substring(0, 14))
                .containsExactlyInAnyOrder("DQ-021|DQ-0002", "DQ-024|DQ-0003", "DQ-029|DQ-0004");
        assertThat(summary(run).get("DQ-007")).containsExactly(24, 24, 0, 0);
        assertThat(summary(run).get("DQ-029")).containsExactly(1, 1, 0, 0);
    }

    @Test
    void shouldCountARuleAsNotEvaluatedAndNameIt_whenItsVariableHasNoColumn() throws SQLException {
        update(admin, "INSERT INTO referencial.tbl_dq_rules (rule_id, nombre_tecnico, tipo, valor_min, valor_max) VALUES "
                + "('DQ-900', 'caudal_fantasma', 'REPRESENTATIVIDAD', 0, 10), "
                + "('DQ-901', 'atributo_fantasma', 'MAESTRA', 0, 10), "
                + "('DQ-902', 'oil_rate', 'REPRESENTATIVIDAD', NULL, NULL)");
        UUID run = UUID.randomUUID();

        CallResult call = dq(pipeline, DAY, DAY, null, run);

        assertThat(call.notices()).anyMatch(n -> n.startsWith("DQ rule DQ-900 (REPRESENTATIVIDAD on caudal_fantasma) not evaluated")
                && n.contains("no numeric column"));
        assertThat(call.notices()).anyMatch(n -> n.startsWith("DQ rule DQ-901 (MAESTRA on atributo_fantasma) not evaluated"));
        assertThat(call.notices()).anyMatch(n -> n.startsWith("DQ rule DQ-902") && n.contains("no range"));
        assertThat(call.notices()).anyMatch(n -> n.contains("35 of 38 active rule(s) executable"));
        Map<String, long[]> byRule = summary(run);
        assertThat(byRule.get("DQ-900")).containsExactly(0, 0, 0, READINGS);
        assertThat(byRule.get("DQ-901")).containsExactly(0, 0, 0, WELLS);
        assertThat(byRule.get("DQ-902")).containsExactly(0, 0, 0, READINGS);
    }

    @Test
    void shouldUseTheMappedColumn_whenTheScadaMapNamesAnotherStageColumn() throws SQLException {
        // the variable "presion_cabeza" has no stage column of its own name: the SCADA map puts it in well_head_pressure
        update(admin, "INSERT INTO referencial.tbl_maestra_variables (id_formato1, nombre_tecnico, tipo_dato, categoria) "
                + "VALUES ('VAR900', 'presion_cabeza', 'numeric', 'scada')");
        update(admin, "UPDATE referencial.tbl_var_scada_map SET id_formato1 = 'VAR900', nombre_tecnico = 'presion_cabeza' "
                + "WHERE columna_stage = 'well_head_pressure'");
        update(admin, "INSERT INTO referencial.tbl_dq_rules (rule_id, nombre_tecnico, tipo, valor_min, valor_max) "
                + "VALUES ('DQ-903', 'presion_cabeza', 'REPRESENTATIVIDAD', 0, 130)");
        UUID run = UUID.randomUUID();

        dq(pipeline, DAY, DAY, null, run);

        long above = db.count("SELECT count(*) FROM stage.tbl_pozo_produccion WHERE well_head_pressure > 130");
        assertThat(above).isPositive().isLessThan(READINGS);
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE rule_id = 'DQ-903' "
                + "AND motivo LIKE 'presion_cabeza = % above the maximum 130'")).isEqualTo(above);
        assertThat(summary(run).get("DQ-903")).containsExactly(READINGS, READINGS - above, above, 0);
        // the rules written on the column's own name still find it, and its SCADA id for latency
        assertThat(summary(run).get("DQ-001")).containsExactly(READINGS, READINGS, 0, 0);
        assertThat(summary(run).get("DQ-021")).containsExactly(READINGS, READINGS, 0, 0);
    }

    private List<String> findings() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT rule_id, well_id, to_char(timestamp_lectura AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"'), "
                        + "valor, motivo FROM stage.tbl_pozo_scada_dq ORDER BY rule_id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5));
            }
        }
        return out;
    }

    /** rule -> {evaluated, passed, failed, not_evaluated} of the run, over its days. */
    private Map<String, long[]> summary(UUID run) throws SQLException {
        Map<String, long[]> out = new HashMap<>();
        try (var ps = admin.prepareStatement("SELECT rule_id, sum(evaluated), sum(passed), sum(failed), sum(not_evaluated) "
                + "FROM stage.tbl_dq_run_summary WHERE run_id = ? GROUP BY rule_id")) {
            ps.setObject(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
        }
        return out;
    }

    private static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    private static List<String> range(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(String.format("%s%03d", prefix, i));
        }
        return out;
    }
}

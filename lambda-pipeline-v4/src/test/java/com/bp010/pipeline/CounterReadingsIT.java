package com.bp010.pipeline;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cumulative counters and hourly means through the pipeline handler (TRANSFORM): a lone glitch reading is left out
 * (never a 523,125 kWh spike), a reset counts only when the readings after it confirm it, a roll-over crosses its power
 * of ten, a delta above the physical ceiling is refused, daily controller counters take their max, and hourly means
 * weigh each reading by the time it stands for. Findings go to stage.tbl_pozo_scada_dq under the project's DQP ids.
 */
class CounterReadingsIT {
    private static final String DAY = "2026-03-10";
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        // the tops of the user's ranges the ceilings come from (config/02_reglas_calidad.csv DQ-005, DQ-011)
        db.execute("""
                INSERT INTO referencial.tbl_dq_rules (rule_id, nombre_tecnico, tipo, valor_min, valor_max)
                VALUES ('DQ-005', 'strokes_per_minute', 'REPRESENTATIVIDAD', 0, 15),
                       ('DQ-011', 'motor_power', 'REPRESENTATIVIDAD', -50, 150)""");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Hourly readings from 23:00 the day before to 23:00 of DAY; {@code energy} gives the counter at hour h. */
    private void hourly(String well, String energy, String strokes) {
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate,
                       strokes_per_minute, energy_kwh, stroke_counter, runtime_today_hours)
                SELECT '%1$s', TIMESTAMPTZ '%2$sT00:00:00Z' + make_interval(hours => h), 40, 60, 8, %3$s, %4$s,
                       greatest(h + 1, 0)
                  FROM generate_series(-1, 23) h
                """.formatted(well, DAY, energy, strokes));
    }

    private JsonNode transform() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        JsonNode r = Invocation.invoke(handler, """
                {"phases": ["TRANSFORM"], "fechaInicio": "%1$s", "fechaFin": "%1$s", "asOf": "2026-03-11T06:00:00Z"}
                """.formatted(DAY));
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("OK");
        return r;
    }

    private Object hour(String well, int h, String column) {
        return db.queryValue("SELECT " + column + " FROM reporting.fact_operaciones_horarias WHERE well_id = '" + well
                + "' AND fecha_hora = TIMESTAMPTZ '" + DAY + "T00:00:00Z' + interval '" + h + " hours'");
    }

    private double day(String well, String column) {
        Object v = db.queryValue("SELECT " + column + " FROM reporting.fact_operaciones_diarias WHERE well_id = '"
                + well + "'");
        assertThat(v).as(well + " " + column).isNotNull();
        return ((Number) v).doubleValue();
    }

    private long findings(String rule, String well) {
        return db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE rule_id = '" + rule + "' AND well_id = '"
                + well + "'");
    }

    @Test
    void shouldLeaveAGlitchOut_whenOneZeroSitsBetweenTwoNormalEnergyReadings() {
        hourly("GLITCH", "CASE WHEN h = 10 THEN 0 ELSE 523100 + 25 * (h + 1) END", "NULL");

        transform();

        assertThat(hour("GLITCH", 10, "energia_kwh")).as("the glitch hour has no delta").isNull();
        assertThat(((Number) hour("GLITCH", 11, "energia_kwh")).doubleValue()).as("the next reading spans the glitch")
                .isCloseTo(50, within(1e-9));
        assertThat(day("GLITCH", "energia_kwh")).as("the day's energy, not 523,125 kWh").isCloseTo(600, within(1e-9));
        assertThat(day("GLITCH", "kwh_por_bbl")).isCloseTo(6, within(1e-9));
        assertThat(findings("DQP-001", "GLITCH")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM reporting.fact_eventos_pozo WHERE well_id = 'GLITCH'")).isZero();
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_dq_reglas_proyecto WHERE rule_id ~ '^DQP-'"))
                .isEqualTo(3);
    }

    @Test
    void shouldCountFromZero_whenTheReadingsAfterADropConfirmAReset() {
        hourly("RESET", "CASE WHEN h < 12 THEN 523100 + 25 * (h + 1) ELSE 10 + 25 * (h - 12) END", "NULL");

        transform();

        assertThat(((Number) hour("RESET", 12, "energia_kwh")).doubleValue()).isCloseTo(10, within(1e-9));
        assertThat(hour("RESET", 12, "reinicio_contador")).isEqualTo(true);
        assertThat(day("RESET", "energia_kwh")).isCloseTo(12 * 25 + 10 + 11 * 25, within(1e-9));
        assertThat(findings("DQP-003", "RESET")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM reporting.fact_eventos_pozo WHERE well_id = 'RESET'"
                + " AND tipo = 'REINICIO_CONTADOR_ENERGY_KWH'")).isEqualTo(1);
    }

    @Test
    void shouldWaitForConfirmation_whenTheLastReadingDrops() {
        hourly("LAST", "CASE WHEN h < 23 THEN 523100 + 25 * (h + 1) ELSE 3 END", "NULL");

        transform();

        assertThat(hour("LAST", 23, "energia_kwh")).as("unconfirmed: no delta yet").isNull();
        assertThat(findings("DQP-003", "LAST")).isZero();
        assertThat(day("LAST", "energia_kwh")).isCloseTo(23 * 25, within(1e-9));
    }

    @Test
    void shouldCrossTheRollOver_whenTheCounterWrapsAtItsPowerOfTen() {
        hourly("ROLL", "(999750 + 25 * (h + 1))::numeric % 1000000", "NULL");

        transform();

        assertThat(day("ROLL", "energia_kwh")).as("24 deltas of 25 across 999,999 -> 0").isCloseTo(600, within(1e-9));
        assertThat(findings("DQP-003", "ROLL")).isEqualTo(1);
    }

    @Test
    void shouldRefuseADelta_whenItExceedsThePhysicalCeiling() {
        hourly("CEIL", "1000 + 25 * (h + 1)", "CASE WHEN h < 6 THEN 10000 + 480 * (h + 1) ELSE 900000 + 480 * (h + 1) END");

        transform();

        assertThat(hour("CEIL", 6, "n_carreras")).as("890,000 strokes in one hour").isNull();
        assertThat(day("CEIL", "n_carreras")).isCloseTo(23 * 480, within(1e-9));
        assertThat(findings("DQP-002", "CEIL")).isEqualTo(1);
    }

    @Test
    void shouldTakeTheDaysMax_whenTheCatalogueMarksADailyCounter() {
        db.execute("""
                INSERT INTO referencial.tbl_maestra_variables (id_formato1, nombre_tecnico, tipo_dato, categoria,
                       tipo_contador)
                VALUES ('VAR-012', 'runtime_today_hours', 'numeric', 'SCADA', 'DIARIO')""");
        hourly("DAILY", "1000 + 25 * (h + 1)", "NULL");

        transform();

        assertThat(day("DAILY", "runtime_today_hours")).as("the day's last/max, not the mean 12.5").isCloseTo(24, within(1e-9));
    }

    @Test
    void shouldReopenTheHourBefore_whenTheNextRunsReadingsConfirmAReset() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        String run = """
                {"phases": ["TRANSFORM"], "asOf": "%s"}""";
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, energy_kwh)
                SELECT 'NIGHT', TIMESTAMPTZ '2026-03-09T20:00:00Z' + make_interval(hours => h),
                       CASE WHEN h < 3 THEN 523100 + 25 * h ELSE 5 END
                  FROM generate_series(0, 3) h""");
        assertThat(Invocation.invoke(handler, run.formatted("2026-03-09T23:30:00Z")).get("status").asText()).isEqualTo("OK");
        assertThat(hour("NIGHT", -1, "energia_kwh")).as("23:00 drop not confirmed yet").isNull();

        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, energy_kwh)
                VALUES ('NIGHT', '2026-03-10T00:00:00Z', 30), ('NIGHT', '2026-03-10T01:00:00Z', 55)""");
        JsonNode second = Invocation.invoke(handler, run.formatted("2026-03-10T01:30:00Z"));

        assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("OK");
        assertThat(((Number) hour("NIGHT", -1, "energia_kwh")).doubleValue())
                .as("the run with 00:00 re-opened 23:00 of the day before: the reset is confirmed").isCloseTo(5, within(1e-9));
    }

    @Test
    void shouldWeighEachReadingByItsTime_whenReadingsBunchUpInTheHour() {
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, well_head_pressure)
                VALUES ('BURST', '%1$sT05:00:00Z', 100), ('BURST', '%1$sT05:50:00Z', 10), ('BURST', '%1$sT05:52:00Z', 10),
                       ('BURST', '%1$sT05:54:00Z', 10), ('BURST', '%1$sT05:56:00Z', 10), ('BURST', '%1$sT05:58:00Z', 10)
                """.formatted(DAY));

        transform();

        assertThat(((Number) hour("BURST", 5, "well_head_pressure")).doubleValue())
                .as("50 min at 100 psi and 10 min at 10 psi, not the sample mean 25").isCloseTo(85, within(1e-9));
    }
}

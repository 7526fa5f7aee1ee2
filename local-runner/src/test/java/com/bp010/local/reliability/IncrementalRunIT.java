package com.bp010.local.reliability;

import com.bp010.cards.Card;
import com.bp010.cards.ForwardModel;
import com.bp010.cards.PumpBehaviour;
import com.bp010.cards.PumpingUnit;
import com.bp010.cards.RodString;
import com.bp010.cards.WellDescription;
import com.bp010.db.Json;
import com.bp010.testsupport.TableChecksums;
import com.bp010.db.Env;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.referencial.LoadReferencialHandler;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental run equals the full recomputation (docs/AGGREGATION.md, "Incremental runs"), as a property: each try
 * draws a few wells' readings at irregular times over two to three days, with counter restarts, lone counter glitches
 * and out-of-range values (now and then one well goes quiet a day before the others, so later runs leave it untouched),
 * most readings of the first two wells with a surface card (a corrected reading may carry another card: the card step
 * reads it again), and delivers them in batches that carry late readings, corrected readings and exact duplicates, with now
 * and then a well-master change (pump depth, field) between two batches. One
 * database runs the pipeline with its default window after every batch (incremental runs); the other receives the
 * same batches and runs once over an explicit window covering everything, at the last run's asOf (every other try,
 * after one more incremental run with no new reading at 00:30 of the day after the last batch: the day in progress
 * then has ended, and must be aggregated again though none of its readings is new). Every business
 * table must then be identical (TableChecksums; run logs, and what depends on which runs happened, named in
 * {@link #NOT_COMPARED}). Tries: {@code -Dbp010.incremental.tries} (default 24), seeds 1..n so a failure names its seed.
 */
class IncrementalRunIT {
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    /**
     * Left out of the comparison: run logs (one row per run), the run scopes and marks, and what records which runs
     * happened by definition: DQ counts per run, a well's DQ score over the last run's window, alerts (opened and
     * closed at each run's asOf) and the history of consistency findings (a finding that opened at one run and
     * cleared at a later one), the steps' bookkeeping of their last call and the dimension marks phase 6 leaves for the
     * next sync (reporting.huella_paso, reporting.dimensiones_pendientes), the bridges' count of the rows their last
     * call synced (reporting.ml_sync_state; the CDI bridge's rows are compared where it writes them); the live alerts and
     * the live consistency findings are compared on their own ({@link #LIVE_ALERTS}, {@link #LIVE_FINDINGS}).
     */
    private static final Set<String> NOT_COMPARED = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "reporting.pipeline_run_alcance", "reporting.recalculo_pendiente",
            "stage.tbl_dq_run_summary", "reporting.dataset_dq_score_pozo", "reporting.fact_alertas",
            "stage.tbl_consistency_results", "reporting.huella_paso",
            "reporting.dimensiones_pendientes", "reporting.ml_sync_state");
    private static final String LIVE_ALERTS = "SELECT coalesce(string_agg(concat_ws(' ', tipo, well_id, referencia,"
            + " codigo_status, severidad, valor), E'\\n' ORDER BY tipo, well_id, referencia), '')"
            + " FROM reporting.fact_alertas WHERE vigente AND tipo = 'SEMAFORO'";
    private static final String LIVE_FINDINGS = "SELECT coalesce(string_agg(concat_ws(' ', codigo, well_id, valor_medido,"
            + " valor_referencia, severidad, mensaje), E'\\n' ORDER BY codigo, well_id), '')"
            + " FROM stage.tbl_consistency_results WHERE vigente";
    private static final String[] COLUMNS = {"oil_rate", "water_rate", "gas_rate", "bsw", "casing_head_pressure",
            "well_head_pressure", "fluid_level", "pump_intake_pressure", "strokes_per_minute", "stroke_length",
            "motor_power", "energy_kwh", "runtime_hours", "stroke_counter"};

    /** Surface cards of a full pump, a fluid pound and a worse one, as JSON texts (the readings' dynacard). */
    private static final List<String> CARDS = cards();

    private static TestDatabase incremental;
    private static TestDatabase full;
    private static List<String> perTry;
    /** One handler (and so one connection pool) per database for every try, as a warm Lambda keeps its pool. */
    private static PipelineV4Handler incrementalRuns;
    private static PipelineV4Handler fullRuns;

    @BeforeAll
    static void databases() {
        incremental = TestDatabase.migrated();
        full = TestDatabase.migrated();
        for (TestDatabase db : List.of(incremental, full)) {
            JsonNode r = Invocation.invoke(new LoadReferencialHandler(Env.of(db.env())), "{}");
            assertThat(r.path("counts").path("tbl_dq_rules").asInt()).isPositive();
            db.execute("""
                    INSERT INTO stage.tbl_pozo_maestra (well_id, campo, profundidad_bomba, profundidad_media_perforados,
                           profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                    VALUES ('INC-1', 'C1', 5000, 5200, 5300, 35, 1.07, 1.5, 9350),
                           ('INC-2', 'C1', 4800, 5000, 5100, 30, 1.05, 1.75, 9000),
                           ('INC-3', 'C2', NULL, 5200, 5300, 35, 1.07, 1.5, 9350)""");
        }
        perTry = tablesTheRunsWrite(incremental);
        incrementalRuns = new PipelineV4Handler(Env.of(incremental.env()));
        fullRuns = new PipelineV4Handler(Env.of(full.env()));
    }

    @AfterAll
    static void close() {
        if (incremental != null) {
            incremental.close();
        }
        if (full != null) {
            full.close();
        }
    }

    @Test
    void shouldLeaveTheSameTablesAsOneFullRun_whenReadingsArriveLateCorrectedAndTwice() throws SQLException {
        int tries = Integer.getInteger("bp010.incremental.tries", 24);
        int compared = 0;
        long rows = 0;
        long failures = 0;
        long restarts = 0;
        long glitches = 0;
        long diagnoses = 0;
        int midnights = 0;
        for (int seed = 1; seed <= tries; seed++) {
            reset(incremental);
            reset(full);
            Random random = new Random(seed);
            List<List<Reading>> batches = batches(random);
            Instant asOf = null;
            int masterChanges = 0;
            for (List<Reading> batch : batches) {
                if (asOf != null && random.nextInt(3) == 0) {
                    // a well-master change between two runs: its mark makes the next run recompute the well's days
                    String change = "UPDATE stage.tbl_pozo_maestra SET profundidad_bomba = coalesce(profundidad_bomba,"
                            + " 4000) + 100, campo = CASE campo WHEN 'C1' THEN 'C2' ELSE 'C1' END WHERE well_id = 'INC-"
                            + (1 + random.nextInt(3)) + "'";
                    incremental.execute(change);
                    full.execute(change);
                    masterChanges++;
                }
                write(incremental, batch);
                write(full, batch);
                asOf = batch.stream().map(Reading::at).max(Comparator.naturalOrder()).orElseThrow()
                        .plus(Duration.ofMinutes(30));
                JsonNode run = Invocation.invoke(incrementalRuns,
                        "{\"asOf\":\"" + asOf + "\"}");
                assertThat(run.path("status").asText()).as("seed %d: %s", seed, run).isIn("OK", "NOTHING_TO_DO");
            }
            boolean pastMidnight = random.nextBoolean();
            if (pastMidnight) {
                // time passes without a reading: the hourly run after the next midnight finds the day that was in
                // progress ended (a day in progress is never complete), and aggregates it and its month again
                asOf = LocalDate.ofInstant(asOf, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plus(Duration.ofMinutes(30));
                JsonNode later = Invocation.invoke(incrementalRuns, "{\"asOf\":\"" + asOf + "\"}");
                assertThat(later.path("status").asText()).as("seed %d: %s", seed, later).isIn("OK", "NOTHING_TO_DO");
                midnights++;
            }
            LocalDate last = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
            JsonNode run = Invocation.invoke(fullRuns,
                    "{\"fechaInicio\":\"" + LocalDate.ofInstant(START, ZoneOffset.UTC).minusDays(1)
                            + "\",\"fechaFin\":\"" + last + "\",\"asOf\":\"" + asOf + "\"}");
            assertThat(run.path("status").asText()).as("seed %d: %s", seed, run).isEqualTo("OK");

            Map<String, TableChecksums.Sum> expected = TableChecksums.of(full, NOT_COMPARED);
            Map<String, TableChecksums.Sum> actual = TableChecksums.of(incremental, NOT_COMPARED);
            assertThat(TableChecksums.differences(expected, actual))
                    .as("seed %d (%d batches, %d well-master changes): tables where the incremental runs differ"
                            + " from one full run", seed, batches.size(), masterChanges)
                    .isEmpty();
            assertThat(incremental.queryValue(LIVE_ALERTS))
                    .as("seed %d: live alerts", seed).isEqualTo(full.queryValue(LIVE_ALERTS));
            assertThat(incremental.queryValue(LIVE_FINDINGS))
                    .as("seed %d: live consistency findings", seed).isEqualTo(full.queryValue(LIVE_FINDINGS));
            assertThat(incremental.count("SELECT count(*) FROM reporting.fact_operaciones_horarias"))
                    .as("seed %d: facts written", seed).isPositive();
            compared += expected.size();
            rows += TableChecksums.rows(actual);
            failures += incremental.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE timestamp_lectura IS NOT NULL");
            restarts += incremental.count("SELECT count(*) FROM reporting.fact_eventos_pozo");
            glitches += incremental.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE rule_id = 'DQP-001'");
            diagnoses += incremental.count("SELECT count(*) FROM universal.diagnostico");
        }
        System.out.printf("IncrementalRunIT: %d tries, %d table comparisons, %d rows equal, %d DQ failures, %d counter"
                + " restarts, %d counter glitches and %d card diagnoses among them%n", tries, compared, rows, failures,
                restarts, glitches, diagnoses);
        assertThat(failures).as("the tries exercise DQ failures").isPositive();
        assertThat(restarts).as("the tries exercise counter restarts").isPositive();
        assertThat(glitches).as("the tries exercise counter glitches (DQP-001)").isPositive();
        assertThat(diagnoses).as("the tries exercise the card step").isPositive();
        assertThat(midnights).as("the tries exercise an as-of moved past midnight without a reading").isPositive();
    }

    /** One reading of one well: the values of {@link #COLUMNS} (null: not sent), and its surface card (or null). */
    private record Reading(String wellId, Instant at, Double[] values, String card) {
    }

    private static List<String> cards() {
        WellDescription well = WellDescription.of(5000, 1.5, RodString.parse("7/8 in x 40%, 3/4 in x 60%", 5000.0))
                .withFluid(1.0, 100);
        List<String> cards = new ArrayList<>();
        for (double fillage : new double[] {1.0, 0.7, 0.45}) {
            Card card = new ForwardModel().run(well, new PumpingUnit(86, 8, 0.25),
                    PumpBehaviour.full(200).withFillage(fillage), 60).surface();
            try {
                cards.add(Json.mapper().writeValueAsString(Map.of("position", card.position(), "load", card.load())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return cards;
    }

    /** A reading's card: most readings of the first two wells send one. */
    private static String card(Random random, String wellId) {
        return !"INC-3".equals(wellId) && random.nextInt(4) != 0 ? CARDS.get(random.nextInt(CARDS.size())) : null;
    }

    /**
     * A try's readings in 2 to 5 batches: chronological chunks, then late readings moved into later batches,
     * corrections (same well and time, other values) and duplicates (the same reading again) added to later ones.
     */
    private static List<List<Reading>> batches(Random random) {
        List<Reading> readings = new ArrayList<>();
        int wells = 1 + random.nextInt(3);
        int hours = 30 + random.nextInt(30);
        // now and then the last well goes quiet a day or so before the others: the runs after that do not touch it,
        // yet its semaphores and current values (the last complete day moves on) must end as a full run leaves them
        int quiet = wells > 1 && random.nextBoolean() ? 20 + random.nextInt(10) : 0;
        for (int w = 1; w <= wells; w++) {
            double energy = random.nextInt(1000);
            double runtime = random.nextInt(100);
            double strokes = random.nextInt(5000);
            Instant at = START.plus(Duration.ofMinutes(random.nextInt(60)));
            Instant end = START.plus(Duration.ofHours(w == wells ? hours - quiet : hours));
            while (at.isBefore(end)) {
                energy = random.nextInt(40) == 0 ? random.nextInt(20) : energy + random.nextDouble() * 15;
                runtime = runtime + random.nextDouble() * 0.9;
                strokes = strokes + random.nextInt(500);
                // now and then a lone glitch reading (0 between two normal ones): the counter itself goes on
                double sent = random.nextInt(30) == 0 ? 0.0 : energy;
                readings.add(new Reading("INC-" + w, at, values(random, sent, runtime, strokes),
                        card(random, "INC-" + w)));
                at = at.plus(Duration.ofMinutes(10 + random.nextInt(80)));
            }
        }
        readings.sort(Comparator.comparing(Reading::at));
        int n = 2 + random.nextInt(4);
        List<List<Reading>> batches = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            batches.add(new ArrayList<>(readings.subList(b * readings.size() / n, (b + 1) * readings.size() / n)));
        }
        for (int b = 0; b < n - 1; b++) {
            List<Reading> batch = batches.get(b);
            for (Reading r : new ArrayList<>(batch)) {
                int later = b + 1 + random.nextInt(n - b - 1);
                int draw = random.nextInt(100);
                if (draw < 8) {
                    batch.remove(r);
                    batches.get(later).add(r);
                } else if (draw < 14) {
                    batches.get(later).add(new Reading(r.wellId(), r.at(), values(random, r.values()[11] + 1,
                            r.values()[12], r.values()[13]), card(random, r.wellId())));
                } else if (draw < 20) {
                    batches.get(later).add(r);
                }
            }
        }
        return batches;
    }

    private static Double[] values(Random random, double energy, double runtime, double strokes) {
        Double[] v = new Double[COLUMNS.length];
        v[0] = random.nextInt(25) == 0 ? -5.0 - random.nextInt(10) : 40 + random.nextDouble() * 30;
        v[1] = 60 + random.nextDouble() * 40;
        v[2] = random.nextInt(5) == 0 ? null : 10 + random.nextDouble() * 5;
        v[3] = random.nextInt(25) == 0 ? 150.0 : 50 + random.nextDouble() * 20;
        v[4] = 40 + random.nextDouble() * 20;
        v[5] = 90 + random.nextDouble() * 20;
        v[6] = 3500 + random.nextDouble() * 800;
        v[7] = 300 + random.nextDouble() * 200;
        v[8] = 6 + random.nextDouble() * 4;
        v[9] = 80 + random.nextDouble() * 10;
        v[10] = 10 + random.nextDouble() * 5;
        v[11] = energy;
        v[12] = runtime;
        v[13] = strokes;
        return v;
    }

    /** Writes a batch as the pivot does: one upsert per reading, the writing transaction in pivot_xid. */
    private static void write(TestDatabase db, List<Reading> batch) throws SQLException {
        String cols = String.join(", ", COLUMNS);
        String set = String.join(", ", java.util.Arrays.stream(COLUMNS).map(c -> c + " = EXCLUDED." + c).toList());
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, " + cols + ", dynacard) VALUES (?, ?"
                        + ", ?".repeat(COLUMNS.length) + ", ?) ON CONFLICT (well_id, timestamp_lectura) DO UPDATE SET "
                        // a reading sent without its card keeps the one stored, as the pivot keeps any column
                        + set + ", dynacard = coalesce(EXCLUDED.dynacard, stage.tbl_pozo_produccion.dynacard)"
                        + ", pivoted_at = now(), pivot_xid = pg_current_xact_id()")) {
            c.setAutoCommit(false);
            for (Reading r : batch) {
                ps.setString(1, r.wellId());
                ps.setTimestamp(2, Timestamp.from(r.at()));
                for (int i = 0; i < COLUMNS.length; i++) {
                    ps.setObject(3 + i, r.values()[i]);
                }
                ps.setString(3 + COLUMNS.length, r.card());
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    /** The tables that are empty once the catalogue and the well master are loaded: what readings and runs fill. */
    private static List<String> tablesTheRunsWrite(TestDatabase db) {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT format('%I.%I', n.nspname, t.relname)
                       FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                      WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition
                        AND n.nspname IN ('stage', 'reporting', 'universal')""")) {
            List<String> all = new ArrayList<>();
            while (rs.next()) {
                all.add(rs.getString(1));
            }
            for (String table : all) {
                if (db.count("SELECT count(*) FROM " + table) == 0) {
                    tables.add(table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static void reset(TestDatabase db) {
        db.execute("TRUNCATE " + String.join(", ", perTry) + " CASCADE");
    }
}

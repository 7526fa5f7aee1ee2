package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.db.SqlCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semaphores of an incremental run (reporting.aplicar_evaluacion_universal with a run scope, or the staleness
 * refresh of a run with nothing new) equal judging every well, as a property: seeded tries of a few wells whose readings
 * arrive now and then (with their DQ verdicts, a well going stale as time passes and coming back with a new reading),
 * asOf moving on (and now and then back), limits and the offline allowance changing between calls. After every call,
 * one full evaluation in a rolled-back transaction must leave the same codes, well states and live alerts.
 */
class SemaphoreIncrementalIT {
    private static final String[] VARS = {"well_head_pressure", "pump_fillage", "motor_current"};
    private static final int WELLS = 8;
    private static final String STATE = "SELECT coalesce(string_agg(concat_ws(' ', well_id, well_head_pressure_status,"
            + " pump_fillage_status, motor_current_status, estado_operativo, peor_variable, peor_status,"
            + " n_variables_alerta, n_variables_criticas, evaluado_en), E'\\n' ORDER BY well_id), '')"
            + " FROM reporting.dataset_current_values";
    private static final String ALERTS = "SELECT coalesce(string_agg(concat_ws(' ', well_id, referencia, codigo_status,"
            + " severidad, valor), E'\\n' ORDER BY well_id, referencia), '') FROM reporting.fact_alertas"
            + " WHERE vigente AND tipo = 'SEMAFORO'";

    @RegisterExtension
    static final MigratedWells DATABASE = new MigratedWells();

    @Test
    void shouldLeaveWhatAFullEvaluationLeaves_whenOnlyTheChangedWellsAreJudged() throws SQLException {
        int tries = Integer.getInteger("bp010.semaphore.tries", 3);
        int partial = 0;
        int staleFlips = 0;
        int comebacks = 0;
        for (int seed = 1; seed <= tries; seed++) {
            Random random = new Random(seed);
            DATABASE.wells().clear();
            DATABASE.db().execute("TRUNCATE reporting.huella_paso, reporting.pipeline_run_alcance, reporting.pipeline_runs CASCADE");
            DATABASE.wells().limits(VARS[0], null, 10.0, 30.0, 500.0, 2000.0, 100.0);
            DATABASE.wells().limits(VARS[1], null, 20.0, 50.0, 100.0, 100.0, 85.0);
            DATABASE.wells().limits(VARS[2], null, null, null, 80.0, 120.0, null);
            DATABASE.wells().dqRule("DQ-001", VARS[0], "REPRESENTATIVIDAD");
            DATABASE.wells().config("offline_allowance_min", VARS[2], 60);
            OffsetDateTime asOf = OffsetDateTime.parse("2026-03-10T00:00:00Z");
            for (int w = 0; w < WELLS; w++) {
                DATABASE.wells().currentValues(well(w), WellFixture.reading(VARS[0], value(random), asOf.minusMinutes(5)));
            }
            DATABASE.wells().evaluate(null, asOf);
            for (int step = 0; step < 16; step++) {
                asOf = random.nextInt(8) == 0 ? asOf.minusMinutes(30 + random.nextInt(60))
                        : asOf.plusMinutes(random.nextInt(120));
                Set<String> scope = new HashSet<>();
                // a staleness refresh is what the runner calls when nothing new arrived: no readings, no DQ verdicts
                boolean refresh = random.nextInt(4) == 0;
                for (int w = 0; w < WELLS; w++) {
                    int draw = refresh ? 4 + random.nextInt(6) : random.nextInt(10);
                    if (draw < 3) {
                        // a new reading of some variables: the current values are rewritten (updated_at), the well
                        // is in the run's scope
                        String was = String.valueOf(DATABASE.db().queryValue("SELECT well_head_pressure_status FROM"
                                + " reporting.dataset_current_values WHERE well_id = ?", well(w)));
                        comebacks += "9".equals(was) ? 1 : 0;
                        OffsetDateTime at = asOf.minusMinutes(random.nextInt(20));
                        for (String v : VARS) {
                            if (random.nextBoolean()) {
                                DATABASE.db().execute(String.format("UPDATE reporting.dataset_current_values SET %1$s = %2$s,"
                                        + " %1$s_ts = '%3$s', fecha_hora_ultima_lectura = greatest("
                                        + "fecha_hora_ultima_lectura, '%3$s'), updated_at = now() WHERE well_id = '%4$s'",
                                        v, random.nextInt(12) == 0 ? "NULL" : String.valueOf(value(random)), at, well(w)));
                            }
                        }
                        scope.add(well(w));
                    } else if (draw == 3) {
                        // a DQ verdict on the latest reading, nothing else: only the scope says so
                        DATABASE.db().execute("INSERT INTO stage.tbl_pozo_scada_dq (rule_id, well_id, timestamp_lectura,"
                                + " nombre_tecnico, valor, resultado, motivo) SELECT 'DQ-001', well_id,"
                                + " well_head_pressure_ts, 'well_head_pressure', 'x', 'FAIL', 'out of range'"
                                + " FROM reporting.dataset_current_values WHERE well_id = '" + well(w) + "'"
                                + " AND well_head_pressure_ts IS NOT NULL ON CONFLICT DO NOTHING");
                        scope.add(well(w));
                    } else if (draw == 4) {
                        // a writer outside the scope (a card's fillage): only updated_at says so
                        DATABASE.db().execute("UPDATE reporting.dataset_current_values SET pump_fillage = " + value(random)
                                + ", pump_fillage_ts = '" + asOf.minusMinutes(3) + "', updated_at = now()"
                                + " WHERE well_id = '" + well(w) + "'");
                    }
                }
                int change = random.nextInt(12);
                if (change == 0) {
                    DATABASE.wells().update("UPDATE referencial.tbl_limites_pozo SET max_warning = ? WHERE nombre_tecnico = ?"
                            + " AND well_id IS NULL", 200.0 + random.nextInt(400), VARS[0]);
                } else if (change == 1) {
                    DATABASE.wells().update("INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, min_warning)"
                            + " VALUES (?, ?, ?) ON CONFLICT (nombre_tecnico, well_id) DO UPDATE"
                            + " SET min_warning = EXCLUDED.min_warning", VARS[0], well(random.nextInt(WELLS)),
                            50.0 + random.nextInt(50));
                } else if (change == 2) {
                    DATABASE.wells().config("offline_allowance_min", VARS[2], 30 + random.nextInt(120));
                }
                String before = DATABASE.db().queryValue("SELECT string_agg(well_id || ':' || coalesce("
                        + "well_head_pressure_status::text, '-'), ',' ORDER BY well_id)"
                        + " FROM reporting.dataset_current_values").toString();

                CallResult call = refresh ? refresh(asOf) : incremental(scope, asOf);
                boolean wasPartial = call.notices().stream().anyMatch(n -> n.contains("inputs or staleness changed"));
                partial += wasPartial ? 1 : 0;
                String after = DATABASE.db().queryValue("SELECT string_agg(well_id || ':' || coalesce("
                        + "well_head_pressure_status::text, '-'), ',' ORDER BY well_id)"
                        + " FROM reporting.dataset_current_values").toString();
                staleFlips += !before.equals(after) && after.contains(":9") && wasPartial ? 1 : 0;

                String[] full = fullEvaluationRolledBack(asOf);
                assertThat(DATABASE.db().queryValue(STATE)).as("seed %d step %d: codes and states (%s)", seed, step, call.notices())
                        .isEqualTo(full[0]);
                assertThat(DATABASE.db().queryValue(ALERTS)).as("seed %d step %d: live alerts", seed, step).isEqualTo(full[1]);
            }
        }
        System.out.printf("SemaphoreIncrementalIT: %d tries, %d calls judged only the changed wells, %d staleness"
                + " flips among them, %d wells back from stale%n", tries, partial, staleFlips, comebacks);
        assertThat(partial).as("calls that judged only the changed wells").isPositive();
        assertThat(staleFlips).as("a well going stale without new data").isPositive();
        assertThat(comebacks).as("a stale well coming back with a new reading").isPositive();
    }

    private static String well(int w) {
        return "SEM-" + w;
    }

    private static double value(Random random) {
        return Math.round(random.nextDouble() * 2500.0) / 10.0;
    }

    /** A run whose scope is {@code scope}: the semaphores of its ENRICH phase. */
    private static CallResult incremental(Set<String> scope, OffsetDateTime asOf) throws SQLException {
        UUID run = openRun(asOf);
        try (Connection c = DATABASE.db().connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO reporting.pipeline_run_alcance (run_id, well_id, desde, hasta, dia_desde, dia_hasta)"
                        + " VALUES (?, ?, ?, ?, ?::date, ?::date)")) {
            // a run always has a scope row (a run with none is an explicit window): a well with nothing new does
            if (scope.isEmpty()) {
                scope = Set.of("NO-SUCH-WELL");
            }
            for (String w : scope) {
                ps.setObject(1, run);
                ps.setString(2, w);
                ps.setObject(3, asOf.minusHours(2));
                ps.setObject(4, asOf.plusHours(1));
                ps.setString(5, asOf.minusHours(2).toLocalDate().toString());
                ps.setString(6, asOf.toLocalDate().toString());
                ps.executeUpdate();
            }
        }
        return DATABASE.wells().call("reporting.aplicar_evaluacion_universal",
                "CALL reporting.aplicar_evaluacion_universal(?, ?, false)", run, asOf);
    }

    /** The runner's staleness refresh of a run with nothing new (no scope). */
    private static CallResult refresh(OffsetDateTime asOf) throws SQLException {
        return DATABASE.wells().call("reporting.aplicar_evaluacion_universal",
                "CALL reporting.aplicar_evaluacion_universal(?, ?, true)", openRun(asOf), asOf);
    }

    private static UUID openRun(OffsetDateTime asOf) throws SQLException {
        UUID run = UUID.randomUUID();
        try (Connection c = DATABASE.db().connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO reporting.pipeline_runs (run_id, status, as_of) VALUES (?, 'RUNNING', ?)")) {
            ps.setObject(1, run);
            ps.setObject(2, asOf);
            ps.executeUpdate();
        }
        return run;
    }

    /** Codes, states and live alerts after judging every well (p_run_id NULL), rolled back. */
    private static String[] fullEvaluationRolledBack(OffsetDateTime asOf) throws SQLException {
        try (Connection c = DATABASE.db().connect()) {
            c.setAutoCommit(false);
            try {
                SqlCalls.execute(c, "full", "CALL reporting.aplicar_evaluacion_universal(NULL, ?)", asOf);
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement()) {
                    for (String q : new String[] {STATE, ALERTS}) {
                        try (ResultSet rs = st.executeQuery(q)) {
                            rs.next();
                            out.add(rs.getString(1));
                        }
                    }
                }
                return out.toArray(new String[0]);
            } finally {
                c.rollback();
            }
        }
    }
}

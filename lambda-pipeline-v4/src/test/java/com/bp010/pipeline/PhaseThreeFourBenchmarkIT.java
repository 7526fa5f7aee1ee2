package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.db.SqlCalls;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.bp010.pipeline.PipelineSqlFixture.connectAsPipeline;
import static com.bp010.pipeline.PipelineSqlFixture.currentValues;
import static com.bp010.pipeline.PipelineSqlFixture.dq;
import static com.bp010.pipeline.PipelineSqlFixture.facts;
import static com.bp010.pipeline.PipelineSqlFixture.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timings of phases 3-7 (no timed assertions): 1,000 wells x 1 day and 100 wells x 30 days of hourly readings (every
 * stage column, two cards per reading, landing rows for the 4 latency variables), generated in SQL. Each scenario:
 * first run of the window, the same window again (nothing changes), then one more day on top (the hourly steady
 * state with history). Run with {@code -Dbp010.bench=true}; figures are printed on stdout.
 */
@EnabledIfSystemProperty(named = "bp010.bench", matches = "true")
class PhaseThreeFourBenchmarkIT {

    @Test
    void shouldPrintPhaseTimings_whenRunOnAThousandWellsForADay() throws SQLException {
        scenario(1000, 1);
    }

    @Test
    void shouldPrintPhaseTimings_whenRunOnAHundredWellsForThirtyDays() throws SQLException {
        scenario(100, 30);
    }

    private void scenario(int wells, int days) throws SQLException {
        LocalDate first = LocalDate.parse("2026-01-01");
        LocalDate last = first.plusDays(days - 1);
        List<String> lines = new ArrayList<>();
        try (TestDatabase db = TestDatabase.migrated()) {
            PipelineSqlFixture.loadCatalogue(db);
            try (Connection admin = db.connect(); Connection pipeline = connectAsPipeline(db, "UTC")) {
                long t0 = System.nanoTime();
                update(admin, "SELECT prueba.generar_pozos('B', ?)", wells);
                update(admin, "SELECT prueba.generar_lecturas('B', ?, ?, ?)", wells, at(first), days * 24);
                update(admin, "SELECT prueba.generar_landing_latencia('B-%', ?, ?)", at(first), at(last.plusDays(1)));
                analyze(admin);
                lines.add(String.format("generate %d readings + landing: %d ms", wells * days * 24L, ms(t0)));

                lines.addAll(run("first run", pipeline, first, last, newRun(admin, first, last)));
                lines.addAll(run("same window again", pipeline, first, last, newRun(admin, first, last)));

                LocalDate next = last.plusDays(1);
                update(admin, "SELECT prueba.generar_lecturas('B', ?, ?, 24)", wells, at(next));
                update(admin, "SELECT prueba.generar_landing_latencia('B-%', ?, ?)", at(next), at(next.plusDays(1)));
                lines.addAll(run("one more day (steady state)", pipeline, next, next, newRun(admin, next, next)));
                assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias"))
                        .isEqualTo((long) wells * (days + 1) * 24);
            }
        }
        System.out.printf("%n== phases 3-7, %d wells x %d day(s) of hourly readings%n", wells, days);
        lines.forEach(l -> System.out.println("   " + l));
    }

    private static List<String> run(String label, Connection pipeline, LocalDate from, LocalDate to, UUID run) {
        List<String> out = new ArrayList<>();
        long t0 = System.nanoTime();
        CallResult dq = dq(pipeline, from, to, null, run);
        CallResult facts = facts(pipeline, from, to, run);
        CallResult cv = currentValues(pipeline, run);
        out.add(String.format("%-28s DQ %6d ms | facts %6d ms | current values %5d ms | total %6d ms",
                label + ":", dq.durationMs(), facts.durationMs(), cv.durationMs(), ms(t0)));
        OffsetDateTime asOf = at(to.plusDays(1));
        StringBuilder enrich = new StringBuilder();
        long t1 = System.nanoTime();
        for (CallResult call : List.of(
                call(pipeline, "CALL reporting.sp_sync_dim_pozo_targets()"),
                call(pipeline, "CALL reporting.aplicar_evaluacion_universal(?::uuid, ?::timestamptz)", run, asOf),
                call(pipeline, "CALL reporting.sp_calcular_derivados_completos(?::date, ?::date, ?::uuid)", from, to, run),
                call(pipeline, "CALL reporting.poblar_kpi_business(?::date, ?::date, ?::uuid)", from, to, run),
                call(pipeline, "CALL reporting.sp_populate_defaults()"),
                call(pipeline, "CALL stage.sp_execute_consistency_validation(?::uuid, ?::timestamptz)", run, asOf))) {
            enrich.append(String.format(" | %s %d ms", call.call().replaceAll("^\\w+\\.", ""), call.durationMs()));
        }
        out.add(String.format("%-28s phases 5-7 %6d ms%s", "", ms(t1), enrich));
        out.add(String.format("%-28s phases 3-7 total %6d ms", "", ms(t0)));
        return out;
    }

    private static CallResult call(Connection c, String sql, Object... params) {
        String name = sql.substring(5, sql.indexOf('('));
        return SqlCalls.execute(c, name, sql, params);
    }

    private static UUID newRun(Connection admin, LocalDate from, LocalDate to) throws SQLException {
        UUID run = UUID.randomUUID();
        update(admin, "INSERT INTO reporting.pipeline_runs (run_id, status, ventana_desde, ventana_hasta, as_of) "
                + "VALUES (?, 'RUNNING', ?, ?, now())", run, from, to);
        return run;
    }

    private static void analyze(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE stage.tbl_pozo_produccion");
            st.execute("ANALYZE stage.landing_scada_data");
            st.execute("ANALYZE stage.tbl_pozo_maestra");
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
    }
}

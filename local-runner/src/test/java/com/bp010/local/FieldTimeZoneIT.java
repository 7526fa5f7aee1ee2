package com.bp010.local;

import com.bp010.db.Env;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BP010_TIMEZONE through the real handlers: the field's calendar days are the days of the daily facts, of the run's
 * window and of the run log, whatever the JVM's zone; offset-less source times are read in it; and a database that
 * switches zones keeps partitions that do not overlap and recomputes its facts by an explicit-window rerun.
 */
class FieldTimeZoneIT {
    @TempDir
    Path tmp;

    @Test
    void shouldCutDaysAtTheFieldsMidnight_whenTheFieldIsInBogota() {
        try (TestDatabase db = TestDatabase.create()) {
            Env env = env(db, "America/Bogota");
            Handlers.prepare(env);
            FieldFiles.master(tmp, "TZ-1");
            FieldFiles files = new FieldFiles()
                    // offset-less: read in SOURCE_TIMEZONE, which defaults to BP010_TIMEZONE (21:10 Bogota = 02:10Z)
                    .reading("TZ-1", FieldFiles.OIL_RATE, "2026-03-09 21:10:00", 48);
            for (String utc : List.of("03:10", "04:10", "05:10", "06:10", "07:10")) {
                files.reading("TZ-1", FieldFiles.OIL_RATE, "2026-03-10T" + utc + ":00Z", 48);
            }
            files.write(tmp, "tz");
            JsonNode ingest = Handlers.ingest(env, tmp);
            assertThat(ingest.path("pivotedRows").asLong()).as(ingest.toString()).isEqualTo(6);

            JsonNode run = Handlers.pipeline(env, "{\"asOf\": \"2026-03-10T12:00:00Z\"}");

            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
            assertThat(run.path("window").path("from").asText()).isEqualTo("2026-03-09");
            assertThat(run.path("window").path("to").asText()).isEqualTo("2026-03-10");
            assertThat(db.queryValue("SELECT ventana_desde || '..' || ventana_hasta FROM reporting.pipeline_runs"
                    + " WHERE run_id = ?::uuid", run.path("runId").asText())).isEqualTo("2026-03-09..2026-03-10");
            assertThat(db.queryValue("SELECT string_agg(fecha || ':' || horas_con_datos, ' ' ORDER BY fecha)"
                    + " FROM reporting.fact_operaciones_diarias WHERE well_id = 'TZ-1'"))
                    .as("21:10, 22:10, 23:10 on the 9th and 00:10, 01:10, 02:10 on the 10th, Bogota time")
                    .isEqualTo("2026-03-09:3 2026-03-10:3");
            assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias WHERE well_id = 'TZ-1'"
                    + " AND fecha_hora = '2026-03-10T05:00:00Z'")).as("the hour starting at local midnight").isEqualTo(1);
        }
    }

    @Test
    void shouldKeepPartitionsApartAndRecomputeByLocalDays_whenADatabaseMovesFromUtcToKolkata() {
        try (TestDatabase db = TestDatabase.create()) {
            Env utc = env(db, "UTC");
            Handlers.prepare(utc);
            FieldFiles.master(tmp, "TZ-2");
            FieldFiles march = new FieldFiles();
            for (int h = 10; h <= 23; h++) {
                march.reading("TZ-2", FieldFiles.OIL_RATE, "2026-03-31T%02d:10:00Z".formatted(h), 24);
            }
            march.write(tmp, "march");
            Handlers.ingest(utc, tmp);
            assertThat(Handlers.pipeline(utc, "{\"asOf\": \"2026-04-01T00:00:00Z\"}").path("status").asText())
                    .isEqualTo("OK");

            Env kolkata = env(db, "Asia/Kolkata");
            Path april = tmp.resolve("april");
            FieldFiles next = new FieldFiles();
            for (int h = 0; h <= 10; h++) {
                next.reading("TZ-2", FieldFiles.OIL_RATE, "2026-04-01T%02d:10:00Z".formatted(h), 24);
            }
            next.write(april, "april");
            Handlers.ingest(kolkata, april);
            JsonNode run = Handlers.pipeline(kolkata, "{\"asOf\": \"2026-04-01T12:00:00Z\"}");
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
            assertThat(db.count("""
                    SELECT count(*) FROM reporting.fnc_fact_partition_bounds('reporting.fact_operaciones_horarias') a
                      JOIN reporting.fnc_fact_partition_bounds('reporting.fact_operaciones_horarias') b
                        ON a.particion <> b.particion AND a.desde::timestamptz < b.hasta::timestamptz
                       AND b.desde::timestamptz < a.hasta::timestamptz""")).as("overlapping partitions").isZero();

            JsonNode rerun = Handlers.pipeline(kolkata, "{\"fechaInicio\": \"2026-03-31\", \"fechaFin\": \"2026-04-01\","
                    + " \"asOf\": \"2026-04-01T12:00:00Z\"}");

            assertThat(rerun.path("status").asText()).as(rerun.toString()).isEqualTo("OK");
            assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias"
                    + " WHERE extract(minute FROM fecha_hora AT TIME ZONE 'UTC') <> 30"))
                    .as("every hour starts on a Kolkata hour (:30 UTC)").isZero();
            assertThat(db.count("SELECT sum(n_lecturas) FROM reporting.fact_operaciones_horarias")).isEqualTo(25);
            assertThat(db.queryValue("SELECT string_agg(fecha || ':' || horas_con_datos, ' ' ORDER BY fecha)"
                    + " FROM reporting.fact_operaciones_diarias"))
                    .as("10:10Z-18:10Z on 31 March is 15:40-23:40 in Kolkata; the rest is 1 April there")
                    .isEqualTo("2026-03-31:9 2026-04-01:16");
        }
    }

    private static Env env(TestDatabase db, String zone) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("BP010_TIMEZONE", zone);
        return Env.of(env);
    }
}

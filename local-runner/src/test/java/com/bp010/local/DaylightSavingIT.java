package com.bp010.local;

import com.bp010.db.Env;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A field on America/Chicago time through the real handlers: 2026-03-08 has 23 clock hours (02:00 CST is 03:00 CDT),
 * 2026-11-01 has 25 (01:00-01:59 twice, at -05:00 then -06:00). A well producing a steady 24 bbl/d makes 23 and 25 bbl
 * on those days, and its rate, variance against target and decline do not move; offset-less source times keep both
 * passes of the repeated hour and refuse the skipped one (docs/AGGREGATION.md, "A day with daylight saving time").
 */
class DaylightSavingIT {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @TempDir
    Path tmp;

    @Test
    void shouldKeepTheRateTargetVarianceAndDecline_whenTheDayHas23Hours() {
        try (TestDatabase db = TestDatabase.create()) {
            steadyWellThroughSpringForward(db);

            assertThat(db.queryValue("SELECT horas_periodo || ' ' || horas_con_datos || ' ' || completo || ' '"
                    + " || produccion_petroleo_bbl FROM reporting.fact_operaciones_diarias"
                    + " WHERE well_id = 'DST-1' AND fecha = '2026-03-08'"))
                    .as("23 clock hours, all with data: 23 hours of barrels at 24 bbl/d").isEqualTo("23 23 true 23");
            assertThat(db.queryValue("SELECT count(*) FROM reporting.fact_operaciones_diarias"
                    + " WHERE well_id = 'DST-1' AND horas_periodo = 24 AND produccion_petroleo_bbl = 24 AND completo"))
                    .isEqualTo(59L);
            double rate = ((Number) db.queryValue("SELECT oil_rate_promedio FROM reporting.dataset_kpi_business"
                    + " WHERE well_id = 'DST-1' AND tipo_periodo = 'DIA' AND periodo = '2026-03-08'")).doubleValue();
            assertThat(rate).as("the day's rate: 23 bbl over 23 hours").isCloseTo(24, within(1e-9));
            assertSameAsTheDayBefore(db, "variance_oil_pct", "reporting.dataset_kpi_business WHERE well_id = 'DST-1'"
                    + " AND tipo_periodo = 'DIA' AND periodo = '%s'", "2026-03-08", "the well has an oil target",
                    "variance against target on the 23-hour day");
            double decline = ((Number) db.queryValue("SELECT declinacion_pct FROM reporting.dataset_kpi_business"
                    + " WHERE well_id = 'DST-1' AND tipo_periodo = 'DIA' AND periodo = '2026-03-08'")).doubleValue();
            assertThat(decline).as("a steady well does not decline over a 23-hour day").isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void shouldDrawTheFieldsDayWhole_whenEveryOneOfIts23HoursHasData() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            steadyWellThroughSpringForward(db);
            Path page = tmp.resolve("report.html");

            assertThat(report(db, "--from", "2026-03-06", "--to", "2026-03-08", "--lang", "en", "--out",
                    page.toString())).isZero();

            assertThat(Files.readString(page)).as("the field chart's day labels (a partial day is starred)")
                    .contains(">03-07</text>", ">03-08</text>").doesNotContain(">03-08*</text>");
        }
    }

    @Test
    void shouldKeepTheDaysHydraulicHorsepower_whenTheDayHas25Hours() {
        try (TestDatabase db = TestDatabase.create()) {
            Env env = env(db);
            Handlers.prepare(env);
            FieldFiles.master(tmp, "DST-4");
            FieldFiles files = new FieldFiles();
            // 31 October (24 h) and 1 November (25 h), Chicago; a steady well: 24 + 6 bbl/d, fluid level and pressures
            for (Instant t = Instant.parse("2026-10-31T05:00:00Z"); t.isBefore(Instant.parse("2026-11-02T06:00:00Z"));
                 t = t.plusSeconds(3600)) {
                files.reading("DST-4", FieldFiles.OIL_RATE, t.toString(), 24)
                        .reading("DST-4", FieldFiles.WATER_RATE, t.toString(), 6)
                        .reading("DST-4", FieldFiles.WHP, t.toString(), 100)
                        .reading("DST-4", FieldFiles.CHP, t.toString(), 50)
                        .reading("DST-4", FieldFiles.FLUID_LEVEL, t.toString(), 3000);
            }
            files.write(tmp, "hhp");
            Handlers.ingest(env, tmp);

            JsonNode run = Handlers.pipeline(env, "{\"fechaInicio\": \"2026-10-31\", \"fechaFin\": \"2026-11-01\","
                    + " \"asOf\": \"2026-11-02T12:00:00Z\"}");

            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
            assertSameAsTheDayBefore(db, "hydraulic_hp", "reporting.fact_operaciones_diarias WHERE well_id = 'DST-4'"
                    + " AND fecha = '%s'", "2026-11-01", "API-form HHP from the day's rate, fluid level and pressures",
                    "the 25-hour day's HHP: 31.25 bbl over 25 hours is 30 bbl/d");
        }
    }

    @Test
    void shouldRefuseAnOffsetLessTime_whenTheClockSkipsIt() {
        try (TestDatabase db = TestDatabase.create()) {
            Env env = env(db);
            Handlers.prepare(env);
            FieldFiles.master(tmp, "DST-3");
            new FieldFiles()
                    .reading("DST-3", FieldFiles.WHP, "2026-03-08T01:30:00", 118)
                    .reading("DST-3", FieldFiles.WHP, "2026-03-08T02:30:00", 120)
                    .reading("DST-3", FieldFiles.WHP, "2026-03-08T03:30:00", 122)
                    .write(tmp, "skipped");

            JsonNode ingest = Handlers.ingest(env, tmp);

            assertThat(ingest.path("rowsRejected").asLong()).as(ingest.toString()).isEqualTo(1);
            assertThat(db.queryValue("SELECT reason FROM stage.landing_rejects")).asString()
                    .contains("'2026-03-08T02:30:00' has no offset and names no instant in America/Chicago");
            assertThat(db.queryValue("SELECT string_agg(to_char(timestamp_lectura AT TIME ZONE 'UTC', 'HH24:MI') || '='"
                    + " || well_head_pressure, ' ' ORDER BY timestamp_lectura) FROM stage.tbl_pozo_produccion"))
                    .as("01:30 CST and 03:30 CDT; 02:30 is not read as 03:30 (it would replace that reading)")
                    .isEqualTo("07:30=118 08:30=122");
        }
    }

    @Test
    void shouldKeepBothPassesOfTheRepeatedHour_whenOffsetLessTimesCrossTheFallBack() {
        try (TestDatabase db = TestDatabase.create()) {
            Env env = env(db);
            Handlers.prepare(env);
            FieldFiles.master(tmp, "DST-2");
            // every hour from 2026-10-31 00:00 to 2026-11-01 23:00 Chicago time, as a SCADA on local time writes it:
            // 01:00 on 1 November appears twice
            fallBackFeed("DST-2", Instant.parse("2026-10-31T05:00:00Z"), Instant.parse("2026-11-02T06:00:00Z"))
                    .write(tmp, "fall");
            JsonNode ingest = Handlers.ingest(env, tmp);
            assertThat(ingest.path("rowsRevised").asLong()).as(ingest.toString()).isZero();
            assertThat(ingest.path("pivotedRows").asLong()).as(ingest.toString()).isEqualTo(24 + 25);

            assertTwentyFiveHours(db, env, "DST-2");
        }
    }

    @Test
    void shouldKeepBothPassesOfTheRepeatedHour_whenAnHourlyFeedSendsTheSecondPassInTheNextBatch() {
        try (TestDatabase db = TestDatabase.create()) {
            Env env = env(db);
            Handlers.prepare(env);
            FieldFiles.master(tmp, "DST-5");
            // the first batch ends with 01:00 CDT, the next begins with 01:00 CST: both written "01:00:00"
            fallBackFeed("DST-5", Instant.parse("2026-10-31T05:00:00Z"), Instant.parse("2026-11-01T07:00:00Z"))
                    .write(tmp, "first_pass");
            Path next = fallBackFeed("DST-5", Instant.parse("2026-11-01T07:00:00Z"),
                    Instant.parse("2026-11-02T06:00:00Z")).write(tmp.resolve("next"), "second_pass");
            Handlers.ingest(env, tmp.resolve("tbl_maestra_pozos.csv"));
            JsonNode first = Handlers.ingest(env, tmp.resolve("landing_scada_data_first_pass.csv"));
            assertThat(first.path("rowsInserted").asLong()).as(first.toString()).isEqualTo(2 * 26);

            JsonNode second = Handlers.ingest(env, next);

            assertThat(second.path("rowsRevised").asLong()).as("the second pass replaced the first: " + second)
                    .isZero();
            assertThat(second.path("rowsInserted").asLong()).as(second.toString()).isEqualTo(2 * 23);
            assertTwentyFiveHours(db, env, "DST-5");
        }
    }

    /**
     * Hourly readings of {@code well} in {@code [from, to)} with Chicago wall times without offsets: 24 bbl/d and a
     * lifetime runtime counter that gains one hour per reading (1000 at 2026-10-31T05:00Z).
     */
    private static FieldFiles fallBackFeed(String well, Instant from, Instant to) {
        FieldFiles files = new FieldFiles();
        long n = (from.getEpochSecond() - Instant.parse("2026-10-31T05:00:00Z").getEpochSecond()) / 3600;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(3600), n++) {
            String local = LOCAL.format(LocalDateTime.ofInstant(t, CHICAGO));
            files.reading(well, FieldFiles.OIL_RATE, local, 24);
            files.reading(well, FieldFiles.RUNTIME_HOURS, local, 1000 + n);
        }
        return files;
    }

    /** The pipeline over 31 October and 1 November finds 1 November's 25 hours, each with its reading. */
    private static void assertTwentyFiveHours(TestDatabase db, Env env, String well) {
        JsonNode run = Handlers.pipeline(env, "{\"fechaInicio\": \"2026-10-31\", \"fechaFin\": \"2026-11-01\","
                + " \"asOf\": \"2026-11-02T12:00:00Z\"}");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");

        assertThat(db.queryValue("SELECT string_agg(to_char(fecha_hora AT TIME ZONE 'UTC', 'HH24:MI'), ' '"
                + " ORDER BY fecha_hora) FROM reporting.fact_operaciones_horarias WHERE well_id = '" + well + "'"
                + " AND fecha_hora >= '2026-11-01T05:00:00Z' AND fecha_hora < '2026-11-01T09:00:00Z'"))
                .as("00:00 CDT, 01:00 CDT, 01:00 CST, 02:00 CST").isEqualTo("05:00 06:00 07:00 08:00");
        assertThat(db.queryValue("SELECT horas_periodo || ' ' || horas_con_datos || ' ' || n_lecturas || ' '"
                + " || completo || ' ' || produccion_petroleo_bbl || ' ' || horas_operacion || ' ' || uptime_pct"
                + " FROM reporting.fact_operaciones_diarias WHERE well_id = '" + well + "' AND fecha = '2026-11-01'"))
                .as("25 hours with data, 25 bbl at 24 bbl/d, runtime 1048 - 1023 = 25 h of 25")
                .isEqualTo("25 25 25 true 25 25 100");
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE well_id = '" + well + "'"
                + " AND rule_id LIKE 'DQP-%'")).as("no counter finding").isZero();
    }

    /** 60 local days, 2026-01-08 .. 2026-03-08, one reading an hour at 24 bbl/d written with its offset, run. */
    private void steadyWellThroughSpringForward(TestDatabase db) {
        Env env = env(db);
        Handlers.prepare(env);
        FieldFiles.master(tmp, "DST-1");
        FieldFiles files = new FieldFiles();
        for (Instant t = Instant.parse("2026-01-08T06:00:00Z"); t.isBefore(Instant.parse("2026-03-09T05:00:00Z"));
             t = t.plusSeconds(3600)) {
            files.reading("DST-1", FieldFiles.OIL_RATE, t.toString(), 24);
        }
        files.write(tmp, "spring");
        JsonNode ingest = Handlers.ingest(env, tmp);
        assertThat(ingest.path("pivotedRows").asLong()).as(ingest.toString()).isEqualTo(59 * 24 + 23);
        // the decline of the 8th compares its 30 days with the 30 before
        JsonNode run = Handlers.pipeline(env, "{\"fechaInicio\": \"2026-01-08\", \"fechaFin\": \"2026-03-08\","
                + " \"asOf\": \"2026-03-09T12:00:00Z\"}");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
    }

    /**
     * {@code column} of the row {@code rowOfDay} names for {@code day} (its {@code %s}) equals the day before's, which
     * has a value; the messages name the column and the days.
     */
    private static void assertSameAsTheDayBefore(TestDatabase db, String column, String rowOfDay, String day,
                                                 String beforeHasIt, String dayKeepsIt) {
        String dayBefore = LocalDate.parse(day).minusDays(1).toString();
        Object before = db.queryValue("SELECT " + column + " FROM " + rowOfDay.formatted(dayBefore));
        Object dst = db.queryValue("SELECT " + column + " FROM " + rowOfDay.formatted(day));
        assertThat(before).as("%s (%s on %s)", beforeHasIt, column, dayBefore).isNotNull();
        assertThat(dst).as("%s (%s on %s)", dayKeepsIt, column, day).isNotNull();
        assertThat(((Number) dst).doubleValue()).as("%s (%s on %s against %s)", dayKeepsIt, column, day, dayBefore)
                .isCloseTo(((Number) before).doubleValue(), within(1e-9));
    }

    private static int report(TestDatabase db, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sink, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 3];
            all[0] = "report";
            all[1] = "--jdbc-url";
            all[2] = db.jdbcUrl();
            System.arraycopy(args, 0, all, 3, args.length);
            return Bp010.run(all);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Env env(TestDatabase db) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("BP010_TIMEZONE", CHICAGO.getId());
        return Env.of(env);
    }
}

package com.bp010.ingest;

import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.Fault;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.demo.PlantedFault;
import com.bp010.demo.ScadaTags;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class StageIngestFilesIT {
    private static final Instant END = Instant.parse("2024-05-10T00:00:00Z");
    private static IngestFixture fx;
    private static StageIngestHandler handler;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        fx = new IngestFixture();
        handler = fx.handler();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private GeneratedSet generate(String prefix, int wells, int days, Set<Fault> faults, Path out) throws IOException {
        return new DemoDataGenerator().generate(GeneratorOptions.of(wells, days, END, 17).withPrefix(prefix)
                .withFaults(faults), out);
    }

    private static JsonNode ingest(Path path) {
        return IngestFixture.invoke(handler, Map.of("source", "file", "path", path.toString()));
    }

    private static JsonNode file(JsonNode response, String nameStart) {
        for (JsonNode f : response.get("files")) {
            if (f.path("file").asText().startsWith(nameStart)) {
                return f;
            }
        }
        throw new AssertionError("no file " + nameStart + " in " + response);
    }

    private static long landing(String prefix) {
        return fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE ?", prefix + "-%");
    }

    @Test
    void shouldInsertEveryReadingOnceAndReportDuplicates_whenAGeneratedSetIsIngestedTwice() throws IOException {
        GeneratedSet set = generate("TWICE", 20, 3, Set.of(), dir.resolve("set"));

        JsonNode first = ingest(dir.resolve("set"));

        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(first.get("files")).hasSize(3);
        assertThat(first.get("files").get(0).get("file").asText()).startsWith("tbl_maestra");
        JsonNode telemetry = file(first, "landing_scada_data");
        assertThat(telemetry.get("rowsRead").asLong()).isEqualTo(set.readings());
        assertThat(telemetry.get("rowsInserted").asLong()).isEqualTo(set.readings());
        assertThat(telemetry.get("rowsDuplicate").asLong()).isZero();
        assertThat(telemetry.get("rowsRejected").asLong()).isZero();
        assertThat(telemetry.get("pivotedRows").asLong()).isEqualTo(set.wellHours());
        assertThat(landing("TWICE")).isEqualTo(set.readings());
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_produccion WHERE well_id LIKE 'TWICE-%'"))
                .isEqualTo(fx.count("SELECT count(DISTINCT (well_id, timestamp_lectura)) FROM stage.landing_scada_data"
                        + " WHERE well_id LIKE 'TWICE-%'")).isEqualTo(set.wellHours());
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_maestra WHERE well_id LIKE 'TWICE-%'")).isEqualTo(20);
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_reservas_pozo WHERE well_id LIKE 'TWICE-%'")).isEqualTo(60);
        assertThat(file(first, "reservas").get("format").asText()).isEqualTo("RESERVES_XLSX");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'TWICE-%' "
                + "AND pivoted_at IS NULL")).isZero();

        // the same readings under another name: the merge finds every one already there
        Path again = dir.resolve("again");
        Files.createDirectories(again);
        Files.copy(set.telemetryFile(), again.resolve("landing_scada_data_resent.csv"));
        JsonNode second = ingest(again);

        assertThat(second.get("rowsRead").asLong()).isEqualTo(set.readings());
        assertThat(second.get("rowsInserted").asLong()).isZero();
        assertThat(second.get("rowsRevised").asLong()).isZero();
        assertThat(second.get("rowsDuplicate").asLong()).isEqualTo(set.readings());
        assertThat(second.get("pivotedRows").asLong()).isZero();
        assertThat(landing("TWICE")).isEqualTo(set.readings());

        // the very same files again: recognised as already loaded, nothing re-read
        JsonNode third = ingest(dir.resolve("set"));
        assertThat(third.get("files")).allSatisfy(f -> assertThat(f.get("status").asText())
                .isEqualTo("DUPLICATE_OBJECT"));
        assertThat(third.get("rowsInserted").asLong()).isZero();
        assertThat(landing("TWICE")).isEqualTo(set.readings());
    }

    @Test
    void shouldReplaceTheValueAndKeepTheOldOne_whenAReadingIsResentCorrected() throws IOException {
        GeneratedSet set = generate("FIX", 2, 1, Set.of(), dir.resolve("set"));
        ingest(dir.resolve("set"));
        String whp = ScadaTags.byColumn("well_head_pressure").id();
        String old = (String) fx.db.queryValue("SELECT measure FROM stage.landing_scada_data WHERE well_id = 'FIX-0001'"
                + " AND var_id = ? AND timestamp_lectura = ?", whp, java.sql.Timestamp.from(END));
        Path fix = dir.resolve("landing_scada_data_fix.csv");
        Files.writeString(fix, "well_id;var_id;timestamp_lectura;measure\nFIX-0001;" + whp + ";"
                + END + ";123,5\n");

        JsonNode r = ingest(fix);

        assertThat(r.get("rowsRevised").asLong()).isEqualTo(1);
        assertThat(r.get("rowsInserted").asLong()).isZero();
        assertThat(r.get("pivotedRows").asLong()).isEqualTo(1);
        assertThat(fx.db.queryValue("SELECT measure_anterior || '>' || measure_nuevo FROM stage.landing_revisions "
                + "WHERE well_id = 'FIX-0001'")).isEqualTo(old + ">123.5");
        assertThat(fx.db.queryValue("SELECT well_head_pressure FROM stage.tbl_pozo_produccion WHERE well_id = "
                + "'FIX-0001' AND timestamp_lectura = ?", java.sql.Timestamp.from(END))).isEqualTo(123.5);
        assertThat(fx.db.queryValue("SELECT casing_head_pressure IS NOT NULL AND dynacard LIKE '{\"position\":[%' "
                + "FROM stage.tbl_pozo_produccion WHERE well_id = 'FIX-0001' AND timestamp_lectura = ?",
                java.sql.Timestamp.from(END))).as("the other columns keep their values").isEqualTo(true);
        assertThat(landing("FIX")).isEqualTo(set.readings());
    }

    @Test
    void shouldNeverDuplicate_whenFilesOverlap() throws IOException {
        GeneratedSet set = generate("OVL", 2, 1, Set.of(), dir.resolve("set"));
        List<String> lines = Files.readAllLines(set.telemetryFile());
        String header = lines.get(0);
        List<String> body = lines.subList(1, lines.size());
        Instant cut1 = END.minusSeconds(14 * 3600);
        Instant cut2 = END.minusSeconds(8 * 3600);
        List<String> a = body.stream().filter(l -> !time(l).isAfter(cut2)).toList();
        List<String> b = body.stream().filter(l -> !time(l).isBefore(cut1)).toList();
        long overlap = body.stream().filter(l -> !time(l).isBefore(cut1) && !time(l).isAfter(cut2)).count();
        ingest(set.wellMasterFile());
        Path fa = dir.resolve("landing_scada_data_a.csv");
        Path fb = dir.resolve("landing_scada_data_b.csv");
        Files.write(fa, prepend(header, a));
        Files.write(fb, prepend(header, b));

        JsonNode ra = ingest(fa);
        JsonNode rb = ingest(fb);

        assertThat(ra.get("rowsInserted").asLong()).isEqualTo(a.size());
        assertThat(rb.get("rowsDuplicate").asLong()).isEqualTo(overlap);
        assertThat(rb.get("rowsInserted").asLong()).isEqualTo(b.size() - overlap);
        assertThat(landing("OVL")).isEqualTo(set.readings());
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_produccion WHERE well_id LIKE 'OVL-%'"))
                .isEqualTo(set.wellHours());
    }

    @Test
    void shouldLoadTheGoodRowsAndRejectEachBadOne_thenLoadTheUnknownWellOnReplay() throws IOException {
        GeneratedSet set = generate("BAD", 2, 1, EnumSet.of(Fault.BAD_ROWS), dir.resolve("set"));
        ingest(set.wellMasterFile());

        JsonNode r = ingest(set.telemetryFile());

        Map<String, Long> expected = set.planted().stream().filter(p -> p.fault() == Fault.BAD_ROWS)
                .collect(Collectors.groupingBy(PlantedFault::expected, Collectors.counting()));
        assertThat(r.get("rowsRead").asLong()).isEqualTo(set.readings() + set.badRows());
        assertThat(r.get("rowsInserted").asLong()).isEqualTo(set.readings());
        assertThat(r.get("rowsRejected").asLong()).isEqualTo(set.badRows());
        assertThat(Json.map(r.get("rejectsByReason"))).isEqualTo(expected);
        String batch = r.get("batchId").asText();
        assertThat(fx.count("SELECT count(*) FROM stage.landing_rejects WHERE batch_id = ?::uuid", batch))
                .isEqualTo(set.badRows());
        assertThat(fx.db.queryValue("SELECT file_name || ':' || line_number || ' ' || reason FROM stage.landing_rejects"
                + " WHERE batch_id = ?::uuid AND reason_code = 'BAD_TIMESTAMP'", batch)).asString()
                .startsWith(set.telemetryFile().getFileName() + ":" + (set.readings() + 3) + " BAD_TIMESTAMP in "
                        + "timestamp_lectura");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_rejects WHERE batch_id = ?::uuid AND raw_text IS NULL",
                batch)).isZero();

        // the missing well arrives in the master; the replay loads its reading, the unknown SCADA id stays refused
        Path master = dir.resolve("tbl_maestra_ghost.csv");
        Files.writeString(master, "well_id,campo\nBAD-GHOST,Norte\n");
        ingest(master);
        JsonNode replay = IngestFixture.invoke(handler, Map.of("source", "rejects", "batchId", batch));

        assertThat(replay.get("rowsRead").asLong()).isEqualTo(2);
        assertThat(replay.get("rowsInserted").asLong()).isEqualTo(1);
        assertThat(replay.get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_produccion WHERE well_id = 'BAD-GHOST'")).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_rejects WHERE batch_id = ?::uuid AND replayed_at IS "
                + "NULL", batch)).isEqualTo(set.badRows() - 1);
        JsonNode again = IngestFixture.invoke(handler, Map.of("source", "rejects", "batchId", batch));
        assertThat(again.get("rowsInserted").asLong()).isZero();
        assertThat(fx.count("SELECT count(*) FROM stage.landing_rejects")).as("a replay adds no reject rows")
                .isEqualTo(set.badRows());
    }

    @Test
    void shouldLoadADumpAsData_andRefuseAnotherWholeWhenItHoldsADrop() throws IOException {
        Path dump = dir.resolve("landing_scada_data_dump.sql");
        String whp = ScadaTags.byColumn("well_head_pressure").id();
        String card = ScadaTags.byColumn("dynacard").id();
        Files.writeString(dump, "SET client_encoding = 'UTF8';\n"
                + "COPY stage.tbl_pozo_maestra (well_id, campo, profundidad_bomba) FROM stdin;\nDMP-1\tSur\t5000\n\\.\n"
                + "INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES "
                + "('DMP-1', '" + whp + "', '2024-05-01 10:00:00+00', '101.5'),"
                + "('DMP-1', '" + card + "', '2024-05-01 10:00:00+00', '{\"position\":[0,86,0],\"load\":[1,2,1]}');\n"
                + "COPY stage.tbl_pozo_produccion (well_id, timestamp_lectura, well_head_pressure, bsw) FROM stdin;\n"
                + "DMP-1\t2024-05-01 11:00:00+00\t99.5\t60\n\\.\n");

        JsonNode r = ingest(dump);

        assertThat(r.get("status").asText()).isEqualTo("OK");
        assertThat(r.get("rowsInserted").asLong()).isEqualTo(1 + 2 + 2);
        assertThat(fx.db.queryValue("SELECT campo FROM stage.tbl_pozo_maestra WHERE well_id = 'DMP-1'")).isEqualTo("Sur");
        assertThat(fx.db.queryValue("SELECT bsw FROM stage.tbl_pozo_produccion WHERE well_id = 'DMP-1' AND "
                + "timestamp_lectura = '2024-05-01 11:00:00+00'")).isEqualTo(60.0);
        assertThat(fx.db.queryValue("SELECT dynacard FROM stage.tbl_pozo_produccion WHERE well_id = 'DMP-1' AND "
                + "timestamp_lectura = '2024-05-01 10:00:00+00'")).isEqualTo("{\"position\":[0,86,0],\"load\":[1,2,1]}");

        Path evil = dir.resolve("tbl_maestra_evil.sql");
        Files.writeString(evil, "INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('EVIL-1');\n"
                + "DROP TABLE stage.landing_scada_data;\n");
        JsonNode refused = IngestFixture.invokeFailing(handler, Map.of("source", "file", "path", evil.toString()));

        assertThat(refused.get("status").asText()).isEqualTo("FAILED");
        JsonNode error = refused.get("files").get(0).get("error");
        assertThat(error.get("code").asText()).isEqualTo("BAD_INPUT");
        assertThat(error.get("line").asLong()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("refused whole");
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_maestra WHERE well_id = 'EVIL-1'")).isZero();
        assertThat(fx.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'stage' "
                + "AND table_name = 'landing_scada_data'")).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.ingest_batches WHERE status = 'FAILED' AND location = ?",
                evil.toString())).isEqualTo(1);
    }

    @Test
    void shouldDropOnlyWholeMonthsOlderThanTheWindowAndPivoted_andLandALateReadingOfADroppedMonthAgain()
            throws IOException {
        // its own database: retention drops every old month of the database, other tests' too
        try (IngestFixture fx = new IngestFixture()) {
            retention(fx);
        }
    }

    private void retention(IngestFixture fx) throws IOException {
        String whp = ScadaTags.byColumn("well_head_pressure").id();
        fx.db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('RET-1')");
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        StringBuilder csv = new StringBuilder("well_id,var_id,timestamp_lectura,measure\n");
        for (int h = 0; h < 3; h++) {
            csv.append("RET-1,").append(whp).append(",2024-03-10T0").append(h).append(":00:00Z,1").append(h).append('\n');
            csv.append("RET-1,").append(whp).append(",2024-04-10T0").append(h).append(":00:00Z,2").append(h).append('\n');
        }
        csv.append("RET-1,").append(whp).append(',').append(now.minusSeconds(3600)).append(",30\n");
        Path file = dir.resolve("landing_scada_data_ret.csv");
        java.nio.file.Files.writeString(file, csv.toString());
        StageIngestHandler keepAll = fx.handler(IngestFixture.settings(Map.of("LANDING_RETENTION_DAYS", "0")),
                () -> null, () -> null);
        JsonNode kept = IngestFixture.invoke(keepAll, Map.of("source", "file", "path", file.toString()));
        assertThat(kept.get("rowsInserted").asLong()).isEqualTo(7);
        assertThat(kept.get("retentionDeleted").asLong()).isZero();
        // April holds a reading not pivoted yet: its month stays, however old
        fx.db.execute("UPDATE stage.landing_scada_data SET pivoted_at = NULL "
                + "WHERE well_id = 'RET-1' AND timestamp_lectura = '2024-04-10T01:00:00Z'");

        StageIngestHandler thirtyDays = fx.handler(IngestFixture.settings(Map.of("LANDING_RETENTION_DAYS", "30")),
                () -> null, () -> null);
        JsonNode purged = IngestFixture.invoke(thirtyDays, Map.of("source", "file",
                "path", set(dir).toString()));

        assertThat(purged.get("retentionDeleted").asLong()).as("March, whole").isEqualTo(3);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data")).isEqualTo(4);
        assertThat(fx.db.queryValue("SELECT to_regclass('stage.landing_lectura_y2024m03')")).isNull();
        assertThat(fx.db.queryValue("SELECT to_regclass('stage.landing_lectura_y2024m04')")).isNotNull();
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_produccion WHERE well_id = 'RET-1'"))
                .as("production keeps every hour").isEqualTo(7);

        // a reading of the dropped month arrives late: it lands, in a recreated partition
        Path late = dir.resolve("landing_scada_data_late.csv");
        java.nio.file.Files.writeString(late, "well_id,var_id,timestamp_lectura,measure\nRET-1," + whp
                + ",2024-03-10T05:00:00Z,15\n");
        JsonNode again = IngestFixture.invoke(keepAll, Map.of("source", "file", "path", late.toString()));
        assertThat(again.get("rowsInserted").asLong()).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_lectura_y2024m03")).isEqualTo(1);
    }

    /** An empty well master file: a request that loads nothing and runs the retention. */
    private static Path set(Path dir) throws IOException {
        Path master = dir.resolve("tbl_maestra_ret.csv");
        java.nio.file.Files.writeString(master, "well_id\nRET-1\n");
        return master;
    }

    @Test
    void shouldPivotUnpivotedRowsThroughTheMap_andOnlyTheBatchPairsWhenABatchIsGiven() {
        String whp = ScadaTags.byColumn("well_head_pressure").id();
        String card = ScadaTags.byColumn("dynacard").id();
        fx.db.execute("INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure, batch_id, "
                + "source) VALUES "
                + "('MAN-1', '" + whp + "', '2024-05-01T10:00Z', '101.5', 'a0000000-0000-0000-0000-000000000001', 'manual'),"
                + "('MAN-1', '" + card + "', '2024-05-01T10:00Z', '{\"position\":[0,1,0],\"load\":[5,6,5]}', "
                + "'a0000000-0000-0000-0000-000000000001', 'manual'),"
                + "('MAN-1', '" + whp + "', '2024-05-01T11:00Z', '99', 'a0000000-0000-0000-0000-000000000002', 'manual')");

        Object pivoted = fx.db.queryValue("CALL stage.sp_pivot_landing('-infinity', 'infinity', "
                + "'a0000000-0000-0000-0000-000000000001', NULL)");

        assertThat(pivoted).isEqualTo(1L);
        assertThat(fx.db.queryValue("SELECT well_head_pressure FROM stage.tbl_pozo_produccion WHERE well_id = 'MAN-1' "
                + "AND timestamp_lectura = '2024-05-01T10:00Z'")).isEqualTo(101.5);
        assertThat(fx.db.queryValue("SELECT dynacard FROM stage.tbl_pozo_produccion WHERE well_id = 'MAN-1'"))
                .isEqualTo("{\"position\":[0,1,0],\"load\":[5,6,5]}");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id = 'MAN-1' AND pivoted_at IS "
                + "NULL")).as("the other batch's pair waits").isEqualTo(1);

        assertThat(fx.db.queryValue("CALL stage.sp_pivot_landing('2024-05-01T00:00Z', '2024-05-02T00:00Z', NULL, NULL)"))
                .isEqualTo(1L);
        assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_produccion WHERE well_id = 'MAN-1'")).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id = 'MAN-1' AND pivoted_at IS "
                + "NULL")).isZero();
    }

    private static Instant time(String line) {
        return Instant.parse(line.split(",")[2]);
    }

    private static List<String> prepend(String header, List<String> lines) {
        List<String> all = new java.util.ArrayList<>();
        all.add(header);
        all.addAll(lines);
        return all;
    }

    /** JSON object of counts as a map. */
    static final class Json {
        static Map<String, Long> map(JsonNode node) {
            Map<String, Long> m = new java.util.TreeMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
            return m;
        }
    }
}

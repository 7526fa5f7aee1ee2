package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.Env;
import com.bp010.ingest.IngestRequest;
import com.bp010.ingest.IngestResponse;
import com.bp010.ingest.IngestService;
import com.bp010.ingest.BatchStatus;
import com.bp010.ingest.FileResult;
import com.bp010.ingest.IngestSettings;
import com.bp010.referencial.ConfigSource;
import com.bp010.referencial.ReferenceLoader;
import com.bp010.referencial.ConfigBundle;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.bp010.db.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile/MANIFEST.tsv}, plus big inputs generated here) fed
 * through the real entry points: {@link IngestService} for ingest formats, {@link ReferenceLoader} for config files
 * (the rest of the config taken from the repository's config/). Each file gets its expected outcome (a BAD_INPUT
 * naming the file, or reject rows with a reason), every other row of every table in stage, referencial, reporting and
 * universal stays as it was, and no database object appears or disappears.
 */
class HostileInputIT {
    private static final List<String> SCHEMAS = List.of("stage", "referencial", "reporting", "universal");
    private static final Set<String> BATCH_TABLES = Set.of("stage.ingest_batches", "stage.landing_rejects");
    private static final String PWNED = "/tmp/bp010_pwned";

    @TempDir
    static Path tmp;
    private static TestDatabase db;
    /** One connection for every check (a connection per query would cost more than the ingests). */
    private static Connection check;
    private static IngestService ingest;
    private static Path corpus;
    private static String snapshotSql;
    private static Map<String, String> tables;
    private static Set<String> objects;
    private static final Map<String, AtomicLong> OUTCOMES = new TreeMap<>();
    private static final AtomicLong FILES = new AtomicLong();
    private static final AtomicLong REJECT_ROWS = new AtomicLong();
    private static final AtomicLong ENTRY_MS = new AtomicLong();
    private static final AtomicLong CHECK_MS = new AtomicLong();

    private record Case(String file, String target, String expected, String expect, String description, Path path) {
        boolean config() {
            return target.startsWith("config:");
        }

        String configName() {
            return target.substring("config:".length());
        }
    }

    @BeforeAll
    static void loadTheRealCatalogueAndOneWell() throws Exception {
        db = TestDatabase.migrated();
        check = db.connect();
        new ReferenceLoader(db.database()).load(folder(RepoPaths.config()));
        ingest = new IngestService(db.database(), IngestSettings.fromEnv(Env.of(Map.of())), () -> {
            throw new IllegalStateException("no API in this test");
        }, () -> {
            throw new IllegalStateException("no S3 in this test");
        }, Clock.systemUTC());
        Path master = tmp.resolve("tbl_maestra_hostile_seed.csv");
        Files.writeString(master, "well_id,nombre_pozo,campo\nHX-0001,Hostil 1,CAMPO-H\n");
        IngestResponse seeded = ingest.run(new IngestRequest.LocalPath(master.toString()));
        assertThat(seeded.status()).isEqualTo("OK");
        corpus = Path.of(HostileInputIT.class.getResource("/hostile/MANIFEST.tsv").toURI()).getParent();
        snapshotSql = snapshotQuery();
        tables = tableChecksums();
        objects = objectList();
        Files.deleteIfExists(Path.of(PWNED));
    }

    @AfterAll
    static void figures() {
        try {
            System.out.printf(Locale.ROOT, "HostileInputIT: %d files, outcomes %s, %d reject rows, %d tables checked"
                    + " per file, %d objects compared; %d ms in the entry points, %d ms checking the database%n",
                    FILES.get(), OUTCOMES, REJECT_ROWS.get(), tables == null ? 0 : tables.size(),
                    objects == null ? 0 : objects.size(), ENTRY_MS.get(), CHECK_MS.get());
            assertThat(Path.of(PWNED)).doesNotExist();
        } finally {
            try {
                if (check != null) {
                    check.close();
                }
            } catch (SQLException ignored) {
                // the database is dropped next
            }
            if (db != null) {
                db.close();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseOrRejectEachHostileFileAndLeaveTheDatabaseOtherwiseUnchanged_whenFedThroughTheRealEntryPoints()
            throws IOException {
        List<Case> cases = new ArrayList<>(manifest());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        cases.addAll(generated());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + " (" + c.description() + ")", () -> run(c)));
    }

    private static List<Case> manifest() throws IOException {
        List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(5);
            assertThat(f[2]).isIn("REJECT_ROWS", "BAD_INPUT");
            Path p = corpus.resolve(f[0]);
            assertThat(p).as("corpus file of " + line).isRegularFile();
            cases.add(new Case(f[0], f[1], f[2], f[3], f[4], p));
        }
        return cases;
    }

    private static void run(Case c) throws Exception {
        FILES.incrementAndGet();
        long t0 = System.nanoTime();
        try {
            if (c.config()) {
                runConfig(c);
            } else {
                runIngest(c);
            }
            OUTCOMES.computeIfAbsent(c.target() + " " + c.expected(), k -> new AtomicLong()).incrementAndGet();
        } catch (StackOverflowError | OutOfMemoryError e) {
            fail(c.file() + ": " + e.getClass().getSimpleName() + " from the reader", e);
        } finally {
            long t1 = System.nanoTime();
            ENTRY_MS.addAndGet((t1 - t0) / 1_000_000);
            Map<String, String> before = tables;
            Set<String> objectsBefore = objects;
            tables = tableChecksums();
            objects = objectList();
            CHECK_MS.addAndGet((System.nanoTime() - t1) / 1_000_000);
            assertUnchanged(c, before, tables, objectsBefore, objects);
        }
    }

    private static void assertUnchanged(Case c, Map<String, String> before, Map<String, String> after,
                                        Set<String> objectsBefore, Set<String> objectsAfter) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((t, sum) -> {
            boolean bookkeeping = BATCH_TABLES.contains(t)
                    // a batch whose rows were all refused in the database still moves the file source's watermark
                    || (t.equals("stage.ingest_watermark") && c.expected().equals("REJECT_ROWS"));
            if (!bookkeeping && !sum.equals(before.get(t))) {
                changed.put(t, before.get(t) + " -> " + sum);
            }
        });
        assertThat(changed).as(c.file() + ": tables changed").isEmpty();
        assertThat(after.keySet()).as(c.file() + ": tables").isEqualTo(before.keySet());
        assertThat(diff(objectsAfter, objectsBefore)).as(c.file() + ": objects that appeared").isEmpty();
        assertThat(diff(objectsBefore, objectsAfter)).as(c.file() + ": objects that disappeared").isEmpty();
        assertThat(Path.of(PWNED)).as(c.file() + ": a command ran").doesNotExist();
    }

    private static void runIngest(Case c) throws IOException {
        String name = c.path().getFileName().toString();
        Path file = tmp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.copy(c.path(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long batches = count("SELECT count(*) FROM stage.ingest_batches");
        long rejects = count("SELECT count(*) FROM stage.landing_rejects");
        IngestResponse response;
        try {
            response = ingest.run(new IngestRequest.LocalPath(file.toString()));
        } catch (RuntimeException e) {
            throw new AssertionError(name + ": the ingest threw " + e.getClass().getName() + " instead of reporting"
                    + " the file: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(response.files()).hasSize(1);
        FileResult r = response.files().get(0);
        assertThat(count("SELECT count(*) FROM stage.ingest_batches")).as(name + ": batch rows").isEqualTo(batches + 1);
        assertThat(value("SELECT status FROM stage.ingest_batches WHERE batch_id = ?", r.batchId()))
                .as(name + ": the batch is logged").isEqualTo(r.status().name());
        if (c.expected().equals("BAD_INPUT")) {
            JsonNode error = Json.mapper().valueToTree(r.notes().error());
            assertThat(r.status()).as(name + ": " + r).isEqualTo(BatchStatus.FAILED);
            assertThat(error.path("code").asText()).as(name + ": " + error).isEqualTo(ErrorCode.BAD_INPUT.name());
            assertThat(error.path("file").asText()).as(name + ": " + error).isEqualTo(name);
            String message = error.path("message").asText();
            assertThat(message).as(name).contains(name);
            assertThat(message.toLowerCase(Locale.ROOT)).as(name).contains(c.expect().toLowerCase(Locale.ROOT));
            if (!c.target().equals("reserves-xlsx")) {
                assertThat(error.path("line").asLong() > 0 || error.hasNonNull("column") || error.hasNonNull("value"))
                        .as(name + ": names a line, column or value: " + error).isTrue();
            }
            assertThat(count("SELECT count(*) FROM stage.landing_rejects")).as(name).isEqualTo(rejects);
        } else {
            // nothing of it loadable: REJECTED, every row kept in stage.landing_rejects for a replay
            assertThat(r.status()).as(name + ": " + r).isEqualTo(BatchStatus.REJECTED);
            assertThat(r.counts().rowsInserted() + r.counts().rowsRevised() + r.counts().rowsDuplicate()).as(name + ": rows loaded").isZero();
            assertThat(r.counts().rowsRejected()).as(name + ": " + r).isPositive();
            assertThat(count("SELECT count(*) FROM stage.landing_rejects")).as(name)
                    .isEqualTo(rejects + r.counts().rowsRejected());
            assertThat(count("SELECT count(*) FROM stage.landing_rejects WHERE batch_id = ? AND reason <> '' "
                    + "AND file_name = ? AND line_number > 0", r.batchId(), name)).as(name + ": rejects with reason")
                    .isEqualTo(r.counts().rowsRejected());
            // a production row splits into one reading per column: each row read gives one reject or more
            assertThat(r.counts().rowsRejected()).as(name + ": every row read is rejected").isGreaterThanOrEqualTo(r.counts().rowsRead());
            assertThat(count("SELECT count(*) FROM stage.landing_rejects WHERE batch_id = ? AND (raw_text LIKE "
                    + "'%root:%' OR well_id LIKE '%root:%')", r.batchId())).as(name + ": a file was read").isZero();
            Set<String> codes = new HashSet<>(r.counts().rejectsByReason().keySet());
            for (String code : c.expect().split(",")) {
                if (!code.isBlank()) {
                    assertThat(codes).as(name + ": " + r.counts().rejectsByReason()).contains(code.strip());
                }
            }
            REJECT_ROWS.addAndGet(r.counts().rowsRejected());
        }
    }

    private static void runConfig(Case c) throws IOException {
        Path dir = tmp.resolve("cfg-" + FILES.get());
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(RepoPaths.config())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.copy(c.path(), dir.resolve(c.configName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            new ReferenceLoader(db.database()).load(folder(dir));
            fail(c.file() + ": the hostile " + c.configName() + " was loaded");
        } catch (Bp010Exception e) {
            assertThat(e.code()).as(c.file() + ": " + e.getMessage()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.detail("file")).as(c.file() + ": " + e.getMessage()).isEqualTo(c.configName());
            assertThat(e.reason()).as(c.file()).contains(c.configName());
            assertThat(e.reason().toLowerCase(Locale.ROOT)).as(c.file())
                    .contains(c.expect().toLowerCase(Locale.ROOT));
            assertThat(e.detail("line") != null || e.detail("column") != null || e.detail("value") != null)
                    .as(c.file() + ": names a line, column or value: " + e.getMessage()).isTrue();
        } catch (RuntimeException e) {
            throw new AssertionError(c.file() + ": the loader threw " + e.getClass().getName() + ": "
                    + e.getMessage(), e);
        }
    }

    // ---- big inputs, generated rather than committed ----

    private static List<Case> generated() throws IOException {
        Path g = tmp.resolve("generated");
        Files.createDirectories(g);
        List<Case> cases = new ArrayList<>();
        String ts = "2024-05-01T10:00:00Z";
        String big = "9".repeat(2 * 1024 * 1024);
        cases.add(gen(g, "landing_scada_data_huge_field.csv", "telemetry-csv", "REJECT_ROWS", "FIELD_TOO_LONG",
                "a 2 MB measure (over the 1 MB field bound)",
                ("well_id,var_id,timestamp_lectura,measure\nHX-0001,IDN1001," + ts + "," + big + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
        cases.add(gen(g, "landing_scada_data_many_fields.csv", "telemetry-csv", "REJECT_ROWS", "",
                "a row of 5,000 fields", ("well_id,var_id,timestamp_lectura,measure\nHX-0001,IDN1001," + ts
                        + ",NaN" + ",1".repeat(5000) + "\n").getBytes(StandardCharsets.US_ASCII)));
        cases.add(gen(g, "tbl_pozo_produccion_huge_line.csv", "production-csv", "REJECT_ROWS", "FIELD_TOO_LONG",
                "a 2 MB quoted field", ("well_id,timestamp_lectura,well_head_pressure\nHX-0001," + ts + ",\"" + big
                        + "\"\n").getBytes(StandardCharsets.US_ASCII)));
        cases.add(gen(g, "api_page_huge_string.json", "telemetry-json", "REJECT_ROWS", "BAD_WELL_ID",
                "a 4 MB well id string", ("{\"items\": [{\"well_id\": \"" + "W".repeat(4 << 20) + "\", \"var_id\":"
                        + " \"IDN1001\", \"timestamp\": \"" + ts + "\", \"value\": 1}]}").getBytes(StandardCharsets.US_ASCII)));
        cases.add(gen(g, "dump_huge_literal.sql", "pg-dump", "BAD_INPUT", "longer than", "a 17 MB string literal",
                ("INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES ('HX-0001',"
                        + " 'IDN1001', '" + ts + "', '" + "1".repeat(17 << 20) + "');\n").getBytes(StandardCharsets.US_ASCII)));
        cases.add(gen(g, "dump_huge_copy_line.sql", "pg-dump", "BAD_INPUT", "", "a 17 MB COPY data line",
                ("COPY stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) FROM stdin;\nHX-0001\t"
                        + "IDN1001\t" + ts + "\t" + "1".repeat(17 << 20) + "\n\\.\n").getBytes(StandardCharsets.US_ASCII)));
        cases.add(genZip(g, "reservas_zip_bomb.xlsx", "a sheet inflating to 64 MB of zeros (ratio about 1000)", zip -> {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }));
        cases.add(genZip(g, "reservas_many_entries.xlsx", "10,000 parts", zip -> {
            for (int i = 0; i < 10_000; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/p" + i + ".bin"));
                zip.write(i);
                zip.closeEntry();
            }
        }));
        cases.add(genZip(g, "reservas_ratio_bomb.xlsx", "one part of 20 MB of spaces (ratio over 200)", zip -> {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 20; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }));
        return cases;
    }

    private static Case gen(Path dir, String name, String target, String expected, String expect, String description,
                            byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return new Case("generated/" + name, target, expected, expect, description, p);
    }

    private interface ZipBody {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static Case genZip(Path dir, String name, String description, ZipBody body) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            body.write(zip);
        }
        return new Case("generated/" + name, "reserves-xlsx", "BAD_INPUT", "", description, p);
    }

    // ---- the database before and after ----

    private static String snapshotQuery() {
        List<String> parts = new ArrayList<>();
        try (Statement st = check.createStatement();
             ResultSet rs = st.executeQuery("SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY"
                     + " (ARRAY['stage','referencial','reporting','universal']) ORDER BY 1, 2")) {
            while (rs.next()) {
                String t = quote(rs.getString(1)) + "." + quote(rs.getString(2));
                // an order-independent sum of row hashes: any changed, added or removed row changes it
                parts.add("SELECT '" + rs.getString(1) + "." + rs.getString(2) + "' AS t, count(*) || ':' || "
                        + "coalesce(sum(hashtextextended(x::text, 10)), 0) AS sum FROM " + t + " x");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(parts).isNotEmpty();
        return String.join(" UNION ALL ", parts);
    }

    private static Object value(String sql, Object... params) {
        try (PreparedStatement ps = check.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static long count(String sql, Object... params) {
        Object v = value(sql, params);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Map<String, String> tableChecksums() {
        Map<String, String> sums = new TreeMap<>();
        try (Statement st = check.createStatement(); ResultSet rs = st.executeQuery(snapshotSql)) {
            while (rs.next()) {
                sums.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Set<String> listed = new TreeSet<>();
        try (Statement st = check.createStatement();
             ResultSet rs = st.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname = "
                     + "ANY (ARRAY['stage','referencial','reporting','universal'])")) {
            while (rs.next()) {
                listed.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(listed).as("tables of " + SCHEMAS).isEqualTo(sums.keySet());
        return sums;
    }

    private static Set<String> objectList() {
        Set<String> names = new TreeSet<>();
        try (Statement st = check.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname !~ '^pg_(toast_)?temp_' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                UNION ALL
                SELECT 'proc ' || n.nspname || '.' || p.proname || '(' || p.proargtypes::text || ') '
                       || md5(coalesce(p.prosrc, ''))
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                UNION ALL
                SELECT 'catalogue ' || (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                         WHERE n.nspname IN ('pg_catalog', 'information_schema'))
                       || ' relations, ' || (SELECT count(*) FROM pg_proc p JOIN pg_namespace n
                                              ON n.oid = p.pronamespace WHERE n.nspname = 'pg_catalog') || ' functions'
                UNION ALL
                SELECT 'ns ' || nspname FROM pg_namespace WHERE nspname !~ '^pg_(toast_)?temp_'""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static ConfigSource folder(Path dir) {
        return new ConfigSource() {
            @Override
            public String location() {
                return dir.toUri().toString();
            }

            @Override
            public ConfigBundle load() {
                try (Stream<Path> files = Files.list(dir)) {
                    List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                    return ConfigBundle.select(location(), names, n -> {
                        try {
                            return Files.readAllBytes(dir.resolve(n));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}

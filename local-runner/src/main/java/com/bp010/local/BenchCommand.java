package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import com.bp010.db.DbConfig;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.ingest.FileIngester;
import com.bp010.ingest.IngestInput;
import com.bp010.ingest.IngestSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code bp010 bench [--wells N] [--days D] [--readings R] [--jdbc-url URL] [--json FILE]}: the benchmark of docs/CONTRACTS.md §8 in one
 * process on one database, printed as one table and written as JSON. Sections: ingest readings/s end to end against a
 * raw COPY of the same file (the ceiling) and batched row-by-row INSERT (the naive baseline); phases 3-7 through the
 * real pipeline handler at N wells x 1 day and N/10 wells x D days; each shaded Lambda JAR's size against 20 MB and its
 * cold start (a new JVM to the first response); dynamometer cards (pump card + diagnosis) per second per core, on
 * their own line (docs/CARDS.md).
 * <p>
 * Given the server's admin database ({@code .../postgres}, or the embedded server), the bench works in a scratch
 * database of its own, dropped at the end ({@code --keep-database} keeps it); given any other database, it adds its
 * BENCH wells there and leaves them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark ingest, phases 3-7, JAR sizes and cold starts (docs/CONTRACTS.md §8); prints a table, writes JSON.")
final class BenchCommand implements Callable<Integer> {
    static final long JAR_LIMIT_BYTES = 20L * 1024 * 1024;
    /** The shaded JARs of the template, their handler and the event their cold start sends. */
    static final List<String[]> FUNCTIONS = List.of(
            new String[] {"lambda-init-rds", "com.bp010.init.InitRdsHandler", "bp010-init-rds"},
            new String[] {"lambda-load-referencial", "com.bp010.referencial.LoadReferencialHandler", "bp010-load-referencial"},
            new String[] {"lambda-stage-ingest", "com.bp010.ingest.StageIngestHandler", "bp010-stage-ingest"},
            new String[] {"lambda-pipeline-v4", "com.bp010.pipeline.PipelineV4Handler", "bp010-pipeline-v4"});
    /** The day of the 1-day size; the multi-day size ends the day before, the ingest set long before. */
    private static final LocalDate DAY = LocalDate.parse("2026-01-10");

    @Option(names = "--wells", defaultValue = "1000",
            description = "wells of the 1-day pipeline size; the multi-day size has a tenth (default ${DEFAULT-VALUE})")
    int wells;

    @Option(names = "--days", defaultValue = "30",
            description = "days of the multi-day pipeline size (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--readings", defaultValue = "1000000",
            description = "telemetry readings of the ingest file, about (default ${DEFAULT-VALUE})")
    long readings;

    @Option(names = "--inserts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "time the batched row-by-row INSERT baseline too (default: yes; --no-inserts skips it)")
    boolean inserts;

    @Option(names = "--cold-starts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "time each built Lambda JAR's cold start in a new JVM (default: yes; --no-cold-starts skips)")
    boolean coldStarts;

    @Option(names = "--cold-start-runs", defaultValue = "3",
            description = "new JVMs per JAR and mode (unprimed, primed by the SnapStart hooks); medians are reported"
                    + " (default ${DEFAULT-VALUE})")
    int coldStartRuns;

    @Option(names = "--cold-starts-only",
            description = "only the Lambda JARs section (sizes, cold starts, the first invocation with and without"
                    + " priming), after init and the reference load")
    boolean coldStartsOnly;

    @Option(names = "--json", defaultValue = "bp010-bench.json", paramLabel = "FILE",
            description = "where to write the results as JSON (default ${DEFAULT-VALUE})")
    Path json;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "the project folder with lambda-*/target/*.jar (default: the current folder, else the one"
                    + " bp010.jar was built in)")
    Path repo;

    @Option(names = "--keep-database", description = "keep the scratch database instead of dropping it")
    boolean keepDatabase;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // usage errors (exit 2) before any database work, as demo and generate (README, "Mistakes and what to do")
        OptionChecks.atLeast(spec, "--wells", wells, 1, 100_000);
        OptionChecks.atLeast(spec, "--days", days, 1, 3_660);
        OptionChecks.atLeast(spec, "--readings", readings, 100, 1_000_000_000L);
        OptionChecks.atLeast(spec, "--cold-start-runs", coldStartRuns, 1, 100);
        if (coldStartsOnly && !coldStarts) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--cold-starts-only cannot go with --no-cold-starts");
        }
        if (System.getenv("BP010_LOG_LEVEL") == null) {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.WARN); // Flyway's INFO logger too
        }
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("bp010-bench-");
        BenchReport report = new BenchReport();
        try (LocalDatabase server = database.open(true)) {
            String scratch = null;
            String hourlyScratch = null;
            String url = server.jdbcUrl();
            String hourlyUrl = url;
            if ("postgres".equals(LocalDatabase.databaseName(url))) {
                // the process id too: two benches started in the same second on one server must not collide
                scratch = "bp010_bench_" + System.currentTimeMillis() / 1000 + "_" + ProcessHandle.current().pid();
                hourlyScratch = scratch + "_hourly";
                execute(url, "CREATE DATABASE \"" + scratch + "\"");
                execute(url, "CREATE DATABASE \"" + hourlyScratch + "\"");
                url = LocalDatabase.withDatabase(url, scratch);
                hourlyUrl = LocalDatabase.withDatabase(server.jdbcUrl(), hourlyScratch);
                progress("scratch databases " + scratch + ", " + hourlyScratch);
            } else {
                // measured: in a shared database the hourly run met the other sizes' dead rows and took 1.8x as long
                progress("working in " + LocalDatabase.databaseName(url) + ": every size, the hourly one too, runs in"
                        + " this database, so the hourly run meets the other sizes' dead rows and is slower than in a"
                        + " database of its own; for the documented figures give the server's admin database"
                        + " (.../postgres?...)");
            }
            try {
                run(url, hourlyUrl, work, report);
            } finally {
                for (String db : new String[] {scratch, hourlyScratch}) {
                    if (db != null && !keepDatabase) {
                        execute(server.jdbcUrl(), "DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
                    } else if (db != null) {
                        progress("kept database " + db);
                    }
                }
            }
        } catch (Bp010Exception e) {
            System.err.println(CliErrors.line("bench", e));
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e.failureReport()));
            return 1;
        } finally {
            deleteQuietly(work);
        }
        report.totalSeconds((System.nanoTime() - start) / 1e9, loadAverage());
        PrintStream out = System.out;
        out.print(report.table());
        Path file = json.toAbsolutePath();
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
        out.println("JSON: " + file);
        return 0;
    }

    private void run(String url, String hourlyUrl, Path work, BenchReport report) throws Exception {
        Env env = env(url);
        report.machine(machine(url));
        progress("init (migrate) and reference load");
        LocalInvoker.invoke(LambdaFunction.INIT, env, "{\"mode\": \"migrate\"}");
        LocalInvoker.invoke(LambdaFunction.REFERENCIAL, env, "{}");

        if (!coldStartsOnly) {
            ingest(env, work, report);
            pipeline(env, work, report, "1-day", wells, 1, DAY);
            pipeline(env, work, report, "multi-day", Math.max(1, wells / 10), days, DAY.minusDays(1));
            Env hourlyEnv = env(hourlyUrl);
            if (!hourlyUrl.equals(url)) {
                LocalInvoker.invoke(LambdaFunction.INIT, hourlyEnv, "{\"mode\": \"migrate\"}");
                LocalInvoker.invoke(LambdaFunction.REFERENCIAL, hourlyEnv, "{}");
            }
            new HourlyBench(work, wells, DAY).run(hourlyEnv, report);
            progress("cards: pump card + diagnosis on one thread");
            report.cards(CardBenchmark.run(3.0), wells);
        }
        jars(env, work, report);
    }

    /** Section 1: the ingest file's readings through IngestBenchmark (raw COPY, end to end, batched INSERT). */
    private void ingest(Env env, Path work, BenchReport report) throws IOException {
        // readings per well-hour of the generator (every tag of a well, every hour), from one small well-day
        GeneratedSet probe = generate(work.resolve("probe"), "BENCHP", 1, 1, DAY.minusYears(1));
        double perWellHour = probe.readings() / (double) probe.wellHours();
        int ingestWells = (int) Math.max(1, Math.min(100, Math.round(readings / (24 * perWellHour))));
        int ingestDays = (int) Math.max(1, Math.ceil(readings / (ingestWells * 24 * perWellHour) - 0.05));
        progress(String.format("generating the ingest file: %d wells x %d days (about %,d readings)", ingestWells,
                ingestDays, Math.round(ingestWells * ingestDays * 24 * perWellHour)));
        GeneratedSet set = generate(work.resolve("ingest"), "BENCHI", ingestWells, ingestDays, DAY.minusMonths(6));
        IngestSettings settings = IngestSettings.fromEnv(env);
        try (Database db = Database.open(DbConfig.fromEnv(env), name -> {
            throw new IllegalStateException("bench uses no secrets");
        })) {
            new FileIngester(db, settings).ingest(IngestInput.localFile(set.wellMasterFile()));
            progress("ingest: raw COPY, end to end" + (inserts ? ", batched INSERT" : "") + " of "
                    + String.format("%,d", set.readings()) + " readings");
            IngestBenchmark.Result r = IngestBenchmark.run(db, settings, set.telemetryFile(), inserts);
            report.ingest(ingestWells, ingestDays, set.readings(), Files.size(set.telemetryFile()), r);
        }
    }

    /** Section 2: one size of generated wells, ingested, then phases 3-7 through the pipeline handler. */
    private void pipeline(Env env, Path work, BenchReport report, String label, int n, int d, LocalDate last)
            throws IOException {
        String prefix = "1-day".equals(label) ? "BENCHA" : "BENCHB";
        progress(String.format("pipeline size %s: %d wells x %d day(s): generating and ingesting", label, n, d));
        GeneratedSet set = generate(work.resolve(prefix), prefix, n, d, last);
        ObjectNode fileEvent = Json.mapper().createObjectNode().put("source", "file").put("path",
                set.wellMasterFile().getParent().toString());
        JsonNode ingest = LocalInvoker.invoke(LambdaFunction.STAGE, env, fileEvent.toString());
        if (!"OK".equals(ingest.path("status").asText())) {
            throw new Bp010Exception(ErrorCode.INTERNAL, "bench: the ingest of size " + label + " failed: " + ingest);
        }
        progress(String.format("pipeline size %s: phases 3-7 over %s .. %s", label, last.minusDays(d - 1L), last));
        ObjectNode event = Json.mapper().createObjectNode()
                .put("fechaInicio", last.minusDays(d - 1L).toString()).put("fechaFin", last.toString())
                .put("asOf", last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        JsonNode result = LocalInvoker.invoke(LambdaFunction.PIPELINE, env, event.toString());
        if (!"OK".equals(result.path("status").asText())) {
            throw new Bp010Exception(ErrorCode.INTERNAL, "bench: the pipeline run of size " + label + " ended "
                    + result.path("status").asText() + ": " + result);
        }
        report.pipeline(label, n, d, set.readings(), set.wellHours(), result);
    }

    /**
     * Section 3: each shaded JAR's size and, when built, its cold start in new JVMs: {@code --cold-start-runs} JVMs
     * unprimed and as many primed by the handler's SnapStart hooks, alternating; medians of each.
     */
    private void jars(Env env, Path work, BenchReport report) throws IOException {
        Path root = repoRoot();
        Path tiny = null;
        for (String[] f : FUNCTIONS) {
            Path jar = root == null ? null : root.resolve(f[0]).resolve("target").resolve(f[0] + ".jar");
            if (jar == null || !Files.isRegularFile(jar)) {
                report.jar(f[0], null, null, null, 0, "not built");
                continue;
            }
            ColdStart.Result unprimed = null;
            ColdStart.Result primed = null;
            if (coldStarts) {
                if (tiny == null) {
                    tiny = generate(work.resolve("cold"), "BENCHC", 1, 1, DAY.minusYears(2)).wellMasterFile().getParent();
                }
                progress("cold starts of " + f[0] + ": " + coldStartRuns + " unprimed, " + coldStartRuns + " primed");
                List<ColdStart.Result> plain = new ArrayList<>();
                List<ColdStart.Result> hooked = new ArrayList<>();
                for (int run = 0; run < coldStartRuns; run++) {
                    String event = coldStartEvent(f[0], tiny);
                    plain.add(ColdStart.measure(jar, f[1], f[2], event, env, work, false));
                    hooked.add(ColdStart.measure(jar, f[1], f[2], event, env, work, true));
                }
                unprimed = ColdStart.median(plain);
                primed = ColdStart.median(hooked);
            }
            report.jar(f[0], Files.size(jar), unprimed, primed, coldStartRuns, null);
        }
    }

    private static String coldStartEvent(String module, Path tinySet) {
        ObjectNode e = Json.mapper().createObjectNode();
        switch (module) {
            case "lambda-init-rds" -> e.put("mode", "migrate");
            case "lambda-stage-ingest" -> e.put("source", "file").put("path", tinySet.toString());
            case "lambda-pipeline-v4" -> {
                // an empty window and one phase: the response comes from the real handler, database and lease
                e.put("fechaInicio", "2000-01-01").put("fechaFin", "2000-01-01");
                e.putArray("phases").add("DQ");
            }
            default -> { }
        }
        return e.toString();
    }

    private Path repoRoot() {
        List<Path> candidates = new ArrayList<>();
        if (repo != null) {
            candidates.add(repo);
        }
        candidates.add(Path.of("").toAbsolutePath());
        try {
            Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // local-runner/target/bp010.jar or local-runner/target/classes
            candidates.add(jar.getParent().getParent().getParent());
        } catch (Exception e) {
            // no code source: only the given folder and the current one
        }
        for (Path p : candidates) {
            if (p != null && Files.isDirectory(p.resolve("lambda-pipeline-v4"))) {
                return p;
            }
        }
        return null;
    }

    static GeneratedSet generate(Path dir, String prefix, int n, int d, LocalDate last) throws IOException {
        Files.createDirectories(dir);
        Instant end = last.atTime(23, 0).toInstant(ZoneOffset.UTC);
        return new DemoDataGenerator().generate(new GeneratorOptions(n, d, end, 7, prefix, Set.of(), true, false), dir);
    }

    /** The environment of every handler of the bench: this database, calendar days in UTC, long statements allowed. */
    private static Env env(String url) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BP010_JDBC_URL", url);
        env.put("BP010_TIMEZONE", "UTC");
        env.put("DB_STATEMENT_TIMEOUT_SECONDS", "0");
        env.remove("S3_BUCKET_SQL");
        env.remove("S3_BUCKET_CONFIG");
        return Env.of(env);
    }

    private static Map<String, Object> machine(String url) throws SQLException {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("when", Instant.now().toString());
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'),"
                     + " current_setting('shared_buffers'), current_setting('huge_pages')")) {
            rs.next();
            m.put("postgresql", rs.getString(1));
            // the server's memory settings, so that two machines' runs can be compared (docs/BENCHMARKS.md,
            // "Server settings and the hourly run")
            m.put("sharedBuffers", rs.getString(2));
            m.put("hugePages", rs.getString(3));
        }
        String load = loadAverage();
        if (load != null) {
            m.put("loadAverage", load);
        }
        return m;
    }

    /** The 1, 5 and 15 minute load averages (Linux), or null: other work on the machine shows in every figure. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static void progress(String what) {
        System.err.println("bench: " + what);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}

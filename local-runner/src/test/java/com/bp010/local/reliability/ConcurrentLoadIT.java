package com.bp010.local.reliability;

import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.ingest.StageIngestHandler;
import com.bp010.ingest.IngestSettings;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.referencial.LoadReferencialHandler;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 ingests of overlapping telemetry files and 5 pipeline runs started together against one database, each
 * invocation its own "container" (handler and connection pool of DB_POOL_SIZE). Sized for 2 cores: 20 wells, one day.
 * No deadlock, no lost or duplicated reading (the landing holds exactly the distinct readings of all files, as a
 * sequential load would), no pool above its bound, every run OK or SKIPPED_LOCKED.
 */
class ConcurrentLoadIT {
    private static final int WELLS = 20;
    private static final int PIPELINE_RUNS = 5;
    private static final int POOL_SIZE = 2;
    private static final int OVERLAP_HOURS = 6;
    private static final Instant END = Instant.parse("2026-11-20T23:00:00Z");
    private static final String WINDOW = "{\"fechaInicio\":\"2026-11-20\",\"fechaFin\":\"2026-11-20\","
            + "\"asOf\":\"2026-11-21T00:30:00Z\"}";

    @TempDir
    static Path tmp;
    private static TestDatabase db;
    private static GeneratedSet set;

    @BeforeAll
    static void setUp() throws Exception {
        set = new DemoDataGenerator().generate(GeneratorOptions.of(WELLS, 1, END, 23).withPrefix("LOAD")
                .withReservesXlsx(false), tmp.resolve("set"));
        db = TestDatabase.migrated();
        assertThat(Invocation.invoke(new LoadReferencialHandler(Env.of(db.env())), "{}").path("counts")
                .path("tbl_dq_rules").asInt()).isPositive();
        for (Path file : List.of(set.wellMasterFile(), set.reservesFile())) {
            assertThat(ingest("setup", file).path("status").asText()).isEqualTo("OK");
        }
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Map<String, String> env(String container) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("DB_POOL_SIZE", String.valueOf(POOL_SIZE));
        // the pool's application_name: how the sampler tells the containers' connections apart
        env.put("AWS_LAMBDA_FUNCTION_NAME", container);
        return env;
    }

    /** One invocation in its own container; the pool is closed after it, as a container that goes away. */
    private static JsonNode ingest(String container, Path file) {
        Env env = Env.of(env(container));
        try (LazyDatabase database = LazyDatabase.fromEnv(env)) {
            StageIngestHandler handler = new StageIngestHandler(database, IngestSettings.fromEnv(env), () -> null,
                    () -> null, Clock.systemUTC());
            return Invocation.invoke(handler, "{\"source\":\"file\",\"path\":\"" + file + "\"}");
        }
    }

    /**
     * Splits the set's telemetry into one file per well, each also holding the first hours of the next well (so
     * concurrent batches merge the same readings); returns the distinct (well, var, timestamp) keys of all files.
     */
    private static Set<String> split(List<Path> files) throws Exception {
        List<String> lines = Files.readAllLines(set.telemetryFile(), StandardCharsets.UTF_8);
        String header = lines.get(0);
        Map<String, List<String>> byWell = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            byWell.computeIfAbsent(line.substring(0, line.indexOf(',')), w -> new ArrayList<>()).add(line);
        }
        List<String> wells = new ArrayList<>(byWell.keySet());
        Instant overlapEnd = set.firstReading().plusSeconds(OVERLAP_HOURS * 3600L);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < wells.size(); i++) {
            StringBuilder text = new StringBuilder(header).append('\n');
            List<String> rows = new ArrayList<>(byWell.get(wells.get(i)));
            for (String line : byWell.get(wells.get((i + 1) % wells.size()))) {
                if (Instant.parse(line.split(",")[2]).isBefore(overlapEnd)) {
                    rows.add(line);
                }
            }
            for (String row : rows) {
                String[] f = row.split(",");
                keys.add(f[0] + "|" + f[1] + "|" + f[2]);
                text.append(row).append('\n');
            }
            Path file = tmp.resolve(String.format("landing_scada_data_load_%02d.csv", i + 1));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            files.add(file);
        }
        return keys;
    }

    private static long deadlocks() {
        return db.count("SELECT deadlocks FROM pg_stat_database WHERE datname = ?", db.name());
    }

    @Test
    void shouldLoseNothingDuplicateNothingAndNeverDeadlock_when20IngestsAnd5RunsGoTogether() throws Exception {
        List<Path> files = new ArrayList<>();
        Set<String> distinct = split(files);
        assertThat(files).hasSize(WELLS);
        long deadlocksBefore = deadlocks();
        Map<String, Integer> peakByContainer = new ConcurrentHashMap<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        int[] peakTotal = {0};
        Thread sampler = new Thread(() -> sample(sampling, peakByContainer, peakTotal), "pool-sampler");
        sampler.start();

        ExecutorService pool = Executors.newFixedThreadPool(WELLS + PIPELINE_RUNS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> ingests = new ArrayList<>();
        List<Future<JsonNode>> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String container = String.format("load-ingest-%02d", i + 1);
                ingests.add(pool.submit(() -> {
                    start.await();
                    return ingest(container, file);
                }));
                if (i % 4 == 1) {
                    String runner = "load-pipeline-" + (runs.size() + 1);
                    runs.add(pool.submit(() -> {
                        start.await();
                        return Invocation.invoke(new PipelineV4Handler(Env.of(env(runner))), WINDOW);
                    }));
                }
            }
            start.countDown();
            List<String> ingestStatuses = new ArrayList<>();
            for (Future<JsonNode> f : ingests) {
                ingestStatuses.add(f.get(5, TimeUnit.MINUTES).path("status").asText());
            }
            List<String> runStatuses = new ArrayList<>();
            for (Future<JsonNode> f : runs) {
                runStatuses.add(f.get(5, TimeUnit.MINUTES).path("status").asText());
            }
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            sampling.set(false);
            sampler.join();

            assertThat(ingestStatuses).hasSize(WELLS).containsOnly("OK");
            assertThat(runStatuses).hasSize(PIPELINE_RUNS).containsAnyOf("OK").isSubsetOf("OK", "SKIPPED_LOCKED");
            long landing = db.count("SELECT count(*) FROM stage.landing_scada_data");
            long landingKeys = db.count("SELECT count(*) FROM (SELECT DISTINCT well_id, var_id, timestamp_lectura"
                    + " FROM stage.landing_scada_data) k");
            long inserted = db.count("SELECT sum(rows_inserted) FROM stage.ingest_batches"
                    + " WHERE location LIKE '%landing_scada_data_load_%'");
            long duplicate = db.count("SELECT sum(rows_duplicate) FROM stage.ingest_batches"
                    + " WHERE location LIKE '%landing_scada_data_load_%'");
            long read = db.count("SELECT sum(rows_read) FROM stage.ingest_batches"
                    + " WHERE location LIKE '%landing_scada_data_load_%'");
            long production = db.count("SELECT count(*) FROM stage.tbl_pozo_produccion");
            assertThat(landing).as("landing rows = distinct readings of all files").isEqualTo(distinct.size())
                    .isEqualTo(set.readings()).isEqualTo(landingKeys);
            assertThat(inserted).as("each distinct reading inserted by exactly one batch").isEqualTo(distinct.size());
            assertThat(inserted + duplicate).as("every row read is inserted or a known duplicate").isEqualTo(read);
            assertThat(production).as("one production row per well-hour").isEqualTo(set.wellHours());
            assertThat(deadlocks() - deadlocksBefore).as("deadlocks detected by the server").isZero();
            assertThat(peakByContainer.values()).as("connections per container pool").allMatch(n -> n <= POOL_SIZE);

            JsonNode last = Invocation.invoke(new PipelineV4Handler(Env.of(env("load-pipeline-final"))), WINDOW);
            assertThat(last.path("status").asText()).isEqualTo("OK");
            long facts = db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias");
            assertThat(facts).as("hourly facts after the load").isEqualTo(set.wellHours());

            System.out.printf("%nConcurrentLoadIT figures: %d ingests + %d pipeline runs in parallel in %d ms;"
                            + " ingests %s; runs %s; rows read %d, inserted %d, duplicates %d; landing %d = distinct"
                            + " readings %d; production rows %d; hourly facts %d; deadlocks 0; peak connections %d"
                            + " (per container pool max %d, bound %d, %d containers seen)%n", WELLS, PIPELINE_RUNS,
                    elapsed, summary(ingestStatuses), summary(runStatuses), read, inserted, duplicate, landing,
                    distinct.size(), production, facts, peakTotal[0],
                    peakByContainer.values().stream().mapToInt(Integer::intValue).max().orElse(0), POOL_SIZE,
                    peakByContainer.size());
        } finally {
            sampling.set(false);
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> summary(List<String> statuses) {
        Map<String, Long> counts = new LinkedHashMap<>();
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }

    /** Counts the database's connections per application_name (= container) until told to stop; keeps the peaks. */
    private static void sample(AtomicBoolean sampling, Map<String, Integer> peaks, int[] peakTotal) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT application_name,"
                + " count(*) FROM pg_stat_activity WHERE datname = ? AND application_name LIKE 'load-%'"
                + " GROUP BY application_name")) {
            ps.setString(1, db.name());
            while (sampling.get()) {
                int total = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        peaks.merge(rs.getString(1), rs.getInt(2), Math::max);
                        total += rs.getInt(2);
                    }
                }
                peakTotal[0] = Math.max(peakTotal[0], total);
                Thread.sleep(25);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

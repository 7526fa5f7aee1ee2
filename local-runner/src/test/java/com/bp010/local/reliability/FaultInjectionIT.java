package com.bp010.local.reliability;

import com.bp010.testsupport.TableChecksums;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.db.S3Objects;
import com.bp010.db.ErrorCode;
import com.bp010.db.TransientDatabaseException;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.ingest.StageIngestHandler;
import com.bp010.ingest.IngestSettings;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.referencial.LoadReferencialHandler;
import com.bp010.testsupport.CapturedLogs;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.SecretsManagerStub;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults injected into the real handlers on a real PostgreSQL: connections killed mid-ingest and mid-phase, a
 * statement timeout, redelivered S3 events, overlapping schedules, a dead lease holder, a failing Secrets Manager,
 * DDL from the ETL role. After every fault the checksum of every table equals the one of a clean run of the same
 * data (a second database that saw no fault), or the pre-fault one when the fault must leave nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {
    /** The advisory lock key of the landing merge (BatchOutcome.MERGE_LOCK). */
    private static final long MERGE_LOCK = 0x62703031_0022L;
    private static final Instant END = Instant.parse("2026-11-20T23:00:00Z");
    private static final String WINDOW = "{\"fechaInicio\":\"2026-11-19\",\"fechaFin\":\"2026-11-20\","
            + "\"asOf\":\"2026-11-21T00:30:00Z\"}";
    /**
     * Run logs: one row per attempt, so a failed attempt legitimately adds rows a clean run has not; and the bridges'
     * running count of the rows they synced (reporting.ml_sync_state.rows_synced: an explicit window's rerun analyses
     * its cards again, and the CDI bridge counts them again; the rows it writes are compared).
     */
    private static final Set<String> RUN_LOGS = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "stage.tbl_dq_run_summary", "reporting.ml_sync_state");

    @TempDir
    static Path tmp;
    private static GeneratedSet set;
    private static TestDatabase clean;
    private static TestDatabase faulty;
    private static Map<String, TableChecksums.Sum> cleanIngested;
    private static Map<String, TableChecksums.Sum> cleanRun;
    private static int faults;
    private static int comparisons;
    private static int tablesCompared;
    private static long rowsChecked;
    private static final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void cleanRun() throws Exception {
        set = new DemoDataGenerator().generate(GeneratorOptions.of(3, 2, END, 11).withPrefix("FLT"), tmp);
        clean = TestDatabase.migrated();
        faulty = TestDatabase.migrated();
        referencial(clean);
        referencial(faulty);
        for (Path file : files()) {
            assertThat(ingest(clean, file).path("status").asText()).isEqualTo("OK");
        }
        cleanIngested = TableChecksums.of(clean, RUN_LOGS);
        JsonNode run = Invocation.invoke(pipeline(clean, Map.of()), WINDOW);
        assertThat(run.path("status").asText()).isEqualTo("OK");
        cleanRun = TableChecksums.of(clean, RUN_LOGS);
    }

    @AfterAll
    static void report() {
        System.out.printf("%nFaultInjectionIT figures: faults injected %d, checksum comparisons %d, tables compared %d,"
                        + " rows checked %d (%d tables per comparison, run logs %s left out)%n", faults, comparisons,
                tablesCompared, rowsChecked, cleanRun == null ? 0 : cleanRun.size(), RUN_LOGS);
        notes.forEach(n -> System.out.println("  " + n));
        if (clean != null) {
            clean.close();
        }
        if (faulty != null) {
            faulty.close();
        }
    }

    private static List<Path> files() {
        return List.of(set.wellMasterFile(), set.reservesFile(), set.telemetryFile());
    }

    private static void referencial(TestDatabase db) {
        JsonNode r = Invocation.invoke(new LoadReferencialHandler(Env.of(db.env())), "{}");
        assertThat(r.path("counts").path("tbl_dq_rules").asInt()).isPositive();
    }

    private static JsonNode ingest(TestDatabase db, Path file) {
        return Invocation.invoke(new StageIngestHandler(Env.of(db.env())),
                "{\"source\":\"file\",\"path\":\"" + file + "\"}");
    }

    private static PipelineV4Handler pipeline(TestDatabase db, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(extra);
        return new PipelineV4Handler(Env.of(env));
    }

    private static void assertSameTables(String fault, Map<String, TableChecksums.Sum> expected) {
        Map<String, TableChecksums.Sum> actual = TableChecksums.of(faulty, RUN_LOGS);
        comparisons++;
        tablesCompared += actual.size();
        rowsChecked += TableChecksums.rows(actual);
        assertThat(TableChecksums.differences(expected, actual)).as(fault + ": tables that differ from the clean run")
                .isEmpty();
        notes.add(fault + ": " + actual.size() + " tables, " + TableChecksums.rows(actual) + " rows equal");
    }

    private static Connection admin(TestDatabase db) throws SQLException {
        return db.connect();
    }

    @Test
    @Order(1)
    void shouldRollBackTheBatchAndLoadOnRetry_whenTheConnectionIsKilledMidIngest() throws Exception {
        assertThat(ingest(faulty, set.wellMasterFile()).path("status").asText()).isEqualTo("OK");
        assertThat(ingest(faulty, set.reservesFile()).path("status").asText()).isEqualTo("OK");
        long batchesBefore = faulty.count("SELECT count(*) FROM stage.ingest_batches");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection session = admin(faulty); Statement st = session.createStatement()) {
            // the telemetry batch parses and stages its file, then waits for the merge lock this session holds
            st.execute("SELECT pg_advisory_lock(" + MERGE_LOCK + ")");
            Future<JsonNode> killed = pool.submit(() -> ingest(faulty, set.telemetryFile()));
            List<Integer> pids = Backends.awaitBlocked(faulty, session, "advisory", 1);
            assertThat(Backends.terminate(faulty, session, pids)).isEqualTo(1);
            faults++;
            st.execute("SELECT pg_advisory_unlock(" + MERGE_LOCK + ")");
            assertThatThrownBy(killed::get).hasCauseInstanceOf(TransientDatabaseException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(faulty.count("SELECT count(*) FROM stage.landing_scada_data")).isZero();
        assertThat(faulty.count("SELECT count(*) FROM stage.ingest_batches")).isEqualTo(batchesBefore);

        JsonNode retry = ingest(faulty, set.telemetryFile());

        assertThat(retry.path("status").asText()).isEqualTo("OK");
        assertThat(faulty.count("SELECT count(*) FROM stage.landing_scada_data")).isEqualTo(set.readings());
        assertSameTables("connection killed mid-ingest, then retried", cleanIngested);
    }

    @Test
    @Order(2)
    void shouldFailNamingThePhaseAndWriteNothing_whenAPhaseHitsTheStatementTimeout() throws Exception {
        Map<String, TableChecksums.Sum> before = TableChecksums.of(faulty, RUN_LOGS);
        try (Connection session = admin(faulty); Statement st = session.createStatement()) {
            session.setAutoCommit(false);
            // DQ writes its findings here: with writers blocked, its statement runs into the 1 s timeout
            st.execute("LOCK TABLE stage.tbl_pozo_scada_dq IN EXCLUSIVE MODE");
            assertThatThrownBy(() -> Invocation.invoke(pipeline(faulty, Map.of("DB_STATEMENT_TIMEOUT_SECONDS", "1")),
                    WINDOW))
                    .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DATABASE);
                        assertThat(e.detail("phase")).isEqualTo("DQ");
                        assertThat(e.detail("sqlState")).isEqualTo("57014");
                        assertThat(e.getMessage()).contains("\"phase\":\"DQ\"").contains("statement timeout");
                        notes.add("statement timeout: " + e.detail("phase") + " / " + e.detail("call") + " / "
                                + e.detail("sqlState") + " / " + e.reason().lines().findFirst().orElse(""));
                    });
            faults++;
            session.rollback();
        }
        assertThat(faulty.queryValue("SELECT status FROM reporting.pipeline_runs ORDER BY started_at DESC LIMIT 1"))
                .isEqualTo("FAILED");
        assertThat(faulty.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();
        assertSameTables("statement timeout in DQ (against the pre-run tables)", before);
        assertSameTables("statement timeout in DQ (against the clean ingest)", cleanIngested);
    }

    @Test
    @Order(3)
    void shouldRollBackThePhaseAndRerunCleanly_whenTheConnectionIsKilledMidPhase() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection session = admin(faulty); Statement st = session.createStatement()) {
            session.setAutoCommit(false);
            // TRANSFORM commits its facts day by day, then writes the current values in a transaction of their own
            st.execute("LOCK TABLE reporting.dataset_current_values IN EXCLUSIVE MODE");
            Future<JsonNode> killed = pool.submit(() -> Invocation.invoke(pipeline(faulty, Map.of()), WINDOW));
            List<Integer> pids = Backends.awaitBlocked(faulty, session, "relation", 1);
            assertThat(Backends.terminate(faulty, session, pids)).isEqualTo(1);
            faults++;
            session.rollback();
            assertThatThrownBy(killed::get).cause().isInstanceOfSatisfying(TransientDatabaseException.class, e -> {
                assertThat(e.detail("phase")).isEqualTo("TRANSFORM");
                notes.add("killed mid-phase: " + e.detail("phase") + " / " + e.detail("call") + " / "
                        + e.detail("sqlState"));
            });
        } finally {
            pool.shutdownNow();
        }
        // the day chunks stayed committed and recorded (the resume point); the killed current values rolled back
        assertThat(faulty.count("SELECT count(*) FROM reporting.pipeline_run_phases WHERE fase = 'TRANSFORM'"
                + " AND status = 'FAILED' AND tramos_hechos > 0 AND hecho_hasta IS NOT NULL AND run_id ="
                + " (SELECT run_id FROM reporting.pipeline_runs ORDER BY started_at DESC LIMIT 1)")).isEqualTo(1);
        assertThat(faulty.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();

        JsonNode rerun = Invocation.invoke(pipeline(faulty, Map.of()), WINDOW);

        assertThat(rerun.path("status").asText()).isEqualTo("OK");
        assertSameTables("connection killed mid-TRANSFORM, then rerun", cleanRun);
    }

    @Test
    @Order(4)
    void shouldRunOnceAndSkipTheOthers_whenThreeSchedulesOverlap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<JsonNode>> runs = new ArrayList<>();
        try (Connection session = admin(faulty); Statement st = session.createStatement()) {
            session.setAutoCommit(false);
            // the run that takes the lease stays in TRANSFORM until this lock goes: the others overlap it for sure
            st.execute("LOCK TABLE reporting.dataset_current_values IN EXCLUSIVE MODE");
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> Invocation.invoke(pipeline(faulty, Map.of()), WINDOW)));
            }
            Backends.awaitBlocked(faulty, session, "relation", 1);
            long deadline = System.currentTimeMillis() + 60_000;
            while (runs.stream().filter(Future::isDone).count() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            faults++;
            session.commit();
            List<String> statuses = new ArrayList<>();
            for (Future<JsonNode> run : runs) {
                statuses.add(run.get(120, TimeUnit.SECONDS).path("status").asText());
            }
            assertThat(statuses).containsExactlyInAnyOrder("OK", "SKIPPED_LOCKED", "SKIPPED_LOCKED");
            notes.add("overlapping schedules: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertThat(faulty.count("SELECT count(*) FROM reporting.pipeline_runs WHERE status = 'SKIPPED_LOCKED'"))
                .isEqualTo(2);
        assertSameTables("three overlapping schedules", cleanRun);
    }

    @Test
    @Order(5)
    void shouldTakeOverAfterTheLeaseExpired_whenARunFrozeHoldingIt_andIgnoreTheDeadRunsLateRelease() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection session = admin(faulty); Statement st = session.createStatement()) {
            session.setAutoCommit(false);
            st.execute("LOCK TABLE reporting.dataset_current_values IN EXCLUSIVE MODE");
            // run A takes the lease and freezes in TRANSFORM (a Lambda stuck until its timeout kills it)
            Future<JsonNode> frozen = pool.submit(() -> Invocation.invoke(pipeline(faulty, Map.of()), WINDOW));
            int frozenPid = Backends.awaitBlocked(faulty, session, "relation", 1).get(0);
            Object frozenRun = faulty.queryValue("SELECT run_id FROM reporting.pipeline_lease");

            JsonNode whileLive = Invocation.invoke(pipeline(faulty, Map.of()), WINDOW);
            assertThat(whileLive.path("status").asText()).isEqualTo("SKIPPED_LOCKED");

            // its lease time passes without a renewal; run B takes over and waits behind A's uncommitted rows
            faulty.execute("UPDATE reporting.pipeline_lease SET expires_at = clock_timestamp() - interval '1 second'");
            Future<JsonNode> takeover = pool.submit(() -> Invocation.invoke(pipeline(faulty, Map.of()), WINDOW));
            Backends.awaitBlocked(faulty, session, null, 2);
            Object takeoverRun = faulty.queryValue("SELECT run_id FROM reporting.pipeline_lease");
            assertThat(takeoverRun).isNotNull().isNotEqualTo(frozenRun);

            // A is killed: its phase rolls back, and its late release must not drop B's lease
            assertThat(Backends.terminate(faulty, session, List.of(frozenPid))).isEqualTo(1);
            faults++;
            assertThatThrownBy(frozen::get).hasCauseInstanceOf(TransientDatabaseException.class);
            assertThat(faulty.queryValue("SELECT run_id FROM reporting.pipeline_lease")).isEqualTo(takeoverRun);

            session.commit();
            JsonNode result = takeover.get(120, TimeUnit.SECONDS);
            assertThat(result.path("status").asText()).isEqualTo("OK");
            assertThat(result.path("runId").asText()).isEqualTo(String.valueOf(takeoverRun));
            notes.add("lease: frozen run " + frozenRun + " killed after expiry; run " + takeoverRun + " took over");
        } finally {
            pool.shutdownNow();
        }
        assertThat(faulty.count("SELECT count(*) FROM reporting.pipeline_lease")).isZero();
        assertSameTables("run froze holding the lease, the next took over after expiry", cleanRun);
    }

    @Test
    @Order(6)
    void shouldRefuseDdl_whenTheEtlRoleTriesIt() throws Exception {
        List<String> ddl = List.of("CREATE TABLE stage.intruder (id int)", "DROP TABLE stage.landing_lectura",
                "ALTER TABLE stage.landing_lectura ADD COLUMN x int", "CREATE TABLE public.intruder (id int)",
                "ALTER TABLE reporting.dim_pozo RENAME TO dim_pozo_old",
                "TRUNCATE reporting.fact_operaciones_horarias");
        try (Connection etl = DriverManager.getConnection(faulty.jdbcUrlAs("bp010_etl"))) {
            for (String sql : ddl) {
                faults++;
                assertThatThrownBy(() -> {
                    try (Statement st = etl.createStatement()) {
                        st.execute(sql);
                    }
                }).as(sql).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(sql).isEqualTo("42501"));
            }
        }
        assertThat(faulty.count("SELECT count(*) FROM pg_class WHERE relname = 'intruder'")).isZero();
        assertSameTables("DDL refused to bp010_etl", cleanRun);
    }

    // --- S3 redelivery and secrets: on the clean database, once its reference checksums are taken -------------

    private static String s3Event(String bucket, String key) {
        return "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":"
                + "{\"name\":\"" + bucket + "\"},\"object\":{\"key\":\"" + key + "\"}}}]}";
    }

    /** Readings of the set's wells at a day after its window, and two rows that must be rejected. */
    private static String telemetry(String day, int goodRows) {
        List<String> vars = new ArrayList<>();
        try (Connection c = clean.connect(); var rs = c.createStatement().executeQuery(
                "SELECT var_id_scada FROM referencial.tbl_var_scada_map WHERE activa ORDER BY 1 LIMIT 5")) {
            while (rs.next()) {
                vars.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder csv = new StringBuilder("well_id,var_id,timestamp_lectura,measure\n");
        int n = 0;
        for (int h = 0; n < goodRows; h++) {
            for (String well : set.wellIds()) {
                for (String v : vars) {
                    if (n++ < goodRows) {
                        csv.append(well).append(',').append(v).append(',').append(day)
                                .append(String.format("T%02d:00:00Z,%d.5%n", h, n));
                    }
                }
            }
        }
        csv.append(set.wellIds().get(0)).append(',').append(vars.get(0)).append(",not-a-time,1\n");
        csv.append(set.wellIds().get(0)).append(',').append(vars.get(0)).append(',').append(day)
                .append("T23:00:00Z,NaN\n");
        return csv.toString();
    }

    /** A container of the ingest function reading {@code s3}; its pool is closed with the returned database. */
    private static StageIngestHandler s3Handler(LazyDatabase database, InMemoryS3 s3) {
        Env env = Env.of(clean.env());
        return new StageIngestHandler(database, IngestSettings.fromEnv(env), () -> null, () -> new S3Objects(s3),
                Clock.systemUTC());
    }

    private static void assertLoadedOnce(String location, long goodRows) {
        assertThat(clean.count("SELECT count(*) FROM stage.ingest_batches WHERE location = ? AND status = 'OK'",
                location)).isEqualTo(1);
        assertThat(clean.count("SELECT count(*) FROM stage.ingest_batches WHERE location = ?", location))
                .isEqualTo(3);
        assertThat(clean.count("SELECT count(*) FROM stage.landing_rejects r JOIN stage.ingest_batches b"
                + " USING (batch_id) WHERE b.location = ?", location)).isEqualTo(2);
        assertThat(clean.count("SELECT count(*) FROM stage.landing_rejects WHERE file_name = ?",
                location.substring(location.lastIndexOf('/') + 1))).isEqualTo(2);
        assertThat(clean.count("SELECT rows_inserted FROM stage.ingest_batches WHERE location = ? AND status = 'OK'",
                location)).isEqualTo(goodRows);
    }

    @Test
    @Order(7)
    void shouldLoadOnce_whenTheSameS3EventIsDeliveredThreeTimesInSequence() {
        InMemoryS3 s3 = new InMemoryS3();
        String key = "ingest/redelivered_sequential.csv";
        s3.put("bp010-faults", key, telemetry("2026-11-24", 24));
        long landing = clean.count("SELECT count(*) FROM stage.landing_scada_data");

        List<String> statuses = new ArrayList<>();
        try (LazyDatabase database = LazyDatabase.fromEnv(Env.of(clean.env()))) {
            StageIngestHandler handler = s3Handler(database, s3);
            for (int i = 0; i < 3; i++) {
                statuses.add(Invocation.invoke(handler, s3Event("bp010-faults", key)).path("files").get(0)
                        .path("status").asText());
                faults++;
            }
        }

        assertThat(statuses).containsExactly("OK", "DUPLICATE_OBJECT", "DUPLICATE_OBJECT");
        assertThat(clean.count("SELECT count(*) FROM stage.landing_scada_data")).isEqualTo(landing + 24);
        assertLoadedOnce("s3://bp010-faults/" + key, 24);
        notes.add("S3 event x3 in sequence: " + statuses);
    }

    @Test
    @Order(8)
    void shouldLoadOnce_whenTheSameS3EventIsDeliveredThreeTimesConcurrently() throws Exception {
        InMemoryS3 s3 = new InMemoryS3();
        String key = "ingest/redelivered_concurrent.csv";
        s3.put("bp010-faults", key, telemetry("2026-11-25", 24));
        long landing = clean.count("SELECT count(*) FROM stage.landing_scada_data");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<JsonNode>> deliveries = new ArrayList<>();
        List<LazyDatabase> containers = new ArrayList<>();
        try (Connection session = admin(clean); Statement st = session.createStatement()) {
            // the three deliveries read and stage the object, then meet at the merge lock this session holds
            st.execute("SELECT pg_advisory_lock(" + MERGE_LOCK + ")");
            for (int i = 0; i < 3; i++) {
                LazyDatabase database = LazyDatabase.fromEnv(Env.of(clean.env()));
                containers.add(database);
                StageIngestHandler handler = s3Handler(database, s3);
                deliveries.add(pool.submit(() -> Invocation.invoke(handler, s3Event("bp010-faults", key))));
                faults++;
            }
            Backends.awaitBlocked(clean, session, "advisory", 3);
            st.execute("SELECT pg_advisory_unlock(" + MERGE_LOCK + ")");
            List<String> statuses = new ArrayList<>();
            for (Future<JsonNode> d : deliveries) {
                statuses.add(d.get(120, TimeUnit.SECONDS).path("files").get(0).path("status").asText());
            }
            assertThat(statuses).containsExactlyInAnyOrder("OK", "DUPLICATE_OBJECT", "DUPLICATE_OBJECT");
            notes.add("S3 event x3 concurrently: " + statuses);
        } finally {
            pool.shutdownNow();
            containers.forEach(LazyDatabase::close);
        }
        assertThat(clean.count("SELECT count(*) FROM stage.landing_scada_data")).isEqualTo(landing + 24);
        assertLoadedOnce("s3://bp010-faults/" + key, 24);
    }

    @Test
    @Order(9)
    void shouldRetryAndNeverLogThePassword_whenSecretsManagerFailsThenRecovers() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        URI url = URI.create(clean.jdbcUrl().substring("jdbc:".length()));
        Path empty = Files.createDirectories(tmp.resolve("nothing-to-ingest"));
        String event = "{\"source\":\"file\",\"path\":\"" + empty + "\"}";
        try (SecretsManagerStub stub = new SecretsManagerStub(); CapturedLogs logs = CapturedLogs.start()) {
            stub.put("bp010/etl", "{\"engine\":\"postgres\",\"host\":\"" + url.getHost() + "\",\"port\":"
                    + url.getPort() + ",\"dbname\":\"" + clean.name() + "\",\"username\":\"bp010_etl\","
                    + "\"password\":\"" + password + "\"}");
            Map<String, String> env = new HashMap<>(stub.env());
            env.put("TARGET_SECRET_NAME", "bp010/etl");
            env.put("DB_SSL", "disable");

            // a 500 and a throttling answer: the SDK client retries them within one invocation
            stub.failNext(1);
            stub.throttleNext(1);
            faults += 2;
            assertThat(Invocation.invoke(handler(env), event).path("status").asText()).isEqualTo("NOTHING_TO_DO");
            int retriedCalls = stub.calls();
            assertThat(retriedCalls).isEqualTo(3);

            // Secrets Manager down for longer than the SDK retries: the invocation fails clearly, the next succeeds
            stub.failNext(1_000);
            faults++;
            RequestStreamHandler cold = handler(env);
            int before = stub.calls();
            assertThatThrownBy(() -> Invocation.invoke(cold, event)).isInstanceOfSatisfying(Bp010Exception.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SECRETS);
                        assertThat(e.getMessage()).contains("bp010/etl").doesNotContain(password);
                    });
            int attempts = stub.calls() - before;
            assertThat(attempts).isGreaterThan(1);
            stub.failNext(0);
            assertThat(Invocation.invoke(cold, event).path("status").asText()).isEqualTo("NOTHING_TO_DO");

            assertThat(logs.all()).contains("bp010/etl").doesNotContain(password);
            notes.add("Secrets Manager: 500 + throttling retried in one invocation (" + retriedCalls + " calls); down: "
                    + attempts + " attempts, then the next invocation read it; " + logs.lines().size()
                    + " log lines, none with the password");
        }
    }

    private static RequestStreamHandler handler(Map<String, String> env) {
        return new StageIngestHandler(Env.of(env));
    }
}

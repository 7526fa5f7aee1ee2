package com.bp010.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.AwsClients;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.PublishedMetric;
import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.JsonRequestHandler;
import com.bp010.db.Lazy;
import com.bp010.db.LazyDatabase;
import com.bp010.db.LazyResource;
import com.bp010.db.S3Objects;
import com.bp010.db.SecretsManagerSecrets;
import com.bp010.db.SecretsProvider;
import com.bp010.db.SnapStartPriming;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda STAGE INGEST (phase 2.2). Triggers and events: docs/CONTRACTS.md §4.3 (schedules poll the SCADA API; S3 ObjectCreated
 * records under INGEST_BUCKET/INGEST_PREFIX; direct {@code api}, {@code s3}, {@code file}, {@code rejects} events).
 * Response: {@link IngestResponse}; a source that cannot be fetched or read fails the invocation with
 * {@link IngestFailure} once the rest is committed. Environment: {@code TARGET_SECRET_NAME} or {@code BP010_JDBC_URL},
 * {@code API_SECRET_NAME}, {@code INGEST_BUCKET}, {@code INGEST_PREFIX} (ingest/), {@code SOURCE_TIMEZONE} (UTC),
 * {@code LANDING_RETENTION_DAYS} (30), {@code API_*} tuning (see {@link IngestSettings}).
 */
public class StageIngestHandler extends JsonRequestHandler {
    private final LazyDatabase database;
    private final IngestSettings settings;
    private final Supplier<TelemetrySource> api;
    private final Supplier<S3Objects> s3;
    private final Clock clock;
    private final Env env;
    private final EmbeddedMetrics metrics;

    /** Lambda entry point: reads the environment once per container; SnapStart calls its hooks. */
    public StageIngestHandler() {
        this(Env.system());
        registerSnapStartHooks();
    }

    public StageIngestHandler(Env env) {
        this(LazyDatabase.fromEnv(env), IngestSettings.fromEnv(env), env, Clock.systemUTC());
    }

    private StageIngestHandler(LazyDatabase database, IngestSettings settings, Env env, Clock clock) {
        this(database, settings, Lazy.of(() -> scadaApi(settings, new SecretsManagerSecrets(
                AwsClients.secretsManager(env)))), Lazy.of(() -> new S3Objects(AwsClients.s3(env))), clock, env,
                EmbeddedMetrics.fromEnv(env));
    }

    /** For tests: every collaborator given. */
    public StageIngestHandler(LazyDatabase database, IngestSettings settings, Supplier<TelemetrySource> api,
                              Supplier<S3Objects> s3, Clock clock) {
        this(database, settings, api, s3, clock, Env.of(Map.of()), EmbeddedMetrics.disabled());
    }

    /** For tests: every collaborator given, metrics written where the test reads them. */
    public StageIngestHandler(LazyDatabase database, IngestSettings settings, Supplier<TelemetrySource> api,
                              Supplier<S3Objects> s3, Clock clock, EmbeddedMetrics metrics) {
        this(database, settings, api, s3, clock, Env.of(Map.of()), metrics);
    }

    private StageIngestHandler(LazyDatabase database, IngestSettings settings, Supplier<TelemetrySource> api,
                               Supplier<S3Objects> s3, Clock clock, Env env, EmbeddedMetrics metrics) {
        this.database = database;
        this.settings = settings;
        this.api = api;
        this.s3 = s3;
        this.clock = clock;
        this.env = env;
        this.metrics = metrics;
    }

    /** The default SCADA adapter, its credentials read from API_SECRET_NAME on first use. */
    public static TelemetrySource scadaApi(IngestSettings settings, SecretsProvider secrets) {
        String secret = settings.apiSecretName().orElseThrow(() -> new Bp010Exception(ErrorCode.CONFIGURATION,
                "API_SECRET_NAME is required to poll the SCADA API").with("variable", "API_SECRET_NAME"));
        ReadingValidator validator = new ReadingValidator(new TimestampParser(settings.sourceZone()),
                new TimestampParser(settings.sourceZone()), false);
        return new ScadaApiSource(Lazy.of(() -> ApiCredentials.parse(secret, secrets.secretString(secret))),
                settings.apiConnectTimeout(), settings.apiReadTimeout(), settings.apiPageLimit(),
                RetryPolicy.standard(settings.apiMaxRetries()), new TelemetryJsonReader(validator),
                d -> Thread.sleep(d.toMillis()));
    }

    @Override
    protected String functionName() {
        return "bp010-stage-ingest";
    }

    /** The pool, and the SCADA API source (token, HTTP client) and S3 client once built. */
    @Override
    protected List<LazyResource> lazyResources() {
        List<LazyResource> held = new ArrayList<>(List.of(database));
        for (Supplier<?> s : List.of(api, s3)) {
            if (s instanceof LazyResource lazy) {
                held.add(lazy);
            }
        }
        return held;
    }

    /** The event (an S3 notification) and response types, this JAR's classes and the xlsx reader's. */
    @Override
    protected void prime() {
        IngestRequest.from(SnapStartPriming.json("{\"Records\": [{\"eventSource\": \"aws:s3\", \"eventName\": "
                + "\"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"bucket\"}, \"object\": {\"key\": "
                + "\"ingest/landing_scada_data.csv\"}}}]}", IngestResponse.class));
        SnapStartPriming.loadClasses(List.of("com/bp010/", "org/dhatim/fastexcel/"), StageIngestHandler.class,
                org.dhatim.fastexcel.reader.ReadableWorkbook.class);
        if (env.get("TARGET_SECRET_NAME").isPresent()) {
            SnapStartPriming.awsSdk(env, true);
        }
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        IngestRequest request = IngestRequest.from(event);
        IngestResponse response = new IngestService(database.get(), settings, api, s3, clock).run(request);
        publishMetrics(response);
        IngestFailure failure = IngestFailure.of(response);
        if (failure != null) {
            throw failure;
        }
        return response;
    }

    /**
     * RowsRejected (rows refused and kept in stage.landing_rejects), FilesRejected (files of which nothing loaded),
     * FilesFailed, FilesSkipped (S3 objects outside INGEST_BUCKET / INGEST_PREFIX, never read) and RowsInserted, once
     * per invocation, before a failure is thrown.
     */
    private void publishMetrics(IngestResponse response) {
        Map<PublishedMetric, Number> values = new EnumMap<>(PublishedMetric.class);
        values.put(PublishedMetric.ROWS_REJECTED, response.rowsRejected());
        values.put(PublishedMetric.FILES_REJECTED, count(response, BatchStatus.REJECTED));
        values.put(PublishedMetric.FILES_FAILED, count(response, BatchStatus.FAILED));
        values.put(PublishedMetric.FILES_SKIPPED, count(response, BatchStatus.SKIPPED));
        values.put(PublishedMetric.ROWS_INSERTED, response.rowsInserted());
        metrics.publish(values);
    }

    private static long count(IngestResponse response, BatchStatus status) {
        return response.files().stream().filter(f -> f.status() == status).count();
    }
}

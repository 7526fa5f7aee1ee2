package com.bp010.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.AwsClients;
import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.JsonRequestHandler;
import com.bp010.db.LazyDatabase;
import com.bp010.db.S3Objects;
import com.bp010.db.SecretsManagerSecrets;
import com.bp010.db.SecretsProvider;
import com.bp010.ingest.api.ApiCredentials;
import com.bp010.ingest.api.RetryPolicy;
import com.bp010.ingest.api.ScadaApiSource;
import com.bp010.ingest.api.TelemetrySource;
import com.bp010.ingest.load.IngestSettings;
import com.bp010.ingest.read.ReadingValidator;
import com.bp010.ingest.read.TelemetryJsonReader;
import com.bp010.ingest.read.TimestampParser;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Lambda STAGE INGEST (phase 2.2). Triggers and events: SPEC 4.3 (schedules poll the SCADA API; S3 ObjectCreated
 * records under INGEST_BUCKET/INGEST_PREFIX; direct {@code api}, {@code s3}, {@code file}, {@code rejects} events).
 * Response: {@link IngestResponse}. Environment: {@code TARGET_SECRET_NAME} or {@code BP010_JDBC_URL},
 * {@code API_SECRET_NAME}, {@code INGEST_BUCKET}, {@code INGEST_PREFIX} (ingest/), {@code SOURCE_TIMEZONE} (UTC),
 * {@code LANDING_RETENTION_DAYS} (30), {@code API_*} tuning (see {@link IngestSettings}).
 */
public class StageIngestHandler extends JsonRequestHandler {
    private final LazyDatabase database;
    private final IngestSettings settings;
    private final Supplier<TelemetrySource> api;
    private final Supplier<S3Objects> s3;
    private final Clock clock;

    /** Lambda entry point: reads the environment once per container. */
    public StageIngestHandler() {
        this(Env.system());
    }

    public StageIngestHandler(Env env) {
        this(LazyDatabase.fromEnv(env), IngestSettings.fromEnv(env), env, Clock.systemUTC());
    }

    private StageIngestHandler(LazyDatabase database, IngestSettings settings, Env env, Clock clock) {
        this(database, settings, memoize(() -> scadaApi(settings, new SecretsManagerSecrets(
                AwsClients.secretsManager(env)))), memoize(() -> new S3Objects(AwsClients.s3(env))), clock);
    }

    /** For tests: every collaborator given. */
    public StageIngestHandler(LazyDatabase database, IngestSettings settings, Supplier<TelemetrySource> api,
                              Supplier<S3Objects> s3, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.api = api;
        this.s3 = s3;
        this.clock = clock;
    }

    /** The default SCADA adapter, its credentials read from API_SECRET_NAME on first use. */
    public static TelemetrySource scadaApi(IngestSettings settings, SecretsProvider secrets) {
        String secret = settings.apiSecretName().orElseThrow(() -> new Bp010Exception(ErrorCode.CONFIGURATION,
                "API_SECRET_NAME is required to poll the SCADA API").with("variable", "API_SECRET_NAME"));
        ReadingValidator validator = new ReadingValidator(new TimestampParser(settings.sourceZone()),
                new TimestampParser(settings.sourceZone()), false);
        return new ScadaApiSource(memoize(() -> ApiCredentials.parse(secret, secrets.secretString(secret))),
                settings.apiConnectTimeout(), settings.apiReadTimeout(), settings.apiPageLimit(),
                RetryPolicy.standard(settings.apiMaxRetries()), new TelemetryJsonReader(validator),
                d -> Thread.sleep(d.toMillis()));
    }

    @Override
    protected String functionName() {
        return "bp010-stage-ingest";
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        IngestRequest request = IngestRequest.from(event);
        return new IngestService(database.get(), settings, api, s3, clock).run(request);
    }

    static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}

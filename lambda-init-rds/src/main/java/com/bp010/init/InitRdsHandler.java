package com.bp010.init;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.AwsClients;
import com.bp010.db.Env;
import com.bp010.db.JsonRequestHandler;
import com.bp010.db.LazyDatabase;
import com.bp010.db.LazyResource;
import com.bp010.db.S3Location;
import com.bp010.db.S3Objects;
import com.bp010.db.SnapStartPriming;
import com.bp010.db.migration.SchemaMigrator;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda INIT RDS (phase 1). Event {@code {"mode": "migrate"|"info"|"reset", "confirm": "..."}}; response docs/CONTRACTS.md §4.1.
 * Environment: {@code TARGET_SECRET_NAME} (the owner's RDS secret) or {@code BP010_JDBC_URL} locally;
 * {@code S3_BUCKET_SQL} (+ {@code SQL_PREFIX}, default {@code sql/}) to migrate from S3 instead of the bundled SQL.
 */
public class InitRdsHandler extends JsonRequestHandler {
    /** Flyway uses a connection for its lock beside the one it migrates on, and the inventory one more. */
    static final int MIGRATION_POOL_SIZE = 4;

    private final LazyDatabase database;
    private final Supplier<SqlSource> source;
    private final Env env;

    /** Lambda entry point: reads the environment once per container; SnapStart calls its hooks. */
    public InitRdsHandler() {
        this(Env.system());
        registerSnapStartHooks();
    }

    public InitRdsHandler(Env env) {
        this(LazyDatabase.fromEnv(env, MIGRATION_POOL_SIZE), sourceFromEnv(env), env);
    }

    InitRdsHandler(LazyDatabase database, Supplier<SqlSource> source) {
        this(database, source, Env.of(Map.of()));
    }

    private InitRdsHandler(LazyDatabase database, Supplier<SqlSource> source, Env env) {
        this.database = database;
        this.source = source;
        this.env = env;
    }

    private static Supplier<SqlSource> sourceFromEnv(Env env) {
        return env.get("S3_BUCKET_SQL")
                .<Supplier<SqlSource>>map(bucket -> () -> SqlSource.s3(new S3Objects(AwsClients.s3(env)),
                        new S3Location(bucket, env.get("SQL_PREFIX", "sql/"))))
                .orElse(SqlSource::classpath);
    }

    @Override
    protected String functionName() {
        return "bp010-init-rds";
    }

    @Override
    protected List<LazyResource> lazyResources() {
        return List.of(database);
    }

    /** The event and response types, Flyway's configuration of the bundled SQL, this JAR's and Flyway's classes. */
    @Override
    protected void prime() {
        InitRequest.from(SnapStartPriming.json("{\"mode\": \"info\"}", InitResult.class));
        SchemaMigrator.prime(SqlSource.classpath().locations());
        SnapStartPriming.loadClasses(List.of("com/bp010/", "org/flywaydb/core/", "org/flywaydb/database/postgresql/"),
                InitRdsHandler.class, org.flywaydb.core.Flyway.class,
                org.flywaydb.database.postgresql.PostgreSQLDatabaseType.class);
        if (env.get("TARGET_SECRET_NAME").isPresent()) {
            SnapStartPriming.awsSdk(env, env.get("S3_BUCKET_SQL").isPresent());
        }
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        InitRequest request = InitRequest.from(event);
        return new SchemaInitializer(database.get(), source.get()).run(request);
    }
}

package com.bp010.init;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.AwsClients;
import com.bp010.db.Env;
import com.bp010.db.JsonRequestHandler;
import com.bp010.db.LazyDatabase;
import com.bp010.db.S3Location;
import com.bp010.db.S3Objects;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Supplier;

/**
 * Lambda INIT RDS (phase 1). Event {@code {"mode": "migrate"|"info"|"reset", "confirm": "..."}}; response SPEC 4.1.
 * Environment: {@code TARGET_SECRET_NAME} (the owner's RDS secret) or {@code BP010_JDBC_URL} locally;
 * {@code S3_BUCKET_SQL} (+ {@code SQL_PREFIX}, default {@code sql/}) to migrate from S3 instead of the bundled SQL.
 */
public class InitRdsHandler extends JsonRequestHandler {
    /** Flyway uses a connection for its lock beside the one it migrates on, and the inventory one more. */
    static final int MIGRATION_POOL_SIZE = 4;

    private final LazyDatabase database;
    private final Supplier<SqlSource> source;

    /** Lambda entry point: reads the environment once per container. */
    public InitRdsHandler() {
        this(Env.system());
    }

    public InitRdsHandler(Env env) {
        this(LazyDatabase.fromEnv(env, MIGRATION_POOL_SIZE), sourceFromEnv(env));
    }

    InitRdsHandler(LazyDatabase database, Supplier<SqlSource> source) {
        this.database = database;
        this.source = source;
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
    protected Object handle(JsonNode event, Context context) {
        InitRequest request = InitRequest.from(event);
        return new SchemaInitializer(database.get(), source.get()).run(request);
    }
}

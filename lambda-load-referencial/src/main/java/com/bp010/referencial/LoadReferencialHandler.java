package com.bp010.referencial;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.AwsClients;
import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.JsonRequestHandler;
import com.bp010.db.LazyDatabase;
import com.bp010.db.LazyResource;
import com.bp010.db.S3Location;
import com.bp010.db.S3Objects;
import com.bp010.db.SnapStartPriming;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lambda LOAD REFERENCIAL (phase 2.1). Event {@code {"configLocation": "s3://bucket/prefix/"}} (optional; locally also
 * {@code "file:/folder/"}); without it, {@code S3_BUCKET_CONFIG} with prefix {@code CONFIG_PREFIX} (default
 * {@code config/}); with neither, the {@code config/} bundled in the JAR. Response: docs/CONTRACTS.md §4.2 ({@link LoadResult}).
 * Environment: {@code TARGET_SECRET_NAME} (the ETL role's RDS secret) or {@code BP010_JDBC_URL} locally.
 */
public class LoadReferencialHandler extends JsonRequestHandler {
    private final LazyDatabase database;
    private final Function<String, ConfigSource> sources;
    private final Env env;

    /** Lambda entry point: reads the environment once per container; SnapStart calls its hooks. */
    public LoadReferencialHandler() {
        this(Env.system());
        registerSnapStartHooks();
    }

    public LoadReferencialHandler(Env env) {
        this(LazyDatabase.fromEnv(env), location -> sourceFor(location, env), env);
    }

    LoadReferencialHandler(LazyDatabase database, Function<String, ConfigSource> sources) {
        this(database, sources, Env.of(Map.of()));
    }

    private LoadReferencialHandler(LazyDatabase database, Function<String, ConfigSource> sources, Env env) {
        this.database = database;
        this.sources = sources;
        this.env = env;
    }

    @Override
    protected String functionName() {
        return "bp010-load-referencial";
    }

    @Override
    protected List<LazyResource> lazyResources() {
        return List.of(database);
    }

    /**
     * The event and response types, and the whole parse of the catalogue bundled in the JAR (CSV, Python literals,
     * DQ expressions, units) in memory: the reference files' readers are what a load spends its CPU on.
     */
    @Override
    protected void prime() {
        SnapStartPriming.json("{\"configLocation\": \"s3://bucket/config/\"}", LoadResult.class);
        CatalogueReader.read(new ClasspathConfigSource().load());
        SnapStartPriming.loadClasses(List.of("com/bp010/", "com/opencsv/"), LoadReferencialHandler.class,
                com.opencsv.CSVReader.class);
        if (env.get("TARGET_SECRET_NAME").isPresent()) {
            SnapStartPriming.awsSdk(env, env.get("S3_BUCKET_CONFIG").isPresent());
        }
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        if (event.isObject()) {
            // a misspelled "configLocaton" must not load the default catalogue in its place
            com.bp010.db.EventFields.requireKnown(event, java.util.Set.of("configLocation"), "Load referencial event");
        }
        JsonNode location = event.path("configLocation");
        if (!location.isMissingNode() && !location.isNull() && !location.isTextual()) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "configLocation must be a string such as s3://bucket/config/");
        }
        ConfigSource source = sources.apply(location.isTextual() && !location.asText().isBlank() ? location.asText() : null);
        return new ReferenceLoader(database.get()).load(source);
    }

    /** The event's location, else S3_BUCKET_CONFIG + CONFIG_PREFIX, else the JAR's config/. */
    static ConfigSource sourceFor(String location, Env env) {
        if (location != null) {
            if (location.startsWith("s3://")) {
                return new S3ConfigSource(new S3Objects(AwsClients.s3(env)), S3Location.parse(location));
            }
            if (location.startsWith("file:")) {
                return new DirectoryConfigSource(Path.of(java.net.URI.create(location.endsWith("/") ? location : location + "/")));
            }
            if (location.startsWith("classpath:")) {
                return new ClasspathConfigSource();
            }
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "configLocation must be s3://bucket/prefix/ (or file:/folder/"
                    + " locally), got '" + location + "'");
        }
        return env.get("S3_BUCKET_CONFIG")
                .<ConfigSource>map(bucket -> new S3ConfigSource(new S3Objects(AwsClients.s3(env)),
                        new S3Location(bucket, env.get("CONFIG_PREFIX", "config/"))))
                .orElseGet(ClasspathConfigSource::new);
    }
}

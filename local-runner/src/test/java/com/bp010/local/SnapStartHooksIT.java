package com.bp010.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bp010.db.Env;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.SecretsManagerStub;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.crac.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart hooks of the four handlers, driven as Lambda drives them (issue 19): built from the environment as in
 * AWS (the database credentials in a Secrets Manager secret, served by a stub), {@code beforeCheckpoint}, then
 * {@code afterRestore}, then invocations. What crosses the snapshot is read from outside the JVM: the stub counts
 * every secret read, and PostgreSQL lists every connection of the function (its application name).
 */
class SnapStartHooksIT {
    private static final String SECRET = "bp010/rds/snapstart-test";

    @TempDir
    Path dir;

    @Test
    void shouldOpenNoConnectionAndReadNoSecretBeforeTheSnapshot_andOpenThemOnFirstUseAfterTheRestore() throws Exception {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(1, 1,
                Instant.parse("2024-05-10T00:00:00Z"), 11).withPrefix("SNAP"), dir);
        Map<LambdaFunction, String> events = new LinkedHashMap<>();
        events.put(LambdaFunction.INIT, "{\"mode\": \"info\"}");
        events.put(LambdaFunction.REFERENCIAL, "{}");
        events.put(LambdaFunction.STAGE, Json.object("source", "file", "path", set.wellMasterFile().toString()));
        events.put(LambdaFunction.PIPELINE, "{\"fechaInicio\": \"2000-01-01\", \"fechaFin\": \"2000-01-01\","
                + " \"phases\": [\"DQ\"]}");
        try (TestDatabase db = TestDatabase.migrated(); SecretsManagerStub secrets = new SecretsManagerStub()) {
            secrets.put(SECRET, """
                    {"engine": "postgres", "host": "127.0.0.1", "port": 5432, "dbname": "%s",
                     "username": "postgres", "password": "unused-with-trust-auth"}""".formatted(db.name()));
            for (Map.Entry<LambdaFunction, String> e : events.entrySet()) {
                String application = "snapstart-it-" + e.getKey().name().toLowerCase();
                Map<String, String> env = new HashMap<>(secrets.env());
                env.put("TARGET_SECRET_NAME", SECRET);
                env.put("DB_SSL", "disable");
                env.put("AWS_LAMBDA_FUNCTION_NAME", application);
                RequestStreamHandler handler = e.getKey().handler(Env.of(env));
                Resource hooks = (Resource) handler;
                int readsBefore = secrets.calls();

                hooks.beforeCheckpoint(null);

                assertThat(secrets.calls()).as(e.getKey() + ": secrets read before the snapshot").isEqualTo(readsBefore);
                assertThat(connectionsNow(db, application)).as(e.getKey() + ": connections at the snapshot").isZero();

                hooks.afterRestore(null);
                JsonNode first = Invocation.invoke(handler, e.getValue());

                assertThat(first.toString()).as(e.getKey().name()).doesNotContain("FAILED");
                assertThat(secrets.calls()).as(e.getKey() + ": the secret is read after the restore")
                        .isEqualTo(readsBefore + 1);
                assertThat(connectionsNow(db, application)).as(e.getKey() + ": the pool opened after the restore")
                        .isPositive();

                // a container that had been used: the hook closes its pool, and the secret goes with it
                hooks.beforeCheckpoint(null);

                assertThat(connectionsOnceClosed(db, application)).as(e.getKey() + ": connections of a used"
                        + " container at the snapshot").isZero();
                hooks.afterRestore(null);
                Invocation.invoke(handler, e.getValue());
                assertThat(secrets.calls()).as(e.getKey() + ": the secret is read again after that restore")
                        .isEqualTo(readsBefore + 2);
            }
        }
    }

    /** Backends of this function on the test server. */
    private static long connectionsNow(TestDatabase db, String application) {
        return db.count("SELECT count(*) FROM (SELECT pg_stat_clear_snapshot()) s, pg_stat_activity "
                + "WHERE application_name = ?", application);
    }

    /** As {@link #connectionsNow}, giving closed connections up to 10 s to leave the server's list. */
    private static long connectionsOnceClosed(TestDatabase db, String application) throws InterruptedException {
        long n = connectionsNow(db, application);
        for (int i = 0; i < 100 && n > 0; i++) {
            Thread.sleep(100);
            n = connectionsNow(db, application);
        }
        return n;
    }

    /** A tiny JSON object of string fields, escaped by Jackson. */
    private static final class Json {
        static String object(String... keysAndValues) {
            var node = com.bp010.db.Json.mapper().createObjectNode();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                node.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            return node.toString();
        }
    }
}

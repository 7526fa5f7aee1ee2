package com.bp010.local;

import com.bp010.db.Env;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real handlers in the order an operator runs them, for tests that start from files on disk. */
final class Handlers {
    private Handlers() {
    }

    /** INIT (migrate) and the reference load of the bundled config/. */
    static void prepare(Env env) {
        JsonNode init = LocalInvoker.invoke(LambdaFunction.INIT, env, "{}");
        assertThat(init.path("pending").asInt()).as(init.toString()).isZero();
        JsonNode referencial = LocalInvoker.invoke(LambdaFunction.REFERENCIAL, env, "{}");
        assertThat(referencial.path("seedDefaults").asText()).as(referencial.toString()).isEqualTo("ok");
    }

    /** STAGE INGEST of a file or folder. */
    static JsonNode ingest(Env env, Path path) {
        return LocalInvoker.invoke(LambdaFunction.STAGE, env,
                "{\"source\":\"file\",\"path\":\"" + path.toString().replace("\\", "\\\\") + "\"}");
    }

    /** PIPELINE V4 with the event given. */
    static JsonNode pipeline(Env env, String event) {
        return LocalInvoker.invoke(LambdaFunction.PIPELINE, env, event);
    }
}

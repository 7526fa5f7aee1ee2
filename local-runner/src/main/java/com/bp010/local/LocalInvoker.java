package com.bp010.local;

import com.bp010.db.Env;
import com.bp010.db.Json;
import com.bp010.db.LocalContext;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Invokes one of the four real handlers as Lambda would: a JSON event in, its JSON response out. */
final class LocalInvoker {
    private LocalInvoker() {
    }

    static JsonNode invoke(LambdaFunction function, Env env, byte[] event) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            function.handler(env).handleRequest(new ByteArrayInputStream(event), response,
                    new LocalContext(function.functionName()));
            return Json.mapper().readTree(response.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode invoke(LambdaFunction function, Env env, String eventJson) {
        return invoke(function, env, eventJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

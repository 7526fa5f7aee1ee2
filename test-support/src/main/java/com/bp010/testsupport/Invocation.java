package com.bp010.testsupport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bp010.db.Json;
import com.bp010.db.LocalContext;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Invokes a stream handler the way Lambda does, with a JSON event string, and parses its JSON response. */
public final class Invocation {
    private Invocation() {
    }

    public static JsonNode invoke(RequestStreamHandler handler, String eventJson) {
        return invoke(handler, eventJson, new LocalContext(handler.getClass().getSimpleName()));
    }

    /** With a given Lambda context (e.g. a {@link ScriptedContext} whose remaining time runs short). */
    public static JsonNode invoke(RequestStreamHandler handler, String eventJson, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                    context);
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON event fixture from the test classpath, e.g. {@code events/init-migrate.json}. */
    public static String fixture(String resource) {
        try (var in = Invocation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.bp010.testsupport;

import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP stub of the Secrets Manager JSON protocol ({@code X-Amz-Target: secretsmanager.GetSecretValue}) for the
 * real SDK client: serves the secrets put into it, answers ResourceNotFoundException for others, and can fail the
 * next N calls with a 500 to exercise retries.
 */
public final class SecretsManagerStub implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final AtomicInteger throttlesToServe = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    public SecretsManagerStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The environment entries that point the SDK at this stub, with dummy credentials. */
    public Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
    }

    public SecretsManagerStub put(String name, String secretString) {
        secrets.put(name, secretString);
        return this;
    }

    /** The next {@code n} calls answer HTTP 500 InternalServiceError. */
    public void failNext(int n) {
        failuresToServe.set(n);
    }

    /** The next {@code n} calls answer HTTP 400 ThrottlingException (Rate exceeded). */
    public void throttleNext(int n) {
        throttlesToServe.set(n);
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
            if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 500, error("InternalServiceError", "stub failure"));
                return;
            }
            if (throttlesToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 400, error("ThrottlingException", "Rate exceeded"));
                return;
            }
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                reply(exchange, 400, error("InvalidRequestException", "unsupported target " + target));
                return;
            }
            String id = body.path("SecretId").asText();
            String value = secrets.get(id);
            if (value == null) {
                reply(exchange, 400, error("ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret."));
                return;
            }
            ObjectNode ok = Json.mapper().createObjectNode();
            ok.put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + id + "-AbCdEf");
            ok.put("Name", id);
            ok.put("SecretString", value);
            ok.put("VersionId", "00000000-0000-0000-0000-000000000001");
            ok.putArray("VersionStages").add("AWSCURRENT");
            ok.put("CreatedDate", 1.7e9);
            reply(exchange, 200, ok);
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("__type", type);
        e.put("message", message);
        return e;
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        if (status != 200) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", body.path("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

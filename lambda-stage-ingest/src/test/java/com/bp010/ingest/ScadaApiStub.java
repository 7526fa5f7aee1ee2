package com.bp010.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A local stub of the SCADA API contract of docs/CONTRACTS.md §4.3: readings served from memory for {@code [from, to)} in pages of
 * {@code limit} with a cursor, a bearer token checked, and scripted failures (status codes served before the real
 * answer, or a window that always fails) to exercise retries and errors.
 */
final class ScadaApiStub implements AutoCloseable {
    record Item(String well, String var, Instant ts, String value) {
    }

    private final HttpServer server;
    private final List<Item> items = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String token = "secret-token";
    private volatile Function<Instant, Boolean> failingWindow = from -> false;

    ScadaApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/readings", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String secret() {
        return "{\"base_url\": \"" + baseUrl() + "\", \"token\": \"" + token + "\"}";
    }

    void add(Item item) {
        items.add(item);
    }

    /** The next requests answer these statuses (429 with Retry-After: 0), then normally. */
    void failNext(Integer... statuses) {
        scripted.addAll(List.of(statuses));
    }

    /** Requests whose window starts where {@code test} says answer 500, always. */
    void failWindows(Function<Instant, Boolean> test) {
        failingWindow = test;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.add(ex.getRequestURI().getRawQuery());
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, 401, "{\"error\": \"invalid token\"}");
                return;
            }
            Integer status = scripted.poll();
            if (status != null) {
                if (status == 429) {
                    ex.getResponseHeaders().add("Retry-After", "0");
                }
                reply(ex, status, "{\"error\": \"scripted\"}");
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            Instant from = Instant.parse(q.get("from"));
            Instant to = Instant.parse(q.get("to"));
            if (failingWindow.apply(from)) {
                reply(ex, 500, "{\"error\": \"down\"}");
                return;
            }
            int limit = Integer.parseInt(q.get("limit"));
            int offset = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor")) : 0;
            List<Item> window;
            synchronized (items) {
                window = items.stream().filter(i -> !i.ts().isBefore(from) && i.ts().isBefore(to)).toList();
            }
            StringBuilder sb = new StringBuilder("{\"items\": [");
            int end = Math.min(window.size(), offset + limit);
            for (int i = offset; i < end; i++) {
                Item it = window.get(i);
                sb.append(i > offset ? "," : "").append("{\"well_id\":\"").append(it.well()).append("\",\"var_id\":\"")
                        .append(it.var()).append("\",\"timestamp\":\"").append(it.ts()).append("\",\"value\":")
                        .append(it.value()).append(",\"received_at\":\"").append(it.ts().plusSeconds(1)).append("\"}");
            }
            sb.append("], \"next_cursor\": ").append(end < window.size() ? "\"" + end + "\"" : "null").append('}');
            reply(ex, 200, sb.toString());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            q.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    void token(String t) {
        token = t;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

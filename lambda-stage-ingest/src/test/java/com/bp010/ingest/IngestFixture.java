package com.bp010.ingest;

import com.bp010.db.Env;
import com.bp010.db.Json;
import com.bp010.db.LazyDatabase;
import com.bp010.db.LocalContext;
import com.bp010.db.S3Objects;
import com.bp010.demo.ScadaTags;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A migrated database with the 65-tag SCADA map, and the real handler wired to it. */
final class IngestFixture implements AutoCloseable {
    final TestDatabase db;

    IngestFixture() {
        db = TestDatabase.migrated();
        loadScadaMap();
    }

    private void loadScadaMap() {
        try (Connection c = db.connect()) {
            try (PreparedStatement v = c.prepareStatement("INSERT INTO referencial.tbl_maestra_variables "
                    + "(id_formato1, nombre_tecnico, tipo_dato, categoria) VALUES (?, ?, ?, 'SCADA')");
                 PreparedStatement m = c.prepareStatement("INSERT INTO referencial.tbl_var_scada_map "
                         + "(var_id_scada, id_formato1, nombre_tecnico, columna_stage, tipo_dato) VALUES (?, ?, ?, ?, ?)")) {
                for (ScadaTags.Tag t : ScadaTags.ALL) {
                    String type = t.isText() ? "text" : "numeric";
                    v.setString(1, "F-" + t.id());
                    v.setString(2, t.column());
                    v.setString(3, type);
                    v.addBatch();
                    m.setString(1, t.id());
                    m.setString(2, "F-" + t.id());
                    m.setString(3, t.column());
                    m.setString(4, t.column());
                    m.setString(5, type);
                    m.addBatch();
                }
                v.executeBatch();
                m.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static IngestSettings settings(Map<String, String> extra) {
        // readings of 2024 are older than any retention: tests keep landing unless they test the retention
        Map<String, String> env = new HashMap<>(Map.of("INGEST_PREFIX", "ingest/", "LANDING_RETENTION_DAYS", "0"));
        env.putAll(extra);
        return IngestSettings.fromEnv(Env.of(env));
    }

    StageIngestHandler handler() {
        return handler(settings(Map.of()), () -> {
            throw new IllegalStateException("no API in this test");
        }, () -> {
            throw new IllegalStateException("no S3 in this test");
        });
    }

    StageIngestHandler handler(IngestSettings settings, Supplier<TelemetrySource> api, Supplier<S3Objects> s3) {
        return new StageIngestHandler(LazyDatabase.of(db.database()), settings, api, s3, Clock.systemUTC());
    }

    static JsonNode invoke(StageIngestHandler handler, Object event) {
        try {
            String json = event instanceof String s ? s : Json.mapper().writeValueAsString(event);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out,
                    new LocalContext("stage-ingest-it"));
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes a handler that must fail; returns its JSON failure report (the exception's message). */
    static JsonNode invokeFailing(StageIngestHandler handler, Object event) {
        try {
            JsonNode response = invoke(handler, event);
            throw new AssertionError("the invocation succeeded: " + response);
        } catch (com.bp010.db.Bp010Exception e) {
            try {
                return Json.mapper().readTree(e.getMessage());
            } catch (IOException notJson) {
                throw new UncheckedIOException(notJson);
            }
        }
    }

    long count(String sql, Object... params) {
        return db.count(sql, params);
    }

    @Override
    public void close() {
        db.close();
    }
}

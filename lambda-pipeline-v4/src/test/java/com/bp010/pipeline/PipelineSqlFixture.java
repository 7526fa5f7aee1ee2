package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.db.SqlCalls;
import com.bp010.testsupport.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the phase 3-4 integration tests share: the test catalogue (35 rules, one SCADA id per stage column), the SQL
 * telemetry generator (schema {@code prueba}), connections as the pipeline's own role in a given time zone, the three
 * calls with their notices, and table checksums that ignore run ids and write times.
 */
final class PipelineSqlFixture {
    private PipelineSqlFixture() {
    }

    /** Loads the test catalogue and the telemetry generator into a migrated database. */
    static void loadCatalogue(TestDatabase db) {
        db.execute(resource("/catalogo/catalogo_dq_prueba.sql"));
        db.execute(resource("/catalogo/generador_telemetria.sql"));
    }

    /** A connection as {@code bp010_etl} (the role the pipeline runs as) with the session time zone the pool sets. */
    static Connection connectAsPipeline(TestDatabase db, String timeZone) throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrlAs("bp010_etl"));
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = '" + timeZone.replace("'", "") + "'");
        }
        return c;
    }

    static CallResult dq(Connection c, LocalDate from, LocalDate to, String wellId, UUID runId) {
        return SqlCalls.execute(c, "stage.sp_execute_dq_validation",
                "CALL stage.sp_execute_dq_validation(?::date, ?::date, ?::text, ?::uuid, ?::timestamptz)",
                from, to, wellId, runId, OffsetDateTime.parse("2030-01-01T00:00:00Z"));
    }

    static CallResult facts(Connection c, LocalDate from, LocalDate to, UUID runId) {
        return SqlCalls.execute(c, "reporting.sp_load_to_reporting",
                "CALL reporting.sp_load_to_reporting(?::date, ?::date, true, true, true, NULL, ?::uuid)",
                from, to, runId);
    }

    static CallResult currentValues(Connection c, UUID runId) {
        return SqlCalls.execute(c, "reporting.actualizar_current_values_v4",
                "CALL reporting.actualizar_current_values_v4(?::uuid)", runId);
    }

    /** Runs a statement with bound parameters (test data set-up). */
    static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            boolean rows = ps.execute();
            if (rows) {
                try (ResultSet rs = ps.getResultSet()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
            return ps.getLargeUpdateCount();
        }
    }

    /**
     * A digest of every row of {@code table}, without the columns that legitimately change on a rerun (run ids,
     * write and detection times): equal digests mean equal contents.
     */
    static String checksum(Connection c, String table) throws SQLException {
        String sql = "SELECT count(*) || ':' || coalesce(md5(string_agg(r, '|' ORDER BY r)), '') FROM ("
                + "SELECT (to_jsonb(t) - 'run_id' - 'updated_at' - 'detectado_en' - 'created_at' - 'run_ids'"
                + " - 'updated_ats')::text AS r FROM "
                + table + " t) x";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String resource(String path) {
        try (InputStream in = PipelineSqlFixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }
}

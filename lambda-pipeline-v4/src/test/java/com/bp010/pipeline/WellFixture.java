package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.db.SqlCalls;
import com.bp010.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for phases 5-7 written straight into a migrated database: limits, well master, current values (with the
 * {@code <var>_ts} columns and the derived values the real pipeline's earlier steps would fill), DQ failures; and the
 * phase procedures called through {@link SqlCalls}, as the pipeline calls them.
 */
final class WellFixture {
    private final TestDatabase db;
    private final String url;

    /** Writes and calls as the database's admin user. */
    WellFixture(TestDatabase db) {
        this(db, db.jdbcUrl());
    }

    private WellFixture(TestDatabase db, String url) {
        this.db = db;
        this.url = url;
    }

    /** The same fixture connecting as {@code role} (e.g. bp010_etl, the role the pipeline runs as). */
    WellFixture as(String role) {
        return new WellFixture(db, db.jdbcUrlAs(role));
    }

    /** Removes what a test wrote (catalogue rows of V6 are kept; limits and DQ rules are test data). */
    void clear() {
        db.execute("TRUNCATE reporting.dataset_current_values, reporting.fact_alertas, reporting.dim_pozo,"
                + " reporting.dim_campo, stage.tbl_pozo_maestra, stage.tbl_pozo_scada_dq, stage.tbl_dq_run_summary,"
                + " stage.tbl_consistency_results, referencial.tbl_limites_pozo, referencial.tbl_dq_rules CASCADE");
        db.execute("DELETE FROM referencial.config_evaluacion WHERE nombre_tecnico IS NOT NULL");
        db.execute("DELETE FROM referencial.tbl_config_kpi WHERE well_id IS NOT NULL");
    }

    /** An all-wells ({@code wellId} null) or per-well limits row. Nulls are missing limits. */
    void limits(String variable, String wellId, Double minCritical, Double minWarning, Double maxWarning,
                Double maxCritical, Double target) {
        update("INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, min_critical, min_warning,"
                        + " max_warning, max_critical, target) VALUES (?, ?, ?, ?, ?, ?, ?)",
                variable, wellId, minCritical, minWarning, maxWarning, maxCritical, target);
    }

    void master(String wellId, Map<String, Object> attributes) {
        insert("stage.tbl_pozo_maestra", wellId, attributes);
    }

    /** A current-values row; {@code values} names columns of reporting.dataset_current_values. */
    void currentValues(String wellId, Map<String, Object> values) {
        insert("reporting.dataset_current_values", wellId, values);
    }

    void updateCurrentValues(String wellId, Map<String, Object> values) {
        StringBuilder sql = new StringBuilder("UPDATE reporting.dataset_current_values SET ");
        List<Object> params = new ArrayList<>();
        values.forEach((column, value) -> {
            sql.append(params.isEmpty() ? "" : ", ").append(quote(column)).append(" = ?");
            params.add(value);
        });
        sql.append(" WHERE well_id = ?");
        params.add(wellId);
        update(sql.toString(), params.toArray());
    }

    /** A variable's latest value with the time of its reading. */
    static Map<String, Object> reading(String variable, Object value, OffsetDateTime at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(variable, value);
        row.put(variable + "_ts", at);
        row.put("fecha_hora_ultima_lectura", at);
        return row;
    }

    void dqRule(String ruleId, String variable, String tipo) {
        update("INSERT INTO referencial.tbl_dq_rules (rule_id, nombre_tecnico, tipo) VALUES (?, ?, ?)",
                ruleId, variable, tipo);
    }

    /** The DQ engine's verdict that a reading failed a rule. */
    void dqFailure(String ruleId, String wellId, String variable, OffsetDateTime at) {
        update("INSERT INTO stage.tbl_pozo_scada_dq (rule_id, well_id, timestamp_lectura, nombre_tecnico, valor,"
                + " resultado, motivo) VALUES (?, ?, ?, ?, 'x', 'FAIL', 'out of range')", ruleId, wellId, at, variable);
    }

    void config(String key, String variable, double value) {
        update("INSERT INTO referencial.config_evaluacion (clave, nombre_tecnico, valor_num) VALUES (?, ?, ?)"
                + " ON CONFLICT (clave, nombre_tecnico) DO UPDATE SET valor_num = EXCLUDED.valor_num",
                key, variable, value);
    }

    CallResult evaluate(UUID runId, OffsetDateTime asOf) {
        return call("reporting.aplicar_evaluacion_universal", "CALL reporting.aplicar_evaluacion_universal(?, ?)",
                runId, asOf);
    }

    CallResult checkConsistency(UUID runId, OffsetDateTime asOf) {
        return call("stage.sp_execute_consistency_validation",
                "CALL stage.sp_execute_consistency_validation(?, ?)", runId, asOf);
    }

    CallResult syncTargets() {
        return call("reporting.sp_sync_dim_pozo_targets", "CALL reporting.sp_sync_dim_pozo_targets()");
    }

    CallResult populateDefaults() {
        return call("reporting.sp_populate_defaults", "CALL reporting.sp_populate_defaults()");
    }

    CallResult call(String name, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url)) {
            return SqlCalls.execute(c, name, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code <variable>_status} of a well. */
    Integer status(String wellId, String variable) {
        Object v = db.queryValue("SELECT " + quote(variable + "_status")
                + " FROM reporting.dataset_current_values WHERE well_id = ?", wellId);
        return v == null ? null : ((Number) v).intValue();
    }

    /** Rows of a query as column-name maps, in the query's order. */
    List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void update(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void insert(String table, String wellId, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("well_id", wellId);
        row.putAll(values);
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String column : row.keySet()) {
            cols.append(cols.length() == 0 ? "" : ", ").append(quote(column));
            marks.append(marks.length() == 0 ? "?" : ", ?");
        }
        update("INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")", row.values().toArray());
    }

    static Map<String, Object> values(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a column name: " + identifier);
        }
        return '"' + identifier + '"';
    }
}

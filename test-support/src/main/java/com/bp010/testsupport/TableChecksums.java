package com.bp010.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A count and an md5 of every table of the four schemas (stage, referencial, reporting, universal), over the business
 * columns only: what legitimately differs between two equal loads is left out (uuids: batch and run ids; serial and
 * identity ids: a rolled-back attempt consumed sequence values; transaction ids; wall-clock times written by now();
 * the run-log and duration columns named below). Order-independent: the rows' JSON texts are sorted before hashing.
 * Partitions are read through their parent.
 */
public final class TableChecksums {
    public static final List<String> SCHEMAS = List.of("stage", "referencial", "reporting", "universal");
    /** Columns that differ between two runs of the same data whatever their type. */
    private static final Set<String> VOLATILE = Set.of("run_id", "ultimo_run_id", "updated_at", "created_at",
            "detectado_en", "ultima_vez_en", "resuelto_en", "actualizada_en", "result_id", "alerta_id", "pivoted_at",
            "started_at", "finished_at", "duration_ms", "acquired_at", "renewed_at", "expires_at", "loaded_at",
            "ingested_at", "fecha_carga", "fecha_actualizacion", "calculado_en", "evaluado_en",
            // a bridge's watermark is the latest created_at it published and the snapshot it looked in (ENRICH's card
            // step writes universal rows)
            "synced_until", "synced_snapshot",
            // the run that last changed each master-rule count of a well, and when (reporting.fact_dq_maestra_pozo)
            "run_ids", "updated_ats",
            // references to identity ids (a card's stroke and diagnosis rows get theirs in the order runs write them)
            "stroke_id", "diagnostico_id");

    private TableChecksums() {
    }

    /** One table's figures. */
    public record Sum(long rows, String md5) {
        @Override
        public String toString() {
            return rows + ":" + md5;
        }
    }

    /** Every table's {@link Sum}, by qualified name, sorted; {@code excluded} tables (run logs) left out. */
    public static Map<String, Sum> of(TestDatabase db, Set<String> excluded) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            Map<String, List<String>> dropped = new LinkedHashMap<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT n.nspname || '.' || t.relname
                      FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                     WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition
                       AND n.nspname IN ('stage', 'referencial', 'reporting', 'universal')
                     ORDER BY 1""")) {
                while (rs.next()) {
                    if (!excluded.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT table_schema || '.' || table_name, column_name, data_type, coalesce(column_default, ''),
                           is_identity
                      FROM information_schema.columns
                     WHERE table_schema IN ('stage', 'referencial', 'reporting', 'universal')""")) {
                while (rs.next()) {
                    String type = rs.getString(3);
                    String dflt = rs.getString(4).toLowerCase();
                    boolean volatileColumn = VOLATILE.contains(rs.getString(2))
                            || type.equals("uuid") || type.startsWith("xid")
                            || dflt.startsWith("nextval(") || "YES".equals(rs.getString(5))
                            || (type.startsWith("timestamp") && (dflt.contains("now()")
                            || dflt.contains("clock_timestamp") || dflt.contains("current_timestamp")));
                    if (volatileColumn) {
                        dropped.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            Map<String, Sum> sums = new TreeMap<>();
            for (String table : tables) {
                StringBuilder j = new StringBuilder("to_jsonb(t)");
                for (String column : dropped.getOrDefault(table, List.of())) {
                    j.append(" - '").append(column.replace("'", "''")).append('\'');
                }
                String[] parts = table.split("\\.");
                String quoted = "\"" + parts[0] + "\".\"" + parts[1].replace("\"", "\"\"") + "\"";
                try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(md5(string_agg(j, '|' ORDER BY j)), '')"
                        + " FROM (SELECT (" + j + ")::text AS j FROM " + quoted + " t) x")) {
                    rs.next();
                    sums.put(table, new Sum(rs.getLong(1), rs.getString(2)));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot checksum the tables of " + db.name() + ": " + e.getMessage(), e);
        }
    }

    public static long rows(Map<String, Sum> sums) {
        return sums.values().stream().mapToLong(Sum::rows).sum();
    }

    /** The tables whose figures differ, with both sides, for an assertion message. */
    public static Map<String, String> differences(Map<String, Sum> expected, Map<String, Sum> actual) {
        Map<String, String> diff = new TreeMap<>();
        for (String t : expected.keySet()) {
            if (!String.valueOf(expected.get(t)).equals(String.valueOf(actual.get(t)))) {
                diff.put(t, expected.get(t) + " != " + actual.get(t));
            }
        }
        for (String t : actual.keySet()) {
            if (!expected.containsKey(t)) {
                diff.put(t, "missing != " + actual.get(t));
            }
        }
        return diff;
    }
}

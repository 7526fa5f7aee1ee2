package com.bp010.init;

import com.bp010.db.migration.SchemaMigrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts per schema: logical tables (partitions of a partitioned table are not counted), views (plain and
 * materialised), routines (functions and procedures).
 */
final class SchemaInventory {
    private static final String SQL = """
            SELECT n.nspname,
                   (SELECT count(*) FROM pg_class c
                     WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p') AND NOT c.relispartition) AS tables,
                   (SELECT count(*) FROM pg_class c
                     WHERE c.relnamespace = n.oid AND c.relkind IN ('v', 'm')) AS views,
                   (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid) AS routines
              FROM pg_namespace n
             WHERE n.nspname = ANY (?)
            """;

    record Counts(long tables, long views, long routines) {
    }

    private SchemaInventory() {
    }

    static Map<String, Counts> count(Connection connection) throws SQLException {
        Map<String, Counts> result = new LinkedHashMap<>();
        SchemaMigrator.SCHEMAS.forEach(s -> result.put(s, new Counts(0, 0, 0)));
        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
            ps.setArray(1, connection.createArrayOf("text", SchemaMigrator.SCHEMAS.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return result;
    }
}

package com.bp010.ingest;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stage tables' columns in table order, for dump INSERTs written without a column list. */
final class DumpColumns {
    private DumpColumns() {
    }

    static Map<String, List<String>> defaults(Connection c) throws SQLException {
        Map<String, List<String>> columns = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = 'stage' AND table_name = ANY (?)
                 ORDER BY table_name, ordinal_position""")) {
            ps.setArray(1, c.createArrayOf("text", PgDumpReader.TABLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return columns;
    }
}

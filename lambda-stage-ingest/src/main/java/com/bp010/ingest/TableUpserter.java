package com.bp010.ingest;


import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Upserts typed rows into a stage table by its key (the well master by well_id, reserves by well, date, category).
 * Only the columns a file holds are written; a row whose values did not change is counted unchanged, not rewritten.
 * Column names come from {@link TableShape} (a fixed catalogue), quoted; values are parameters.
 */
final class TableUpserter {
    private TableUpserter() {
    }

    /** Upserts the rows; returns how many were inserted, updated and found unchanged. */
    static FileResult.TableCounts upsert(Connection c, TableShape shape, List<TableRow> rows, UUID batchId)
            throws SQLException {
        FileResult.TableCounts counts = new FileResult.TableCounts(shape.table(), 0, 0, 0);
        java.util.Map<List<String>, List<TableRow>> byColumns = new java.util.LinkedHashMap<>();
        for (TableRow r : rows) {
            byColumns.computeIfAbsent(List.copyOf(r.values().keySet()), k -> new ArrayList<>()).add(r);
        }
        for (var group : byColumns.entrySet()) {
            counts = counts.plus(upsertGroup(c, shape, group.getKey(), group.getValue(), batchId));
        }
        return counts;
    }

    private static FileResult.TableCounts upsertGroup(Connection c, TableShape shape, List<String> columns,
                                                      List<TableRow> rows, UUID batchId) throws SQLException {
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        List<String> quoted = columns.stream().map(col -> "\"" + col + "\"").toList();
        List<String> nonKey = columns.stream().filter(col -> !shape.key().contains(col)).toList();
        String setList = nonKey.stream().map(col -> "\"" + col + "\" = EXCLUDED.\"" + col + "\"")
                .reduce((a, b) -> a + ", " + b).map(s -> s + ", ").orElse("");
        String changed = nonKey.isEmpty() ? "false" : "(" + String.join(", ", nonKey.stream()
                .map(col -> "t.\"" + col + "\"").toList()) + ") IS DISTINCT FROM (" + String.join(", ",
                nonKey.stream().map(col -> "EXCLUDED.\"" + col + "\"").toList()) + ")";
        String sql = "INSERT INTO " + shape.table() + " AS t (" + String.join(", ", quoted) + ", batch_id) VALUES ("
                + "?, ".repeat(columns.size()) + "?) ON CONFLICT (" + String.join(", ", shape.key().stream()
                .map(k -> "\"" + k + "\"").toList()) + ") DO UPDATE SET " + setList
                + "batch_id = EXCLUDED.batch_id, updated_at = now() WHERE " + changed
                + " RETURNING (xmax = 0)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (TableRow row : rows) {
                int i = 1;
                for (String col : columns) {
                    bind(ps, i++, shape.columns().get(col), row.values().get(col));
                }
                ps.setObject(i, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        unchanged++;
                    } else if (rs.getBoolean(1)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
            }
        }
        return new FileResult.TableCounts(shape.table(), inserted, updated, unchanged);
    }

    private static void bind(PreparedStatement ps, int i, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(i, type == ColumnType.DOUBLE ? Types.DOUBLE : type == ColumnType.DATE ? Types.DATE
                    : Types.VARCHAR);
        } else if (value instanceof LocalDate d) {
            ps.setDate(i, Date.valueOf(d));
        } else if (value instanceof Double d) {
            ps.setDouble(i, d);
        } else {
            ps.setString(i, value.toString());
        }
    }
}

package com.bp010.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one statement (typically a {@code CALL}) with bound parameters and collects the {@code RAISE NOTICE}s it
 * produced: pgjdbc hands them over as {@link SQLWarning}s on the statement.
 */
public final class SqlCalls {
    private SqlCalls() {
    }

    /**
     * Executes {@code sql} with {@code params} bound in order. {@code call} is the name reported (for example
     * {@code stage.sp_execute_dq_validation}). Failures are translated by {@link DatabaseErrors#translate}.
     */
    public static CallResult execute(Connection connection, String call, String sql, Object... params) {
        long start = System.nanoTime();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            boolean hasResult = ps.execute();
            long updates = 0;
            List<String> notices = new ArrayList<>();
            while (true) {
                collect(ps.getWarnings(), notices);
                ps.clearWarnings();
                if (!hasResult) {
                    long count = ps.getLargeUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    updates += count;
                }
                hasResult = ps.getMoreResults(Statement.CLOSE_CURRENT_RESULT);
            }
            collect(connection.getWarnings(), notices);
            connection.clearWarnings();
            return new CallResult(call, (System.nanoTime() - start) / 1_000_000, notices, updates);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, call);
        }
    }

    private static void collect(SQLWarning warning, List<String> into) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            into.add(w.getMessage());
        }
    }
}

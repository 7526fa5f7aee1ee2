package com.bp010.db;

import java.sql.SQLException;
import java.util.Set;

/** Turns JDBC failures into the project's error contract, keeping the SQLSTATE and the cause chain. */
public final class DatabaseErrors {
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P03");
    private static final Set<String> AUTHENTICATION_STATES = Set.of("28P01", "28000");

    private DatabaseErrors() {
    }

    /** True for the SQLSTATEs of docs/CONTRACTS.md §3 that a retry may fix: class 08 and 40001, 40P01, 53300, 57P01, 57P03. */
    public static boolean isTransient(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || TRANSIENT_STATES.contains(sqlState));
    }

    /** True when the server refused the credentials (the secret may have been rotated). */
    public static boolean isAuthenticationFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && AUTHENTICATION_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The first SQLSTATE found along the cause chain, or null. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Wraps a JDBC failure: {@link TransientDatabaseException} for the retryable SQLSTATEs, a non-retryable
     * {@link Bp010Exception} with code DATABASE otherwise. {@code call} names what was running.
     */
    public static Bp010Exception translate(Throwable e, String call) {
        if (e instanceof Bp010Exception b) {
            return b.withIfAbsent("call", call);
        }
        String state = sqlState(e);
        String message = call == null ? String.valueOf(e.getMessage()) : call + ": " + e.getMessage();
        Bp010Exception translated = isTransient(state)
                ? new TransientDatabaseException(message, e)
                : new Bp010Exception(ErrorCode.DATABASE, message, e);
        return translated.with("call", call).with("sqlState", state);
    }
}

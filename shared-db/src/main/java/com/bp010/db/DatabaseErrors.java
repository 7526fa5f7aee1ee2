package com.bp010.db;

import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns JDBC failures into the project's error contract, keeping the SQLSTATE and the cause chain. Retryable: the
 * SQLSTATEs of docs/CONTRACTS.md §3 (class 08, 40001, 40P01, 53300, 57P01, 57P03) except the class 08 refusals that no
 * retry can heal (08004 rejected, 08P01 protocol violation, a TLS handshake or certificate failure): those, and
 * authentication refusals (28000, 28P01) and a missing database (3D000), are final and name the setting to check.
 */
public final class DatabaseErrors {
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P03");
    private static final Set<String> FINAL_CONNECTION_STATES = Set.of("08004", "08P01");
    private static final Set<String> AUTHENTICATION_STATES = Set.of("28P01", "28000");
    /** A missing relation, schema or routine of the project's four schemas: the database was never migrated. */
    private static final java.util.regex.Pattern UNMIGRATED = java.util.regex.Pattern.compile(
            "(schema|relation|function|procedure) \"?(stage|referencial|universal|reporting)\\b");

    private DatabaseErrors() {
    }

    /**
     * True for the SQLSTATEs of docs/CONTRACTS.md §3 that a retry may fix: class 08 and 40001, 40P01, 53300, 57P01,
     * 57P03, but not 08004 (the server rejected the connection) nor 08P01 (protocol violation).
     */
    public static boolean isTransient(String sqlState) {
        if (sqlState == null || FINAL_CONNECTION_STATES.contains(sqlState)) {
            return false;
        }
        return sqlState.startsWith("08") || TRANSIENT_STATES.contains(sqlState);
    }

    /** True for a failure a retry may fix: a transient SQLSTATE and not a TLS handshake or certificate refusal. */
    public static boolean isTransient(Throwable e) {
        return isTransient(sqlState(e)) && !isTlsFailure(e);
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
     * Wraps a JDBC failure: {@link TransientDatabaseException} for the retryable failures, a non-retryable
     * {@link Bp010Exception} with code DATABASE otherwise, with a {@code setting} detail and advice when a setting
     * is the likely cause. {@code call} names what was running.
     */
    public static Bp010Exception translate(Throwable e, String call) {
        if (e instanceof Bp010Exception b) {
            return b.withIfAbsent("call", call);
        }
        String state = sqlState(e);
        String message = call == null ? String.valueOf(e.getMessage()) : call + ": " + e.getMessage();
        if (isTransient(e)) {
            return new TransientDatabaseException(message, e).with("call", call).with("sqlState", state);
        }
        Advice advice = advice(e, state);
        if (advice != null) {
            message = message + " - " + advice.text();
        }
        Bp010Exception translated = new Bp010Exception(ErrorCode.DATABASE, message, e).with("call", call)
                .with("sqlState", state);
        if (advice != null) {
            translated.with(advice.setting().equals("init") ? "next" : "setting", advice.setting());
        }
        return translated;
    }

    /**
     * The setting to check (or, for {@code init}, the step to run first) and what to do, for the failures a setting
     * or a missed step causes; null for the others.
     */
    record Advice(String setting, String text) {
    }

    static Advice advice(Throwable e, String state) {
        String text = String.valueOf(messages(e)).toLowerCase(Locale.ROOT);
        if (isTlsFailure(e) || ("08004".equals(state) && text.contains("ssl"))) {
            return new Advice("DB_SSL", "the TLS connection cannot be set up: check DB_SSL (disable only for a local"
                    + " server without TLS; require or verify-full for RDS) and DB_SSL_ROOT_CERT (the RDS CA bundle)");
        }
        if (state == null) {
            return null;
        }
        if (AUTHENTICATION_STATES.contains(state) || ("08004".equals(state) && text.contains("password"))) {
            return new Advice("BP010_DB_USER", "the server refused the credentials: check the user and password"
                    + " (locally the user and password parameters of the JDBC URL in bp010's --jdbc-url or"
                    + " BP010_JDBC_URL, or"
                    + " BP010_DB_USER and BP010_DB_PASSWORD; the secret TARGET_SECRET_NAME in AWS)");
        }
        if ("08004".equals(state)) {
            return new Advice("BP010_JDBC_URL", "the server rejected the connection: check the host, port and"
                    + " database (BP010_JDBC_URL, or DB_HOST, DB_PORT and DB_NAME with the secret) and pg_hba.conf");
        }
        if ("08P01".equals(state)) {
            return new Advice("DB_PORT", "the server does not speak the PostgreSQL protocol as expected: check that"
                    + " the host and port (BP010_JDBC_URL, or DB_HOST and DB_PORT) point at PostgreSQL");
        }
        if (("42P01".equals(state) || "3F000".equals(state) || "42883".equals(state))
                && UNMIGRATED.matcher(text).find()) {
            return new Advice("init", "the database is not migrated (or not to this version): run init first"
                    + " (bp010 invoke init, or the bp010-init-rds function with {\"mode\": \"migrate\"})");
        }
        if ("3D000".equals(state)) {
            return new Advice("DB_NAME", "the database does not exist: create it (createdb, or bp010 demo, which"
                    + " creates its own) or fix the database name in the JDBC URL (bp010's --jdbc-url, or BP010_JDBC_URL) or"
                    + " in DB_NAME");
        }
        return null;
    }

    private static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof CertificateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 4_000; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString();
    }
}

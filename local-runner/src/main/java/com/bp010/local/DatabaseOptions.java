package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** {@code --jdbc-url} (or {@code BP010_JDBC_URL}) for the commands that reach PostgreSQL. */
final class DatabaseOptions {
    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "JDBC URL of the database (default: BP010_JDBC_URL; without either, an embedded PostgreSQL).")
    String jdbcUrl;

    /** --jdbc-url, else BP010_JDBC_URL, else the embedded PostgreSQL (started here, stopped on close). */
    LocalDatabase open() {
        return open(false);
    }

    /** With {@code createMissing}, the database the URL names is created when the server does not have it yet. */
    LocalDatabase open(boolean createMissing) {
        String url = jdbcUrl != null && !jdbcUrl.isBlank() ? jdbcUrl : System.getenv("BP010_JDBC_URL");
        if (url != null && !url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
            throw new com.bp010.db.Bp010Exception(com.bp010.db.ErrorCode.CONFIGURATION, "--jdbc-url (or"
                    + " BP010_JDBC_URL) must start with jdbc:postgresql://, e.g."
                    + " jdbc:postgresql://localhost:5432/bp010?user=postgres").with("variable", "BP010_JDBC_URL");
        }
        return LocalDatabase.of(url, createMissing);
    }

    /** Where the URL came from: {@code --jdbc-url}, else {@code BP010_JDBC_URL}; null for the embedded PostgreSQL. */
    String source() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return "--jdbc-url";
        }
        String env = System.getenv("BP010_JDBC_URL");
        return env != null && !env.isBlank() ? "BP010_JDBC_URL" : null;
    }

    /**
     * A failure to reach the server (SQLSTATE class 08: refused, unknown host, cut) naming the option or variable
     * the URL came from, as {@code bp010 report} does: the driver's advice names a host and port, not where they were
     * typed. Other failures, and the embedded PostgreSQL's, as they are.
     */
    Bp010Exception naming(Bp010Exception e) {
        String source = source();
        String state = String.valueOf(e.detail("sqlState") != null ? e.detail("sqlState")
                : com.bp010.db.DatabaseErrors.sqlState(e));
        if (source == null || !state.startsWith("08") || e.reason().contains(source)) {
            return e;
        }
        String reason = e.reason().strip() + " Check the host and port in " + source + ", or start the server it"
                + " names.";
        Bp010Exception named = e.isRetryable() ? new com.bp010.db.TransientDatabaseException(reason, e.getCause())
                : new Bp010Exception(e.code(), reason, e.getCause());
        e.details().forEach(named::with);
        return named.withIfAbsent("setting", source);
    }

    /** The process environment, with BP010_JDBC_URL pointing at {@code database}. */
    static Env env(LocalDatabase database) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BP010_JDBC_URL", database.jdbcUrl());
        return Env.of(env);
    }
}

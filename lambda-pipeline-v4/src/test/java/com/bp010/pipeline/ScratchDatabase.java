package com.bp010.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * TEMPORARY stand-in for test-support's TestDatabase until it lands on main: a fresh database on
 * BP010_TEST_JDBC_URL with the repository's sql/ applied in Flyway order (V by version, R by name, afterMigrate).
 */
final class ScratchDatabase implements AutoCloseable {
    private final String admin;
    private final String name;
    private final String url;

    private ScratchDatabase(String admin, String name) {
        this.admin = admin;
        this.name = name;
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        this.url = base.substring(0, base.lastIndexOf('/') + 1) + name + (q < 0 ? "" : admin.substring(q));
    }

    static ScratchDatabase migrated() {
        String admin = System.getenv().getOrDefault("BP010_TEST_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        ScratchDatabase db = new ScratchDatabase(admin, "bp010_it6_" + UUID.randomUUID().toString().substring(0, 8));
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db.name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        db.applySql();
        return db;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private void applySql() {
        Path sql = root().resolve("sql");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(sql)) {
            List<Path> all = s.toList();
            all.stream().filter(p -> p.getFileName().toString().startsWith("V"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .forEach(files::add);
            all.stream().filter(p -> p.getFileName().toString().startsWith("R__")).sorted().forEach(files::add);
            files.add(sql.resolve("afterMigrate__grants.sql"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (Path f : files) {
                try {
                    st.execute(Files.readString(f));
                } catch (SQLException e) {
                    throw new IllegalStateException(f + ": " + e.getMessage(), e);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sql/V1__schemas_and_roles.sql"))) {
                return p;
            }
        }
        throw new IllegalStateException("no sql/ above the working directory");
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

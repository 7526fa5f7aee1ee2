package com.bp010.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a handler warms before a SnapStart snapshot, so that a container restored from it does not pay for it on its
 * first invocation: classes loaded, Jackson's serializers and deserializers built, the JDBC driver registered and its
 * URL and properties parsed, Hikari's configuration class validated.
 * <p>
 * Nothing here opens a connection, reads a secret, resolves AWS credentials or draws a random number, and classes
 * are loaded without running their static initializers (a library's static random generator, say, is seeded after
 * the restore, when it is first used).
 */
public final class SnapStartPriming {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** The JDBC and pool classes a connection, a statement and a COPY need. */
    public static final List<String> DATABASE_PACKAGES = List.of("org/postgresql/core/", "org/postgresql/jdbc/",
            "org/postgresql/copy/", "org/postgresql/util/", "org/postgresql/ssl/", "com/ongres/scram/",
            "com/zaxxer/hikari/");
    private static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/bp010?ApplicationName=priming";

    private SnapStartPriming() {
    }

    /**
     * Parses {@code sampleEvent} as a handler's event would be, and builds the serializer of {@code responseType}
     * and of the value types every response carries (times, dates, decimals, maps).
     */
    public static JsonNode json(String sampleEvent, Class<?> responseType) {
        JsonNode event = JsonRequestHandler.readEvent(new java.io.ByteArrayInputStream(
                sampleEvent.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            Json.mapper().writerFor(responseType);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("at", Instant.EPOCH);
            values.put("day", LocalDate.EPOCH);
            values.put("number", BigDecimal.ONE);
            values.put("list", List.of(1L, 2.5d, "text", true));
            Json.mapper().readTree(Json.mapper().writeValueAsBytes(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return event;
    }

    /** Registers the PostgreSQL driver with DriverManager and runs its URL parser; validates a Hikari configuration. */
    public static void jdbcDriver() {
        try {
            Driver driver = DriverManager.getDriver(LOCAL_URL);
            Properties parsed = org.postgresql.Driver.parseURL(LOCAL_URL, new Properties());
            if (parsed == null || !driver.acceptsURL(LOCAL_URL)) {
                throw new IllegalStateException("the PostgreSQL driver does not accept " + LOCAL_URL);
            }
            driver.getPropertyInfo(LOCAL_URL, parsed);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL driver is not registered: " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(LOCAL_URL);
        config.setPoolName("bp010-priming");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.validate();
    }

    /**
     * Builds and closes the SDK clients a function uses (Secrets Manager; S3 when {@code s3}): the SDK's classes,
     * endpoint rules and marshallers load. Building a client sends no request and resolves no credentials (the
     * default provider chain is lazy), so no credential or connection crosses the snapshot.
     */
    public static void awsSdk(Env env, boolean s3) {
        AwsClients.secretsManager(env).close();
        if (s3) {
            AwsClients.s3(env).close();
        }
    }

    /**
     * Loads, without initializing, every class under {@code packages} (paths such as {@code org/postgresql/jdbc/})
     * found in the JAR or folder {@code anchor} was loaded from and in the ones {@code others} were. Returns how many
     * loaded; a class whose optional dependency is missing is skipped.
     */
    public static int loadClasses(List<String> packages, Class<?> anchor, Class<?>... others) {
        int loaded = 0;
        for (Class<?> c : Stream.concat(Stream.of(anchor), Stream.of(others)).distinct().toList()) {
            for (String name : classNames(c, packages)) {
                try {
                    Class.forName(name, false, anchor.getClassLoader());
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    LOG.debug("Priming skipped {}: {}", name, e.toString());
                }
            }
        }
        return loaded;
    }

    private static List<String> classNames(Class<?> anchor, List<String> packages) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            return List.of();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                            .filter(n -> wanted(n, packages)).map(SnapStartPriming::className).toList();
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream().map(JarEntry::getName).filter(n -> wanted(n, packages))
                        .map(SnapStartPriming::className).toList();
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            LOG.debug("Priming cannot list the classes of {}: {}", source.getLocation(), e.toString());
            return List.of();
        }
    }

    private static boolean wanted(String entry, List<String> packages) {
        return entry.endsWith(".class") && !entry.endsWith("module-info.class") && !entry.contains("META-INF/")
                && packages.stream().anyMatch(entry::startsWith);
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}

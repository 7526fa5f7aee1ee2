package com.bp010.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a function reaches PostgreSQL. Immutable; all defaults are here.
 * <ul>
 *   <li>Locally: {@code BP010_JDBC_URL} (+ {@code BP010_DB_USER}, {@code BP010_DB_PASSWORD}).</li>
 *   <li>In AWS: {@code TARGET_SECRET_NAME}, an RDS secret in Secrets Manager; {@code DB_HOST}, {@code DB_NAME},
 *       {@code DB_PORT} override or complete it.</li>
 *   <li>Pool and timeouts: {@code DB_POOL_SIZE} (default 2), {@code DB_CONNECT_TIMEOUT_MS} (5000),
 *       {@code DB_STATEMENT_TIMEOUT_SECONDS} (60; 0 disables), {@code DB_SOCKET_TIMEOUT_SECONDS} (statement timeout + 30),
 *       ordered statement &lt; socket &lt; Lambda timeout.</li>
 *   <li>TLS: {@code DB_SSL} = {@code verify-full} (with {@code DB_SSL_ROOT_CERT}, the path of the RDS CA bundle),
 *       {@code require} (encrypted, server not verified: the default in AWS when no bundle path is given),
 *       {@code prefer} (the local default) or {@code disable}.</li>
 *   <li>{@code BP010_TIMEZONE} (default UTC): the field's time zone, an IANA name; the pool sets it on every session
 *       ({@code SET TIME ZONE}), so calendar days are the field's days.</li>
 * </ul>
 * Every setting is parsed and checked when the configuration is built, from the environment or through the builder
 * alike: a wrong value fails at start with a CONFIGURATION error naming the variable, never later when the pool opens.
 */
public final class DbConfig {
    public static final int DEFAULT_POOL_SIZE = 2;
    public static final int MAX_POOL_SIZE = 10;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    public static final int DEFAULT_STATEMENT_TIMEOUT_SECONDS = 60;
    public static final int SOCKET_TIMEOUT_MARGIN_SECONDS = 30;
    /** The sslmode values pgjdbc accepts. */
    public static final Set<String> SSL_MODES = Set.of("verify-full", "verify-ca", "require", "prefer", "allow",
            "disable");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String secretName;
    private final String host;
    private final String databaseName;
    private final Integer port;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration statementTimeout;
    private final Duration socketTimeout;
    private final String sslMode;
    private final String sslRootCert;
    private final String applicationName;
    private final FieldTimeZone timeZone;

    private DbConfig(Builder b) {
        this.jdbcUrl = b.jdbcUrl;
        this.user = b.user;
        this.password = b.password;
        this.secretName = b.secretName;
        this.host = b.host;
        this.databaseName = b.databaseName;
        this.port = b.port;
        this.poolSize = b.poolSize;
        this.connectTimeout = b.connectTimeout;
        this.statementTimeout = b.statementTimeout;
        this.socketTimeout = b.socketTimeout != null ? b.socketTimeout
                : (b.statementTimeout == null || b.statementTimeout.isZero() ? Duration.ZERO
                : b.statementTimeout.plusSeconds(SOCKET_TIMEOUT_MARGIN_SECONDS));
        this.sslMode = b.sslMode == null ? null : b.sslMode.toLowerCase(java.util.Locale.ROOT);
        this.sslRootCert = b.sslRootCert;
        this.applicationName = b.applicationName;
        this.timeZone = b.timeZone;
        validate();
    }

    private void validate() {
        if (jdbcUrl == null && secretName == null) {
            throw invalid("TARGET_SECRET_NAME", "No database configured: set BP010_JDBC_URL (local, e.g."
                    + " jdbc:postgresql://localhost:5432/bp010) or TARGET_SECRET_NAME (the Secrets Manager RDS secret)");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw invalid("BP010_JDBC_URL", "BP010_JDBC_URL must start with jdbc:postgresql:// (e.g."
                    + " jdbc:postgresql://localhost:5432/bp010), got '" + Redactor.redact(jdbcUrl) + "'");
        }
        if (port != null && (port < 1 || port > 65_535)) {
            throw invalid("DB_PORT", "DB_PORT must be a TCP port between 1 and 65535, got " + port);
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw invalid("DB_POOL_SIZE", "DB_POOL_SIZE must be between 1 and " + MAX_POOL_SIZE + ", got " + poolSize);
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw invalid("DB_CONNECT_TIMEOUT_MS", "DB_CONNECT_TIMEOUT_MS must be a positive number of"
                    + " milliseconds, got " + (connectTimeout == null ? null : connectTimeout.toMillis()));
        }
        if (statementTimeout == null || statementTimeout.isNegative()) {
            throw invalid("DB_STATEMENT_TIMEOUT_SECONDS", "DB_STATEMENT_TIMEOUT_SECONDS must be 0 (no limit) or a"
                    + " positive number of seconds, got " + (statementTimeout == null ? null
                    : statementTimeout.toSeconds()));
        }
        if (socketTimeout.isNegative() || (!socketTimeout.isZero() && !statementTimeout.isZero()
                && socketTimeout.compareTo(statementTimeout) <= 0)) {
            throw invalid("DB_SOCKET_TIMEOUT_SECONDS", "DB_SOCKET_TIMEOUT_SECONDS must be 0 (no limit) or longer"
                    + " than DB_STATEMENT_TIMEOUT_SECONDS (" + statementTimeout.toSeconds() + "), got "
                    + socketTimeout.toSeconds());
        }
        if (sslMode == null || !SSL_MODES.contains(sslMode)) {
            throw invalid("DB_SSL", "DB_SSL must be verify-full, verify-ca, require, prefer, allow or disable, got '"
                    + sslMode + "'");
        }
        if (sslMode.startsWith("verify") && sslRootCert == null) {
            throw invalid("DB_SSL_ROOT_CERT", "DB_SSL=" + sslMode + " needs DB_SSL_ROOT_CERT, the path of the RDS CA"
                    + " bundle (global-bundle.pem)");
        }
        if (sslRootCert != null && !Files.isReadable(Path.of(sslRootCert))) {
            throw invalid("DB_SSL_ROOT_CERT", "DB_SSL_ROOT_CERT '" + sslRootCert + "' is not a readable file: give"
                    + " the path of the RDS CA bundle (global-bundle.pem, e.g. from a layer under /opt)");
        }
        if (timeZone == null) {
            throw invalid("BP010_TIMEZONE", "BP010_TIMEZONE must be set to an IANA time-zone name");
        }
        if (applicationName == null || applicationName.isBlank()) {
            throw invalid("AWS_LAMBDA_FUNCTION_NAME", "the application name must not be blank");
        }
    }

    private static Bp010Exception invalid(String variable, String reason) {
        return new Bp010Exception(ErrorCode.CONFIGURATION, reason).with("variable", variable);
    }

    /** Reads the variables above; fails naming the variable when one is invalid. */
    public static DbConfig fromEnv(Map<String, String> variables) {
        return fromEnv(Env.of(variables));
    }

    public static DbConfig fromEnv(Env env) {
        Builder b = builder();
        env.get("BP010_JDBC_URL").ifPresent(url -> b.jdbcUrl(url)
                .user(env.get("BP010_DB_USER").orElse(null))
                .password(env.get("BP010_DB_PASSWORD").orElse(null)));
        env.get("TARGET_SECRET_NAME").ifPresent(b::secretName);
        env.get("DB_HOST").ifPresent(b::host);
        env.get("DB_NAME").ifPresent(b::databaseName);
        if (env.get("DB_PORT").isPresent()) {
            b.port(env.getInt("DB_PORT", 0));
        }
        b.poolSize(env.getInt("DB_POOL_SIZE", DEFAULT_POOL_SIZE));
        b.connectTimeout(Duration.ofMillis(env.getInt("DB_CONNECT_TIMEOUT_MS", DEFAULT_CONNECT_TIMEOUT_MS)));
        b.statementTimeout(Duration.ofSeconds(env.getInt("DB_STATEMENT_TIMEOUT_SECONDS",
                DEFAULT_STATEMENT_TIMEOUT_SECONDS)));
        env.get("DB_SOCKET_TIMEOUT_SECONDS").ifPresent(v ->
                b.socketTimeout(Duration.ofSeconds(env.getInt("DB_SOCKET_TIMEOUT_SECONDS", 0))));
        boolean local = env.get("BP010_JDBC_URL").isPresent();
        boolean rootCert = env.get("DB_SSL_ROOT_CERT").isPresent();
        env.get("DB_SSL_ROOT_CERT").ifPresent(b::sslRootCert);
        String defaultSsl = local ? "prefer" : (rootCert ? "verify-full" : "require");
        String ssl = env.get("DB_SSL", defaultSsl).toLowerCase(java.util.Locale.ROOT);
        b.sslMode(switch (ssl) {
            case "true", "on" -> rootCert ? "verify-full" : "require";
            case "false", "off" -> "disable";
            default -> ssl;
        });
        env.get("AWS_LAMBDA_FUNCTION_NAME").ifPresent(b::applicationName);
        b.timeZone(FieldTimeZone.parse("BP010_TIMEZONE", env.get("BP010_TIMEZONE", "UTC")));
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.jdbcUrl = jdbcUrl;
        b.user = user;
        b.password = password;
        b.secretName = secretName;
        b.host = host;
        b.databaseName = databaseName;
        b.port = port;
        b.poolSize = poolSize;
        b.connectTimeout = connectTimeout;
        b.statementTimeout = statementTimeout;
        b.socketTimeout = socketTimeout;
        b.sslMode = sslMode;
        b.sslRootCert = sslRootCert;
        b.applicationName = applicationName;
        b.timeZone = timeZone;
        return b;
    }

    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Optional<String> secretName() {
        return Optional.ofNullable(secretName);
    }

    /** {@code DB_HOST}: overrides or completes the secret's host. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** {@code DB_NAME}: overrides or completes the secret's dbname. */
    public Optional<String> databaseName() {
        return Optional.ofNullable(databaseName);
    }

    /** {@code DB_PORT}: overrides or completes the secret's port. */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    public int poolSize() {
        return poolSize;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration statementTimeout() {
        return statementTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    public String sslMode() {
        return sslMode;
    }

    public Optional<String> sslRootCert() {
        return Optional.ofNullable(sslRootCert);
    }

    public String applicationName() {
        return applicationName;
    }

    /** The session time zone: calendar days of facts and windows are days in this zone ({@code BP010_TIMEZONE}). */
    public FieldTimeZone timeZone() {
        return timeZone;
    }

    /** For logs: where we connect, never with a password. */
    public String describe() {
        return jdbcUrl != null ? Redactor.redact(jdbcUrl) : "secret " + secretName;
    }

    @Override
    public String toString() {
        return "DbConfig[" + describe() + ", pool=" + poolSize + ", statementTimeout=" + statementTimeout
                + ", ssl=" + sslMode + "]";
    }

    public static final class Builder {
        private String jdbcUrl;
        private String user;
        private String password;
        private String secretName;
        private String host;
        private String databaseName;
        private Integer port;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration connectTimeout = Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MS);
        private Duration statementTimeout = Duration.ofSeconds(DEFAULT_STATEMENT_TIMEOUT_SECONDS);
        private Duration socketTimeout;
        private String sslMode = "prefer";
        private String sslRootCert;
        private String applicationName = "bp010";
        private FieldTimeZone timeZone = FieldTimeZone.UTC;

        private Builder() {
        }

        public Builder jdbcUrl(String v) {
            this.jdbcUrl = v;
            return this;
        }

        public Builder user(String v) {
            this.user = v;
            return this;
        }

        public Builder password(String v) {
            this.password = v;
            return this;
        }

        public Builder secretName(String v) {
            this.secretName = v;
            return this;
        }

        public Builder host(String v) {
            this.host = v;
            return this;
        }

        public Builder databaseName(String v) {
            this.databaseName = v;
            return this;
        }

        public Builder port(Integer v) {
            this.port = v;
            return this;
        }

        public Builder poolSize(int v) {
            this.poolSize = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            this.connectTimeout = v;
            return this;
        }

        public Builder statementTimeout(Duration v) {
            this.statementTimeout = v;
            return this;
        }

        public Builder socketTimeout(Duration v) {
            this.socketTimeout = v;
            return this;
        }

        public Builder sslMode(String v) {
            this.sslMode = v;
            return this;
        }

        public Builder sslRootCert(String v) {
            this.sslRootCert = v;
            return this;
        }

        public Builder applicationName(String v) {
            this.applicationName = v;
            return this;
        }

        public Builder timeZone(FieldTimeZone v) {
            this.timeZone = v;
            return this;
        }

        /** The configuration, every setting checked: a wrong one is a CONFIGURATION error naming its variable. */
        public DbConfig build() {
            return new DbConfig(this);
        }
    }
}

package com.bp010.db;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
 */
public final class DbConfig {
    public static final int DEFAULT_POOL_SIZE = 2;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    public static final int DEFAULT_STATEMENT_TIMEOUT_SECONDS = 60;
    public static final int SOCKET_TIMEOUT_MARGIN_SECONDS = 30;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String secretName;
    private final Env env;
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
        this.env = b.env == null ? Env.of(Map.of()) : b.env;
        this.poolSize = b.poolSize;
        this.connectTimeout = b.connectTimeout;
        this.statementTimeout = b.statementTimeout;
        this.socketTimeout = b.socketTimeout != null ? b.socketTimeout
                : (b.statementTimeout.isZero() ? Duration.ZERO
                : b.statementTimeout.plusSeconds(SOCKET_TIMEOUT_MARGIN_SECONDS));
        this.sslMode = b.sslMode;
        this.sslRootCert = b.sslRootCert;
        this.applicationName = b.applicationName;
        this.timeZone = b.timeZone;
        if (jdbcUrl == null && secretName == null) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "No database configured: set BP010_JDBC_URL (local) or"
                    + " TARGET_SECRET_NAME (the Secrets Manager RDS secret)").with("variable", "TARGET_SECRET_NAME");
        }
        if (poolSize < 1 || poolSize > 10) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "DB_POOL_SIZE must be between 1 and 10, got " + poolSize)
                    .with("variable", "DB_POOL_SIZE");
        }
    }

    /** Reads the variables above; fails naming the variable when one is invalid. */
    public static DbConfig fromEnv(Map<String, String> variables) {
        return fromEnv(Env.of(variables));
    }

    public static DbConfig fromEnv(Env env) {
        Builder b = builder().env(env);
        env.get("BP010_JDBC_URL").ifPresent(url -> b.jdbcUrl(url)
                .user(env.get("BP010_DB_USER").orElse(null))
                .password(env.get("BP010_DB_PASSWORD").orElse(null)));
        env.get("TARGET_SECRET_NAME").ifPresent(b::secretName);
        b.poolSize(env.getInt("DB_POOL_SIZE", DEFAULT_POOL_SIZE));
        b.connectTimeout(Duration.ofMillis(env.getInt("DB_CONNECT_TIMEOUT_MS", DEFAULT_CONNECT_TIMEOUT_MS)));
        b.statementTimeout(Duration.ofSeconds(env.getInt("DB_STATEMENT_TIMEOUT_SECONDS",
                DEFAULT_STATEMENT_TIMEOUT_SECONDS)));
        env.get("DB_SOCKET_TIMEOUT_SECONDS").ifPresent(v ->
                b.socketTimeout(Duration.ofSeconds(env.getInt("DB_SOCKET_TIMEOUT_SECONDS", 0))));
        boolean local = env.get("BP010_JDBC_URL").isPresent();
        env.get("DB_SSL_ROOT_CERT").ifPresent(b::sslRootCert);
        String defaultSsl = local ? "prefer" : (env.get("DB_SSL_ROOT_CERT").isPresent() ? "verify-full" : "require");
        String ssl = env.get("DB_SSL", defaultSsl).toLowerCase();
        switch (ssl) {
            case "true", "on" -> ssl = env.get("DB_SSL_ROOT_CERT").isPresent() ? "verify-full" : "require";
            case "false", "off" -> ssl = "disable";
            case "verify-full", "verify-ca", "require", "prefer", "allow", "disable" -> { }
            default -> throw new Bp010Exception(ErrorCode.CONFIGURATION, "DB_SSL must be verify-full, require, prefer"
                    + " or disable, got '" + ssl + "'").with("variable", "DB_SSL");
        }
        if (ssl.startsWith("verify") && env.get("DB_SSL_ROOT_CERT").isEmpty()) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "DB_SSL=" + ssl + " needs DB_SSL_ROOT_CERT, the path of"
                    + " the RDS CA bundle (global-bundle.pem)").with("variable", "DB_SSL_ROOT_CERT");
        }
        b.sslMode(ssl);
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
        b.env = env;
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

    Env env() {
        return env;
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
        private Env env;
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

        public Builder env(Env v) {
            this.env = v;
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
            this.timeZone = java.util.Objects.requireNonNull(v, "timeZone");
            return this;
        }

        public DbConfig build() {
            return new DbConfig(this);
        }
    }
}

package com.bp010.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The connection pool of one Lambda container: HikariCP sized for Lambda (1-2 connections, short connection timeout,
 * TCP keepalive, statement and socket timeouts, TLS), with credentials from the environment or from the RDS secret.
 * When the server refuses the credentials (a rotated secret), the secret is re-read once and the pool rebuilt.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DbConfig config;
    private final SecretsProvider secrets;
    private volatile HikariDataSource pool;

    private Database(DbConfig config, SecretsProvider secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    /** Opens the pool (connecting once, so a wrong host or password fails here with a clear message). */
    public static Database open(DbConfig config, SecretsProvider secrets) {
        Database db = new Database(config, secrets);
        db.pool = db.createPoolRetryingAuthentication();
        return db;
    }

    public DbConfig config() {
        return config;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A connection from the pool (autocommit on). Rebuilds the pool once if the credentials were rotated. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (DatabaseErrors.isAuthenticationFailure(e) && config.secretName().isPresent()) {
                LOG.warn("Database refused the credentials of secret {}: re-reading it once (rotation?)",
                        config.secretName().get());
                rebuild();
                try {
                    return pool.getConnection();
                } catch (SQLException again) {
                    throw DatabaseErrors.translate(again, "connect");
                }
            }
            throw DatabaseErrors.translate(e, "connect");
        }
    }

    /** Runs {@code work} on one connection with autocommit on. */
    public <T> T withConnection(String call, SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, call);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String call, SqlWork<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                resetAutoCommit(c);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, call);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void resetAutoCommit(Connection c) {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is broken; Hikari evicts it
        }
    }

    private synchronized void rebuild() {
        config.secretName().ifPresent(secrets::invalidate);
        HikariDataSource old = pool;
        pool = createPool();
        if (old != null) {
            old.close();
        }
    }

    private HikariDataSource createPoolRetryingAuthentication() {
        try {
            return createPool();
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql && DatabaseErrors.isAuthenticationFailure(sql)
                    && config.secretName().isPresent()) {
                LOG.warn("Database refused the credentials of secret {}: re-reading it once (rotation?)",
                        config.secretName().get());
                secrets.invalidate(config.secretName().get());
                try {
                    return createPool();
                } catch (HikariPool.PoolInitializationException again) {
                    throw connectFailure(again);
                }
            }
            throw connectFailure(e);
        }
    }

    private Bp010Exception connectFailure(HikariPool.PoolInitializationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        Bp010Exception translated = DatabaseErrors.translate(cause, "connect");
        return translated.with("database", config.describe());
    }

    private HikariDataSource createPool() {
        HikariConfig hc = new HikariConfig();
        Properties props = new Properties();
        if (config.jdbcUrl().isPresent()) {
            hc.setJdbcUrl(config.jdbcUrl().get());
            config.user().ifPresent(hc::setUsername);
            config.password().ifPresent(hc::setPassword);
        } else {
            String name = config.secretName().orElseThrow();
            RdsSecret secret = RdsSecret.parse(name, secrets.secretString(name), config);
            hc.setJdbcUrl("jdbc:postgresql://" + secret.host() + ":" + secret.port() + "/" + secret.dbname());
            hc.setUsername(secret.username());
            hc.setPassword(secret.password());
        }
        hc.setPoolName("bp010-" + config.applicationName());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(0);
        hc.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        hc.setValidationTimeout(Math.max(250, Math.min(3_000, config.connectTimeout().toMillis())));
        hc.setKeepaliveTime(60_000);
        hc.setIdleTimeout(120_000);
        hc.setMaxLifetime(600_000);
        hc.setInitializationFailTimeout(1);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("ApplicationName", config.applicationName());
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        props.setProperty("loginTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        props.setProperty("socketTimeout", String.valueOf(config.socketTimeout().toSeconds()));
        props.setProperty("options", "-c statement_timeout=" + config.statementTimeout().toMillis());
        // pgjdbc sets the session TimeZone from the JVM's zone after the startup options: the field's zone is set
        // on every new connection instead, so the server's calendar days are the field's days.
        hc.setConnectionInitSql(config.timeZone().sessionSql());
        props.setProperty("sslmode", config.sslMode());
        config.sslRootCert().ifPresent(cert -> props.setProperty("sslrootcert", cert));
        hc.setDataSourceProperties(props);
        LOG.info("Opening pool to {} (pool {}, statement timeout {} s, ssl {}, time zone {})",
                Redactor.redact(hc.getJdbcUrl()), config.poolSize(), config.statementTimeout().toSeconds(),
                config.sslMode(), config.timeZone());
        return new HikariDataSource(hc);
    }

    @Override
    public void close() {
        HikariDataSource p = pool;
        if (p != null) {
            p.close();
        }
    }
}

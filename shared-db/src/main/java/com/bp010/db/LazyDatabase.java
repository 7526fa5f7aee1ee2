package com.bp010.db;

import java.util.function.Supplier;

/**
 * The container's one {@link Database}, opened on first use (not during Lambda init, which has a short time limit)
 * and kept for the container's life; the secret it reads lives and dies with it. Thread-safe.
 */
public final class LazyDatabase implements Supplier<Database>, AutoCloseable, LazyResource {
    private final Supplier<Database> opener;
    private volatile Database database;

    public LazyDatabase(Supplier<Database> opener) {
        this.opener = opener;
    }

    /** Reads {@link DbConfig} from the environment; secrets from Secrets Manager when TARGET_SECRET_NAME is set. */
    public static LazyDatabase fromEnv(Env env) {
        return fromEnv(env, 1);
    }

    /**
     * As {@link #fromEnv(Env)}, with at least {@code minPoolSize} connections (Flyway holds a lock connection beside
     * the one it migrates on). Connections are opened on demand, so a larger bound costs nothing until used.
     */
    public static LazyDatabase fromEnv(Env env, int minPoolSize) {
        return new LazyDatabase(() -> {
            DbConfig configured = DbConfig.fromEnv(env);
            DbConfig config = configured.poolSize() >= minPoolSize ? configured
                    : configured.toBuilder().poolSize(minPoolSize).build();
            SecretsProvider secrets = config.secretName().isPresent()
                    ? new SecretsManagerSecrets(AwsClients.secretsManager(env))
                    : name -> {
                        throw new Bp010Exception(ErrorCode.CONFIGURATION, "No secrets provider configured");
                    };
            return Database.open(config, secrets);
        });
    }

    public static LazyDatabase of(Database database) {
        return new LazyDatabase(() -> database);
    }

    @Override
    public Database get() {
        Database db = database;
        if (db == null) {
            synchronized (this) {
                db = database;
                if (db == null) {
                    db = opener.get();
                    database = db;
                }
            }
        }
        return db;
    }

    @Override
    public boolean isOpen() {
        return database != null;
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}

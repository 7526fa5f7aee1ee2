package com.bp010.init;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import com.bp010.db.ErrorCode;
import com.bp010.db.migration.AppliedMigration;
import com.bp010.db.migration.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/** Phase 1: migrate (default, idempotent, keeps data), info (changes nothing), reset (only when confirmed). */
final class SchemaInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);

    private final Database database;
    private final SqlSource source;

    SchemaInitializer(Database database, SqlSource source) {
        this.database = database;
        this.source = source;
    }

    InitResult run(InitRequest request) {
        long start = System.nanoTime();
        if (request.mode() == InitRequest.Mode.RESET && !InitRequest.RESET_CONFIRMATION.equals(request.confirm())) {
            throw new Bp010Exception(ErrorCode.REFUSED, "Reset refused: it drops the four schemas and all their data."
                    + " To confirm, send {\"mode\": \"reset\", \"confirm\": \"" + InitRequest.RESET_CONFIRMATION
                    + "\"}. Nothing was changed.").with("mode", "reset");
        }
        List<AppliedMigration> applied;
        int pending;
        // the S3 source's downloaded folder is deleted once Flyway is done with it (pending() reads it too)
        try {
            SchemaMigrator migrator = new SchemaMigrator(database.dataSource(), source.locations());
            switch (request.mode()) {
                case INFO -> applied = migrator.appliedSoFar();
                case RESET -> {
                    LOG.warn("Reset confirmed: dropping and recreating the BP010 schemas from {}", source.describe());
                    migrator.dropEverything();
                    applied = migrator.migrate();
                }
                default -> {
                    LOG.info("Migrating from {}", source.describe());
                    applied = migrator.migrate();
                }
            }
            pending = migrator.pending();
        } finally {
            source.close();
        }
        var schemas = database.withConnection("schema inventory", SchemaInventory::count);
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new InitResult(request.mode().name().toLowerCase(Locale.ROOT), applied, pending, schemas,
                source.describe(), durationMs);
    }
}

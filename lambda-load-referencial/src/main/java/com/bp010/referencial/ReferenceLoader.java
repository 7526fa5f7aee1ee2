package com.bp010.referencial;

import com.bp010.db.CallResult;
import com.bp010.db.Database;
import com.bp010.db.Json;
import com.bp010.db.SqlCalls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Phase 2.1: reads the config files, checks them against each other and against the schema, merges them into
 * {@code referencial} by natural key, calls {@code referencial.sp_seed_defaults()} and records the load in
 * {@code referencial.config_loads} with each file's SHA-256, all in one transaction: a bad file fails the whole load
 * (file, line, column, reason) and the previous catalogue stays as it was. Concurrent loads queue on an advisory lock.
 */
public final class ReferenceLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceLoader.class);
    private static final long LOCK_KEY = 0x62703031305F7266L;

    private final Database database;

    public ReferenceLoader(Database database) {
        this.database = database;
    }

    public LoadResult load(ConfigSource source) {
        long start = System.nanoTime();
        ConfigBundle bundle = source.load();
        Catalogue catalogue = CatalogueReader.read(bundle);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        bundle.files().forEach((role, file) -> names.put(role, file.name()));
        bundle.files().values().stream().sorted(java.util.Comparator.comparing(ConfigFile::name))
                .forEach(f -> hashes.put(f.name(), f.sha256()));
        UUID loadId = UUID.randomUUID();
        LoadResult result = database.inTransaction("referencial.load", c -> {
            Sql.count(c, "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?)) l", LOCK_KEY);
            new SchemaChecks(names).check(c, catalogue);
            CatalogueWriter.write(c, catalogue);
            CallResult seed = SqlCalls.execute(c, "referencial.sp_seed_defaults", "CALL referencial.sp_seed_defaults()");
            Map<String, Long> counts = CatalogueCounts.count(c, catalogue);
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            record(c, loadId, bundle, hashes, counts, catalogue.warnings(), durationMs);
            return new LoadResult(counts, "ok", catalogue.warnings(), loadId, durationMs, bundle.location(), hashes,
                    seed.notices());
        });
        LOG.info("Reference catalogue loaded from {}: {} (load {})", bundle.location(), result.counts(), loadId);
        return result;
    }

    private static void record(Connection c, UUID loadId, ConfigBundle bundle, Map<String, String> hashes,
                               Map<String, Long> counts, List<String> warnings, long durationMs) throws SQLException {
        ObjectNode files = Json.mapper().createObjectNode();
        bundle.files().values().forEach(f -> files.putObject(f.name()).put("sha256", f.sha256())
                .put("bytes", f.bytes().length));
        Sql.update(c, """
                INSERT INTO referencial.config_loads (load_id, location, files, counts, warnings, duration_ms)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""",
                loadId, bundle.location(), files.toString(), Json.mapper().valueToTree(counts).toString(),
                Json.mapper().valueToTree(warnings).toString(), durationMs);
    }
}

package com.bp010.db.migration;

import com.bp010.db.Bp010Exception;
import com.bp010.db.DatabaseErrors;
import com.bp010.db.ErrorCode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the project's {@code sql/} layout with Flyway: versioned files for tables, repeatable {@code R__} files for
 * routines and views, {@code afterMigrate__grants.sql} after each migrate. All pending migrations run in one
 * transaction, so a failing file leaves the database exactly as it was. The history lives in
 * {@code public.bp010_schema_history}, outside the four schemas.
 */
public final class SchemaMigrator {
    public static final String HISTORY_TABLE = "bp010_schema_history";
    public static final List<String> SCHEMAS = List.of("stage", "referencial", "reporting", "universal");
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern SCRIPT = Pattern.compile("((?:V|R)[^\\s/\\\\]*?__[^\\s/\\\\]+?\\.sql|afterMigrate[^\\s/\\\\]*?\\.sql)");

    private final DataSource dataSource;
    private final List<String> locations;

    /** {@code locations} in Flyway form: {@code classpath:sql} or {@code filesystem:/path}. */
    public SchemaMigrator(DataSource dataSource, List<String> locations) {
        this.dataSource = dataSource;
        this.locations = List.copyOf(locations);
    }

    /**
     * Builds this migrator's Flyway configuration without a database (its plugins, parsers and settings load, which
     * takes seconds in a fresh JVM), for SnapStart's priming: nothing connects.
     */
    public static void prime(List<String> locations) {
        configure(null, locations);
    }

    private Flyway flyway() {
        return configure(dataSource, locations);
    }

    private static Flyway configure(DataSource dataSource, List<String> locations) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .table(HISTORY_TABLE)
                .defaultSchema("public")
                .createSchemas(false)
                .placeholderReplacement(false)
                .group(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load();
    }

    /**
     * Applies what is pending; returns what was applied in this call. Refused, applying nothing, when the history holds
     * a versioned migration this build does not have (a newer build migrated the database): Flyway would skip it and
     * re-apply this build's older repeatable routines over the newer tables.
     */
    public List<AppliedMigration> migrate() {
        try {
            Flyway flyway = flyway();
            refuseNewerDatabase(flyway);
            MigrateResult result = flyway.migrate();
            List<AppliedMigration> applied = result.migrations.stream().map(SchemaMigrator::applied).toList();
            LOG.info("Migrated: {} migration(s) applied", applied.size());
            return applied;
        } catch (FlywayException e) {
            throw failure(e);
        }
    }

    private static void refuseNewerDatabase(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        List<MigrationInfo> future = Arrays.stream(all)
                .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (future.isEmpty()) {
            return;
        }
        String ours = Arrays.stream(all).filter(i -> i.getVersion() != null && i.getState().isResolved())
                .map(i -> i.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
        String theirs = future.stream().map(i -> "V" + i.getVersion().getVersion() + " (" + i.getDescription() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        throw new Bp010Exception(ErrorCode.MIGRATION, "the database was migrated by a newer build: " + theirs
                + " in public." + HISTORY_TABLE + " is not in this build's sql/ (its last version is V" + ours
                + "); nothing was applied (this build's routines would replace the newer ones over the newer tables):"
                + " invoke init of the build that holds " + "V" + future.get(future.size() - 1).getVersion().getVersion()
                + ", and deploy that build's functions")
                .with("newerVersions", future.stream().map(i -> i.getVersion().getVersion()).toList())
                .with("lastVersionOfThisBuild", ours);
    }

    /** Migrations already applied, in order. */
    public List<AppliedMigration> appliedSoFar() {
        try {
            return Arrays.stream(flyway().info().applied())
                    .map(i -> new AppliedMigration(i.getVersion() == null ? null : i.getVersion().getVersion(),
                            i.getDescription(), i.getType().name(), i.getScript()))
                    .toList();
        } catch (FlywayException e) {
            throw failure(e);
        }
    }

    /** Migrations found in the locations and not applied yet (repeatables whose file changed count too). */
    public int pending() {
        try {
            MigrationInfo[] pending = flyway().info().pending();
            return (int) Arrays.stream(pending)
                    .filter(i -> i.getState() == MigrationState.PENDING || i.getState() == MigrationState.OUTDATED)
                    .count();
        } catch (FlywayException e) {
            throw failure(e);
        }
    }

    /** Drops the four schemas and the migration history. Callers confirm first; data is gone afterwards. */
    public void dropEverything() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("DROP SCHEMA IF EXISTS " + String.join(", ", SCHEMAS) + " CASCADE");
            st.execute("DROP TABLE IF EXISTS public." + HISTORY_TABLE);
            c.commit();
            LOG.warn("Reset: dropped schemas {} and public.{}", SCHEMAS, HISTORY_TABLE);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, "reset");
        }
    }

    private static AppliedMigration applied(MigrateOutput o) {
        return new AppliedMigration(o.version == null || o.version.isEmpty() ? null : o.version, o.description,
                o.type, o.filepath == null ? null : fileName(o.filepath));
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static Bp010Exception failure(FlywayException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = SCRIPT.matcher(message);
        String file = m.find() ? fileName(m.group(1)) : null;
        String firstLines = message.lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse(message);
        String reason = (file == null ? "Migration failed" : "Migration " + file + " failed")
                + "; nothing was applied (all pending migrations run in one transaction): " + firstLines;
        return new Bp010Exception(ErrorCode.MIGRATION, reason, e)
                .with("file", file)
                .with("sqlState", DatabaseErrors.sqlState(e));
    }
}

package com.bp010.local;

import com.bp010.db.migration.SchemaMigrator;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The landing redesign (V9: integer keys, month partitions, the view in place of the table) keeps every row, revision
 * and reject of a populated database. The database is built at V7 with the data the ingest of V7 wrote
 * ({@code migration/populated-v7.sql.gz}: a pg_dump of stage and referencial after {@code bp010 invoke} init,
 * referencial, stage (2 wells x 1 day with every planted fault), stage again (1 well re-sent with other values: 1,394
 * revisions) and a replay of the rejects, all with the code of commit 082eb62); then the project's migrator runs and
 * every table the ingest writes is compared, count and md5 over every column, batch ids and times included.
 */
class LandingMigrationIT {
    /** Each table's rows as text in a fixed order; the landing through its (V9) view. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("landing", """
                SELECT well_id, var_id, timestamp_lectura, measure, moddate, source_received_at, batch_id, source,
                       pivoted_at
                  FROM stage.landing_scada_data ORDER BY well_id, var_id, timestamp_lectura""");
        TABLES.put("revisions", "SELECT * FROM stage.landing_revisions ORDER BY revision_id");
        TABLES.put("rejects", "SELECT * FROM stage.landing_rejects ORDER BY reject_id");
        TABLES.put("batches", "SELECT * FROM stage.ingest_batches ORDER BY batch_id");
        TABLES.put("watermarks", "SELECT * FROM stage.ingest_watermark ORDER BY source");
        TABLES.put("production", "SELECT * FROM stage.tbl_pozo_produccion ORDER BY well_id, timestamp_lectura");
        TABLES.put("card facts", "SELECT * FROM stage.tbl_carta_verificada ORDER BY well_id, timestamp_lectura, columna");
        TABLES.put("well master", "SELECT * FROM stage.tbl_pozo_maestra ORDER BY well_id");
    }

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryReadingRevisionAndReject_whenAPopulatedDatabaseMigratesToThePartitionedLanding()
            throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Path v7 = RepoPaths.sqlUpTo(dir.resolve("v7"), 7, false);
            new SchemaMigrator(db.adminDataSource(), List.of("filesystem:" + v7)).migrate();
            execute(db, fixture());
            Map<String, String> before = sums(db);
            assertThat(before.get("landing")).startsWith("3120:");
            assertThat(before.get("revisions")).startsWith("1394:");
            assertThat(before.get("rejects")).startsWith("6:");

            db.migrate();

            assertThat(sums(db)).isEqualTo(before);
            assertThat(db.count("SELECT count(*) FROM stage.landing_lectura_y2024m05")).isEqualTo(3120);
            assertThat(db.count("SELECT count(*) FROM stage.landing_lectura_default")).isZero();
            assertThat(db.count("SELECT count(DISTINCT well_id) FROM stage.landing_scada_data"))
                    .isEqualTo(db.count("SELECT count(*) FROM stage.dim_well w "
                            + "WHERE EXISTS (SELECT 1 FROM stage.landing_lectura l WHERE l.well_key = w.well_key)"));
        }
    }

    private static String fixture() throws IOException {
        try (InputStream in = new GZIPInputStream(LandingMigrationIT.class
                .getResourceAsStream("/migration/populated-v7.sql.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Count and md5 of each table's rows, every column as text. */
    private static Map<String, String> sums(TestDatabase db) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, "
                        + "E'\\n' ORDER BY n)), '') FROM (SELECT row_number() OVER () AS n, x FROM (" + t.getValue()
                        + ") x) y")) {
                    rs.next();
                    out.put(t.getKey(), rs.getString(1));
                }
            }
        }
        return out;
    }
}

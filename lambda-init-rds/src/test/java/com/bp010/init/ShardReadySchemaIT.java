package com.bp010.init;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema is ready to be sharded by well (docs/SCALE.md): every table keyed by well (one with a NOT NULL well key
 * column: {@code well_id}, or an integer surrogate such as {@code well_key}, {@code well_sk} or {@code id_pozo}) has
 * that key in its primary key and in every unique constraint and unique index, partial ones included: a database
 * sharded by well can then enforce each key on one shard. Tables without a well (the catalogue, the run log) are the
 * ones such a database replicates or keeps on one node; they are listed, not checked.
 */
class ShardReadySchemaIT {
    /** Column names taken for a well key: the text id, or a surrogate of it. */
    static final String WELL_KEY = "^(well_id|well_key|well_sk|well_num|id_pozo|pozo_id|pozo_key)$";
    private static final String SCHEMAS = "'stage', 'referencial', 'reporting', 'universal'";
    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void shouldKeepTheWellInEveryPrimaryAndUniqueKeyOfATableKeyedByWell_whenMigrated() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(problems(c)).isEmpty();
            assertThat(keyedByWell(c)).as("tables keyed by well").contains("stage.landing_lectura",
                    "stage.tbl_pozo_produccion", "reporting.fact_operaciones_horarias", "reporting.fact_alertas",
                    "universal.validacion_experta").hasSizeGreaterThanOrEqualTo(25);
        }
    }

    @Test
    void shouldNameTheTableAndTheKey_whenAKeyLeavesTheWellOut() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE reporting.shard_probe (id bigint PRIMARY KEY, well_key integer NOT NULL,"
                        + " day date NOT NULL, CONSTRAINT shard_probe_day_uk UNIQUE (day))");
                st.execute("CREATE UNIQUE INDEX shard_probe_live_uk ON reporting.shard_probe (day) WHERE id > 0");
                st.execute("CREATE TABLE reporting.shard_probe_ok (well_key integer NOT NULL, day date NOT NULL,"
                        + " PRIMARY KEY (well_key, day))");

                List<String> problems = problems(c);

                assertThat(problems).containsExactlyInAnyOrder(
                        "reporting.shard_probe: primary key shard_probe_pkey (id) leaves out the well (well_key)",
                        "reporting.shard_probe: unique key shard_probe_day_uk (day) leaves out the well (well_key)",
                        "reporting.shard_probe: unique index shard_probe_live_uk (day) leaves out the well (well_key)");
            } finally {
                c.rollback();
            }
        }
    }

    /** Tables of the four schemas with a NOT NULL well key column, partitions counted once (their parent). */
    private static List<String> keyedByWell(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(TABLES_WITH_WELL_KEYS)) {
            while (rs.next()) {
                tables.add(rs.getString("tbl"));
            }
        }
        return tables;
    }

    /** One line per primary key, unique constraint or unique index of a table keyed by well that leaves it out. */
    static List<String> problems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                WITH tables AS (%s),
                keys AS (
                    SELECT t.tbl, t.well_keys, i.indexrelid,
                           CASE WHEN con.contype = 'p' THEN 'primary key'
                                WHEN con.contype = 'u' THEN 'unique key' ELSE 'unique index' END AS kind,
                           coalesce(con.conname, ic.relname) AS name,
                           (SELECT array_agg(a.attname ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS cols
                      FROM tables t
                      JOIN pg_index i ON i.indrelid = t.oid AND i.indisunique
                      JOIN pg_class ic ON ic.oid = i.indexrelid
                      LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = t.oid)
                SELECT tbl, kind, name, array_to_string(cols, ', ') AS cols,
                       array_to_string(well_keys, ', ') AS well_keys
                  FROM keys
                 WHERE NOT (cols && well_keys)
                 ORDER BY tbl, name""".formatted(TABLES_WITH_WELL_KEYS))) {
            while (rs.next()) {
                problems.add(rs.getString("tbl") + ": " + rs.getString("kind") + " " + rs.getString("name") + " ("
                        + rs.getString("cols") + ") leaves out the well (" + rs.getString("well_keys") + ")");
            }
        }
        return problems;
    }

    private static final String TABLES_WITH_WELL_KEYS = """
            SELECT c.oid, n.nspname || '.' || c.relname AS tbl,
                   array_agg(a.attname::text ORDER BY a.attnum)::name[] AS well_keys
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull
                                 AND a.attname ~ '%s'
             WHERE n.nspname IN (%s) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
             GROUP BY c.oid, n.nspname, c.relname""".formatted(WELL_KEY, SCHEMAS);
}

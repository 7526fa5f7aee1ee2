package com.bp010.init;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/CONTRACTS.md §3 least privilege, checked by connecting as each role. */
class DatabaseRolesIT {
    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static void runAs(String role, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrlAs(role)); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void shouldReadAndWriteEverySchema_whenConnectedAsEtl() throws SQLException {
        runAs("bp010_etl", "INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('ETL-1')");
        runAs("bp010_etl", "UPDATE stage.tbl_pozo_maestra SET campo = 'C' WHERE well_id = 'ETL-1'");
        runAs("bp010_etl", "INSERT INTO referencial.tbl_ref_unidades (simbolo, nombre, magnitud) VALUES ('x', 'x', 'x')");
        runAs("bp010_etl", "INSERT INTO reporting.dim_pozo (well_id) VALUES ('ETL-1')");
        runAs("bp010_etl", "INSERT INTO universal.patron (clase_diagnostico, position, load) VALUES ('x', '{1}', '{1}')");
        runAs("bp010_etl", "SELECT reporting.fnc_ensure_fact_partitions(DATE '2026-01-01', DATE '2026-02-01')");
        runAs("bp010_etl", "DELETE FROM referencial.tbl_ref_unidades WHERE simbolo = 'x'");
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_maestra WHERE campo = 'C'")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE stage.landing_lectura",
            "ALTER TABLE stage.landing_lectura ADD COLUMN x int",
            "TRUNCATE stage.landing_lectura",
            "DROP SCHEMA reporting CASCADE",
            "CREATE TABLE stage.intruder (id int)",
            "CREATE FUNCTION stage.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "ALTER SCHEMA stage RENAME TO stage2"})
    void shouldRefuseDdl_whenConnectedAsEtl(String ddl) {
        assertThatThrownBy(() -> runAs("bp010_etl", ddl))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501"));
    }

    @Test
    void shouldReadOnlyReportingViews_whenConnectedAsReader() throws SQLException {
        for (String table : List.of("stage.landing_scada_data", "referencial.tbl_dq_rules",
                "reporting.dataset_current_values", "reporting.fact_operaciones_diarias", "universal.diagnostico")) {
            assertThatThrownBy(() -> runAs("bp010_reader", "SELECT * FROM " + table + " LIMIT 1"))
                    .as(table).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> runAs("bp010_reader", "INSERT INTO reporting.dim_pozo (well_id) VALUES ('R')"))
                .isInstanceOf(SQLException.class);
        List<String> views = new ArrayList<>();
        try (Connection c = db.connect(); var rs = c.createStatement()
                .executeQuery("SELECT viewname FROM pg_views WHERE schemaname = 'reporting'")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        }
        for (String view : views) {
            runAs("bp010_reader", "SELECT * FROM reporting." + view + " LIMIT 1");
        }
    }

    /** docs/SECURITY.md: the reader's whole grant, views and the two read-only DQ score functions, nothing more. */
    @Test
    void shouldGrantTheReaderExactlyWhatSecurityMdLists() throws SQLException {
        List<String> relations;
        List<String> routines;
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            relations = strings(st, "SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('stage', 'referencial',"
                    + " 'reporting', 'universal') AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                    + " AND has_table_privilege('bp010_reader', c.oid, 'SELECT') ORDER BY 1");
            routines = strings(st, "SELECT n.nspname || '.' || p.proname FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('stage', 'referencial',"
                    + " 'reporting', 'universal') AND has_function_privilege('bp010_reader', p.oid, 'EXECUTE')"
                    + " ORDER BY 1");
        }

        assertThat(relations).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("reporting.").endsWith(":v")
                .matches("reporting\\.(vw_[a-z_]+|fact_dq_diaria):v"));
        assertThat(routines).containsExactly("reporting.fnc_dq_score", "reporting.fnc_dq_score_by_rule");
        runAs("bp010_reader", "SELECT reporting.fnc_dq_score(DATE '2026-01-01', DATE '2026-01-07')");
    }

    /** The first column of every row of {@code sql}, in order. */
    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

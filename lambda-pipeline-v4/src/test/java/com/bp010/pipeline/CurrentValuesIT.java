package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bp010.pipeline.PipelineSqlFixture.checksum;
import static com.bp010.pipeline.PipelineSqlFixture.connectAsPipeline;
import static com.bp010.pipeline.PipelineSqlFixture.currentValues;
import static com.bp010.pipeline.PipelineSqlFixture.update;
import static org.assertj.core.api.Assertions.assertThat;

/** reporting.actualizar_current_values_v4: the latest non-null value of every variable per well, set-based. */
class CurrentValuesIT {
    private TestDatabase db;
    private Connection admin;
    private Connection pipeline;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = TestDatabase.migrated();
        PipelineSqlFixture.loadCatalogue(db);
        admin = db.connect();
        pipeline = connectAsPipeline(db, "UTC");
        update(admin, "SELECT prueba.generar_pozos('C', 3)");
        update(admin, "SELECT prueba.generar_lecturas('C', 3, ?, 24)", at("2026-05-01T00:00:00Z"));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        pipeline.close();
        admin.close();
        db.close();
    }

    @Test
    void shouldKeepTheLatestNonNullValueOfEachVariable_whenTheLatestReadingsLackSome() throws SQLException {
        update(admin, "UPDATE stage.tbl_pozo_produccion SET motor_current = NULL, oil_rate = NULL "
                + "WHERE well_id = 'C-0001' AND timestamp_lectura = ?", at("2026-05-01T23:00:00Z"));
        update(admin, "UPDATE stage.tbl_pozo_produccion SET oil_rate = NULL "
                + "WHERE well_id = 'C-0001' AND timestamp_lectura = ?", at("2026-05-01T22:00:00Z"));
        update(admin, "UPDATE stage.tbl_pozo_produccion SET alarm_code = NULL WHERE well_id = 'C-0001'");

        CallResult call = currentValues(pipeline, null);

        assertThat(call.notices()).anyMatch(n -> n.contains("3 well(s) read (all history), 3 row(s) written"));
        for (String well : List.of("C-0001", "C-0002", "C-0003")) {
            assertSnapshotMatchesStage(well);
        }
        assertThat(((java.sql.Timestamp) db.queryValue("SELECT oil_rate_ts FROM reporting.dataset_current_values "
                + "WHERE well_id = 'C-0001'")).toInstant()).isEqualTo(at("2026-05-01T21:00:00Z").toInstant());
        assertThat(((java.sql.Timestamp) db.queryValue("SELECT motor_current_ts FROM reporting.dataset_current_values "
                + "WHERE well_id = 'C-0001'")).toInstant()).isEqualTo(at("2026-05-01T22:00:00Z").toInstant());
        assertThat(db.queryValue("SELECT alarm_code FROM reporting.dataset_current_values WHERE well_id = 'C-0001'")).isNull();
    }

    @Test
    void shouldMatchAFullRefresh_whenOnlyTheRunWindowIsRead() throws SQLException {
        currentValues(pipeline, null);
        // the next day arrives: C-0001 stops reporting gas, C-0004 is new, C-0002 gets a late (older) correction
        update(admin, "SELECT prueba.generar_lecturas('C', 3, ?, 24)", at("2026-05-02T00:00:00Z"));
        update(admin, "UPDATE stage.tbl_pozo_produccion SET gas_rate = NULL WHERE well_id = 'C-0001' AND timestamp_lectura >= ?",
                at("2026-05-02T00:00:00Z"));
        update(admin, "SELECT prueba.generar_pozos('C', 4)");
        update(admin, "INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate) VALUES ('C-0004', ?, 77)",
                at("2026-05-02T03:00:00Z"));
        update(admin, "INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate) VALUES ('C-0004', ?, 66)",
                at("2026-04-20T03:00:00Z"));
        update(admin, "INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate) "
                + "VALUES ('C-0002', ?, 1, 2)", at("2026-05-01T12:30:00Z"));
        UUID run = UUID.randomUUID();
        update(admin, "INSERT INTO reporting.pipeline_runs (run_id, status, ventana_desde, ventana_hasta, as_of) "
                + "VALUES (?, 'RUNNING', '2026-05-02', '2026-05-02', now())", run);

        CallResult bounded = currentValues(pipeline, run);
        String afterBounded = checksum(admin, "reporting.dataset_current_values");
        CallResult full = currentValues(pipeline, null);

        assertThat(bounded.notices()).anyMatch(n -> n.contains("4 well(s) read (readings from 2026-05-02"));
        assertThat(full.notices()).anyMatch(n -> n.contains("4 well(s) read (all history), 0 row(s) written"));
        assertThat(checksum(admin, "reporting.dataset_current_values")).isEqualTo(afterBounded);
        for (String well : List.of("C-0001", "C-0002", "C-0003", "C-0004")) {
            assertSnapshotMatchesStage(well);
        }
        assertThat(db.queryValue("SELECT oil_rate FROM reporting.dataset_current_values WHERE well_id = 'C-0004'")).isEqualTo(77.0);
        assertThat(db.count("SELECT count(*) FROM reporting.dataset_current_values WHERE run_id = ?", run)).isEqualTo(4);
    }

    @Test
    void shouldWriteNothing_whenCalledAgainWithoutNewReadings() throws SQLException {
        currentValues(pipeline, null);
        String before = checksum(admin, "reporting.dataset_current_values");
        Object updatedAt = db.queryValue("SELECT max(updated_at) FROM reporting.dataset_current_values");

        CallResult again = currentValues(pipeline, UUID.randomUUID());

        assertThat(again.notices()).anyMatch(n -> n.contains(", 0 row(s) written"));
        assertThat(checksum(admin, "reporting.dataset_current_values")).isEqualTo(before);
        assertThat(db.queryValue("SELECT max(updated_at) FROM reporting.dataset_current_values")).isEqualTo(updatedAt);
    }

    /** Every numeric column and every {@code <column>_ts} of the well's snapshot against the stage rows, read here. */
    private void assertSnapshotMatchesStage(String well) throws SQLException {
        Map<String, Object> latest = new HashMap<>();
        Map<String, OffsetDateTime> latestTs = new HashMap<>();
        OffsetDateTime last = null;
        try (var ps = admin.prepareStatement("SELECT * FROM stage.tbl_pozo_produccion WHERE well_id = ? ORDER BY timestamp_lectura")) {
            ps.setString(1, well);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    OffsetDateTime ts = rs.getObject("timestamp_lectura", OffsetDateTime.class);
                    last = ts;
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        if (md.getColumnType(i) == Types.DOUBLE && rs.getObject(i) != null) {
                            latest.put(md.getColumnName(i), rs.getObject(i));
                            latestTs.put(md.getColumnName(i), ts);
                        }
                    }
                }
            }
        }
        List<String> checked = new ArrayList<>();
        List<String> stageColumns = stageColumns();
        try (var ps = admin.prepareStatement("SELECT * FROM reporting.dataset_current_values WHERE well_id = ?")) {
            ps.setString(1, well);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(well).isTrue();
                assertThat(rs.getObject("fecha_hora_ultima_lectura", OffsetDateTime.class).toInstant())
                        .isEqualTo(last.toInstant());
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String col = md.getColumnName(i);
                    if (md.getColumnType(i) == Types.DOUBLE && stageColumns.contains(col)) {
                        assertThat(rs.getObject(i)).as(well + " " + col).isEqualTo(latest.get(col));
                        checked.add(col);
                    } else if (col.endsWith("_ts") && (md.getColumnType(i) == Types.TIMESTAMP
                            || md.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE)) {
                        String var = col.substring(0, col.length() - 3);
                        OffsetDateTime ts = rs.getObject(i, OffsetDateTime.class);
                        assertThat(ts == null ? null : ts.toInstant()).as(well + " " + col)
                                .isEqualTo(latestTs.containsKey(var) ? latestTs.get(var).toInstant() : null);
                        checked.add(col);
                    }
                }
            }
        }
        assertThat(checked).hasSize(63 + 17);
    }

    private List<String> stageColumns() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'stage' "
                        + "AND table_name = 'tbl_pozo_produccion' AND data_type = 'double precision'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }
}

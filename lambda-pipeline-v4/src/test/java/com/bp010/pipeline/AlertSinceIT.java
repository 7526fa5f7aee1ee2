package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bp010.pipeline.WellFixture.reading;
import static com.bp010.pipeline.WellFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reporting.vw_alerts} says since when a condition has lasted and which limit it broke: the first reading of
 * the latest unbroken run of readings breaking the same limit, not the time the pipeline happened to open the alert.
 */
class AlertSinceIT {
    private static final OffsetDateTime AS_OF = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    private static final String WHP = "well_head_pressure";
    private static final String FILL = "pump_fillage";

    private static TestDatabase db;
    private static WellFixture wells;

    @BeforeAll
    static void field() {
        db = TestDatabase.migrated();
        wells = new WellFixture(db);
        wells.limits(WHP, null, 10.0, 30.0, 500.0, 2000.0, 100.0);
        wells.limits(FILL, null, 20.0, 50.0, 100.0, 100.0, 85.0);
        wells.update("INSERT INTO referencial.tbl_dq_rules (rule_id, nombre_tecnico, tipo, valor_min, valor_max)"
                + " VALUES ('DQ-007', ?, 'REPRESENTATIVIDAD', 0, 100)", FILL);
        // WHP above max_warning 500 at -4h and -3h, back to 450 at -2h, above again from -1h; the reading at -30 min
        // has no WHP (only fillage) and does not break the run
        history("W-RUN", new Double[][] {{100.0, 85.0}, {600.0, 85.0}, {700.0, 85.0}, {450.0, 85.0}, {650.0, 85.0},
                {800.0, 85.0}}, 5);
        production("W-RUN", AS_OF.minusMinutes(30), null, 85.0);
        // WHP beyond max_critical 2000 in every reading there is: since the first reading
        history("W-CRIT", new Double[][] {{2500.0, 85.0}, {2600.0, 85.0}, {2100.0, 85.0}, {2500.0, 85.0}}, 3);
        // fillage outside the DQ range (max 100) from -1h
        history("W-DQ", new Double[][] {{100.0, 90.0}, {100.0, 130.0}, {100.0, 140.0}}, 2);
        wells.dqFailure("DQ-007", "W-DQ", FILL, AS_OF);
        // silent for six hours
        history("W-SILENT", new Double[][] {{100.0, 85.0}}, 6);
        WellFixture etl = wells.as("bp010_etl");
        etl.syncTargets();
        etl.evaluate(UUID.randomUUID(), AS_OF);
    }

    /** Hourly production rows ending {@code hoursAgo} before AS_OF, and the current values of the last one. */
    private static void history(String well, Double[][] whpAndFillage, int hoursAgo) {
        wells.master(well, values("nombre_pozo", "Pozo " + well));
        OffsetDateTime last = AS_OF.minusHours(hoursAgo - (whpAndFillage.length - 1L));
        for (int i = 0; i < whpAndFillage.length; i++) {
            production(well, AS_OF.minusHours(hoursAgo - i), whpAndFillage[i][0], whpAndFillage[i][1]);
        }
        Double[] latest = whpAndFillage[whpAndFillage.length - 1];
        Map<String, Object> row = reading(WHP, latest[0], last);
        row.putAll(reading(FILL, latest[1], last));
        wells.currentValues(well, row);
    }

    private static void production(String well, OffsetDateTime at, Double whp, Double fillage) {
        wells.update("INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, well_head_pressure,"
                + " pump_fillage) VALUES (?, ?, ?, ?)", well, at, whp, fillage);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void shouldDateAnAlertFromTheFirstReadingOfItsCurrentRun_andNameTheLimit() {
        Map<String, Object> run = alert("W-RUN", WHP);
        assertThat(run).containsEntry("codigo_status", 6).containsEntry("limite_nombre", "max_warning")
                .containsEntry("limite", 500.0);
        assertThat(since(run)).isEqualTo(AS_OF.minusHours(1).toInstant());
        assertThat(run).containsEntry("duracion_s", 3600L);

        Map<String, Object> crit = alert("W-CRIT", WHP);
        assertThat(crit).containsEntry("codigo_status", 7).containsEntry("limite_nombre", "max_critical")
                .containsEntry("limite", 2000.0);
        assertThat(since(crit)).isEqualTo(AS_OF.minusHours(3).toInstant());
    }

    @Test
    void shouldDateAPhysicallyImpossibleValueByItsDqRule_andASilentVariableByItsLastReading() {
        Map<String, Object> dq = alert("W-DQ", FILL);
        assertThat(dq).containsEntry("codigo_status", 8).containsEntry("limite_nombre", "dq_max")
                .containsEntry("limite", 100.0);
        assertThat(since(dq)).isEqualTo(AS_OF.minusHours(1).toInstant());

        Map<String, Object> silent = alert("W-SILENT", WHP);
        assertThat(silent).containsEntry("codigo_status", 9).containsEntry("limite_nombre", "offline_allowance_min")
                .containsEntry("limite", 120.0);
        assertThat(since(silent)).isEqualTo(AS_OF.minusHours(6).toInstant());
        // the pipeline opened every alert at its run's asOf; desde is when the condition began
        assertThat(((Timestamp) silent.get("abierta_en")).toInstant()).isEqualTo(AS_OF.toInstant());
        assertThat(Duration.between(since(silent), ((Timestamp) silent.get("evaluado_en")).toInstant()))
                .isEqualTo(Duration.ofHours(6));
    }

    private static Map<String, Object> alert(String well, String variable) {
        List<Map<String, Object>> rows = wells.rows("SELECT codigo_status, limite_nombre, limite, desde, abierta_en,"
                + " evaluado_en, extract(epoch FROM duracion)::bigint AS duracion_s FROM reporting.vw_alerts WHERE well_id = ? AND referencia = ?", well, variable);
        assertThat(rows).as(well + "/" + variable).hasSize(1);
        Map<String, Object> row = rows.get(0);
        row.put("codigo_status", ((Number) row.get("codigo_status")).intValue());
        return row;
    }

    private static java.time.Instant since(Map<String, Object> row) {
        return ((Timestamp) row.get("desde")).toInstant();
    }
}

package com.bp010.pipeline;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Partial periods through the pipeline handler: a day with one hour of data and the month it starts are marked
 * incomplete, with the hours and days they cover, and carry no uptime, variance or decline read as if whole.
 */
class PeriodCompletenessIT {
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        // 2026-03-30 whole (24 hourly readings), 2026-03-31 one hour; the unit runs throughout
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate,
                       strokes_per_minute, runtime_hours)
                SELECT 'PART', TIMESTAMPTZ '2026-03-30T00:00:00Z' + make_interval(hours => h), 50, 50, 8, 100 + h + 1
                  FROM generate_series(-1, 24) h""");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Object daily(String day, String column) {
        return db.queryValue("SELECT " + column + " FROM reporting.fact_operaciones_diarias WHERE fecha = '" + day + "'");
    }

    private Object late(String day, String column) {
        return db.queryValue("SELECT " + column + " FROM reporting.fact_operaciones_diarias WHERE well_id = 'LATE'"
                + " AND fecha = '" + day + "'");
    }

    @Test
    void shouldMarkTheFragmentIncomplete_whenADayHasOneHourOfData() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());

        JsonNode r = Invocation.invoke(handler, """
                {"phases": ["TRANSFORM", "ENRICH"], "fechaInicio": "2026-03-30", "fechaFin": "2026-03-31",
                 "asOf": "2026-03-31T01:30:00Z"}""");

        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("OK");
        assertThat(daily("2026-03-30", "completo")).isEqualTo(true);
        assertThat(((Number) daily("2026-03-30", "uptime_pct")).doubleValue()).isCloseTo(100, within(1e-9));
        assertThat(daily("2026-03-31", "completo")).as("1 of 24 hours").isEqualTo(false);
        assertThat(((Number) daily("2026-03-31", "completitud")).doubleValue()).isCloseTo(1.0 / 24, within(1e-12));
        assertThat(daily("2026-03-31", "uptime_pct")).as("no uptime on a fragment").isNull();
        String kpi = "SELECT %s FROM reporting.dataset_kpi_business WHERE tipo_periodo = '%s' AND periodo = '%s'";
        assertThat(db.queryValue(kpi.formatted("uptime_pct", "DIA", "2026-03-31"))).as("today is not 100 %").isNull();
        assertThat(db.queryValue(kpi.formatted("completo", "DIA", "2026-03-31"))).isEqualTo(false);
        assertThat(((Number) db.queryValue(kpi.formatted("uptime_pct", "DIA", "2026-03-30"))).doubleValue())
                .isCloseTo(100, within(1e-9));
        String month = "SELECT %s FROM reporting.fact_operaciones_mensuales WHERE mes = '2026-03-01'";
        assertThat(db.queryValue(month.formatted("completo"))).as("2 days of 31").isEqualTo(false);
        assertThat(((Number) db.queryValue(month.formatted("dias_completos"))).intValue()).isEqualTo(1);
        assertThat(((Number) db.queryValue(month.formatted("completitud"))).doubleValue()).isCloseTo(1.0 / 31, within(1e-12));
        assertThat(db.queryValue(month.formatted("uptime_pct"))).as("no 6.3 % uptime for a month begun yesterday").isNull();
        assertThat(db.queryValue(kpi.formatted("uptime_pct", "MES", "2026-03-01"))).isNull();
        assertThat(db.queryValue("SELECT completo FROM reporting.vw_kpi_daily WHERE fecha = '2026-03-31'")).isEqualTo(false);
        assertThat(db.queryValue("SELECT completo FROM reporting.vw_kpi_monthly WHERE mes = '2026-03-01'")).isEqualTo(false);
    }

    /**
     * A day in progress is never complete, whatever its hours with data: at 23:30 on 31 March, March's last day has 23
     * of its 24 hours (10:00 is missing; 0.958 reaches completitud_minima 0.9) and 23/24 of a day's barrels, and March
     * has 31 days of data; both are partial until they end. The next hourly run, at 1 April 01:00, has no new reading
     * (the well stopped reporting), and still aggregates the day and the month again: both are complete then, with
     * uptime and variance. Fails before 2026-12-08 (the day and month read complete at 23:30, with a variance).
     */
    @Test
    void shouldKeepTheDayInProgressPartial_andCompleteItWhenItEnds_whenNoReadingArrives() {
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate,
                       strokes_per_minute, runtime_hours)
                SELECT 'LATE', TIMESTAMPTZ '2026-03-01T00:00:00Z' + make_interval(hours => h), 48, 50, 8, 1000 + h + 1
                  FROM generate_series(-1, 30 * 24 + 23) h
                 WHERE TIMESTAMPTZ '2026-03-01T00:00:00Z' + make_interval(hours => h) <> '2026-03-31T10:00:00Z'""");
        db.execute("INSERT INTO reporting.dim_pozo (well_id, target_oil_rate) VALUES ('LATE', 60)");
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        String kpi = "SELECT %s FROM reporting.dataset_kpi_business WHERE well_id = 'LATE' AND tipo_periodo = '%s'"
                + " AND periodo = '%s'";
        String month = "SELECT %s FROM reporting.fact_operaciones_mensuales WHERE well_id = 'LATE' AND mes = '2026-03-01'";
        String view = "SELECT %s FROM reporting.vw_kpi_daily WHERE well_id = 'LATE' AND fecha = '2026-03-31'";

        JsonNode first = Invocation.invoke(handler, """
                {"asOf": "2026-03-31T23:30:00Z"}""");

        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("OK");
        assertThat(late("2026-03-31", "horas_con_datos")).isEqualTo(23);
        assertThat(late("2026-03-31", "completo")).as("in progress at 23:30").isEqualTo(false);
        assertThat(late("2026-03-31", "uptime_pct")).isNull();
        assertThat(db.queryValue(view.formatted("variance_oil_pct"))).as("no variance on a day in progress").isNull();
        assertThat(db.queryValue(kpi.formatted("completo", "DIA", "2026-03-31"))).isEqualTo(false);
        assertThat(db.queryValue(kpi.formatted("variance_oil_pct", "DIA", "2026-03-31"))).isNull();
        assertThat(late("2026-03-30", "completo")).isEqualTo(true);
        assertThat(db.queryValue(month.formatted("completo"))).as("March in progress").isEqualTo(false);
        assertThat(db.queryValue(month.formatted("uptime_pct"))).isNull();
        assertThat(db.queryValue(kpi.formatted("variance_oil_pct", "MES", "2026-03-01"))).isNull();

        JsonNode second = Invocation.invoke(handler, """
                {"asOf": "2026-04-01T01:00:00Z"}""");

        assertThat(second.get("status").asText()).as("the day ended: not nothing to do; " + second).isEqualTo("OK");
        assertThat(late("2026-03-31", "completo")).as("ended, 23 of 24 hours").isEqualTo(true);
        assertThat(((Number) late("2026-03-31", "uptime_pct")).doubleValue()).isCloseTo(100, within(1e-9));
        assertThat(((Number) db.queryValue(view.formatted("variance_oil_pct"))).doubleValue())
                .as("48 bbl/d over its 23 hours with oil against 60").isCloseTo(-20, within(1e-9));
        assertThat(db.queryValue(kpi.formatted("completo", "DIA", "2026-03-31"))).isEqualTo(true);
        assertThat(((Number) db.queryValue(kpi.formatted("variance_oil_pct", "DIA", "2026-03-31"))).doubleValue())
                .isCloseTo(-20, within(1e-9));
        assertThat(db.queryValue(month.formatted("completo"))).as("March ended").isEqualTo(true);
        assertThat(((Number) db.queryValue(month.formatted("uptime_pct"))).doubleValue()).isCloseTo(100, within(1e-9));
        assertThat(((Number) db.queryValue(kpi.formatted("variance_oil_pct", "MES", "2026-03-01"))).doubleValue())
                .isCloseTo(-20, within(1e-9));

        JsonNode third = Invocation.invoke(handler, """
                {"asOf": "2026-04-01T02:00:00Z"}""");
        assertThat(third.get("status").asText()).as("nothing ended since: " + third).isEqualTo("NOTHING_TO_DO");
    }
}

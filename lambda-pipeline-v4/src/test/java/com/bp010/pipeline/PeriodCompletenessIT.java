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
}

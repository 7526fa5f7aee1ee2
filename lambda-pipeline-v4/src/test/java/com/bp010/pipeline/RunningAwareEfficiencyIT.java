package com.bp010.pipeline;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * DOMAIN's volumetric-efficiency oracle (72.02 %) through the pipeline handler when the unit runs 24 h, 12 h or 1 h of
 * the day: readings taken while it is stopped (SPM 0, no loads) must not dilute the running averages, and the day,
 * the month and the business KPIs use one formula, liquid over the volume the day's strokes displaced.
 * On the day the well runs, it makes 130 bbl/d while running (65 bbl in 12 h); D 1.5 in, S 86 in, 8 SPM.
 */
class RunningAwareEfficiencyIT {
    private static final String DAY = "2026-03-10";
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** The well's master row: pump at 5,000 ft, 35 API, water SG 1.07, plunger 1.5 in, rods 9,350 lbf in air. */
    private void master(String well) {
        db.execute("""
                INSERT INTO stage.tbl_pozo_maestra (well_id, profundidad_bomba, profundidad_media_perforados,
                       profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                VALUES ('%s', 5000, 5200, 5300, 35, 1.07, 1.5, 9350)""".formatted(well));
    }

    /** Hourly readings of one day (and the hour before it): running the first {@code hours} hours, stopped after. */
    private void wellRunning(String well, int hours, boolean strokeCounter) {
        master(well);
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, bsw, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, max_rod_load, motor_current, runtime_hours, stroke_counter)
                SELECT '%1$s', TIMESTAMPTZ '%2$sT00:00:00Z' + make_interval(hours => h), 50, 100, 4000, 60,
                       CASE WHEN run THEN 52 ELSE 0 END, CASE WHEN run THEN 78 ELSE 0 END,
                       CASE WHEN run THEN 130 ELSE 0 END, CASE WHEN run THEN 8 ELSE 0 END, 86,
                       CASE WHEN run THEN 12000 ELSE 8200 END, CASE WHEN run THEN 40 ELSE 0 END,
                       500 + least(h + 1, %3$s), CASE WHEN %4$s THEN 10000 + 480 * least(h + 1, %3$s) END
                  FROM generate_series(-1, 23) h, LATERAL (SELECT h >= 0 AND h < %3$s AS run) r;
                """.formatted(well, DAY, hours, strokeCounter));
    }

    /** TRANSFORM and ENRICH over {@code DAY} through the handler; the run must answer OK. */
    private void transformAndEnrichTheDay() {
        transformAndEnrich(DAY, "2026-03-11T06:00:00Z");
    }

    /** TRANSFORM and ENRICH over {@code DAY} .. {@code lastDay} through the handler; the run must answer OK. */
    private void transformAndEnrich(String lastDay, String asOf) {
        transformAndEnrich(DAY, lastDay, asOf);
    }

    /** TRANSFORM and ENRICH over {@code firstDay} .. {@code lastDay} through the handler; the run must answer OK. */
    private void transformAndEnrich(String firstDay, String lastDay, String asOf) {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        JsonNode r = Invocation.invoke(handler, """
                {"phases": ["TRANSFORM", "ENRICH"], "fechaInicio": "%s", "fechaFin": "%s", "asOf": "%s"}"""
                .formatted(firstDay, lastDay, asOf));
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("OK");
    }

    private double value(String sql) {
        Object v = db.queryValue(sql);
        assertThat(v).as(sql).isNotNull();
        return ((Number) v).doubleValue();
    }

    @ParameterizedTest(name = "{0} h of runtime, stroke counter {1}")
    @CsvSource({"24, false", "12, false", "1, false", "12, true"})
    void shouldGiveTheDomainEfficiency_whenTheUnitRunsPartOfTheDay(int hours, boolean strokeCounter) {
        wellRunning("EV", hours, strokeCounter);
        transformAndEnrichTheDay();
        String daily = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = 'EV'";
        assertThat(value(daily.formatted("horas_operacion"))).isCloseTo(hours, within(1e-9));
        assertThat(value(daily.formatted("produccion_liquido_bbl"))).isCloseTo(130.0 * hours / 24, within(1e-9));
        assertThat(value(daily.formatted("strokes_per_minute"))).as("SPM while running").isCloseTo(8, within(1e-9));
        assertThat(value(daily.formatted("max_rod_load"))).as("peak load while running").isCloseTo(12000, within(1e-9));
        assertThat(value(daily.formatted("motor_current"))).as("current while running").isCloseTo(40, within(1e-9));
        assertThat(value(daily.formatted("pump_efficiency_pct"))).as("daily fact").isCloseTo(72.02, within(0.005));
        assertThat(value("SELECT pump_efficiency_pct FROM reporting.fact_operaciones_mensuales WHERE well_id = 'EV'"))
                .as("monthly re-aggregation").isCloseTo(72.02, within(0.005));
        String kpi = "SELECT eficiencia_volumetrica_pct FROM reporting.dataset_kpi_business"
                + " WHERE well_id = 'EV' AND tipo_periodo = '%s'";
        assertThat(value(kpi.formatted("DIA"))).as("business KPI of the day").isCloseTo(72.02, within(0.005));
        assertThat(value("SELECT liquid_rate_promedio FROM reporting.dataset_kpi_business WHERE well_id = 'EV'"
                + " AND tipo_periodo = 'DIA'")).as("the day's rate: its stopped hours report 0 bbl/d and count")
                .isCloseTo(130.0 * hours / 24, within(1e-9));
        assertThat(value(kpi.formatted("MES"))).as("business KPI of the month").isCloseTo(72.02, within(0.005));
        assertThat(value("""
                SELECT 100 * sum(k.eficiencia_volumetrica_pct * h.liquid_rate / 24) / 100 / sum(h.liquid_rate / 24)
                  FROM reporting.fact_kpi_horarios k JOIN reporting.fact_operaciones_horarias h USING (well_id, fecha_hora)
                 WHERE k.well_id = 'EV' AND h.liquid_rate > 0""")).as("hourly KPIs of the running hours")
                .isCloseTo(72.02, within(0.005));
    }

    /** The steady day's ratios: 130 bbl/d of liquid (52 oil), 8 SPM x 86 in on a 1.5 in plunger, 10 kWh an hour. */
    private static final double STEADY_EFFICIENCY = 100 * (130.0 / 24) / (0.1166 / 1440 * 1.5 * 1.5 * 86 * 480);
    private static final double STEADY_KWH_PER_BBL = 10 / (130.0 / 24);
    private static final double STEADY_KWH_PER_BBL_OIL = 10 / (52.0 / 24);

    /**
     * A well running steadily, one reading an hour at {@code DAY} 00:00 + h for h in [from, to] except the hours
     * {@code gapFrom} .. {@code gapTo} (communications lost while it runs; an empty gap when gapFrom > gapTo): the
     * counters add 1 h of runtime, 480 strokes and 10 kWh an hour, so the reading after a gap carries the gap's share.
     */
    private void steadyWell(String well, int from, int to, int gapFrom, int gapTo) {
        master(well);
        steadyReadings(well, from, to, gapFrom, gapTo);
    }

    /** The readings of {@link #steadyWell} alone (the well's master row already written). */
    private void steadyReadings(String well, int from, int to, int gapFrom, int gapTo) {
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, bsw, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, max_rod_load, motor_current, runtime_hours, stroke_counter, energy_kwh)
                SELECT '%1$s', TIMESTAMPTZ '%2$sT00:00:00Z' + make_interval(hours => h), 50, 100, 4000, 60, 52, 78,
                       130, 8, 86, 12000, 40, 500 + h, 10000 + 480 * h, 2000 + 10 * h
                  FROM generate_series(%3$s, %4$s) h
                 WHERE h NOT BETWEEN %5$s AND %6$s;
                """.formatted(well, DAY, from, to, gapFrom, gapTo));
    }

    private Double nullable(String sql) {
        Object v = db.queryValue(sql);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /**
     * A gap in the readings (none from 12:00 to 14:59) on a well that keeps running: the 15:00 reading's deltas span
     * 11:00 to 15:00 (4 h, 1,920 strokes, 40 kWh) while the hour has one hour of barrels. The hour after the gap is
     * not matched: its ratios are NULL (not 18 %), and the day's ratios are those of its 20 matched hours, the
     * gap-free twin's (72.02 %, 1.846 kWh/bbl), not 21/24 of them (63.02 %, 2.11 kWh/bbl). The totals stay: 24 h of
     * runtime and 240 kWh over 21 h of barrels.
     */
    @Test
    void shouldGiveTheGapFreeRatios_whenTheReadingsStopForThreeHours() {
        steadyWell("GF", -1, 23, 1, 0);
        steadyWell("GP", -1, 23, 12, 14);
        steadyWell("G2", -1, 23, 12, 13);
        transformAndEnrichTheDay();

        String daily = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = '%s'";
        assertThat(value(daily.formatted("pump_efficiency_pct", "GF"))).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(STEADY_EFFICIENCY).isCloseTo(72.02, within(0.005));
        for (String ratio : List.of("pump_efficiency_pct", "system_efficiency_pct", "kwh_por_bbl",
                "kwh_por_bbl_petroleo")) {
            assertThat(value(daily.formatted(ratio, "GP"))).as(ratio + " of the day with the gap")
                    .isCloseTo(value(daily.formatted(ratio, "GF")), within(1e-9));
            assertThat(value("SELECT %s FROM reporting.fact_operaciones_mensuales WHERE well_id = 'GP'"
                    .formatted(ratio))).as(ratio + " of the month")
                    .isCloseTo(value(daily.formatted(ratio, "GF")), within(1e-9));
        }
        assertThat(value(daily.formatted("kwh_por_bbl", "GP"))).isCloseTo(STEADY_KWH_PER_BBL, within(1e-9));
        assertThat(value(daily.formatted("kwh_por_bbl_petroleo", "GP"))).isCloseTo(STEADY_KWH_PER_BBL_OIL, within(1e-9));
        assertThat(value(daily.formatted("energia_kwh", "GP"))).as("the day's energy stays").isCloseTo(240, within(1e-9));
        assertThat(value(daily.formatted("horas_operacion", "GP"))).isCloseTo(24, within(1e-9));
        assertThat(nullable(daily.formatted("uptime_pct", "GP"))).as("partial: 21 of 24 hours").isNull();
        assertThat(value(daily.formatted("uptime_pct", "GF"))).isCloseTo(100, within(1e-9));
        assertThat(value(daily.formatted("uptime_pct", "G2")))
                .as("a two-hour gap inside a complete day (22 of 24 hours) keeps the day's runtime whole")
                .isCloseTo(100, within(1e-9));
        assertThat(value(daily.formatted("n_carreras", "GP"))).isCloseTo(24 * 480, within(1e-9));
        assertThat(value(daily.formatted("produccion_liquido_bbl", "GP"))).isCloseTo(130.0 * 21 / 24, within(1e-9));
        assertThat(value(daily.formatted("emp_energia_liquido_bbl", "GP"))).as("20 matched hours of liquid")
                .isCloseTo(130.0 * 20 / 24, within(1e-9));

        String kpi = "SELECT %s FROM reporting.dataset_kpi_business WHERE well_id = 'GP' AND tipo_periodo = '%s'";
        assertThat(value(kpi.formatted("eficiencia_volumetrica_pct", "DIA"))).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(value(kpi.formatted("eficiencia_volumetrica_pct", "MES"))).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(value(kpi.formatted("kwh_por_bbl", "DIA"))).isCloseTo(STEADY_KWH_PER_BBL, within(1e-9));
        assertThat(value(kpi.formatted("kwh_por_bbl", "MES"))).isCloseTo(STEADY_KWH_PER_BBL, within(1e-9));

        String hour = "SELECT %s FROM reporting.fact_kpi_horarios WHERE well_id = 'GP' AND fecha_hora = TIMESTAMPTZ '"
                + DAY + "T%s:00:00Z'";
        assertThat(nullable(hour.formatted("eficiencia_volumetrica_pct", "15"))).as("the hour after the gap").isNull();
        assertThat(nullable(hour.formatted("kwh_por_bbl", "15"))).as("the hour after the gap").isNull();
        assertThat(value(hour.formatted("eficiencia_volumetrica_pct", "16"))).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(value(hour.formatted("kwh_por_bbl", "16"))).isCloseTo(STEADY_KWH_PER_BBL, within(1e-9));
        assertThat(nullable(hour.formatted("potencia_entrada_hp", "15")))
                .as("the hour after the gap: no motor power reading, and 40 kWh is not one hour's power").isNull();
        assertThat(value(hour.formatted("potencia_entrada_hp", "16"))).isCloseTo(10 * 1.341022, within(1e-6));
        assertThat(db.queryValue("SELECT energia_emparejada::text || horas_emparejadas || carreras_emparejadas"
                + " FROM reporting.fact_operaciones_horarias WHERE well_id = 'GP' AND fecha_hora = TIMESTAMPTZ '"
                + DAY + "T15:00:00Z'")).isEqualTo("falsefalsefalse");
    }

    /**
     * A gap across local midnight (no readings at 23:00 and 00:00): the 01:00 reading's deltas span 22:00 to 01:00.
     * Both days' ratios are the steady ones over their matched hours (hours 00..22 and 02..23). The totals stay as
     * the counters credit them: the first day has 23 h of runtime, the next 25 h (both complete with 23 h of data);
     * the split of the gap between the days is unknown, so it is not moved (AGGREGATION.md). Neither day publishes
     * an uptime (it read 95.8 % and an impossible 104.2 %): the first day's runtime stops at 22:00, the next day's
     * starts at 22:00 the day before. The month, whose runtime the gap does not leave, keeps its own.
     */
    @Test
    void shouldGiveTheSteadyRatiosOnBothDays_whenTheGapCrossesMidnight() {
        steadyWell("GM", -1, 47, 23, 24);
        transformAndEnrich("2026-03-11", "2026-03-12T06:00:00Z");

        String day = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = 'GM' AND fecha = '%s'";
        for (String d : List.of(DAY, "2026-03-11")) {
            assertThat(value(day.formatted("pump_efficiency_pct", d))).as(d).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
            assertThat(value(day.formatted("kwh_por_bbl", d))).as(d).isCloseTo(STEADY_KWH_PER_BBL, within(1e-9));
            assertThat(value(day.formatted("kwh_por_bbl_petroleo", d))).as(d)
                    .isCloseTo(STEADY_KWH_PER_BBL_OIL, within(1e-9));
            assertThat(value(day.formatted("produccion_liquido_bbl", d))).as(d).isCloseTo(130.0 * 23 / 24, within(1e-9));
        }
        assertThat(value(day.formatted("system_efficiency_pct", DAY)))
                .isCloseTo(value(day.formatted("system_efficiency_pct", "2026-03-11")), within(1e-9));
        assertThat(value(day.formatted("horas_operacion", DAY))).isCloseTo(23, within(1e-9));
        assertThat(value(day.formatted("horas_operacion", "2026-03-11"))).as("the gap's 3 h credited to 01:00")
                .isCloseTo(25, within(1e-9));
        assertThat(value(day.formatted("energia_kwh", "2026-03-11"))).isCloseTo(250, within(1e-9));
        String kpi = "SELECT uptime_pct FROM reporting.dataset_kpi_business WHERE well_id = 'GM' AND tipo_periodo = 'DIA'"
                + " AND periodo = '%s'";
        for (String d : List.of(DAY, "2026-03-11")) {
            assertThat(value(day.formatted("completitud", d))).as(d + ": complete, 23 of 24 hours")
                    .isCloseTo(23.0 / 24, within(1e-9));
            assertThat(nullable(day.formatted("uptime_pct", d))).as(d + ": the gap's runtime crosses midnight").isNull();
            assertThat(nullable(kpi.formatted(d))).as(d + ": the business KPI copies the NULL").isNull();
        }
        assertThat(value("SELECT pump_efficiency_pct FROM reporting.fact_operaciones_mensuales WHERE well_id = 'GM'"))
                .isCloseTo(STEADY_EFFICIENCY, within(1e-9));
    }

    /**
     * A well's first day: its first reading (10:00, nothing before it) has rates but no counter delta, so that hour is
     * not matched; the day's ratios are those of its 13 matched hours (11:00 .. 23:00), the steady values (72.02 %,
     * 1.846 kWh/bbl), not 14/13 of them (77.56 %); its barrels (14 h) stay; the month and the business KPIs count
     * the day's matched hours with the next day's.
     */
    @Test
    void shouldGiveTheRatiosOfTheMatchedHours_onTheDayOfTheWellsFirstReading() {
        steadyWell("FD", 10, 47, 1, 0);
        transformAndEnrich("2026-03-11", "2026-03-12T06:00:00Z");

        String day = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = 'FD' AND fecha = '%s'";
        for (String ratio : List.of("pump_efficiency_pct", "system_efficiency_pct", "kwh_por_bbl",
                "kwh_por_bbl_petroleo")) {
            assertThat(value(day.formatted(ratio, DAY))).as(ratio + " on the first day")
                    .isCloseTo(value(day.formatted(ratio, "2026-03-11")), within(1e-9));
        }
        assertThat(value(day.formatted("pump_efficiency_pct", DAY))).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(value(day.formatted("kwh_por_bbl", DAY))).isCloseTo(STEADY_KWH_PER_BBL, within(1e-9));
        assertThat(value(day.formatted("kwh_por_bbl_petroleo", DAY))).isCloseTo(STEADY_KWH_PER_BBL_OIL, within(1e-9));
        assertThat(value(day.formatted("produccion_liquido_bbl", DAY))).as("the first day's barrels stay")
                .isCloseTo(130.0 * 14 / 24, within(1e-9));
        assertThat(value(day.formatted("energia_kwh", DAY))).isCloseTo(130, within(1e-9));
        assertThat(value("SELECT pump_efficiency_pct FROM reporting.fact_operaciones_mensuales WHERE well_id = 'FD'"))
                .as("the month: both days' matched hours").isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(value("SELECT eficiencia_volumetrica_pct FROM reporting.dataset_kpi_business"
                + " WHERE well_id = 'FD' AND tipo_periodo = 'DIA' AND periodo = '" + DAY + "'"))
                .as("the business KPI of the first day").isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(nullable("SELECT eficiencia_volumetrica_pct FROM reporting.fact_kpi_horarios WHERE well_id = 'FD'"
                + " AND fecha_hora = TIMESTAMPTZ '" + DAY + "T10:00:00Z'")).as("the first hour").isNull();
    }

    /**
     * A steady well (130 bbl/d of liquid, 52 of oil, 10 kWh an hour) whose first reading is at 08:00: its first day
     * has 16 hours of data (partial), the next day 22 (none at 10:00 and 11:00: complete, 22 of 24 hours). A day's rate
     * is its barrels over its hours with data (docs/AGGREGATION.md "A day's rate"): hours without readings are not
     * hours at zero. By hand:
     * <pre>
     *   first day   liquid 16 x 130 / 24 = 86.667 bbl, oil 34.667 bbl; rate 86.667 x 24 / 16 = 130 bbl/d, oil 52
     *               (it read 86.667 x 24 / 24 = 86.667 and 34.667 bbl/d: 2/3 of the rate)
     *   next day    liquid 22 x 130 / 24 = 119.167 bbl; rate 130 bbl/d (read 119.167); oil 52 bbl/d against a target
     *               of 52: variance 0 % (read (47.667 - 52) / 52 = -8.33 %)
     *   HHP         pressure form, PIP from the fluid level (DOMAIN.md section 2): SGo = 141.5 / 166.5 = 0.849850,
     *               Go = 0.433 SGo = 0.367985, PIP = 50 + 0.367985 x (5000 - 4000) = 417.985 psi;
     *               SGm = 0.4 SGo + 0.6 x 1.07 = 0.981940, Gm = 0.425180, P_discharge = 100 + 0.425180 x 5000 = 2225.900,
     *               HHP = 1.7e-5 x 130 x (2225.900 - 417.985) = 3.99549 hp on both days (the first read
     *               1.7e-5 x 86.667 x 1807.915 = 2.66366 hp, the next 3.66253 hp)
     *   system eff. the first day's energy-matched hours are 09..23 (08:00 has no delta): 15 h, 150 kWh, 15 x 130 / 24
     *               = 81.25 bbl; their hydraulic energy 3.99549 hp x 15 h = 59.932 hp h, electrical 150 x 1.341022
     *               = 201.153 hp h: 29.794 %, the steady value (the formula: HHP x 81.25 / 86.667 = 3.74577 hp over
     *               150 kWh / 16 h = 9.375 kW = 12.5721 hp; it was 2.49718 hp over 150 / 24 h = 8.38139 hp, the same ratio)
     *   month       38 hours with data: 130 x 38 / 24 = 205.833 bbl over 38 / 24 days = 130 bbl/d, oil 52 (read
     *               205.833 / 2 days = 102.917 and 41.167 bbl/d); its HHP the mean of its days', 3.99549 hp (read 3.1631)
     * </pre>
     */
    @Test
    void shouldGiveTheSteadyRateAndHydraulicPower_onDaysWithHoursWithoutData() {
        steadyWell("PR", 8, 47, 34, 35);
        db.execute("INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, target) VALUES ('oil_rate', 'PR', 52)");
        transformAndEnrich("2026-03-11", "2026-03-12T06:00:00Z");

        double sgo = 141.5 / (131.5 + 35);
        double pip = 50 + 0.433 * sgo * (5000 - 4000);
        double sgm = 0.4 * sgo + 0.6 * 1.07;
        double hhp = 1.7e-5 * 130 * (100 + 0.433 * sgm * 5000 - pip);
        assertThat(hhp).isCloseTo(3.99549, within(5e-6));
        String day = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = 'PR' AND fecha = '%s'";
        String kpi = "SELECT %s FROM reporting.dataset_kpi_business WHERE well_id = 'PR' AND tipo_periodo = '%s'"
                + " AND periodo = '%s'";
        for (String d : List.of(DAY, "2026-03-11")) {
            assertThat(value(day.formatted("hydraulic_hp", d))).as(d + ": HHP at 130 bbl/d").isCloseTo(hhp, within(1e-9));
            assertThat(value(kpi.formatted("liquid_rate_promedio", "DIA", d))).as(d).isCloseTo(130, within(1e-9));
            assertThat(value(kpi.formatted("oil_rate_promedio", "DIA", d))).as(d).isCloseTo(52, within(1e-9));
            assertThat(value("SELECT oil_rate FROM reporting.vw_kpi_daily WHERE well_id = 'PR' AND fecha = '" + d + "'"))
                    .as(d + ": the rate the report shows").isCloseTo(52, within(1e-9));
            assertThat(value(day.formatted("system_efficiency_pct", d))).as(d + ": the matched hours' energies")
                    .isCloseTo(100 * hhp / (10 * 1.341022), within(1e-9));
        }
        assertThat(value(day.formatted("produccion_liquido_bbl", DAY))).as("the barrels stay")
                .isCloseTo(130.0 * 16 / 24, within(1e-9));
        assertThat(value(day.formatted("produccion_liquido_bbl", "2026-03-11"))).isCloseTo(130.0 * 22 / 24, within(1e-9));
        assertThat(value(day.formatted("completitud", "2026-03-11"))).isCloseTo(22.0 / 24, within(1e-9));
        assertThat(nullable(kpi.formatted("variance_oil_pct", "DIA", DAY))).as("a partial day: no variance").isNull();
        assertThat(value(kpi.formatted("variance_oil_pct", "DIA", "2026-03-11"))).as("52 bbl/d against 52")
                .isCloseTo(0, within(1e-9));
        assertThat(value("SELECT variance_oil_pct FROM reporting.vw_kpi_daily WHERE well_id = 'PR'"
                + " AND fecha = '2026-03-11'")).isCloseTo(0, within(1e-9));

        String month = "SELECT %s FROM reporting.fact_operaciones_mensuales WHERE well_id = 'PR'";
        assertThat(value(month.formatted("liquid_rate"))).as("205.833 bbl over 38 hours").isCloseTo(130, within(1e-9));
        assertThat(value(month.formatted("oil_rate"))).isCloseTo(52, within(1e-9));
        assertThat(value(month.formatted("hydraulic_hp"))).isCloseTo(hhp, within(1e-9));
        assertThat(value(month.formatted("system_efficiency_pct"))).isCloseTo(100 * hhp / (10 * 1.341022), within(1e-9));
        assertThat(value(kpi.formatted("liquid_rate_promedio", "MES", "2026-03-01"))).isCloseTo(130, within(1e-9));
        assertThat(value(kpi.formatted("oil_rate_promedio", "MES", "2026-03-01"))).isCloseTo(52, within(1e-9));
    }

    /**
     * A gap across a month's first or last midnight: two wells running throughout March 2026, one reading an hour
     * from 28 February 20:00 to 1 April 02:00 (runtime counter + 1 h an hour). MA has none at 28 Feb 23:00 and 1 Mar
     * 00:00: its 01:00 reading credits 22:00 .. 01:00, 3 h, to March, whose runtime is 745 h of 744 (100.13 %, an
     * impossible uptime). MB has none at 31 Mar 23:00 and 1 Apr 00:00: March's runtime stops at 22:00, 743 h
     * (99.87 %; the hour went to April). Either way the first or last day's runtime does not cover it and it has no
     * uptime (the daily rule); the month's uptime is over the 30 days that have one: 720 h / 720 h = 100 %, and the
     * business KPI of the month copies it. Both months are complete (30 complete days and one of 23 hours).
     */
    @Test
    void shouldGiveTheMonthsUptimeOverItsCoveredDays_whenAGapCrossesTheMonthsFirstOrLastMidnight() {
        for (String well : List.of("MA", "MB")) {
            master(well);
            db.execute("""
                    INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate, liquid_rate,
                           runtime_hours)
                    SELECT '%1$s', TIMESTAMPTZ '2026-02-28T20:00:00Z' + make_interval(hours => h), 52, 78, 130, 500 + h
                      FROM generate_series(0, 750) h
                     WHERE h NOT IN (%2$s)""".formatted(well, well.equals("MA") ? "3, 4" : "747, 748"));
        }
        transformAndEnrich("2026-03-01", "2026-03-31", "2026-04-02T00:00:00Z");

        String day = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = '%s' AND fecha = '%s'";
        assertThat(value(day.formatted("horas_operacion", "MA", "2026-03-01"))).as("22:00 .. 01:00 and 01:00 .. 23:00")
                .isCloseTo(25, within(1e-9));
        assertThat(nullable(day.formatted("uptime_pct", "MA", "2026-03-01"))).isNull();
        assertThat(value(day.formatted("horas_operacion", "MB", "2026-03-31"))).isCloseTo(23, within(1e-9));
        assertThat(nullable(day.formatted("uptime_pct", "MB", "2026-03-31"))).isNull();
        String month = "SELECT %s FROM reporting.fact_operaciones_mensuales WHERE well_id = '%s' AND mes = '2026-03-01'";
        assertThat(value(month.formatted("horas_operacion", "MA"))).as("the month's runtime stays the counters'")
                .isCloseTo(745, within(1e-9));
        assertThat(value(month.formatted("horas_operacion", "MB"))).isCloseTo(743, within(1e-9));
        for (String well : List.of("MA", "MB")) {
            assertThat(db.queryValue(month.formatted("completo", well))).isEqualTo(true);
            assertThat(value(month.formatted("uptime_pct", well))).as(well + ": 720 h over the 720 h of 30 covered days")
                    .isCloseTo(100, within(1e-9));
            assertThat(value("SELECT uptime_pct FROM reporting.dataset_kpi_business WHERE well_id = '" + well
                    + "' AND tipo_periodo = 'MES' AND periodo = '2026-03-01'")).as(well).isCloseTo(100, within(1e-9));
        }
    }

    /**
     * A run in the day's last hour (as-of 23:30, the 23:00 reading in), as the hourly schedule makes every day: the
     * day is not over, so it is not complete and has no uptime (a day in progress never is: PeriodCompletenessIT);
     * the run after midnight finds it complete and its runtime covering it (24 h, 23:00 the day before to 23:00), so
     * its uptime is 24 h over its 24 clock hours, 100 %, in the daily facts and in the business KPI, which copies them
     * (it divided the runtime by the 23.5 hours to as-of: an impossible 102.13 %, found by the hand audit of
     * AGGREGATION.md).
     */
    @Test
    void shouldGiveTheDaysUptimeInTheBusinessKpi_whenTheRunIsInTheDaysLastHour() {
        steadyWell("AO", -1, 23, 1, 0);
        transformAndEnrich(DAY, "2026-03-10T23:30:00Z");
        assertThat(nullable("SELECT uptime_pct FROM reporting.dataset_kpi_business WHERE well_id = 'AO'"
                + " AND tipo_periodo = 'DIA' AND periodo = '" + DAY + "'")).as("the day is in progress").isNull();

        transformAndEnrich(DAY, "2026-03-11T00:30:00Z");

        assertThat(value("SELECT uptime_pct FROM reporting.fact_operaciones_diarias WHERE well_id = 'AO' AND fecha = '"
                + DAY + "'")).isCloseTo(100, within(1e-9));
        assertThat(value("SELECT uptime_pct FROM reporting.dataset_kpi_business WHERE well_id = 'AO'"
                + " AND tipo_periodo = 'DIA' AND periodo = '" + DAY + "'")).as("24 h over the day's 24 clock hours")
                .isCloseTo(100, within(1e-9));
    }

    /**
     * The readings of a gap arrive late (12:00, 13:00 and 14:00, after a run that saw the gap): the incremental run
     * re-opens the hours around them, so the 15:00 hour, whose delta now spans 14:00 to 15:00 only, becomes matched,
     * and the day's ratios count all 24 hours, as a full recomputation would (IncrementalRunIT checks the general case).
     */
    @Test
    void shouldMatchTheHourAfterTheGap_whenTheGapsReadingsArriveLate() {
        steadyWell("GL", -1, 23, 12, 14);
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        JsonNode first = Invocation.invoke(handler, """
                {"fechaInicio": "%s", "fechaFin": "%s", "asOf": "2026-03-11T00:00:00Z"}""".formatted(DAY, DAY));
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("OK");
        String flags = "SELECT energia_emparejada::text || horas_emparejadas || carreras_emparejadas"
                + " FROM reporting.fact_operaciones_horarias WHERE well_id = 'GL' AND fecha_hora = TIMESTAMPTZ '"
                + DAY + "T15:00:00Z'";
        assertThat(db.queryValue(flags)).isEqualTo("falsefalsefalse");

        steadyReadings("GL", 12, 14, 1, 0);
        JsonNode late = Invocation.invoke(handler, """
                {"asOf": "2026-03-11T00:00:00Z"}""");
        assertThat(late.get("status").asText()).as(late.toString()).isEqualTo("OK");

        assertThat(db.queryValue(flags)).as("the hour after the filled gap").isEqualTo("truetruetrue");
        String daily = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = 'GL' AND fecha = '" + DAY + "'";
        assertThat(value(daily.formatted("horas_con_datos"))).isEqualTo(24);
        assertThat(value(daily.formatted("emp_energia_liquido_bbl"))).isCloseTo(130.0, within(1e-9));
        assertThat(value(daily.formatted("pump_efficiency_pct"))).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
        assertThat(value(daily.formatted("kwh_por_bbl"))).isCloseTo(STEADY_KWH_PER_BBL, within(1e-9));
        assertThat(value("SELECT eficiencia_volumetrica_pct FROM reporting.fact_kpi_horarios WHERE well_id = 'GL'"
                + " AND fecha_hora = TIMESTAMPTZ '" + DAY + "T15:00:00Z'")).isCloseTo(STEADY_EFFICIENCY, within(1e-9));
    }

    /**
     * One liquid for the hour and the day: the hour's measured liquid rate, else its oil + water. The liquid meter
     * reads 120 bbl/d in the first 6 running hours (oil 52 + water 78 = 130), none in the next 6 (then oil + water,
     * 130): the day has (6 x 120 + 6 x 130) / 24 = 62.5 bbl, the strokes of 12 h displaced 180.4968 x 12 / 24 bbl.
     * The daily fact, the month, the business KPIs and the hourly KPIs all count the same barrels.
     */
    @Test
    void shouldCountTheHoursLiquid_whenTheLiquidMeterDisagreesWithOilPlusWater() {
        wellRunning("LQ", 12, true);
        db.execute("""
                UPDATE stage.tbl_pozo_produccion
                   SET liquid_rate = CASE WHEN timestamp_lectura < TIMESTAMPTZ '%1$sT06:00:00Z' THEN 120 END
                 WHERE well_id = 'LQ' AND timestamp_lectura >= TIMESTAMPTZ '%1$sT00:00:00Z'
                   AND timestamp_lectura < TIMESTAMPTZ '%1$sT12:00:00Z';
                """.formatted(DAY));
        transformAndEnrichTheDay();
        double liquid = (6 * 120.0 + 6 * 130.0) / 24;
        double displaced = 0.1166 * 1.5 * 1.5 * 86 * 8 * 12 / 24;
        String daily = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = 'LQ'";
        assertThat(value(daily.formatted("produccion_liquido_bbl"))).isCloseTo(liquid, within(1e-9));
        assertThat(value(daily.formatted("produccion_petroleo_bbl + produccion_agua_bbl"))).as("oil + water")
                .isCloseTo(65, within(1e-9));
        assertThat(value(daily.formatted("volumen_desplazado_bbl"))).isCloseTo(displaced, within(1e-9));
        assertThat(value(daily.formatted("pump_efficiency_pct"))).as("daily fact")
                .isCloseTo(100 * liquid / displaced, within(1e-9));
        assertThat(value("SELECT produccion_liquido_bbl FROM reporting.fact_operaciones_mensuales WHERE well_id = 'LQ'"))
                .as("month").isCloseTo(liquid, within(1e-9));
        String kpi = "SELECT %s FROM reporting.dataset_kpi_business WHERE well_id = 'LQ' AND tipo_periodo = '%s'";
        assertThat(value(kpi.formatted("produccion_liquido_bbl", "DIA"))).isCloseTo(liquid, within(1e-9));
        assertThat(value(kpi.formatted("eficiencia_volumetrica_pct", "MES"))).isCloseTo(100 * liquid / displaced,
                within(1e-9));
        // the hourly KPIs: 100 x 120 / 180.4968 in a metered hour, 72.02 % in the others; their barrels add up to the day's
        String hourly = """
                SELECT %s FROM reporting.fact_kpi_horarios k
                  JOIN reporting.fact_operaciones_horarias h USING (well_id, fecha_hora)
                 WHERE k.well_id = 'LQ' AND k.eficiencia_volumetrica_pct > 0""";
        assertThat(value(hourly.formatted("min(k.eficiencia_volumetrica_pct)")))
                .isCloseTo(100 * 120 / (0.1166 * 1.5 * 1.5 * 86 * 8), within(1e-9));
        assertThat(value(hourly.formatted("sum(coalesce(h.liquid_rate, h.oil_rate + h.water_rate)) / 24")))
                .as("the hours' liquid").isCloseTo(liquid, within(1e-9));
        assertThat(value(hourly.formatted(
                "100 * sum(coalesce(h.liquid_rate, h.oil_rate + h.water_rate) / 24)"
                        + " / sum(coalesce(h.liquid_rate, h.oil_rate + h.water_rate) / 24 * 100 / k.eficiencia_volumetrica_pct)")))
                .as("liquid over displaced volume, summed over the hours").isCloseTo(100 * liquid / displaced, within(1e-9));
    }

    /**
     * An hour with readings but without one of the rates: two wells running steadily all day (24 hours with data, a
     * reading an hour from the hour before), 52 bbl/d oil, 78 water, 130 liquid (measured). RO's 10:00 oil reading is
     * out of range (-5 bbl/d, DQ-013 0 .. 5000): it is left out of the hour's mean, so the hour has no oil and the day
     * 52 x 23 / 24 = 49.8333 bbl. Its oil rate is 49.8333 x 24 / its 23 hours with oil = 52 bbl/d, variance 0 (over
     * its 24 hours with data, main read 49.8333 bbl/d, -4.17 %); its liquid has 24 hours: HHP unchanged. RL's meter
     * sends no water and no liquid at 10:00 (the other tags report): liquid 130 x 23 / 24 = 124.583 bbl over 23 hours
     * = 130 bbl/d, its HHP that of 130 bbl/d, 3.99549 hp (main: of 124.583 bbl/d, 3.82901 hp = 23/24 of it), water
     * 78 bbl/d; the system efficiency's input power is its 23 energy-matched hours' 230 kWh over the same 23 hours,
     * 10 kW, so the efficiency stays 100 x 3.99549 / (10 x 1.341022) = 29.794 %. The month (one day) the same.
     */
    @Test
    void shouldTakeEachRateOverItsOwnHours_whenAnHourHasReadingsButNotThatRate() {
        steadyWell("RO", -1, 23, 1, 0);
        steadyWell("RL", -1, 23, 1, 0);
        db.execute("""
                UPDATE stage.tbl_pozo_produccion SET oil_rate = -5
                 WHERE well_id = 'RO' AND timestamp_lectura = TIMESTAMPTZ '%1$sT10:00:00Z';
                UPDATE stage.tbl_pozo_produccion SET water_rate = NULL, liquid_rate = NULL
                 WHERE well_id = 'RL' AND timestamp_lectura = TIMESTAMPTZ '%1$sT10:00:00Z';
                INSERT INTO referencial.tbl_dq_rules (rule_id, nombre_tecnico, tipo, valor_min, valor_max)
                VALUES ('DQ-013', 'oil_rate', 'REPRESENTATIVIDAD', 0, 5000);
                INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, target)
                VALUES ('oil_rate', 'RO', 52), ('oil_rate', 'RL', 52);
                """.formatted(DAY));
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        JsonNode r = Invocation.invoke(handler, """
                {"phases": ["DQ", "TRANSFORM", "ENRICH"], "fechaInicio": "%1$s", "fechaFin": "%1$s",
                 "asOf": "2026-03-11T06:00:00Z"}""".formatted(DAY));
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("OK");

        double sgo = 141.5 / (131.5 + 35);
        double pip = 50 + 0.433 * sgo * (5000 - 4000);
        double sgm = 0.4 * sgo + 0.6 * 1.07;
        double hhp = 1.7e-5 * 130 * (100 + 0.433 * sgm * 5000 - pip);
        String day = "SELECT %s FROM reporting.fact_operaciones_diarias WHERE well_id = '%s'";
        String kpi = "SELECT %s FROM reporting.dataset_kpi_business WHERE well_id = '%s' AND tipo_periodo = '%s'";
        String month = "SELECT %s FROM reporting.fact_operaciones_mensuales WHERE well_id = '%s'";

        assertThat(nullable("SELECT oil_rate FROM reporting.fact_operaciones_horarias WHERE well_id = 'RO'"
                + " AND fecha_hora = TIMESTAMPTZ '" + DAY + "T10:00:00Z'")).as("the out-of-range reading left out").isNull();
        assertThat(db.queryValue(day.formatted("horas_con_datos::text || ' ' || horas_con_petroleo || ' '"
                + " || horas_con_agua || ' ' || horas_con_liquido", "RO"))).isEqualTo("24 23 24 24");
        assertThat(value(day.formatted("produccion_petroleo_bbl", "RO"))).as("the barrels stay")
                .isCloseTo(52.0 * 23 / 24, within(1e-9));
        assertThat(value(kpi.formatted("oil_rate_promedio", "RO", "DIA"))).isCloseTo(52, within(1e-9));
        assertThat(value(kpi.formatted("variance_oil_pct", "RO", "DIA"))).isCloseTo(0, within(1e-9));
        assertThat(value("SELECT variance_oil_pct FROM reporting.vw_kpi_daily WHERE well_id = 'RO'"))
                .isCloseTo(0, within(1e-9));
        // the rate the report shows (vw_kpi_daily.oil_rate): the mean of the 23 hours with oil, not 52 x 23 / 24
        assertThat(value("SELECT oil_rate FROM reporting.vw_kpi_daily WHERE well_id = 'RO'")).isCloseTo(52, within(1e-9));
        assertThat(value(day.formatted("hydraulic_hp", "RO"))).as("its liquid has every hour").isCloseTo(hhp, within(1e-9));
        assertThat(value(month.formatted("oil_rate", "RO"))).isCloseTo(52, within(1e-9));
        assertThat(value(month.formatted("horas_con_petroleo", "RO"))).isEqualTo(23);
        assertThat(value(kpi.formatted("oil_rate_promedio", "RO", "MES"))).isCloseTo(52, within(1e-9));

        assertThat(db.queryValue(day.formatted("horas_con_datos::text || ' ' || horas_con_petroleo || ' '"
                + " || horas_con_agua || ' ' || horas_con_liquido", "RL"))).isEqualTo("24 24 23 23");
        assertThat(value(day.formatted("produccion_liquido_bbl", "RL"))).isCloseTo(130.0 * 23 / 24, within(1e-9));
        assertThat(value(kpi.formatted("liquid_rate_promedio", "RL", "DIA"))).isCloseTo(130, within(1e-9));
        assertThat(value(kpi.formatted("oil_rate_promedio", "RL", "DIA"))).isCloseTo(52, within(1e-9));
        assertThat(value(day.formatted("hydraulic_hp", "RL"))).as("HHP at 130 bbl/d, not 124.583")
                .isCloseTo(hhp, within(1e-9));
        assertThat(hhp).isCloseTo(3.99549, within(5e-6));
        assertThat(value(day.formatted("system_efficiency_pct", "RL"))).as("input power 230 kWh / 23 h")
                .isCloseTo(100 * hhp / (10 * 1.341022), within(1e-9));
        assertThat(value(month.formatted("liquid_rate", "RL"))).isCloseTo(130, within(1e-9));
        assertThat(value(month.formatted("water_rate", "RL"))).isCloseTo(78, within(1e-9));
        assertThat(value(month.formatted("hydraulic_hp", "RL"))).isCloseTo(hhp, within(1e-9));
        assertThat(value(month.formatted("system_efficiency_pct", "RL")))
                .isCloseTo(100 * hhp / (10 * 1.341022), within(1e-9));
        assertThat(value(kpi.formatted("liquid_rate_promedio", "RL", "MES"))).isCloseTo(130, within(1e-9));
    }
}

package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static com.bp010.pipeline.PipelineSqlFixture.checksum;
import static com.bp010.pipeline.PipelineSqlFixture.connectAsPipeline;
import static com.bp010.pipeline.PipelineSqlFixture.currentValues;
import static com.bp010.pipeline.PipelineSqlFixture.dq;
import static com.bp010.pipeline.PipelineSqlFixture.facts;
import static com.bp010.pipeline.PipelineSqlFixture.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Phase 4 (reporting.sp_load_to_reporting) on generated telemetry, run as the pipeline role in a session time zone
 * that is not UTC (America/Bogota, UTC-5): calendar days are local days. Expected values are computed here, in Java,
 * from the stage rows, independently of the SQL.
 */
class FactsEngineIT {
    private static final String ZONE = "America/Bogota";
    private static final ZoneId BOGOTA = ZoneId.of(ZONE);
    private static final LocalDate APR1 = LocalDate.parse("2026-04-01");
    private static final LocalDate APR2 = LocalDate.parse("2026-04-02");

    private TestDatabase db;
    private Connection admin;
    private Connection pipeline;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = TestDatabase.migrated();
        PipelineSqlFixture.loadCatalogue(db);
        admin = db.connect();
        pipeline = connectAsPipeline(db, ZONE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        pipeline.close();
        admin.close();
        db.close();
    }

    private static OffsetDateTime local(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), BOGOTA).toOffsetDateTime();
    }

    @Test
    void shouldMatchAnIndependentComputation_whenReadingsHaveAGapAndAFailedValue() throws SQLException {
        update(admin, "SELECT prueba.generar_pozos('F', 3)");
        update(admin, "SELECT prueba.generar_lecturas('F', 3, ?, 192, interval '15 minutes')", local("2026-04-01T00:00"));
        // an hour without readings (F-0002, 07:00 local) and an oil rate outside DQ-013 (0-5000) at 10:15
        update(admin, "DELETE FROM stage.tbl_pozo_produccion WHERE well_id = 'F-0002' AND timestamp_lectura >= ? "
                + "AND timestamp_lectura < ?", local("2026-04-01T07:00"), local("2026-04-01T08:00"));
        update(admin, "UPDATE stage.tbl_pozo_produccion SET oil_rate = 9999 WHERE well_id = 'F-0001' AND timestamp_lectura = ?",
                local("2026-04-01T10:15"));

        dq(pipeline, APR1, APR2, null, UUID.randomUUID());
        facts(pipeline, APR1, APR2, UUID.randomUUID());

        // oil_rate per (well, local day, local hour), DQ-013's range applied here
        Map<String, Map<LocalDate, Map<Integer, List<Double>>>> byHour = new TreeMap<>();
        Set<String> stageHours = new TreeSet<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT well_id, timestamp_lectura, oil_rate FROM stage.tbl_pozo_produccion")) {
            while (rs.next()) {
                ZonedDateTime t = rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(BOGOTA);
                stageHours.add(rs.getString(1) + "@" + t.truncatedTo(ChronoUnit.HOURS).toInstant());
                double oil = rs.getDouble(3);
                List<Double> values = byHour.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .computeIfAbsent(t.toLocalDate(), k -> new TreeMap<>())
                        .computeIfAbsent(t.getHour(), k -> new ArrayList<>());
                if (oil >= 0 && oil <= 5000) {
                    values.add(oil);
                }
            }
        }
        assertThat(hourlyKeys()).containsExactlyElementsOf(stageHours);

        Map<String, Double> daily = dailyValues("produccion_petroleo_bbl");
        byHour.forEach((well, days) -> days.forEach((day, hours) -> {
            double expected = hours.values().stream()
                    .mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElse(0)).sum() / 24;
            assertThat(daily.get(well + "@" + day)).as(well + " " + day).isCloseTo(expected, within(1e-9));
        }));
        assertThat(daily).hasSize(6);
        assertThat(dailyValues("horas_con_datos"))
                .containsEntry("F-0002@2026-04-01", 23.0).containsEntry("F-0002@2026-04-02", 24.0)
                .containsEntry("F-0001@2026-04-01", 24.0);
        // the hour with the failed value: 4 readings counted, 3 averaged
        assertThat(db.queryValue("SELECT n_lecturas FROM reporting.fact_operaciones_horarias WHERE well_id = 'F-0001' "
                + "AND fecha_hora = ?", local("2026-04-01T10:00"))).isEqualTo(4);
        List<Double> passed = byHour.get("F-0001").get(APR1).get(10);
        assertThat(passed).hasSize(3);
        assertThat((Double) db.queryValue("SELECT oil_rate FROM reporting.fact_operaciones_horarias WHERE well_id = 'F-0001' "
                + "AND fecha_hora = ?", local("2026-04-01T10:00")))
                .isCloseTo(passed.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
        // rows live in their month's partition, none in the default one
        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias_default")).isZero();
        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias_y2026m04")).isEqualTo(6 * 24 - 1);
        assertThat(db.count("SELECT count(*) FROM reporting.dim_tiempo WHERE fecha BETWEEN '2026-04-01' AND '2026-04-30'"))
                .isEqualTo(30);
    }

    @Test
    void shouldKeepEnergyDeltas_whenTheCounterRestarts() throws SQLException {
        update(admin, "SELECT prueba.generar_pozos('E', 1)");
        update(admin, "SELECT prueba.generar_lecturas('E', 1, ?, 48)", local("2026-04-01T00:00"));
        // the energy counter restarts at 06:00 on the 2nd: it reads 5 kWh, then keeps counting 12 kWh per hour
        update(admin, "UPDATE stage.tbl_pozo_produccion SET energy_kwh = energy_kwh - (SELECT energy_kwh "
                + "FROM stage.tbl_pozo_produccion WHERE timestamp_lectura = ?) + 5 WHERE timestamp_lectura >= ?",
                local("2026-04-02T06:00"), local("2026-04-02T06:00"));

        // the 2nd alone first: its first hour's delta needs the reading of 23:00 on the 1st, before the window
        CallResult call = facts(pipeline, APR2, APR2, UUID.randomUUID());

        assertThat(hourly("E-0001", local("2026-04-02T00:00"), "energia_kwh")).isEqualTo(12.0);
        assertThat(hourly("E-0001", local("2026-04-02T06:00"), "energia_kwh")).isEqualTo(5.0);
        assertThat(hourly("E-0001", local("2026-04-02T07:00"), "energia_kwh")).isEqualTo(12.0);
        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias WHERE reinicio_contador")).isEqualTo(1);
        assertThat(db.queryValue("SELECT reinicio_contador FROM reporting.fact_operaciones_horarias WHERE fecha_hora = ?",
                local("2026-04-02T06:00"))).isEqualTo(true);
        assertThat(dailyValues("energia_kwh")).containsEntry("E-0001@2026-04-02", 23 * 12.0 + 5);
        assertThat(call.notices()).anyMatch(n -> n.contains("1 counter restart(s)"));
        assertThat(db.queryValue("SELECT tipo || ' ' || (detalle->>'valor_actual') || ' ' || (detalle->>'delta_asumido') "
                + "FROM reporting.fact_eventos_pozo")).isEqualTo("REINICIO_CONTADOR_ENERGY_KWH 5 5");

        // then both days: the 1st has no reading before it, so its first hour has no delta
        facts(pipeline, APR1, APR2, UUID.randomUUID());

        assertThat(hourly("E-0001", local("2026-04-01T00:00"), "energia_kwh")).isNull();
        Map<String, Double> energy = dailyValues("energia_kwh");
        assertThat(energy).containsEntry("E-0001@2026-04-01", 23 * 12.0).containsEntry("E-0001@2026-04-02", 23 * 12.0 + 5);
        assertThat(dailyValues("horas_operacion").get("E-0001@2026-04-01")).isCloseTo(23 * 0.95, within(1e-6));
        // no uptime on the 1st: its first hour has no runtime delta, so its runtime (23 h x 0.95) does not cover the
        // day (it read 91.0 % for a unit running 95 % of every hour); the 2nd's runtime covers it whole
        assertThat(dailyValues("uptime_pct")).as("NULL uptime on the 1st").doesNotContainKey("E-0001@2026-04-01");
        assertThat(dailyValues("uptime_pct").get("E-0001@2026-04-02")).isCloseTo(24 * 0.95 / 24 * 100, within(1e-6));
        assertThat(dailyValues("n_carreras").get("E-0001@2026-04-01")).isCloseTo(23 * 420.0, within(1e-6));
        double liquid = dailyValues("produccion_liquido_bbl").get("E-0001@2026-04-01");
        double oil = dailyValues("produccion_petroleo_bbl").get("E-0001@2026-04-01");
        assertThat(liquid).isCloseTo(oil + dailyValues("produccion_agua_bbl").get("E-0001@2026-04-01"), within(1e-9));
        // the ratios count matched hours only (docs/AGGREGATION.md, "Matched hours"): the 1st holds the well's first
        // reading, whose hour (00:00) has barrels but no energy delta, so its kWh/bbl is 23 h of energy over the
        // barrels of the same 23 h (not of 24 h); on the 2nd the reset hour (06:00) counts from zero (5 kWh where
        // 12 were used), so its kWh/bbl is the other 23 h's 276 kWh over their barrels
        double hour00 = hourly("E-0001", local("2026-04-01T00:00"), "coalesce(liquid_rate, oil_rate + water_rate) / 24");
        double oil00 = hourly("E-0001", local("2026-04-01T00:00"), "oil_rate / 24");
        assertThat(dailyValues("kwh_por_bbl").get("E-0001@2026-04-01")).isCloseTo(23 * 12.0 / (liquid - hour00),
                within(1e-9));
        assertThat(dailyValues("kwh_por_bbl_petroleo").get("E-0001@2026-04-01")).isCloseTo(23 * 12.0 / (oil - oil00),
                within(1e-9));
        double liquid2 = dailyValues("produccion_liquido_bbl").get("E-0001@2026-04-02");
        double oil2 = dailyValues("produccion_petroleo_bbl").get("E-0001@2026-04-02");
        double hour06 = hourly("E-0001", local("2026-04-02T06:00"), "coalesce(liquid_rate, oil_rate + water_rate) / 24");
        double oil06 = hourly("E-0001", local("2026-04-02T06:00"), "oil_rate / 24");
        assertThat(hourly("E-0001", local("2026-04-02T06:00"), "energia_emparejada::int::double precision"))
                .as("the reset hour").isZero();
        assertThat(dailyValues("kwh_por_bbl").get("E-0001@2026-04-02")).isCloseTo(23 * 12.0 / (liquid2 - hour06),
                within(1e-9));
        assertThat(dailyValues("kwh_por_bbl_petroleo").get("E-0001@2026-04-02"))
                .isCloseTo(23 * 12.0 / (oil2 - oil06), within(1e-9));
        assertThat(db.count("SELECT count(*) FROM reporting.fact_eventos_pozo")).isEqualTo(1);
    }

    @Test
    void shouldSumTheDailyFacts_whenAMonthIsBuiltOrRebuiltFromPartOfIt() throws SQLException {
        update(admin, "SELECT prueba.generar_pozos('M', 3)");
        update(admin, "SELECT prueba.generar_lecturas('M', 3, ?, 96)", local("2026-03-30T00:00"));
        update(admin, "DELETE FROM stage.tbl_pozo_produccion WHERE well_id = 'M-0003' AND timestamp_lectura >= ? "
                + "AND timestamp_lectura < ?", local("2026-03-31T00:00"), local("2026-04-01T00:00"));

        facts(pipeline, LocalDate.parse("2026-03-30"), APR2, UUID.randomUUID());
        assertMonthlyEqualsSumOfDaily(6);
        assertThat(db.queryValue("SELECT dias_con_datos FROM reporting.fact_operaciones_mensuales "
                + "WHERE well_id = 'M-0003' AND mes = '2026-03-01'")).isEqualTo(1);

        // a later day alone: April is rebuilt from all its days, not just the window's
        update(admin, "SELECT prueba.generar_lecturas('M', 3, ?, 24)", local("2026-04-03T00:00"));
        facts(pipeline, LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-03"), UUID.randomUUID());

        assertMonthlyEqualsSumOfDaily(6);
        assertThat(db.queryValue("SELECT dias_con_datos FROM reporting.fact_operaciones_mensuales "
                + "WHERE well_id = 'M-0001' AND mes = '2026-04-01'")).isEqualTo(3);
    }

    private void assertMonthlyEqualsSumOfDaily(int months) throws SQLException {
        String sql = """
                SELECT m.well_id, m.mes, m.dias_con_datos, d.dias, m.horas_con_datos, d.horas, m.n_lecturas, d.n,
                       m.produccion_petroleo_bbl, d.petroleo, m.produccion_agua_bbl, d.agua, m.produccion_gas_mscf, d.gas,
                       m.produccion_liquido_bbl, d.liquido, m.energia_kwh, d.energia, m.horas_operacion, d.horas_op,
                       m.n_carreras, d.carreras, m.kwh_por_bbl, d.emp_energia / d.emp_liquido, m.oil_rate, d.petroleo / d.dias,
                       coalesce(m.uptime_pct, -1),
                       CASE WHEN m.completo THEN 100 * d.horas_op / (extract(epoch FROM (m.mes + interval '1 month')
                            - m.mes::timestamptz) / 3600) ELSE -1 END,
                       m.kwh_por_bbl_petroleo, d.emp_energia_petroleo / d.emp_petroleo,
                       m.bsw, 100 * d.agua / (d.petroleo + d.agua)
                  FROM reporting.fact_operaciones_mensuales m
                  JOIN (SELECT well_id, date_trunc('month', fecha)::date AS mes, count(*) AS dias,
                               sum(horas_con_datos) AS horas, sum(n_lecturas) AS n,
                               sum(produccion_petroleo_bbl) AS petroleo, sum(produccion_agua_bbl) AS agua,
                               sum(produccion_gas_mscf) AS gas, sum(produccion_liquido_bbl) AS liquido,
                               sum(energia_kwh) AS energia, sum(horas_operacion) AS horas_op, sum(n_carreras) AS carreras,
                               -- the ratios: over the days' matched hours (docs/AGGREGATION.md, "Matched hours")
                               sum(emp_energia_kwh) AS emp_energia, sum(emp_energia_liquido_bbl) AS emp_liquido,
                               sum(emp_energia_kwh) FILTER (WHERE emp_energia_petroleo_bbl IS NOT NULL)
                                   AS emp_energia_petroleo, sum(emp_energia_petroleo_bbl) AS emp_petroleo
                          FROM reporting.fact_operaciones_diarias GROUP BY 1, 2) d
                    ON d.well_id = m.well_id AND d.mes = m.mes
                """;
        int rows = 0;
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
                String key = rs.getString(1) + " " + rs.getString(2);
                for (int col = 3; col <= 31; col += 2) {
                    assertThat(rs.getDouble(col)).as(key + " column " + rs.getMetaData().getColumnName(col))
                            .isCloseTo(rs.getDouble(col + 1), within(1e-6));
                }
            }
        }
        assertThat(rows).isEqualTo(months);
        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_mensuales")).isEqualTo(months);
    }

    @Test
    void shouldLeaveEveryFactAndFindingIdentical_whenTheSameWindowRunsTwice() throws SQLException {
        update(admin, "SELECT prueba.generar_pozos('I', 3)");
        update(admin, "SELECT prueba.generar_lecturas('I', 3, ?, 96, interval '30 minutes')", local("2026-04-01T00:00"));
        update(admin, "SELECT prueba.generar_landing_latencia('I-%', ?, ?)", local("2026-04-01T00:00"), local("2026-04-03T00:00"));
        update(admin, "UPDATE stage.tbl_pozo_produccion SET bsw = 140, energy_kwh = 1 WHERE well_id = 'I-0002' "
                + "AND timestamp_lectura = ?", local("2026-04-02T09:30"));
        List<String> tables = List.of("stage.tbl_pozo_scada_dq", "reporting.fact_operaciones_horarias",
                "reporting.fact_operaciones_diarias", "reporting.fact_operaciones_mensuales", "reporting.fact_campo_diario",
                "reporting.fact_eventos_pozo", "reporting.fact_dq_diaria", "reporting.dataset_dq_score_pozo",
                "reporting.dataset_current_values", "reporting.dim_tiempo");

        runPhases34();
        Map<String, String> first = new HashMap<>();
        for (String table : tables) {
            first.put(table, checksum(admin, table));
        }
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq")).as("the bsw range failure and the energy"
                + " glitch (a lone 1 kWh reading is DQP-001, not a counter restart)").isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_scada_dq WHERE rule_id = 'DQP-001'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM reporting.fact_eventos_pozo")).isZero();
        List<CallResult> second = runPhases34();

        for (String table : tables) {
            assertThat(checksum(admin, table)).as(table).isEqualTo(first.get(table));
        }
        assertThat(second.get(1).notices()).allMatch(n -> n.contains(" 0 row(s) written"));
        assertThat(second.get(2).notices()).anyMatch(n -> n.contains(" 0 row(s) written"));
    }

    private List<CallResult> runPhases34() {
        return List.of(dq(pipeline, APR1, APR2, null, UUID.randomUUID()),
                facts(pipeline, APR1, APR2, UUID.randomUUID()),
                currentValues(pipeline, null));
    }

    @Test
    void shouldLeaveProductionRatiosEmpty_whenAWellReportsNoRates() throws SQLException {
        update(admin, "SELECT prueba.generar_pozos('K', 1)");
        update(admin, "SELECT prueba.generar_lecturas('K', 1, ?, 24)", local("2026-04-01T00:00"));
        update(admin, "UPDATE stage.tbl_pozo_produccion SET oil_rate = NULL, water_rate = NULL, liquid_rate = NULL");

        facts(pipeline, APR1, APR1, UUID.randomUUID());

        assertThat(dailyValues("energia_kwh")).containsEntry("K-0001@2026-04-01", 23 * 12.0);
        assertThat(db.queryValue("SELECT coalesce(produccion_petroleo_bbl, produccion_liquido_bbl, kwh_por_bbl, "
                + "kwh_por_bbl_petroleo) FROM reporting.fact_operaciones_diarias")).isNull();
        assertThat(db.queryValue("SELECT kwh_por_bbl FROM reporting.fact_campo_diario")).isNull();
    }

    private Set<String> hourlyKeys() throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT well_id, fecha_hora FROM reporting.fact_operaciones_horarias")) {
            while (rs.next()) {
                Instant hour = rs.getObject(2, OffsetDateTime.class).toInstant();
                out.add(rs.getString(1) + "@" + hour);
            }
        }
        return out;
    }

    /** well@day -> the daily fact's column (null values left out). */
    private Map<String, Double> dailyValues(String column) throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT well_id, fecha, " + column + "::double precision FROM reporting.fact_operaciones_diarias")) {
            while (rs.next()) {
                double v = rs.getDouble(3);
                if (!rs.wasNull()) {
                    out.put(rs.getString(1) + "@" + rs.getString(2), v);
                }
            }
        }
        return out;
    }

    private Double hourly(String well, OffsetDateTime hour, String column) {
        return (Double) db.queryValue("SELECT " + column + " FROM reporting.fact_operaciones_horarias "
                + "WHERE well_id = ? AND fecha_hora = ?", well, hour);
    }
}

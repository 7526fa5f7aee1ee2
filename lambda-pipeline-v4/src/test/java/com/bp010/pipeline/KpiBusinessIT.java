package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** reporting.poblar_kpi_business: what the business dashboard shows per well, day and month. */
class KpiBusinessIT {
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");

    private TestDatabase db;
    private OracleWellFacts facts;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        facts = new OracleWellFacts(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void kpis(UUID runId) {
        db.execute("CALL reporting.poblar_kpi_business(NULL, NULL, '" + runId + "')");
    }

    private double value(String sql) {
        Object v = db.queryValue(sql);
        assertThat(v).as(sql).isNotNull();
        return ((Number) v).doubleValue();
    }

    @Test
    void shouldReportTheDaysProductionEfficiencyAndEnergy_whenTheDayHasFacts() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).month("OR-1", DAY);
        db.execute("INSERT INTO reporting.dim_pozo (well_id, target_oil_rate) VALUES ('OR-1', 65)");
        UUID run = facts.run(DAY, DAY, "2026-03-12T00:00:00Z");
        db.execute("CALL reporting.sp_calcular_derivados_completos(NULL, NULL, '" + run + "')");

        kpis(run);

        String dia = "SELECT %s FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'DIA' AND periodo = '2026-03-10'";
        assertThat(value(dia.formatted("produccion_petroleo_bbl"))).isEqualTo(52);
        assertThat(value(dia.formatted("produccion_liquido_bbl"))).isEqualTo(130);
        assertThat(value(dia.formatted("bsw_promedio"))).isCloseTo(60, within(1e-9));
        assertThat(value(dia.formatted("kwh_por_bbl"))).isCloseTo(1.84615, within(5e-6));
        assertThat(value(dia.formatted("kwh_por_bbl_petroleo"))).isCloseTo(4.61538, within(5e-6));
        assertThat(value(dia.formatted("uptime_pct"))).as("20 h of 24").isCloseTo(83.3333, within(5e-5));
        assertThat(value(dia.formatted("eficiencia_volumetrica_pct"))).isCloseTo(86.43, within(0.005));
        assertThat(value(dia.formatted("eficiencia_sistema_pct")))
                .as("pressure form, the default where PIP exists").isCloseTo(29.79, within(0.005));
        assertThat(value(dia.formatted("variance_oil_pct"))).as("52 against 65").isCloseTo(-20, within(1e-9));
        assertThat(db.queryValue(dia.formatted("eur_remanente_bbl"))).as("no decline fit yet").isNull();
        assertThat(value("SELECT produccion_liquido_bbl FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'MES'"))
                .isEqualTo(130);
    }

    /**
     * The day's uptime is the daily facts' (its runtime over its clock hours, where its runtime covers the day), not
     * its runtime over the hours elapsed by as-of: a day whose runtime covers it has its last clock hour's reading, so
     * as-of never cuts it (a run at 23:30 read 24 h over 23.5: 102.13 %, RunningAwareEfficiencyIT), and a day not over
     * has no uptime (its last clock hour has no runtime delta). The fixture's day has an uptime, 5 h of 24.
     */
    @Test
    void shouldCopyTheDaysUptime_whenAsOfIsInsideTheDay() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 5);

        kpis(facts.run(DAY, DAY, "2026-03-10T06:00:00Z"));

        assertThat(value("SELECT uptime_pct FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'DIA'"))
                .as("the daily facts' 5 h of 24").isCloseTo(100 * 5.0 / 24, within(1e-9));
    }

    @Test
    void shouldFitAnExponentialDecline_whenTwelveCompleteMonthsExist() {
        LocalDate mes0 = LocalDate.parse("2025-03-01");
        db.queryValue("SELECT reporting.fnc_ensure_fact_partitions('2025-03-01', '2026-03-31')");
        db.execute("""
                INSERT INTO reporting.fact_operaciones_mensuales (well_id, mes, dias_con_datos, horas_con_datos, n_lecturas,
                       produccion_petroleo_bbl)
                SELECT 'DECL-1', m, d, 24 * d, 96 * d,
                       d * 100 * exp(-0.3 * ((m - DATE '2025-03-01') + d / 2.0) / 365.0)
                  FROM (SELECT g::date AS m, ((g + interval '1 month')::date - g::date) AS d
                          FROM generate_series(DATE '2025-03-01', DATE '2026-02-01', interval '1 month') g) x
                """);

        kpis(facts.run(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), "2026-03-15T00:00:00Z"));

        String mes = "SELECT %s FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'MES' AND periodo = '2026-02-01'";
        assertThat(db.queryValue(mes.formatted("arps_modelo"))).isEqualTo("AJUSTE_EXPONENCIAL");
        assertThat(value(mes.formatted("arps_di_anual"))).isCloseTo(0.3, within(1e-9));
        assertThat(value(mes.formatted("arps_qi"))).isCloseTo(100, within(1e-7));
        assertThat(value(mes.formatted("declinacion_anual_efectiva")))
                .isCloseTo(100 * (1 - Math.exp(-0.3)), within(1e-7));
        double eur = 365 * (100 - 5) / 0.3;
        assertThat(value(mes.formatted("eur_bbl"))).isCloseTo(eur, within(1e-4));
        double t = ChronoUnit.DAYS.between(mes0, LocalDate.parse("2026-03-01")) / 365.0;
        double np = 365 * 100 * (1 - Math.exp(-0.3 * t)) / 0.3;
        assertThat(value(mes.formatted("eur_remanente_bbl"))).as("at the end of February")
                .isCloseTo(eur - np, within(1e-3));
        double qJan = 100 * Math.exp(-0.3 * (ChronoUnit.DAYS.between(mes0, LocalDate.parse("2026-01-01")) + 31 / 2.0) / 365);
        double qFeb = 100 * Math.exp(-0.3 * (ChronoUnit.DAYS.between(mes0, LocalDate.parse("2026-02-01")) + 28 / 2.0) / 365);
        assertThat(value(mes.formatted("declinacion_pct"))).as("February against January")
                .isCloseTo(100 * (qJan - qFeb) / qJan, within(1e-9));
    }

    @Test
    void shouldNotFitADecline_whenFewerThanSixMonthsExist() {
        db.execute("""
                INSERT INTO reporting.fact_operaciones_mensuales (well_id, mes, dias_con_datos, horas_con_datos, n_lecturas,
                       produccion_petroleo_bbl)
                SELECT 'NEW-1', g::date, 28, 672, 2688, 28 * (100 - 5 * extract(month FROM g))
                  FROM generate_series(DATE '2025-10-01', DATE '2026-02-01', interval '1 month') g
                """);

        kpis(facts.run(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), "2026-03-15T00:00:00Z"));

        assertThat(db.queryValue("SELECT arps_modelo FROM reporting.dataset_kpi_business WHERE periodo = '2026-02-01'"))
                .isNull();
        assertThat(db.queryValue("SELECT eur_remanente_bbl FROM reporting.dataset_kpi_business")).isNull();
    }

    @Test
    void shouldPreferTheMlFitAndShowTheDomainRemaining_whenAnArpsResultExists() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20);
        db.execute("""
                INSERT INTO universal.arps_resultados (well_id, fecha_ajuste, fecha_inicio, modelo, qi, di_anual, b,
                       q_limite_economico, modelo_version)
                VALUES ('OR-1', '2026-03-01', '2024-03-11', 'HIPERBOLICO', 100, 0.5, 0.5, 5, 'arps-ml-1')
                """);

        kpis(facts.run(DAY, DAY, "2026-03-11T00:00:00Z"));

        String dia = "SELECT %s FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'DIA'";
        assertThat(db.queryValue(dia.formatted("arps_modelo"))).isEqualTo("HIPERBOLICO");
        assertThat(value(dia.formatted("eur_bbl"))).isCloseTo(113353.41, within(0.005));
        assertThat(value(dia.formatted("eur_remanente_bbl"))).as("t = 2 years at the end of 2026-03-10")
                .isCloseTo(64686.74, within(0.005));
        assertThat(value(dia.formatted("declinacion_anual_efectiva"))).isCloseTo(36, within(1e-9));
    }

    @Test
    void shouldCompareTheLastThirtyDaysWithTheThirtyBefore_whenSixtyDaysOfFactsExist() {
        db.execute("""
                INSERT INTO reporting.fact_operaciones_diarias (well_id, fecha, n_lecturas, horas_con_datos,
                       produccion_petroleo_bbl, produccion_agua_bbl)
                SELECT 'DECL-D', DATE '2026-01-01' + i, 96, 24, 100 - 0.5 * i, 10 FROM generate_series(0, 59) i
                """);
        LocalDate last = LocalDate.parse("2026-01-01").plusDays(59);

        kpis(facts.run(LocalDate.parse("2026-01-10"), last, "2026-03-15T00:00:00Z"));

        double recent = 0;
        double before = 0;
        for (int i = 0; i < 30; i++) {
            before += 100 - 0.5 * i;
            recent += 100 - 0.5 * (i + 30);
        }
        assertThat(value("SELECT declinacion_pct FROM reporting.dataset_kpi_business WHERE periodo = '" + last + "'"))
                .isCloseTo(100 * (before - recent) / before, within(1e-9));
        assertThat(db.queryValue("SELECT declinacion_pct FROM reporting.dataset_kpi_business WHERE periodo = '2026-01-20'"))
                .as("fewer than 15 days in the earlier window").isNull();
        assertThat(db.count("SELECT count(*) FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'DIA'"))
                .as("only the window's days").isEqualTo(51);
    }

    @Test
    void shouldShowTheLatestReservesBesideTheArpsRemaining_whenReservesWereEvaluated() {
        db.execute("""
                INSERT INTO stage.tbl_reservas_pozo (well_id, fecha_evaluacion, categoria, petroleo_bbl, np_acumulado_bbl)
                VALUES ('OR-1', '2025-01-01', '1P', 90000, 10000), ('OR-1', '2026-01-01', '1P', 80000, 40000),
                       ('OR-1', '2026-01-01', '2P', 120000, 40000), ('OR-1', '2027-01-01', '1P', 1, 1);
                INSERT INTO universal.arps_resultados (well_id, fecha_ajuste, fecha_inicio, modelo, qi, di_anual, b,
                       q_limite_economico)
                VALUES ('OR-1', '2026-03-01', '2024-03-11', 'HIPERBOLICO', 100, 0.5, 0.5, 5);
                """);

        kpis(facts.run(DAY, DAY, "2026-03-11T00:00:00Z"));

        assertThat(db.count("SELECT count(*) FROM reporting.dataset_reservas_pozo")).isEqualTo(2);
        assertThat(value("SELECT petroleo_bbl FROM reporting.dataset_reservas_pozo WHERE categoria = '1P'"))
                .as("the latest evaluation up to as-of").isEqualTo(80000);
        assertThat(value("SELECT eur_remanente_bbl FROM reporting.dataset_reservas_pozo WHERE categoria = '2P'"))
                .isCloseTo(64686.74, within(0.005));
    }

    @Test
    void shouldWriteTheSameRows_whenTheWindowRunsTwice() {
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).month("OR-1", DAY);
        UUID run = facts.run(DAY, DAY, "2026-03-12T00:00:00Z");
        kpis(run);
        String snapshot = "SELECT md5(string_agg((to_jsonb(k) - 'updated_at')::text, '|' ORDER BY well_id, tipo_periodo,"
                + " periodo)) FROM reporting.dataset_kpi_business k";
        Object first = db.queryValue(snapshot);

        kpis(run);

        assertThat(db.queryValue(snapshot)).isEqualTo(first);
        assertThat(db.count("SELECT count(*) FROM reporting.dataset_kpi_business")).isEqualTo(2);
    }
}

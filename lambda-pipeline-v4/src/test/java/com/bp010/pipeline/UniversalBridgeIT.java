package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The universal (ML) -> reporting bridges: what appears on the dashboard after the ML modules write. */
class UniversalBridgeIT {
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    /** One surface stroke: a 40-point card tracing the square card of docs/DOMAIN.md §2 (86 in x 5,000 lbf). */
    private static final String SQUARE_STROKE = """
            INSERT INTO universal.stroke (well_id, timestamp_lectura, position, load, spm)
            SELECT '%s', '%s', array_agg(p ORDER BY i), array_agg(l ORDER BY i), %s
              FROM (SELECT i, CASE WHEN i <= 10 THEN 0 WHEN i <= 20 THEN (i - 10) * 8.6 WHEN i <= 30 THEN 86
                                   ELSE 86 - (i - 30) * 8.6 END AS p,
                           CASE WHEN i <= 10 THEN 5000 + i * 500 WHEN i <= 20 THEN 10000
                                WHEN i <= 30 THEN 10000 - (i - 20) * 500 ELSE 5000 END AS l
                      FROM generate_series(1, 40) i) x
            RETURNING stroke_id""";

    private TestDatabase db;
    private OracleWellFacts facts;
    private UUID run;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        facts = new OracleWellFacts(db);
        facts.master("OR-1", 5000.0).day("OR-1", DAY, 20).currentValues("OR-1", "2026-03-10T23:00:00Z");
        run = facts.run(DAY, DAY, "2026-03-11T00:00:00Z");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private double value(String sql) {
        Object v = db.queryValue(sql);
        assertThat(v).as(sql).isNotNull();
        return ((Number) v).doubleValue();
    }

    /** What the dashboard shows as a well's CDI diagnosis. */
    private Object shownDiagnosis(String well) {
        return db.queryValue("SELECT cdi_diagnostico FROM reporting.dataset_current_values WHERE well_id = '"
                + well + "'");
    }

    /** The CDI diagnosis of a well's hourly fact. */
    private Object hourlyDiagnosis(String well, String hour) {
        return db.queryValue("SELECT cdi_diagnostico FROM reporting.fact_operaciones_horarias WHERE well_id = '"
                + well + "' AND fecha_hora = '" + hour + "'");
    }

    /** An ML module's diagnosis of model cdi-1, committed. */
    private void diagnose(String well, String hour, String clase, double probability) {
        db.execute("INSERT INTO universal.diagnostico (well_id, timestamp_lectura, clase, probabilidad, modelo_version)"
                + " VALUES ('" + well + "', '" + hour + "', '" + clase + "', " + probability + ", 'cdi-1')");
    }

    private String pending() {
        return String.valueOf(db.queryValue("SELECT array_to_string(reporting.fnc_ml_bridges_pendientes(), ',')"));
    }

    @Test
    void shouldListOnlyBridgesWithNewerRows_whenMlModulesWrite() {
        assertThat(pending()).isEmpty();
        db.execute("INSERT INTO universal.ipr_resultados (well_id, fecha_calculo, modelo, presion_yacimiento, pwf_prueba,"
                + " q_prueba) VALUES ('OR-1', '2026-03-10T05:10:00Z', 'VOGEL', 2000, 1200, 300)");
        assertThat(pending()).isEqualTo("IPR");
        db.queryValue(SQUARE_STROKE.formatted("OR-1", "2026-03-10T22:30:00Z", 8));
        assertThat(pending()).isEqualTo("CDI,IPR");

        db.execute("CALL reporting.sp_sync_ipr_to_reporting('" + run + "')");
        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");

        assertThat(pending()).isEmpty();
        assertThat(db.count("SELECT rows_synced FROM reporting.ml_sync_state WHERE bridge = 'IPR'")).isEqualTo(1);
    }

    @Test
    void shouldShowTheDiagnosisTheCardAndTheExpertAccuracy_whenCdiRowsArrive() {
        long stroke = ((Number) db.queryValue(SQUARE_STROKE.formatted("OR-1", "2026-03-10T22:30:00Z", 8))).longValue();
        db.execute("""
                INSERT INTO universal.diagnostico (stroke_id, well_id, timestamp_lectura, clase, probabilidad, modelo_version)
                VALUES (NULL, 'OR-1', '2026-03-10T20:00:00Z', 'FULL_PUMP', 0.80, 'cdi-1'),
                       (%d, 'OR-1', '2026-03-10T22:30:00Z', 'FLUID_POUND', 0.91, 'cdi-1');
                INSERT INTO universal.validacion_experta (diagnostico_id, clase_validada, es_correcto)
                SELECT diagnostico_id, 'GAS_INTERFERENCE', clase = 'FLUID_POUND' FROM universal.diagnostico;
                """.formatted(stroke));

        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");

        String cv = "SELECT %s FROM reporting.dataset_current_values WHERE well_id = 'OR-1'";
        assertThat(db.queryValue(cv.formatted("cdi_diagnostico"))).isEqualTo("FLUID_POUND");
        assertThat(value(cv.formatted("cdi_probabilidad"))).isEqualTo(0.91);
        assertThat(db.queryValue(cv.formatted("cdi_modelo_version"))).isEqualTo("cdi-1");
        assertThat(value(cv.formatted("ai_accuracy_cdi"))).as("one of two validated diagnoses right").isEqualTo(0.5);
        assertThat(value(cv.formatted("ai_accuracy_n_validaciones"))).isEqualTo(2);
        String card = "SELECT %s FROM reporting.dataset_latest_dynacard WHERE well_id = 'OR-1'";
        assertThat(db.queryValue(card.formatted("fuente"))).isEqualTo("ML");
        assertThat(db.queryValue(card.formatted("cdi_diagnostico"))).isEqualTo("FLUID_POUND");
        assertThat(value(card.formatted("area_lbf_in"))).isCloseTo(430000, within(1e-6));
        assertThat(value(card.formatted("prhp"))).isCloseTo(8.68687, within(5e-6));
        assertThat(db.queryValue("SELECT cdi_diagnostico FROM reporting.fact_operaciones_horarias"
                + " WHERE fecha_hora = '2026-03-10T22:00:00Z'")).isEqualTo("FLUID_POUND");
        assertThat(db.queryValue("SELECT cdi_diagnostico FROM reporting.fact_operaciones_horarias"
                + " WHERE fecha_hora = '2026-03-10T20:00:00Z'")).isEqualTo("FULL_PUMP");
    }

    @Test
    void shouldKeepANewerScadaCard_whenAnOlderStrokeArrives() {
        db.execute("""
                INSERT INTO reporting.dataset_latest_dynacard (well_id, timestamp_lectura, position, load, n_puntos,
                       area_lbf_in, prhp, fuente)
                VALUES ('OR-1', '2026-03-10T23:00:00Z', '{0,0,86,86}', '{5000,9000,9000,5000}', 4, 344000, 6.9, 'SCADA')
                """);
        db.queryValue(SQUARE_STROKE.formatted("OR-1", "2026-03-10T22:30:00Z", 8));

        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");

        assertThat(db.queryValue("SELECT fuente FROM reporting.dataset_latest_dynacard")).isEqualTo("SCADA");
        assertThat(value("SELECT area_lbf_in FROM reporting.dataset_latest_dynacard")).isEqualTo(344000);
    }

    @Test
    void shouldShowALateCommittedDiagnosis_whenItsTransactionStartedLongBeforeTheLastSync() throws Exception {
        facts.master("OR-2", 5000.0).day("OR-2", DAY, 20).currentValues("OR-2", "2026-03-10T23:00:00Z");
        try (Connection slow = db.connect()) {
            // a writer that began an hour ago and has not committed yet (created_at is its transaction's start)
            slow.setAutoCommit(false);
            try (Statement st = slow.createStatement()) {
                st.execute("""
                        INSERT INTO universal.diagnostico (well_id, timestamp_lectura, clase, probabilidad,
                               modelo_version, created_at)
                        VALUES ('OR-1', '2026-03-10T22:00:00Z', 'GAS_INTERFERENCE', 0.7, 'cdi-1', now() - interval '1 hour')
                        """);
            }
            // meanwhile another writer commits, and the bridge syncs it
            diagnose("OR-2", "2026-03-10T22:00:00Z", "FULL_PUMP", 0.9);
            db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");
            assertThat(shownDiagnosis("OR-2")).isEqualTo("FULL_PUMP");
            assertThat(shownDiagnosis("OR-1")).isNull();
            assertThat(pending()).isEmpty();

            slow.commit();
        }

        assertThat(pending()).isEqualTo("CDI");
        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");

        assertThat(shownDiagnosis("OR-1")).isEqualTo("GAS_INTERFERENCE");
        assertThat(hourlyDiagnosis("OR-1", "2026-03-10T22:00:00Z")).isEqualTo("GAS_INTERFERENCE");
        assertThat(pending()).isEmpty();
    }

    @Test
    void shouldShowACorrectedDiagnosis_whenAnMlModuleRewritesItInPlace() {
        diagnose("OR-1", "2026-03-10T22:00:00Z", "FULL_PUMP", 0.9);
        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");
        assertThat(pending()).isEmpty();

        // the same row corrected, its created_at left as it was
        db.execute("UPDATE universal.diagnostico SET clase = 'FLUID_POUND', probabilidad = 0.8");

        assertThat(pending()).isEqualTo("CDI");
        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");
        assertThat(shownDiagnosis("OR-1")).isEqualTo("FLUID_POUND");
        assertThat(hourlyDiagnosis("OR-1", "2026-03-10T22:00:00Z")).isEqualTo("FLUID_POUND");
    }

    @Test
    void shouldLeaveSyncedWellsAlone_whenAnotherWellGetsANewDiagnosis() {
        facts.master("OR-2", 5000.0).day("OR-2", DAY, 20).currentValues("OR-2", "2026-03-10T23:00:00Z");
        diagnose("OR-1", "2026-03-10T22:00:00Z", "FULL_PUMP", 0.9);
        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");
        Object synced = db.queryValue("SELECT updated_at FROM reporting.fact_operaciones_horarias"
                + " WHERE well_id = 'OR-1' AND fecha_hora = '2026-03-10T22:00:00Z'");
        // what the dashboard shows for OR-1 cleared by hand: only a new OR-1 row would write it again
        db.execute("UPDATE reporting.dataset_current_values SET cdi_diagnostico = NULL WHERE well_id = 'OR-1'");

        diagnose("OR-2", "2026-03-10T22:00:00Z", "FLUID_POUND", 0.9);
        db.execute("CALL reporting.sp_sync_cdi_to_reporting('" + run + "')");

        assertThat(shownDiagnosis("OR-2")).isEqualTo("FLUID_POUND");
        assertThat(shownDiagnosis("OR-1")).as("a synced well is not read again").isNull();
        assertThat(db.queryValue("SELECT updated_at FROM reporting.fact_operaciones_horarias"
                + " WHERE well_id = 'OR-1' AND fecha_hora = '2026-03-10T22:00:00Z'")).isEqualTo(synced);
        assertThat(db.count("SELECT rows_synced FROM reporting.ml_sync_state WHERE bridge = 'CDI'")).isEqualTo(2);
    }

    @Test
    void shouldShowQmaxAndTheInflowCurve_whenAVogelResultArrives() {
        db.execute("INSERT INTO universal.ipr_resultados (well_id, fecha_calculo, modelo, presion_yacimiento, pwf_prueba,"
                + " q_prueba, eficiencia_flujo) VALUES ('OR-1', '2026-03-10T05:10:00Z', 'VOGEL', 2000, 1200, 300, 0.9)");

        db.execute("CALL reporting.sp_sync_ipr_to_reporting('" + run + "')");

        String cv = "SELECT %s FROM reporting.dataset_current_values WHERE well_id = 'OR-1'";
        assertThat(db.queryValue(cv.formatted("ipr_modelo"))).isEqualTo("VOGEL");
        assertThat(value(cv.formatted("ipr_qmax"))).isCloseTo(506.7568, within(5e-5));
        assertThat(value(cv.formatted("ipr_indice_productividad"))).as("Vogel J = 1.8 qmax / Pr")
                .isCloseTo(1.8 * 506.756757 / 2000, within(1e-6));
        assertThat(value(cv.formatted("ipr_eficiencia"))).isEqualTo(0.9);
        assertThat(db.count("SELECT count(*) FROM reporting.dataset_ipr_curva")).isEqualTo(21);
        assertThat(value("SELECT q FROM reporting.dataset_ipr_curva WHERE pwf = 500")).isCloseTo(456.0811, within(5e-5));
        assertThat(value("SELECT q FROM reporting.dataset_ipr_curva WHERE pwf = 0")).isCloseTo(506.7568, within(5e-5));
        assertThat(value("SELECT q FROM reporting.dataset_ipr_curva WHERE pwf = 2000")).isZero();
        assertThat(value("SELECT ipr_qmax FROM reporting.fact_operaciones_horarias WHERE fecha_hora = '2026-03-10T05:00:00Z'"))
                .isCloseTo(506.7568, within(5e-5));
    }

    @Test
    void shouldReplaceTheCurve_whenANewerCompositeResultArrives() {
        db.execute("INSERT INTO universal.ipr_resultados (well_id, fecha_calculo, modelo, presion_yacimiento, pwf_prueba,"
                + " q_prueba) VALUES ('OR-1', '2026-03-01T00:00:00Z', 'VOGEL', 2000, 1200, 300)");
        db.execute("CALL reporting.sp_sync_ipr_to_reporting('" + run + "')");
        db.execute("INSERT INTO universal.ipr_resultados (well_id, fecha_calculo, modelo, presion_yacimiento,"
                + " presion_burbuja, indice_productividad) VALUES ('OR-1', '2026-03-10T00:00:00Z', 'COMPUESTO', 3000, 2000, 0.5)");

        db.execute("CALL reporting.sp_sync_ipr_to_reporting('" + run + "')");

        assertThat(db.count("SELECT count(*) FROM reporting.dataset_ipr_curva WHERE modelo = 'COMPUESTO'")).isEqualTo(21);
        assertThat(value("SELECT q FROM reporting.dataset_ipr_curva WHERE pwf = 0")).isCloseTo(1055.556, within(5e-4));
        assertThat(value("SELECT q FROM reporting.dataset_ipr_curva WHERE pwf = 1050")).as("below Pb")
                .isCloseTo(500 + 0.5 * 2000 / 1.8 * (1 - 0.2 * 0.525 - 0.8 * 0.525 * 0.525), within(1e-9));
        assertThat(value("SELECT q FROM reporting.dataset_ipr_curva WHERE pwf = 2550")).as("above Pb")
                .isCloseTo(225, within(1e-9));
        assertThat(value("SELECT ipr_qmax FROM reporting.dataset_current_values")).isCloseTo(1055.556, within(5e-4));
    }

    @Test
    void shouldShowRemainingReservesAndTheForecast_whenAnArpsFitArrives() {
        db.execute("CALL reporting.poblar_kpi_business(NULL, NULL, '" + run + "')");
        db.execute("""
                INSERT INTO universal.arps_resultados (well_id, fecha_ajuste, fecha_inicio, modelo, qi, di_anual, b,
                       q_limite_economico)
                VALUES ('OR-1', '2026-03-10', '2024-03-11', 'HIPERBOLICO', 100, 0.5, 0.5, 5)
                """);

        db.execute("CALL reporting.sp_sync_arps_to_reporting('" + run + "')");

        assertThat(value("SELECT eur_remanente_bbl FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'DIA'"))
                .as("t = 2 years at the end of 2026-03-10").isCloseTo(64686.74, within(0.005));
        assertThat(value("SELECT eur_bbl FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'DIA'"))
                .isCloseTo(113353.41, within(0.005));
        assertThat(db.count("SELECT count(*) FROM reporting.dataset_arps_pronostico"))
                .as("months from March 2024 to the economic limit at 13.8885 years").isEqualTo(168);
        assertThat(value("SELECT np_acumulado_bbl FROM reporting.dataset_arps_pronostico WHERE mes = '2024-03-01'"))
                .isZero();
        assertThat(value("SELECT max(np_acumulado_bbl) FROM reporting.dataset_arps_pronostico"))
                .isLessThanOrEqualTo(113353.41 + 365 * 5);
    }

    @Test
    void shouldChangeNothing_whenNothingNewArrived() {
        db.execute("INSERT INTO universal.ipr_resultados (well_id, fecha_calculo, modelo, presion_yacimiento, pwf_prueba,"
                + " q_prueba) VALUES ('OR-1', '2026-03-10T05:10:00Z', 'VOGEL', 2000, 1200, 300)");
        db.execute("CALL reporting.sp_sync_ipr_to_reporting('" + run + "')");
        Object curve = db.queryValue("SELECT max(updated_at) FROM reporting.dataset_ipr_curva");
        Object state = db.queryValue("SELECT updated_at FROM reporting.ml_sync_state WHERE bridge = 'IPR'");

        db.execute("CALL reporting.sp_sync_ipr_to_reporting('" + run + "')");

        assertThat(db.queryValue("SELECT max(updated_at) FROM reporting.dataset_ipr_curva")).isEqualTo(curve);
        assertThat(db.queryValue("SELECT updated_at FROM reporting.ml_sync_state WHERE bridge = 'IPR'")).isEqualTo(state);
        assertThat(db.count("SELECT rows_synced FROM reporting.ml_sync_state WHERE bridge = 'IPR'")).isEqualTo(1);
    }
}

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

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ENRICH phase through the pipeline handler with the real derived-values, KPI and bridge procedures, on the facts
 * phase 4 leaves for the oracle well of docs/DOMAIN.md §2. Procedures of phase 5 owned elsewhere (targets sync, semaphores) are
 * replaced by no-ops only where they are not installed yet.
 */
class EnrichPhaseIT {
    private static final String EVENT = """
            {"phases": ["ENRICH"], "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10", "asOf": "2026-03-11T00:00:00Z"}""";

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        db.execute("""
                DO $$ BEGIN
                    IF to_regprocedure('reporting.sp_sync_dim_pozo_targets()') IS NULL THEN
                        CREATE PROCEDURE reporting.sp_sync_dim_pozo_targets() LANGUAGE plpgsql AS $p$ BEGIN END $p$;
                    END IF;
                    IF to_regprocedure('reporting.aplicar_evaluacion_universal(uuid, timestamptz, boolean)') IS NULL THEN
                        CREATE PROCEDURE reporting.aplicar_evaluacion_universal(p_run_id uuid DEFAULT NULL,
                            p_as_of timestamptz DEFAULT now(), p_solo_cambios boolean DEFAULT false) LANGUAGE plpgsql AS $p$ BEGIN END $p$;
                    END IF;
                END $$;
                """);
        OracleWellFacts facts = new OracleWellFacts(db);
        LocalDate day = LocalDate.parse("2026-03-10");
        facts.master("OR-1", 5000.0).day("OR-1", day, 20).month("OR-1", day).currentValues("OR-1", "2026-03-10T23:00:00Z");
        facts.master("NO-DEPTH", null).day("NO-DEPTH", day, 20).currentValues("NO-DEPTH", "2026-03-10T23:00:00Z");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private JsonNode enrich() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        return Invocation.invoke(handler, EVENT);
    }

    private double value(String sql) {
        Object v = db.queryValue(sql);
        assertThat(v).as(sql).isNotNull();
        return ((Number) v).doubleValue();
    }

    @Test
    void shouldShowTheOracleNumbersAndTheMlResults_whenEnrichRunsAfterMlModulesWrote() {
        db.execute("""
                INSERT INTO universal.stroke (well_id, timestamp_lectura, position, load, spm)
                VALUES ('OR-1', '2026-03-10T23:30:00Z', ARRAY(SELECT (i % 20) * 4.3 FROM generate_series(1, 40) i),
                        ARRAY(SELECT 5000 + (i % 7) * 700 FROM generate_series(1, 40) i), 8);
                INSERT INTO universal.diagnostico (stroke_id, well_id, timestamp_lectura, clase, probabilidad, modelo_version)
                SELECT stroke_id, well_id, timestamp_lectura, 'GAS_INTERFERENCE', 0.77, 'cdi-2' FROM universal.stroke;
                INSERT INTO universal.ipr_resultados (well_id, fecha_calculo, modelo, presion_yacimiento, pwf_prueba, q_prueba)
                VALUES ('OR-1', '2026-03-10T05:10:00Z', 'VOGEL', 2000, 1200, 300);
                INSERT INTO universal.arps_resultados (well_id, fecha_ajuste, fecha_inicio, modelo, qi, di_anual, b,
                       q_limite_economico)
                VALUES ('OR-1', '2026-03-10', '2024-03-11', 'HIPERBOLICO', 100, 0.5, 0.5, 5);
                """);

        JsonNode r = enrich();

        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("OK");
        assertThat(r.get("phases").get(0).get("calls").findValuesAsText("call")).containsSubsequence(
                "reporting.sp_calcular_derivados_completos", "reporting.poblar_kpi_business",
                "reporting.sp_sync_cdi_to_reporting", "reporting.sp_sync_ipr_to_reporting",
                "reporting.sp_sync_arps_to_reporting");
        String cv = "SELECT %s FROM reporting.dataset_current_values WHERE well_id = '%s'";
        assertThat(value(cv.formatted("pwf", "OR-1"))).isCloseTo(503.021, within(0.01));
        assertThat(value(cv.formatted("fluid_level_calc", "OR-1"))).isCloseTo(4000, within(0.1));
        assertThat(value(cv.formatted("pump_displacement_bpd", "OR-1"))).isCloseTo(180.50, within(0.01));
        for (String column : new String[] {"pwf", "fluid_level_calc", "pip_calc"}) {
            assertThat(db.queryValue(cv.formatted(column, "NO-DEPTH"))).as(column + " without a pump depth").isNull();
        }
        assertThat(db.queryValue(cv.formatted("cdi_diagnostico", "OR-1"))).isEqualTo("GAS_INTERFERENCE");
        assertThat(value(cv.formatted("ipr_qmax", "OR-1"))).isCloseTo(506.7568, within(5e-5));
        assertThat(db.queryValue("SELECT fuente FROM reporting.dataset_latest_dynacard WHERE well_id = 'OR-1'"))
                .isEqualTo("ML");
        assertThat(value("SELECT eur_remanente_bbl FROM reporting.dataset_kpi_business"
                + " WHERE well_id = 'OR-1' AND tipo_periodo = 'DIA' AND periodo = '2026-03-10'"))
                .isCloseTo(64686.74, within(0.005));
    }

    @Test
    void shouldSkipTheBridges_whenUniversalHasNothingNew() {
        JsonNode r = enrich();

        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("OK");
        assertThat(r.get("phases").get(0).get("calls").findValuesAsText("call"))
                .contains("reporting.sp_calcular_derivados_completos", "reporting.poblar_kpi_business")
                .noneMatch(call -> call.startsWith("reporting.sp_sync_") && call.endsWith("_to_reporting"));
        assertThat(value("SELECT pwf FROM reporting.dataset_current_values WHERE well_id = 'OR-1'"))
                .isCloseTo(503.021, within(0.01));
    }
}

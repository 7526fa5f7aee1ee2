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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * From stage readings to the dashboard: a day of hourly readings of the oracle well of docs/DOMAIN.md §2 (and of the same well
 * without a pump depth) through TRANSFORM and ENRICH. Needs phase 4's procedures: skipped until they are installed.
 */
class OracleWellPipelineIT {
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        assumeTrue(db.count("SELECT count(*) FROM pg_proc WHERE proname IN ('sp_load_to_reporting',"
                + " 'actualizar_current_values_v4')") == 2, "phase 4 procedures not installed yet");
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
                INSERT INTO stage.tbl_pozo_maestra (well_id, profundidad_bomba, profundidad_media_perforados,
                       profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
                VALUES ('OR-1', 5000, 5200, 5300, 35, 1.07, 1.5, 9350),
                       ('NO-DEPTH', NULL, 5200, 5300, 35, 1.07, 1.5, 9350);
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, pump_intake_pressure, bsw, oil_rate, water_rate, liquid_rate,
                       strokes_per_minute, stroke_length, motor_power, energy_kwh, runtime_hours)
                SELECT w, TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), 50, 100, 4000, 417.985, 60,
                       52, 78, 130, 8, 86, 12, 1000 + 10 * (h + 1), 500 + (h + 1) * 20.0 / 24
                  FROM unnest(ARRAY['OR-1', 'NO-DEPTH']) w, generate_series(-1, 23) h;
                """);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void shouldShowTheDomainNumbers_whenTheOracleWellsReadingsRunThroughThePipeline() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());

        JsonNode r = Invocation.invoke(handler, """
                {"phases": ["TRANSFORM", "ENRICH"], "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10",
                 "asOf": "2026-03-11T06:00:00Z"}""");

        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("OK");
        String cv = "SELECT %s FROM reporting.dataset_current_values WHERE well_id = '%s'";
        assertThat(((Number) db.queryValue(cv.formatted("pwf", "OR-1"))).doubleValue()).isCloseTo(503.021, within(0.01));
        assertThat(((Number) db.queryValue(cv.formatted("fluid_level_calc", "OR-1"))).doubleValue())
                .isCloseTo(4000, within(0.1));
        assertThat(((Number) db.queryValue(cv.formatted("pump_displacement_bpd", "OR-1"))).doubleValue())
                .isCloseTo(180.50, within(0.01));
        for (String column : new String[] {"pwf", "fluid_level_calc", "pip_calc"}) {
            assertThat(db.queryValue(cv.formatted(column, "NO-DEPTH"))).as(column + " without a pump depth").isNull();
        }
        assertThat(((Number) db.queryValue(cv.formatted("pump_efficiency_pct", "OR-1"))).doubleValue())
                .as("20 h of runtime on 2026-03-10").isCloseTo(86.43, within(0.01));
    }
}

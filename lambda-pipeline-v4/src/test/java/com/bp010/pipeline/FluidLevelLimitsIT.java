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

/**
 * A fluid level (ft from surface) is judged against the well's pump depth Dp: the targets sync derives a per-well row
 * (fuente derivado_maestra: min_warning Dp - 2000, target Dp - 300, max_warning Dp - 100, max_critical Dp) whose
 * missing min_critical inherits the all-wells row's (the catalogue's 800 ft, seeded from its 1,000 ft warning). On a
 * pump shallower than 2,800 ft that inherited 800 ft lay above the well's own warning (Dp - 2000): the band was
 * inverted and a level between Dp - 2000 and 800 ft read "Critical low" though the well's row put it above its warning
 * limit. The inherited critical is now capped at the well's warning there (referencial.fnc_limites_resueltos: a
 * 2,700 ft pump is judged against 700 ft, and 750 ft reads NORMAL_BAJO; before the cap it read CRITICO_BAJO against
 * 800); deeper pumps keep inheriting the all-wells critical, unchanged. The derived row itself keeps no critical of
 * its own (the cap lives where limits are resolved, for every per-well row); the limits asserted are the effective
 * ones (dim_pozo.limites, what the semaphore judged). Through the pipeline handler.
 */
class FluidLevelLimitsIT {
    private static final String RUN = """
            {"phases": ["TRANSFORM", "ENRICH"], "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10",
             "asOf": "2026-03-11T00:00:00Z"}""";

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        // the catalogue's all-wells row as the reference load leaves it (min_critical seeded from min_warning x 0.8)
        db.execute("""
                INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, unidad, min_critical, min_warning, target,
                       max_warning, max_critical, clasificacion)
                VALUES ('fluid_level', 'ft', 800, 1000, 4500, 4800, 4950, 'MODERADA');
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, profundidad_bomba)
                VALUES ('FL-2700-750', 'pump at 2,700 ft, level 750 ft', 2700),
                       ('FL-2700-650', 'pump at 2,700 ft, level 650 ft', 2700),
                       ('FL-5000-750', 'pump at 5,000 ft, level 750 ft', 5000);
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, fluid_level)
                SELECT w.id, TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), w.fl
                  FROM (VALUES ('FL-2700-750', 750.0), ('FL-2700-650', 650.0), ('FL-5000-750', 750.0)) w(id, fl),
                       generate_series(0, 23) h;
                """);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void shouldNeverJudgeAFluidLevelAboveTheWellsOwnWarningAsCritical_whenThePumpIsShallow() {
        JsonNode run = Invocation.invoke(handler(), RUN);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(status("FL-2700-750")).as("750 ft: above the well's 700 ft warning, below target - 5 %")
                .isEqualTo(3);
        assertThat(limits("FL-2700-750")).as("Dp 2,700 ft: critical capped at the well's warning, Dp - 2000")
                .isEqualTo("700 700 2400 2600 2700");
        assertThat(storedRow("FL-2700-750")).as("the derived row: no critical of its own")
                .isEqualTo("null 700 2400 2600 2700");
        assertThat(db.count("SELECT count(*) FROM reporting.vw_alerts WHERE well_id = 'FL-2700-750'"
                + " AND referencia = 'fluid_level'")).isZero();
        assertThat(status("FL-2700-650")).as("650 ft: below the well's 700 ft limit").isEqualTo(1);
        assertThat(db.queryValue("SELECT codigo_status || ' ' || limite_nombre || ' ' || limite"
                + " FROM reporting.vw_alerts WHERE well_id = 'FL-2700-650' AND referencia = 'fluid_level'"))
                .isEqualTo("1 min_critical 700");
        assertThat(limits("FL-5000-750")).as("Dp 5,000 ft: the all-wells 800 ft critical lies below the warning")
                .isEqualTo("800 3000 4700 4900 5000");
        assertThat(status("FL-5000-750")).as("750 ft: below the inherited 800 ft").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM reporting.fnc_limites_efectivos() e"
                + " WHERE e.por_pozo AND e.min_critical > e.min_warning"))
                .as("no effective band inverted").isZero();
    }

    @Test
    void shouldLeaveTheCriticalToTheAllWellsRow_whenItHasNone() {
        db.execute("UPDATE referencial.tbl_limites_pozo SET min_critical = NULL"
                + " WHERE nombre_tecnico = 'fluid_level' AND well_id IS NULL");

        JsonNode run = Invocation.invoke(handler(), RUN);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(limits("FL-2700-650")).isEqualTo("null 700 2400 2600 2700");
        assertThat(storedRow("FL-2700-650")).isEqualTo("null 700 2400 2600 2700");
        assertThat(status("FL-2700-650")).as("below the warning, no critical anywhere").isEqualTo(2);
    }

    private int status(String well) {
        return ((Number) db.queryValue("SELECT fluid_level_status FROM reporting.dataset_current_values"
                + " WHERE well_id = ?", well)).intValue();
    }

    /** The well's effective fluid_level limits (dim_pozo.limites): min_critical, min_warning, target, max_warning, max_critical. */
    private Object limits(String well) {
        return db.queryValue("SELECT concat_ws(' ', coalesce(l ->> 'min_critical', 'null'), l ->> 'min_warning',"
                + " l ->> 'target', l ->> 'max_warning', l ->> 'max_critical')"
                + " FROM (SELECT limites -> 'fluid_level' AS l FROM reporting.dim_pozo WHERE well_id = ?) x", well);
    }

    /** The well's own fluid_level row: min_critical, min_warning, target, max_warning, max_critical. */
    private Object storedRow(String well) {
        return db.queryValue("SELECT concat_ws(' ', coalesce(min_critical::text, 'null'), min_warning, target,"
                + " max_warning, max_critical) FROM referencial.tbl_limites_pozo"
                + " WHERE nombre_tecnico = 'fluid_level' AND well_id = ? AND fuente = 'derivado_maestra'", well);
    }

    private PipelineV4Handler handler() {
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
    }
}

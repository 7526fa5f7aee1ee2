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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peak gearbox torque is judged against the unit's own gearbox rating
 * (stage.tbl_pozo_maestra.capacidad_caja_engranajes, in*lbf): the catalogue's all-wells row (an API 640D unit: target
 * 250,000, max_warning 456,000, max_critical 640,000) scaled by rating / 640,000, through the pipeline handler. A
 * 320D unit at 400,000 in*lbf is 125 % of its rating: critical, where the all-wells row called it NORMAL_ALTO. A 640D
 * unit and a well without a rating keep the all-wells limits, as does a rating too small to be one in in*lbf (320:
 * thousands); an operator's per-well row is never touched; a rating change re-judges the well at the next run.
 */
class GearboxTorqueLimitsIT {
    private static final String RUN = """
            {"phases": ["TRANSFORM", "ENRICH"], "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10",
             "asOf": "2026-03-11T00:00:00Z"}""";
    private static final String NEXT_RUN = """
            {"phases": ["TRANSFORM", "ENRICH"], "asOf": "2026-03-11T00:00:00Z"}""";

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        db.execute("""
                INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, unidad, target, max_warning, max_critical,
                       clasificacion)
                VALUES ('gearbox_torque', 'in*lbf', 250000, 456000, 640000, 'MODERADA');
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, capacidad_caja_engranajes)
                VALUES ('GB-320', 'C-320D', 320000), ('GB-640', 'C-640D', 640000), ('GB-NONE', 'no rating', NULL),
                       ('GB-OPER', 'C-228D with an operator row', 228000),
                       ('GB-KIPS', 'rating in thousands', 320);
                INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, max_warning, max_critical, fuente)
                VALUES ('gearbox_torque', 'GB-OPER', 300000, 500000, 'operador');
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, gearbox_torque)
                SELECT w, TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), 400000
                  FROM unnest(ARRAY['GB-320', 'GB-640', 'GB-NONE', 'GB-OPER', 'GB-KIPS']) w, generate_series(0, 23) h;
                """);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void shouldJudgeTheTorqueAgainstTheUnitsRating_whenTheMasterGivesIt() {
        JsonNode first = Invocation.invoke(handler(), RUN);

        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("OK");
        assertThat(status("GB-320")).as("320D at 400,000 in*lbf: above its rating").isEqualTo(7);
        assertThat(db.queryValue("SELECT codigo_status || ' ' || limite_nombre || ' ' || limite"
                + " FROM reporting.vw_alerts WHERE well_id = 'GB-320' AND referencia = 'gearbox_torque'"))
                .isEqualTo("7 max_critical 320000");
        assertThat(limits("GB-320")).as("the 640D row x 0.5").isEqualTo("125000 228000 320000 derivado_maestra");
        assertThat(status("GB-640")).as("640D: today's limits").isEqualTo(5);
        assertThat(limits("GB-640")).isEqualTo("250000 456000 640000 derivado_maestra");
        assertThat(status("GB-NONE")).as("no rating: the all-wells row").isEqualTo(5);
        assertThat(limits("GB-NONE")).isNull();
        assertThat(status("GB-KIPS")).as("320 in*lbf is no gearbox: the all-wells row").isEqualTo(5);
        assertThat(limits("GB-KIPS")).isNull();
        assertThat(status("GB-OPER")).as("the operator's row").isEqualTo(6);
        assertThat(limits("GB-OPER")).isEqualTo("null 300000 500000 operador");

        db.execute("UPDATE stage.tbl_pozo_maestra SET capacidad_caja_engranajes = 912000"
                + " WHERE well_id IN ('GB-320', 'GB-OPER')");
        JsonNode next = Invocation.invoke(handler(), NEXT_RUN);

        assertThat(next.path("status").asText()).as(next.toString()).isEqualTo("OK");
        assertThat(status("GB-320")).as("now a 912D: 400,000 is 44 % of its rating").isEqualTo(5);
        assertThat(limits("GB-320")).isEqualTo("356250 649800 912000 derivado_maestra");
        assertThat(db.count("SELECT count(*) FROM reporting.vw_alerts WHERE referencia = 'gearbox_torque'"
                + " AND well_id = 'GB-320'")).isZero();
        assertThat(limits("GB-OPER")).as("never over an operator's row").isEqualTo("null 300000 500000 operador");
        for (String well : List.of("GB-640", "GB-NONE", "GB-OPER")) {
            assertThat(status(well)).as(well).isEqualTo(well.equals("GB-OPER") ? 6 : 5);
        }
    }

    @Test
    void shouldKeepTheAllWellsRow_whenTheCatalogueHasNoCriticalTorque() {
        db.execute("UPDATE referencial.tbl_limites_pozo SET max_critical = NULL"
                + " WHERE nombre_tecnico = 'gearbox_torque' AND well_id IS NULL");

        JsonNode run = Invocation.invoke(handler(), RUN);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_limites_pozo WHERE fuente = 'derivado_maestra'"))
                .isZero();
        assertThat(status("GB-320")).as("nothing to scale: the all-wells row").isEqualTo(5);
    }

    private int status(String well) {
        return ((Number) db.queryValue("SELECT gearbox_torque_status FROM reporting.dataset_current_values"
                + " WHERE well_id = ?", well)).intValue();
    }

    /** The well's own gearbox_torque row: target, max_warning, max_critical, fuente; null without one. */
    private Object limits(String well) {
        return db.queryValue("SELECT concat_ws(' ', coalesce(target::text, 'null'), max_warning, max_critical, fuente)"
                + " FROM referencial.tbl_limites_pozo WHERE nombre_tecnico = 'gearbox_torque' AND well_id = ?", well);
    }

    private PipelineV4Handler handler() {
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
    }
}

package com.bp010.local.reliability;

import com.bp010.db.Env;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.bp010.local.reliability.CatalogueFixture.MASTER;
import static com.bp010.local.reliability.CatalogueFixture.load;
import static com.bp010.local.reliability.CatalogueFixture.readings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's edit of what the targets sync reads (the well master, the limits, the per-well KPI targets: R__34's
 * dimension marks) is applied by the next scheduled run even when no reading arrived since the last one: that run
 * answers DIMENSIONS_SYNCED (docs/CONTRACTS.md §4.4) and leaves reporting.dim_pozo, the limits derived from the master
 * and the semaphores as a sync of every well would. A truly idle hour stays NOTHING_TO_DO, the staleness step alone.
 * On main each of these runs answered NOTHING_TO_DO and the edit waited for the next run with readings.
 */
class DimensionEditsIT {
    /** What reporting.dim_pozo and the limits hold (load times aside). */
    private static final String DIMENSIONS = "SELECT concat_ws(E'\\n',"
            + " (SELECT string_agg((to_jsonb(d) - 'updated_at')::text, E'\\n' ORDER BY d.well_id) FROM reporting.dim_pozo d),"
            + " (SELECT string_agg((to_jsonb(l) - 'updated_at' - 'created_at' - 'limite_id')::text, E'\\n'"
            + "    ORDER BY l.nombre_tecnico, l.well_id NULLS FIRST) FROM referencial.tbl_limites_pozo l))";

    @Test
    void shouldApplyTheEdit_whenTheNextRunHasNoNewReadings() {
        try (TestDatabase db = TestDatabase.migrated()) {
            PipelineV4Handler handler = new PipelineV4Handler(Env.of(db.env()));
            load(db, null);
            db.execute(MASTER);
            db.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
            // a per-well limits row without a baseline: phase 6 writes it (baseline = target), which marks the well
            db.execute("INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, target, fuente)"
                    + " VALUES ('motor_power', 'RTC-2', 15, 'operador')");
            assertThat(status(handler, "2026-05-02T19:00:00Z")).isEqualTo("OK");
            assertThat(db.queryValue("SELECT limites -> 'motor_power' ->> 'baseline' FROM reporting.dim_pozo"
                    + " WHERE well_id = 'RTC-2'")).as("the baseline phase 6 wrote, synced in the same run").isEqualTo("15");
            assertThat(db.count("SELECT count(*) FROM reporting.dimensiones_pendientes"))
                    .as("dimension marks a complete run left (its defaults' baselines)").isZero();
            assertThat(db.queryValue(DIMENSIONS)).as("after the first run").isEqualTo(fullSyncRolledBack(db));
            JsonNode idle = run(handler, "2026-05-02T19:05:00Z");
            assertThat(idle.path("status").asText()).as("%s", idle).isEqualTo("NOTHING_TO_DO");
            assertThat(idle.path("phases").findValuesAsText("call"))
                    .containsExactly("reporting.aplicar_evaluacion_universal");

            // a per-well KPI target: dim_pozo's target_kwh_por_bbl
            db.execute("INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, fuente)"
                    + " VALUES ('kwh_por_bbl', 'RTC-1', 4.5, 'operador')");
            JsonNode kpi = run(handler, "2026-05-02T19:10:00Z");
            assertThat(kpi.path("status").asText()).as("%s", kpi).isEqualTo("DIMENSIONS_SYNCED");
            assertThat(kpi.path("message").asText()).contains("dimensions synced");
            assertThat(db.queryValue("SELECT target_kwh_por_bbl || ' ' || (fuente_targets_kpi ->> 'target_kwh_por_bbl')"
                    + " FROM reporting.dim_pozo WHERE well_id = 'RTC-1'")).isEqualTo("4.5 CONFIG_POZO");
            assertThat(db.queryValue(DIMENSIONS)).as("after the KPI edit").isEqualTo(fullSyncRolledBack(db));

            // an all-wells warning band (not the target: no recomputation mark): dim_pozo.limites and the semaphore
            db.execute("UPDATE referencial.tbl_limites_pozo SET max_warning = 45"
                    + " WHERE nombre_tecnico = 'oil_rate' AND well_id IS NULL");
            JsonNode limits = run(handler, "2026-05-02T19:20:00Z");
            assertThat(limits.path("status").asText()).as("%s", limits).isEqualTo("DIMENSIONS_SYNCED");
            assertThat(db.queryValue("SELECT string_agg(well_id || ' ' || (limites -> 'oil_rate' ->> 'max_warning'),"
                    + " ', ' ORDER BY well_id) FROM reporting.dim_pozo")).isEqualTo("RTC-1 45, RTC-2 45");
            assertThat(db.queryValue(DIMENSIONS)).as("after the limits edit").isEqualTo(fullSyncRolledBack(db));
            assertThat(db.queryValue("SELECT string_agg(well_id || ' ' || oil_rate || ' ' || oil_rate_status, ', '"
                    + " ORDER BY well_id) FROM reporting.dataset_current_values"))
                    .as("50 bbl/d over the new warning band (code 6)").isEqualTo("RTC-1 50 6, RTC-2 50 6");

            assertThat(status(handler, "2026-05-02T19:30:00Z")).as("the idle hour after the edits")
                    .isEqualTo("NOTHING_TO_DO");
        }
    }

    @Test
    void shouldSyncTheRatingDerivedLimitsAndNameTheWindow_whenAWellMasterEditLiesBeforeTheLookbackFloor() {
        try (TestDatabase db = TestDatabase.migrated()) {
            Map<String, String> env = new HashMap<>(db.env());
            env.put("LOOKBACK_DAYS", "2");
            PipelineV4Handler handler = new PipelineV4Handler(Env.of(env));
            load(db, null);
            db.execute(MASTER);
            db.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
            assertThat(status(handler, "2026-05-02T19:00:00Z")).isEqualTo("OK");

            // the floor at 05-03: the well's days cannot be recomputed by a default run, its gearbox rating is synced
            db.execute("UPDATE stage.tbl_pozo_maestra SET capacidad_caja_engranajes = 320000 WHERE well_id = 'RTC-2'");
            JsonNode edited = run(handler, "2026-05-05T12:00:00Z");

            assertThat(edited.path("status").asText()).as("%s", edited).isEqualTo("DIMENSIONS_SYNCED");
            assertThat(edited.path("message").asText()).contains("dimensions synced",
                    "{\"fechaInicio\": \"2026-05-01\", \"fechaFin\": \"2026-05-02\"}");
            assertThat(db.queryValue("SELECT max_critical || ' ' || fuente FROM referencial.tbl_limites_pozo"
                    + " WHERE nombre_tecnico = 'gearbox_torque' AND well_id = 'RTC-2'")).isEqualTo("320000 derivado_maestra");
            assertThat(db.queryValue("SELECT limites -> 'gearbox_torque' ->> 'max_critical' FROM reporting.dim_pozo"
                    + " WHERE well_id = 'RTC-2'")).isEqualTo("320000");
            assertThat(db.queryValue(DIMENSIONS)).isEqualTo(fullSyncRolledBack(db));
            assertThat(db.count("SELECT count(*) FROM reporting.recalculo_pendiente")).as("the marks, named and taken")
                    .isZero();
            assertThat(status(handler, "2026-05-05T13:00:00Z")).isEqualTo("NOTHING_TO_DO");
        }
    }

    /**
     * Both at once: an edit waits in the dimension marks and the day written in progress has ended, with no new
     * reading. The ended day makes it an incremental run (docs/AGGREGATION.md "Incremental runs", ended periods): it
     * answers OK, runs every phase, and its ENRICH's targets sync applies the edit - it is not DIMENSIONS_SYNCED, which
     * is only for a run with nothing to recompute.
     */
    @Test
    void shouldRunEveryPhaseAndApplyTheEdit_whenADayEndedAndAnEditWaits() {
        try (TestDatabase db = TestDatabase.migrated()) {
            PipelineV4Handler handler = new PipelineV4Handler(Env.of(db.env()));
            load(db, null);
            db.execute(MASTER);
            db.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
            assertThat(status(handler, "2026-05-02T19:00:00Z")).isEqualTo("OK");
            assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_diarias"
                    + " WHERE fecha = '2026-05-02' AND completo")).as("the day in progress").isZero();

            db.execute("INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, fuente)"
                    + " VALUES ('kwh_por_bbl', 'RTC-1', 4.5, 'operador')");
            JsonNode both = run(handler, "2026-05-03T00:30:00Z");

            assertThat(both.path("status").asText()).as("%s", both).isEqualTo("OK");
            assertThat(both.path("phases").findValuesAsText("phase"))
                    .containsExactly("DQ", "TRANSFORM", "ENRICH", "DEFAULTS", "CONSISTENCY");
            assertThat(both.path("window").path("from").asText()).isEqualTo("2026-05-02");
            assertThat(db.queryValue("SELECT target_kwh_por_bbl || ' ' || (fuente_targets_kpi ->> 'target_kwh_por_bbl')"
                    + " FROM reporting.dim_pozo WHERE well_id = 'RTC-1'")).isEqualTo("4.5 CONFIG_POZO");
            assertThat(db.count("SELECT count(*) FROM reporting.dimensiones_pendientes")).isZero();
            assertThat(db.queryValue(DIMENSIONS)).isEqualTo(fullSyncRolledBack(db));
            assertThat(status(handler, "2026-05-03T01:00:00Z")).as("the idle hour after").isEqualTo("NOTHING_TO_DO");
        }
    }

    private static JsonNode run(PipelineV4Handler handler, String asOf) {
        return Invocation.invoke(handler, "{\"asOf\":\"" + asOf + "\"}");
    }

    private static String status(PipelineV4Handler handler, String asOf) {
        return run(handler, asOf).path("status").asText();
    }

    /** What a sync of every well leaves, in a transaction rolled back. */
    private static String fullSyncRolledBack(TestDatabase db) {
        try (var c = db.connect()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO reporting.dimensiones_pendientes (well_id, motivo) VALUES (NULL, 'test')");
                st.execute("CALL reporting.sp_sync_dim_pozo_targets()");
                try (var rs = st.executeQuery(DIMENSIONS)) {
                    rs.next();
                    return rs.getString(1);
                }
            } finally {
                c.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

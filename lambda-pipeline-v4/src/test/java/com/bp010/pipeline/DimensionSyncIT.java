package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.db.SqlCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reporting.sp_sync_dim_pozo_targets recomputes only the wells marked since its last call (the statement triggers on
 * the well master, the limits, the per-well KPI rows and dim_pozo), and the result equals syncing every well, as a
 * property: seeded tries of master rows added, changed and removed, all-wells and per-well limits (depth-derived
 * fluid_level and rating-derived gearbox_torque rows among them), per-well KPI rows, an operator's dim_pozo value
 * and the defaults of phase 6 between calls. After every call, a sync of every well in a rolled-back transaction must
 * leave the same dimension tables and limits.
 */
class DimensionSyncIT {
    private static final int WELLS = 10;
    private static final String DIMENSIONS = "SELECT concat_ws(E'\\n',"
            + " (SELECT string_agg((to_jsonb(d) - 'updated_at')::text, E'\\n' ORDER BY d.well_id) FROM reporting.dim_pozo d),"
            + " (SELECT string_agg((to_jsonb(d) - 'updated_at')::text, E'\\n' ORDER BY d.campo) FROM reporting.dim_campo d),"
            + " (SELECT string_agg((to_jsonb(d) - 'updated_at')::text, E'\\n' ORDER BY d.nombre_tecnico)"
            + "    FROM reporting.dim_variable d),"
            + " (SELECT string_agg((to_jsonb(l) - 'updated_at' - 'created_at' - 'limite_id')::text, E'\\n'"
            + "    ORDER BY l.nombre_tecnico, l.well_id NULLS FIRST) FROM referencial.tbl_limites_pozo l))";

    @RegisterExtension
    static final MigratedWells DATABASE = new MigratedWells();

    @Test
    void shouldLeaveWhatASyncOfEveryWellLeaves_whenOnlyTheMarkedWellsAreRecomputed() throws SQLException {
        int tries = Integer.getInteger("bp010.dimensions.tries", 3);
        int partial = 0;
        for (int seed = 1; seed <= tries; seed++) {
            Random random = new Random(seed);
            // the gearbox ratings and torque rows draw from their own stream: the other changes stay those of each seed
            Random gearbox = new Random(-seed);
            DATABASE.wells().clear();
            DATABASE.wells().limits("well_head_pressure", null, 10.0, 30.0, 500.0, 2000.0, 100.0);
            DATABASE.wells().limits("oil_rate", null, null, 5.0, 400.0, 600.0, 120.0);
            DATABASE.wells().limits("fluid_level", null, null, 500.0, 4000.0, 6000.0, 3000.0);
            DATABASE.wells().limits("gearbox_torque", null, null, null, 456000.0, 640000.0, 250000.0);
            for (int w = 0; w < WELLS; w++) {
                master(random, gearbox, w);
            }
            DATABASE.wells().syncTargets();
            DATABASE.wells().populateDefaults();
            for (int step = 0; step < 15; step++) {
                int changes = random.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    change(random, gearbox);
                }
                if (random.nextInt(3) == 0) {
                    DATABASE.wells().populateDefaults();
                }
                CallResult call = DATABASE.wells().syncTargets();
                partial += call.notices().stream().anyMatch(n -> !n.contains("every well")) ? 1 : 0;
                assertThat(DATABASE.db().queryValue(DIMENSIONS)).as("seed %d step %d (%s)", seed, step, call.notices())
                        .isEqualTo(fullSyncRolledBack());
            }
        }
        assertThat(partial).as("calls that recomputed only the marked wells").isPositive();
    }

    /**
     * Seed 22, step 12 of the property (tries=30) as a named case: a per-well KPI row sets DIM-8's kWh/bbl target; an
     * operator then writes another value into dim_pozo. The per-well row wins over the operator's value (a sync of
     * every well writes it back with its entry CONFIG_POZO), so the edit must mark the well; it marked nothing, the
     * incremental sync kept the operator's 3.0 without an entry, and after the row was removed the well kept 3.0 for
     * good instead of returning to the all-wells default 2.0.
     */
    @Test
    void shouldRestoreThePerWellKpiRowsTarget_whenAnOperatorEditsDimPozoOverIt() throws SQLException {
        DATABASE.wells().clear();
        DATABASE.wells().update("UPDATE referencial.tbl_config_kpi SET target = 2.0 WHERE kpi = 'kwh_por_bbl'"
                + " AND well_id IS NULL");
        DATABASE.wells().limits("oil_rate", null, null, 5.0, 400.0, 600.0, 120.0);
        for (String w : new String[] {"DIM-7", "DIM-8"}) {
            DATABASE.wells().update("INSERT INTO stage.tbl_pozo_maestra (well_id, campo, nombre_pozo) VALUES (?, 'SUR', ?)",
                    w, "Pozo " + w);
        }
        DATABASE.wells().update("INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, fuente)"
                + " VALUES ('kwh_por_bbl', 'DIM-8', 4.0, 'operador')");
        DATABASE.wells().syncTargets();
        DATABASE.wells().populateDefaults();
        // (phase 6 wrote the row's baseline, which marked DIM-8: the next hour's sync takes that mark)
        DATABASE.wells().syncTargets();
        assertThat(kwh("DIM-8")).isEqualTo("4 CONFIG_POZO");

        DATABASE.wells().update("UPDATE reporting.dim_pozo SET target_kwh_por_bbl = 3.0,"
                + " fuente_targets_kpi = fuente_targets_kpi - 'target_kwh_por_bbl' WHERE well_id = 'DIM-8'");
        CallResult edited = DATABASE.wells().syncTargets();

        assertThat(kwh("DIM-8")).as("the per-well KPI row wins over the operator's value (%s)", edited.notices())
                .isEqualTo("4 CONFIG_POZO");
        assertThat(DATABASE.db().queryValue(DIMENSIONS)).isEqualTo(fullSyncRolledBack());

        DATABASE.wells().update("DELETE FROM referencial.tbl_config_kpi WHERE well_id = 'DIM-8'");
        DATABASE.wells().syncTargets();
        DATABASE.wells().populateDefaults();
        assertThat(kwh("DIM-8")).as("back to the all-wells default").isEqualTo("2 DEFAULT");

        // an operator's value on a well without a per-well row is kept, and the defaults of phase 6 mark nothing
        DATABASE.wells().update("UPDATE referencial.tbl_config_kpi SET target = 2.5 WHERE kpi = 'kwh_por_bbl'"
                + " AND well_id IS NULL");
        DATABASE.wells().syncTargets();
        DATABASE.wells().update("UPDATE reporting.dim_pozo SET target_kwh_por_bbl = 3.0,"
                + " fuente_targets_kpi = fuente_targets_kpi - 'target_kwh_por_bbl' WHERE well_id = 'DIM-7'");
        DATABASE.wells().populateDefaults();
        CallResult quiet = DATABASE.wells().syncTargets();
        assertThat(quiet.notices()).singleElement().asString().contains("0 wells written of 0 recomputed");
        assertThat(kwh("DIM-7")).isEqualTo("3 null");
        assertThat(kwh("DIM-8")).isEqualTo("2.5 DEFAULT");
        assertThat(DATABASE.db().queryValue(DIMENSIONS)).isEqualTo(fullSyncRolledBack());
        DATABASE.wells().update("UPDATE referencial.tbl_config_kpi SET target = 2.0 WHERE kpi = 'kwh_por_bbl'"
                + " AND well_id IS NULL");
    }

    private static Object kwh(String wellId) {
        return DATABASE.db().queryValue("SELECT concat_ws(' ', target_kwh_por_bbl,"
                + " coalesce(fuente_targets_kpi ->> 'target_kwh_por_bbl', 'null')) FROM reporting.dim_pozo"
                + " WHERE well_id = ?", wellId);
    }

    private static String well(int w) {
        return "DIM-" + w;
    }

    private static void master(Random random, Random gearbox, int w) {
        DATABASE.wells().update("INSERT INTO stage.tbl_pozo_maestra (well_id, campo, nombre_pozo, estado_pozo,"
                        + " profundidad_bomba, capacidad_caja_engranajes) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (well_id) DO NOTHING", well(w),
                random.nextBoolean() ? "NORTE" : "SUR", "Pozo " + w, random.nextInt(4) == 0 ? "CERRADO" : "ACTIVO",
                random.nextInt(4) == 0 ? null : (double) (2000 + random.nextInt(6000)), rating(gearbox));
    }

    /** A gearbox rating in in*lbf (API 228D to 912D), or none. */
    private static Double rating(Random random) {
        double[] sizes = {228_000, 320_000, 640_000, 912_000};
        return random.nextInt(4) == 0 ? null : sizes[random.nextInt(sizes.length)];
    }

    private static void change(Random random, Random gearbox) {
        String w = well(random.nextInt(WELLS));
        switch (random.nextInt(10)) {
            case 0 -> DATABASE.wells().update("UPDATE stage.tbl_pozo_maestra SET profundidad_bomba = ?,"
                    + " capacidad_caja_engranajes = coalesce(?, capacidad_caja_engranajes) WHERE well_id = ?",
                    random.nextInt(5) == 0 ? null : (double) (2000 + random.nextInt(6000)),
                    gearbox.nextBoolean() ? rating(gearbox) : null, w);
            case 1 -> DATABASE.wells().update("UPDATE stage.tbl_pozo_maestra SET campo = CASE campo WHEN 'NORTE' THEN 'SUR'"
                    + " ELSE 'NORTE' END, nombre_pozo = nombre_pozo || '*' WHERE well_id = ?", w);
            case 2 -> DATABASE.wells().update("DELETE FROM stage.tbl_pozo_maestra WHERE well_id = ?", w);
            case 3 -> master(random, gearbox, random.nextInt(WELLS));
            case 4 -> DATABASE.wells().update("INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, target,"
                    + " max_warning) VALUES ('oil_rate', ?, ?, ?) ON CONFLICT (nombre_tecnico, well_id) DO UPDATE"
                    + " SET target = EXCLUDED.target", w, 50.0 + random.nextInt(100), 300.0 + random.nextInt(100));
            case 5 -> DATABASE.wells().update("DELETE FROM referencial.tbl_limites_pozo WHERE well_id = ?", w);
            case 6 -> {
                double whp = 400.0 + random.nextInt(200);
                if (gearbox.nextBoolean()) {
                    DATABASE.wells().update("UPDATE referencial.tbl_limites_pozo SET max_warning = ?"
                            + " WHERE well_id IS NULL AND nombre_tecnico = 'well_head_pressure'", whp);
                } else {
                    // the catalogue's torque row rescaled, or without a critical limit (nothing derived)
                    DATABASE.wells().update("UPDATE referencial.tbl_limites_pozo SET max_critical = ?"
                            + " WHERE well_id IS NULL AND nombre_tecnico = 'gearbox_torque'",
                            gearbox.nextInt(3) == 0 ? null : 600_000.0 + 10_000 * gearbox.nextInt(10));
                }
            }
            case 7 -> DATABASE.wells().update("INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, fuente)"
                    + " VALUES ('kwh_por_bbl', ?, ?, 'operador') ON CONFLICT (kpi, well_id) DO UPDATE"
                    + " SET target = EXCLUDED.target", w, 1.0 + random.nextInt(5));
            case 8 -> DATABASE.wells().update("DELETE FROM referencial.tbl_config_kpi WHERE well_id = ?", w);
            default -> DATABASE.wells().update("UPDATE reporting.dim_pozo SET target_kwh_por_bbl = ?,"
                    + " fuente_targets_kpi = fuente_targets_kpi - 'target_kwh_por_bbl' WHERE well_id = ?",
                    2.0 + random.nextInt(3), w);
        }
    }

    /** The tables after a sync of every well (a NULL mark), rolled back. */
    private static String fullSyncRolledBack() throws SQLException {
        try (Connection c = DATABASE.db().connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO reporting.dimensiones_pendientes (well_id, motivo) VALUES (NULL, 'test')");
                SqlCalls.execute(c, "full", "CALL reporting.sp_sync_dim_pozo_targets()");
                try (ResultSet rs = st.executeQuery(DIMENSIONS)) {
                    rs.next();
                    return rs.getString(1);
                }
            } finally {
                c.rollback();
            }
        }
    }
}

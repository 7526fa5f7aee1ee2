package com.bp010.pipeline;

import com.bp010.db.CallResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.bp010.pipeline.WellFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase 5.1 (reporting.sp_sync_dim_pozo_targets) and phase 6 (reporting.sp_populate_defaults): targets and baselines
 * reach the dimension, defaults fill only what is missing, and a value an operator set is never overwritten.
 */
class DefaultsIT {
    @RegisterExtension
    static final MigratedWells DATABASE = new MigratedWells();

    @BeforeEach
    void clean() {
        DATABASE.wells().clear();
        DATABASE.wells().update("UPDATE referencial.tbl_config_kpi SET target = 2.0, baseline = NULL WHERE kpi = 'kwh_por_bbl'");
        DATABASE.wells().update("UPDATE referencial.tbl_config_kpi SET target = 80, baseline = NULL"
                + " WHERE kpi = 'eficiencia_volumetrica_pct'");
        DATABASE.wells().limits("well_head_pressure", null, 10.0, 30.0, 500.0, 2000.0, 100.0);
        DATABASE.wells().limits("oil_rate", null, null, 5.0, 400.0, 600.0, 120.0);
        DATABASE.wells().master("W-A", values("campo", "NORTE", "nombre_pozo", "Alfa"));
        DATABASE.wells().master("W-B", values("campo", "NORTE", "nombre_pozo", "Beta", "estado_pozo", "CERRADO"));
        DATABASE.wells().master("W-C", values("campo", "SUR", "nombre_pozo", "Gamma"));
    }

    private Object dim(String column, String wellId) {
        return DATABASE.db().queryValue("SELECT " + column + " FROM reporting.dim_pozo WHERE well_id = ?", wellId);
    }

    @Test
    void shouldSyncEveryWellWithItsEffectiveTargets_whenAPerWellRowOverridesTheDefault() {
        DATABASE.wells().limits("oil_rate", "W-B", null, null, null, null, 60.0);

        CallResult result = DATABASE.wells().syncTargets();

        assertThat(dim("target_oil_rate", "W-A")).isEqualTo(120.0);
        assertThat(dim("target_oil_rate", "W-B")).isEqualTo(60.0);
        assertThat(dim("target_well_head_pressure", "W-B")).isEqualTo(100.0);
        assertThat(dim("target_bsw", "W-A")).as("a variable without limits has no target").isNull();
        assertThat(dim("limites -> 'oil_rate' ->> 'max_warning'", "W-B")).as("inherited field").isEqualTo("400");
        assertThat(dim("limites -> 'oil_rate' ->> 'por_pozo'", "W-B")).isEqualTo("true");
        assertThat(dim("nombre_pozo", "W-C")).isEqualTo("Gamma");
        assertThat(DATABASE.wells().rows("SELECT campo, n_pozos, n_pozos_activos FROM reporting.dim_campo ORDER BY campo"))
                .containsExactly(Map.of("campo", "NORTE", "n_pozos", 2, "n_pozos_activos", 1),
                        Map.of("campo", "SUR", "n_pozos", 1, "n_pozos_activos", 1));
        assertThat(result.notices()).singleElement().asString().contains("3 wells written");
    }

    @Test
    void shouldChangeNothing_whenSyncedTwice() {
        DATABASE.wells().syncTargets();
        Object stamp = DATABASE.db().queryValue("SELECT max(updated_at) FROM reporting.dim_pozo");

        CallResult second = DATABASE.wells().syncTargets();

        assertThat(DATABASE.db().queryValue("SELECT max(updated_at) FROM reporting.dim_pozo")).isEqualTo(stamp);
        assertThat(second.notices()).singleElement().asString().contains("0 wells written");
    }

    @Test
    void shouldFillKpiTargetsFromTheConfiguration_whenTheWellHasNone() {
        DATABASE.wells().syncTargets();

        DATABASE.wells().populateDefaults();

        assertThat(dim("target_kwh_por_bbl", "W-A")).isEqualTo(2.0);
        assertThat(dim("target_eficiencia_bomba_pct", "W-A")).isEqualTo(80.0);
        assertThat(dim("fuente_targets_kpi ->> 'target_kwh_por_bbl'", "W-A")).isEqualTo("DEFAULT");
    }

    @Test
    void shouldFollowAChangedDefault_butNeverTheOperatorsValue() {
        DATABASE.wells().syncTargets();
        DATABASE.wells().populateDefaults();
        DATABASE.wells().update("UPDATE reporting.dim_pozo SET target_kwh_por_bbl = 3.3,"
                + " fuente_targets_kpi = fuente_targets_kpi - 'target_kwh_por_bbl' WHERE well_id = 'W-C'");
        DATABASE.wells().update("UPDATE referencial.tbl_config_kpi SET target = 2.5 WHERE kpi = 'kwh_por_bbl' AND well_id IS NULL");

        DATABASE.wells().syncTargets();
        DATABASE.wells().populateDefaults();

        assertThat(dim("target_kwh_por_bbl", "W-A")).isEqualTo(2.5);
        assertThat(dim("target_kwh_por_bbl", "W-C")).isEqualTo(3.3);
    }

    @Test
    void shouldApplyThePerWellKpiRow_andReturnToTheDefault_whenTheRowIsRemoved() {
        DATABASE.wells().update("INSERT INTO referencial.tbl_config_kpi (kpi, well_id, target, fuente)"
                + " VALUES ('kwh_por_bbl', 'W-B', 4.0, 'operador')");
        DATABASE.wells().syncTargets();
        DATABASE.wells().populateDefaults();
        assertThat(dim("target_kwh_por_bbl", "W-B")).isEqualTo(4.0);
        assertThat(dim("target_kwh_por_bbl", "W-A")).isEqualTo(2.0);

        DATABASE.wells().update("DELETE FROM referencial.tbl_config_kpi WHERE well_id = 'W-B'");
        DATABASE.wells().syncTargets();
        DATABASE.wells().populateDefaults();

        assertThat(dim("target_kwh_por_bbl", "W-B")).isEqualTo(2.0);
    }

    @Test
    void shouldFillBaselinesOnlyWhereMissing_whenDefaultsRun() {
        DATABASE.wells().update("UPDATE referencial.tbl_limites_pozo SET baseline = 42 WHERE nombre_tecnico = 'oil_rate'");
        DATABASE.wells().update("UPDATE referencial.tbl_config_kpi SET baseline = 1.7 WHERE kpi = 'kwh_por_bbl'");

        DATABASE.wells().populateDefaults();

        assertThat(DATABASE.wells().rows("SELECT nombre_tecnico, baseline FROM referencial.tbl_limites_pozo ORDER BY 1"))
                .containsExactly(Map.of("nombre_tecnico", "oil_rate", "baseline", 42.0),
                        Map.of("nombre_tecnico", "well_head_pressure", "baseline", 100.0));
        assertThat(DATABASE.db().queryValue("SELECT baseline FROM referencial.tbl_config_kpi WHERE kpi = 'kwh_por_bbl'"))
                .isEqualTo(1.7);
        assertThat(DATABASE.db().queryValue("SELECT baseline FROM referencial.tbl_config_kpi WHERE kpi = 'uptime_pct'"))
                .isEqualTo(95.0);
    }

    @Test
    void shouldRestoreMissingEvaluationSettings_butKeepChangedOnes() {
        DATABASE.wells().update("DELETE FROM referencial.config_evaluacion WHERE clave = 'offline_allowance_min'");
        DATABASE.wells().update("UPDATE referencial.config_evaluacion SET valor_num = 7 WHERE clave = 'tolerancia_pct'");

        CallResult result = DATABASE.wells().populateDefaults();

        assertThat(DATABASE.db().queryValue("SELECT valor_num FROM referencial.config_evaluacion"
                + " WHERE clave = 'offline_allowance_min' AND nombre_tecnico IS NULL")).isEqualTo(120.0);
        assertThat(DATABASE.db().queryValue("SELECT valor_num FROM referencial.config_evaluacion"
                + " WHERE clave = 'tolerancia_pct' AND nombre_tecnico IS NULL")).isEqualTo(7.0);
        assertThat(result.notices().get(0)).contains("1 evaluation settings added", "2 limit baselines");
        // the baselines it wrote marked the wells for the dimension sync (dim_pozo.limites carries them): synced now
        assertThat(result.notices()).hasSize(2);
        assertThat(result.notices().get(1)).startsWith("sp_sync_dim_pozo_targets:");
        assertThat(DATABASE.db().count("SELECT count(*) FROM reporting.dimensiones_pendientes")).isZero();
    }

    @Test
    void shouldChangeNothing_whenDefaultsRunTwice() {
        DATABASE.wells().syncTargets();
        DATABASE.wells().populateDefaults();

        CallResult second = DATABASE.wells().populateDefaults();

        assertThat(second.notices()).singleElement().asString()
                .contains("0 evaluation settings added, 0 KPI baselines, 0 limit baselines, 0 wells");
    }
}

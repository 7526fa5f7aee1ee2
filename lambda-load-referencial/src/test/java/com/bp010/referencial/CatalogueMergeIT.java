package com.bp010.referencial;

import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A reload merges by natural key: changed rows updated in place, vanished rows removed unless history refers to them. */
class CatalogueMergeIT {

    private static void load(TestDatabase db, Path dir) {
        Invocation.invoke(Handlers.on(db), "{\"configLocation\": \"" + dir.toUri() + "\"}");
    }

    @Test
    void shouldUpdateChangedRowsKeepingTheirKeys_whenAFileChanges(@TempDir Path tmp) {
        try (TestDatabase db = TestDatabase.migrated()) {
            Invocation.invoke(Handlers.on(db), "{}");
            Object limitId = db.queryValue("SELECT limite_id FROM referencial.tbl_limites_pozo WHERE nombre_tecnico = 'oil_rate'");
            load(db, ConfigVariants.damaged(tmp.resolve("a"), "02_reglas_calidad.csv", "0-5000,,,HIGH", "0-4000,,,HIGH"));
            assertThat(db.queryValue("SELECT valor_max FROM referencial.tbl_dq_rules WHERE rule_id = 'DQ-013'")).isEqualTo(4000.0);
            load(db, ConfigVariants.damaged(tmp.resolve("b"), "Rangos_validacion_variables_petroleras_limpio.py",
                    "\"target\": 52,", "\"target\": 60,"));
            assertThat(db.queryValue("SELECT limite_id FROM referencial.tbl_limites_pozo WHERE nombre_tecnico = 'oil_rate'"))
                    .isEqualTo(limitId);
            assertThat(db.queryValue("SELECT baseline FROM referencial.tbl_limites_pozo WHERE nombre_tecnico = 'oil_rate'"))
                    .isEqualTo(60.0);
            assertThat(db.count("SELECT count(*) FROM referencial.tbl_limites_pozo")).isEqualTo(17);
        }
    }

    @Test
    void shouldDeleteVanishedRowsOrDeactivateThoseHistoryRefersTo_whenTheFilesDropThem(@TempDir Path tmp) {
        try (TestDatabase db = TestDatabase.migrated()) {
            Invocation.invoke(Handlers.on(db), "{}");
            db.execute("INSERT INTO stage.tbl_dq_run_summary (run_id, rule_id, fecha, evaluated) VALUES ('"
                    + UUID.randomUUID() + "', 'DQ-012', current_date, 10)");
            db.execute("INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure, batch_id, source)"
                    + " VALUES ('W-1', 'IDN1001', now(), '120', '" + UUID.randomUUID() + "', 'file')");
            Path dir = ConfigVariants.damaged(tmp.resolve("c"), "02_reglas_calidad.csv",
                    "DQ-012,vfd_frequency,REPRESENTATIVIDAD,0-90,,,LOW,Frecuencia del variador entre 0 y 90 Hz\n", "");
            ConfigVariants.replaceIn(dir, "02_reglas_calidad.csv",
                    "DQ-033,api_gravity,MAESTRA,10-50,,,MEDIUM,Gravedad API entre 10 y 50\n", "");
            ConfigVariants.replaceIn(dir, "V1__stage_to_stage.sql", "var_id = 'IDN1001'", "var_id = 'IDN1901'");
            ConfigVariants.replaceIn(dir, "V1__stage_to_stage.sql", "var_id = 'IDN8007'", "var_id = 'IDN8907'");
            load(db, dir);

            assertThat(db.queryValue("SELECT activa FROM referencial.tbl_dq_rules WHERE rule_id = 'DQ-012'")).isEqualTo(false);
            assertThat(db.count("SELECT count(*) FROM referencial.tbl_dq_rules WHERE rule_id = 'DQ-033'")).isZero();
            assertThat(db.queryValue("SELECT activa FROM referencial.tbl_var_scada_map WHERE var_id_scada = 'IDN1001'"))
                    .isEqualTo(false);
            assertThat(db.queryValue("SELECT var_id_scada FROM referencial.tbl_var_scada_map "
                    + "WHERE columna_stage = 'well_head_pressure' AND activa")).isEqualTo("IDN1901");
            assertThat(db.count("SELECT count(*) FROM referencial.tbl_var_scada_map WHERE var_id_scada = 'IDN8007'")).isZero();
            assertThat(db.count("SELECT count(*) FROM referencial.tbl_var_scada_map WHERE activa")).isEqualTo(65);
        }
    }
}

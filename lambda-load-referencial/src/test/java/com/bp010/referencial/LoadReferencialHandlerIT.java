package com.bp010.referencial;

import com.bp010.db.Env;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The load from the JAR's config/ on a freshly initialised database: the "Done when" of issue 3, first bullets. */
class LoadReferencialHandlerIT {
    private static TestDatabase db;
    private static JsonNode first;
    private static Map<String, List<String>> afterFirst;

    @BeforeAll
    static void loadOnce() throws IOException {
        db = TestDatabase.migrated();
        first = Invocation.invoke(new LoadReferencialHandler(Env.of(db.env())), event("referencial-default.json"));
        afterFirst = CatalogueSnapshot.of(db);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static String event(String fixture) throws IOException {
        return Files.readString(RepoPaths.root().resolve("events").resolve(fixture));
    }

    @Test
    void shouldRespondWithTheSpecCounts_whenLoadingTheBundledConfigIntoAFreshDatabase() {
        JsonNode counts = first.get("counts");
        assertThat(counts.get("tbl_ref_unidades").asLong()).isEqualTo(38);
        assertThat(counts.get("tbl_ref_estados_operativos").asLong()).isEqualTo(5);
        assertThat(counts.get("tbl_ref_paneles_bi").asLong()).isEqualTo(11);
        assertThat(counts.get("tbl_maestra_variables").asLong()).isEqualTo(130);
        assertThat(counts.get("tbl_var_scada_map").asLong()).isEqualTo(65);
        assertThat(counts.get("tbl_limites_pozo").asLong()).isEqualTo(17);
        assertThat(counts.get("tbl_dq_rules").asLong()).isEqualTo(35);
        assertThat(counts.get("tbl_reglas_consistencia").asLong()).isEqualTo(6);
        assertThat(counts.get("tbl_dq_consistencia_map").asLong()).isEqualTo(13);
        assertThat(first.get("seedDefaults").asText()).isEqualTo("ok");
        assertThat(first.get("warnings")).isEmpty();
        assertThat(first.get("loadId").asText()).hasSize(36);
        assertThat(first.get("durationMs").asLong()).isPositive();
        assertThat(first.get("location").asText()).isEqualTo("classpath:config/");
    }

    @Test
    void shouldGiveTheSameCountsRowsAndKeys_whenRunAgain() throws IOException {
        JsonNode again = Invocation.invoke(Handlers.on(db), event("referencial-default.json"));
        assertThat(again.get("counts")).isEqualTo(first.get("counts"));
        assertThat(again.get("loadId")).isNotEqualTo(first.get("loadId"));
        assertThat(CatalogueSnapshot.of(db)).isEqualTo(afterFirst);
    }

    @Test
    void shouldRecordTheLoadWithEachFilesSha256_whenLoaded() throws Exception {
        String loadId = first.get("loadId").asText();
        assertThat(db.count("SELECT count(*) FROM referencial.config_loads WHERE load_id = ?::uuid", loadId)).isEqualTo(1);
        for (String file : List.of("06_unidades_standar.csv", "05_unidades.csv", "hoja_validacion.csv",
                "Variables_ID_stage.csv", "02_reglas_calidad.csv", "Rangos_validacion_variables_petroleras_limpio.py",
                "V1__stage_to_stage.sql")) {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(RepoPaths.config().resolve(file))));
            assertThat(db.queryValue("SELECT files -> ? ->> 'sha256' FROM referencial.config_loads WHERE load_id = ?::uuid",
                    file, loadId)).as(file).isEqualTo(expected);
            assertThat(first.get("files").get(file).asText()).isEqualTo(expected);
        }
        assertThat(db.queryValue("SELECT (counts ->> 'tbl_dq_rules')::int FROM referencial.config_loads "
                + "WHERE load_id = ?::uuid", loadId)).isEqualTo(35);
    }

    @Test
    void shouldStoreEachVariablesCounterKind_whenTheOverlayNamesIt() {
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_maestra_variables WHERE tipo_contador = 'ACUMULADO'"
                + " AND nombre_tecnico IN ('energy_kwh', 'runtime_hours', 'stroke_counter')")).isEqualTo(3);
        assertThat(db.queryValue("SELECT tipo_contador FROM referencial.tbl_maestra_variables"
                + " WHERE nombre_tecnico = 'runtime_today_hours'")).isEqualTo("DIARIO");
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_dq_rules")).as("the user's rules stay 35").isEqualTo(35);
    }

    @Test
    void shouldReferOnlyToKnownVariablesAndUnits_whenRulesLimitsAndMapAreLoaded() {
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_dq_rules r WHERE NOT EXISTS (SELECT 1 FROM "
                + "referencial.tbl_maestra_variables v WHERE v.nombre_tecnico = r.nombre_tecnico)")).isZero();
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_limites_pozo l WHERE NOT EXISTS (SELECT 1 FROM "
                + "referencial.tbl_maestra_variables v WHERE v.nombre_tecnico = l.nombre_tecnico)")).isZero();
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_var_scada_map m JOIN referencial.tbl_maestra_variables v "
                + "USING (id_formato1) WHERE v.nombre_tecnico <> m.nombre_tecnico")).isZero();
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_maestra_variables v WHERE unidad IS NOT NULL AND "
                + "NOT EXISTS (SELECT 1 FROM referencial.tbl_ref_unidades u WHERE u.simbolo = v.unidad)")).isZero();
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_unidades_variable")).isEqualTo(85);
        assertThat(db.queryValue("SELECT simbolo FROM referencial.tbl_unidades_variable uv JOIN "
                + "referencial.tbl_maestra_variables v USING (id_formato1) WHERE v.nombre_tecnico = 'fluid_level'"))
                .isEqualTo("ft");
        for (String canonical : List.of("well_head_pressure", "casing_head_pressure", "flow_line_pressure",
                "strokes_per_minute", "stroke_length", "pump_fillage", "max_rod_load", "min_rod_load",
                "motor_current", "motor_power", "energy_kwh", "runtime_hours", "oil_rate", "water_rate", "gas_rate",
                "bsw", "pump_intake_pressure", "fluid_level", "wellhead_temperature", "dynacard")) {
            assertThat(db.queryValue("SELECT columna_stage FROM referencial.tbl_var_scada_map WHERE nombre_tecnico = ?",
                    canonical)).as(canonical).isEqualTo(canonical);
        }
    }

    /**
     * The English report names every variable a DQ rule, a limit or a consistency rule can put in front of a reader
     * (its failed checks, its per-rule table, its alerts): none falls back to the catalogue's Spanish technical name
     * ("Diametro piston", "Sg agua" in an English report).
     */
    @Test
    void shouldNameInEnglishEveryVariableARuleOrALimitNames_whenTheBundledConfigIsLoaded() {
        assertThat(db.queryValue("""
                SELECT string_agg(v.nombre_tecnico, ', ' ORDER BY v.nombre_tecnico)
                  FROM (SELECT nombre_tecnico FROM referencial.tbl_dq_rules
                        UNION SELECT nombre_tecnico FROM referencial.tbl_limites_pozo
                        UNION SELECT variable_medida FROM referencial.tbl_reglas_consistencia
                        UNION SELECT variable_referencia FROM referencial.tbl_reglas_consistencia) v
                  LEFT JOIN reporting.vw_variable_labels l USING (nombre_tecnico)
                 WHERE l.nombre_en IS NULL""")).as("variables without an English name").isNull();
    }

    @Test
    void shouldStoreEachRuleWithItsTipoAndBounds_whenReadFromTheHumanExpressions() {
        assertThat(db.queryValue("SELECT string_agg(DISTINCT tipo, ',' ORDER BY tipo) FROM referencial.tbl_dq_rules"))
                .isEqualTo("FORMATO,LATENCIA,MAESTRA,REPRESENTATIVIDAD");
        assertThat(db.queryValue("SELECT valor_min || '/' || valor_max FROM referencial.tbl_dq_rules WHERE expresion = '0-100%' "
                + "AND nombre_tecnico = 'pump_fillage'")).isEqualTo("0/100");
        assertThat(db.queryValue("SELECT valor_min FROM referencial.tbl_dq_rules WHERE rule_id = 'DQ-006'")).isEqualTo(0.0001);
        assertThat(db.queryValue("SELECT latencia_max_seg FROM referencial.tbl_dq_rules WHERE expresion = '<2s'")).isEqualTo(2.0);
        assertThat(db.queryValue("SELECT valor_max FROM referencial.tbl_dq_rules WHERE rule_id = 'DQ-001'")).isEqualTo(2000.0);
        assertThat(db.queryValue("SELECT valor_max FROM referencial.tbl_dq_rules WHERE rule_id = 'DQ-002'")).isEqualTo(2000.0);
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_dq_rules WHERE tipo IN ('REPRESENTATIVIDAD','LATENCIA',"
                + "'FORMATO') AND nombre_tecnico NOT IN (SELECT columna_stage FROM referencial.tbl_var_scada_map)")).isZero();
    }

    @Test
    void shouldFillTheDefaults_whenSeedDefaultsRunsAtTheEndOfTheLoad() {
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_limites_pozo WHERE baseline IS DISTINCT FROM target"))
                .isZero();
        assertThat((Double) db.queryValue("SELECT min_critical FROM referencial.tbl_limites_pozo "
                + "WHERE nombre_tecnico = 'well_head_pressure'")).isCloseTo(24.0, within(1e-9));
        assertThat((Double) db.queryValue("SELECT max_critical FROM referencial.tbl_limites_pozo "
                + "WHERE nombre_tecnico = 'pump_fillage'")).isCloseTo(120.0, within(1e-9));
        assertThat(db.queryValue("SELECT min_critical FROM referencial.tbl_limites_pozo "
                + "WHERE nombre_tecnico = 'casing_head_pressure'")).isNull();
        assertThat(db.queryValue("SELECT volatilidad_pct FROM referencial.tbl_limites_pozo "
                + "WHERE nombre_tecnico = 'oil_rate'")).isEqualTo(30.0);
        assertThat(db.queryValue("SELECT tolerancia_pct FROM referencial.tbl_limites_pozo "
                + "WHERE nombre_tecnico = 'bsw'")).isEqualTo(5.0);
        // 12 kW x 24 h x 95 % uptime / (52 + 78) bbl/d
        assertThat((Double) db.queryValue("SELECT target FROM referencial.tbl_config_kpi WHERE kpi = 'kwh_por_bbl' "
                + "AND well_id IS NULL")).isCloseTo(2.1046, within(1e-9));
        assertThat(first.get("seedNotices").toString()).contains("kWh/bbl targets fixed on 2 KPI row(s)");
    }

    @Test
    void shouldMatchV6_whenTheFixedDataIsReasserted() {
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_ref_estados_operativos")).isEqualTo(5);
        assertThat(db.count("SELECT count(*) FROM referencial.catalogo_status")).isEqualTo(10);
        try (TestDatabase fresh = TestDatabase.migrated()) {
            Map<String, List<String>> v6 = CatalogueSnapshot.of(fresh);
            for (String fixed : List.of("tbl_ref_estados_operativos", "catalogo_status", "tbl_reglas_consistencia")) {
                assertThat(afterFirst.get(fixed)).as(fixed).isEqualTo(v6.get(fixed));
            }
        }
    }
}

package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A damaged config file fails the whole load naming file, line and reason, and the catalogue loaded before stays
 * exactly as it was (no row changed, no load recorded).
 */
class CorruptedConfigIT {
    private static TestDatabase db;
    private static Map<String, List<String>> before;

    @BeforeAll
    static void loadAGoodCatalogue() {
        db = TestDatabase.migrated();
        Invocation.invoke(Handlers.on(db), "{}");
        before = CatalogueSnapshot.of(db);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("a bad number", "02_reglas_calidad.csv", "DQ-003,flow_line_pressure,REPRESENTATIVIDAD,0-1500",
                        "DQ-003,flow_line_pressure,REPRESENTATIVIDAD,0-1.5.00", 4L, "bad number"),
                Arguments.of("an unknown unit", "05_unidades.csv", "VAR-021,Lbs", "VAR-021,quintales", 22L,
                        "unknown unit"),
                Arguments.of("a rule naming an unknown variable", "02_reglas_calidad.csv", "DQ-012,vfd_frequency,",
                        "DQ-012,vfd_frecuencia,", 13L, "unknown variable"),
                Arguments.of("Python code that is not a literal", "Rangos_validacion_variables_petroleras_limpio.py",
                        "\"max_critical\": 2000,", "\"max_critical\": __import__('os').system('echo pwned'),", 20L,
                        "call of '__import__'"),
                Arguments.of("a truncated CSV line", "Variables_ID_stage.csv",
                        "VAR-050,pump_intake_pressure,Presión de entrada a la bomba PIP,psi,FONDO,numeric,SCADA,",
                        "VAR-050,pump_intake_pressure,Presión de entrada", 51L, "truncated line"),
                Arguments.of("a SCADA column without a variable", "V1__stage_to_stage.sql",
                        "AS separator_pressure", "AS separator_presure", 25L, "no variable with this nombre_tecnico"),
                Arguments.of("a SCADA column missing from the stage table", "V1__stage_to_stage.sql",
                        "AS separator_pressure", "AS pwf", 25L, "does not exist in stage.tbl_pozo_produccion"),
                Arguments.of("a limit on a variable without a status column", "Rangos_validacion_variables_petroleras_limpio.py",
                        "\"flow_line_pressure\": {", "\"separator_pressure\": {", 32L, "_status"),
                Arguments.of("a critical low above the high warning, the low warning None",
                        "Rangos_validacion_variables_petroleras_limpio.py",
                        "\"min_critical\": None,\n        \"min_warning\": None,\n        \"target\": 50,",
                        "\"min_critical\": 400,\n        \"min_warning\": None,\n        \"target\": 50,", 28L,
                        "min_critical (400.0) is above max_warning"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void shouldFailNamingFileLineAndReasonAndKeepThePreviousCatalogue_whenAFileIsDamaged(String damage, String file,
            String from, String to, long line, String reason, @TempDir Path tmp) {
        Path dir = ConfigVariants.damaged(tmp.resolve("cfg"), file, from, to);
        long loads = db.count("SELECT count(*) FROM referencial.config_loads");
        LoadReferencialHandler handler = Handlers.on(db);

        assertThatThrownBy(() -> Invocation.invoke(handler, "{\"configLocation\": \"" + dir.toUri() + "\"}"))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo(file);
                    assertThat(e.detail("line")).isEqualTo(line);
                    assertThat(e.reason()).contains(reason).contains(file);
                    assertThat(e.getMessage()).contains("\"status\":\"FAILED\"");
                });
        assertThat(CatalogueSnapshot.of(db)).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM referencial.config_loads")).isEqualTo(loads);
    }

    /**
     * A config folder without tipos_contador.csv (an S3 config/ uploaded before the overlay existed) whose variables
     * file has no tipo_contador column would load with no counter kind but the es_contador fallback: the daily counters
     * (runtime_today_hours, cycles_today, ...) would become plain readings and every counter of a variables file
     * without es_contador too, changing the published energy and runtime figures. Refused naming the file and where
     * the project's default is; the catalogue loaded before stays as it was. Fails on main (the load succeeds).
     */
    @org.junit.jupiter.api.Test
    void shouldRefuseNamingTheFileAndKeepThePreviousCatalogue_whenTheCounterKindsFileIsMissing(@TempDir Path tmp)
            throws java.io.IOException {
        Path dir = ConfigVariants.copy(tmp.resolve("cfg"));
        java.nio.file.Files.delete(dir.resolve(ConfigBundle.COUNTER_KINDS));
        long loads = db.count("SELECT count(*) FROM referencial.config_loads");

        assertThatThrownBy(() -> Invocation.invoke(Handlers.on(db), "{\"configLocation\": \"" + dir.toUri() + "\"}"))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo(ConfigBundle.COUNTER_KINDS);
                    assertThat(e.reason()).contains("tipos_contador.csv: missing in")
                            .contains("config/tipos_contador.csv of the repository")
                            .contains("no tipo_contador column").contains("catalogue stays as it was");
                });
        assertThat(CatalogueSnapshot.of(db)).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM referencial.config_loads")).isEqualTo(loads);
    }
}

package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A catalogue file cut to its header (a truncated upload, an export of an empty sheet) would, merged, remove every row
 * its table holds: the rules file's 35 DQ rules or the 17 limits, with exit 0 and no warning. It is refused naming the
 * file, as an empty file is.
 */
class TruncatedConfigTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ConfigBundle.RULES, ConfigBundle.RAW_UNITS, ConfigBundle.UNITS, ConfigBundle.PANELS,
            ConfigBundle.VARIABLES, ConfigBundle.COUNTER_KINDS})
    void shouldRefuseNamingTheFile_whenACsvHoldsAHeaderAndNoRows(String file, @TempDir Path tmp) throws IOException {
        Path dir = ConfigVariants.copy(tmp.resolve("cfg"));
        String header = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8).get(0);
        Files.writeString(dir.resolve(file), header + "\r\n\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CatalogueReader.read(CatalogueReaderTest.bundle(dir)))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo(file);
                    assertThat(e.getMessage()).contains("a header and no rows").contains("catalogue stays as it was");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RANGOS_VALIDACION = {}\n", "# cortado\nRANGOS_VALIDACION = {\n}\n"})
    void shouldRefuseNamingTheFile_whenTheLimitsDictIsEmpty(String text, @TempDir Path tmp) throws IOException {
        Path dir = ConfigVariants.copy(tmp.resolve("cfg"));
        Files.writeString(dir.resolve(ConfigBundle.LIMITS_SEED_NAME), text, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CatalogueReader.read(CatalogueReaderTest.bundle(dir)))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo(ConfigBundle.LIMITS_SEED_NAME);
                    assertThat(e.getMessage()).contains("holds no variable");
                });
    }

    /** Without the overlay, a variables file of its own tipo_contador column still loads, with the kinds it names. */
    @org.junit.jupiter.api.Test
    void shouldTakeTheKindsFromTheVariablesFile_whenItHasATipoContadorColumnAndTheOverlayIsMissing(@TempDir Path tmp)
            throws IOException {
        Path dir = ConfigVariants.copy(tmp.resolve("cfg"));
        Files.delete(dir.resolve(ConfigBundle.COUNTER_KINDS));
        java.util.List<String> lines = Files.readAllLines(dir.resolve(ConfigBundle.VARIABLES), StandardCharsets.UTF_8);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String l : lines) {
            String kind = out.isEmpty() ? "tipo_contador" : l.contains(",runtime_today_hours,") ? "DIARIO"
                    : l.contains(",energy_kwh,") ? "ACUMULADO" : "";
            out.add(l.isBlank() ? l : l + "," + kind);
        }
        Files.write(dir.resolve(ConfigBundle.VARIABLES), out, StandardCharsets.UTF_8);

        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        CatalogueReader.read(CatalogueReaderTest.bundle(dir)).variables()
                .forEach(v -> kinds.put(v.nombreTecnico(), v.tipoContador()));

        assertThat(kinds).containsEntry("runtime_today_hours", "DIARIO").containsEntry("energy_kwh", "ACUMULADO")
                .containsEntry("runtime_hours", "ACUMULADO").containsEntry("well_head_pressure", null);
    }
}

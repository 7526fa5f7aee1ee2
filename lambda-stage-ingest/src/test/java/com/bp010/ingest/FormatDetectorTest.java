package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatDetectorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ingest/landing_scada_data_2024.csv|x|TELEMETRY_CSV",
            "landing_scada_data_2024.sql|x|PG_DUMP",
            "tbl_maestra_pozos.csv|x|WELL_MASTER_CSV",
            "datos_maestra_v2.csv|x|WELL_MASTER_CSV",
            "tbl_pozo_produccion_mock.sql|x|PG_DUMP",
            "tbl_pozo_produccion_2024.csv|x|PRODUCTION_CSV",
            "reservas_2024.xlsx|x|RESERVES_XLSX",
            "Reservas_Campo.csv|x|RESERVES_CSV",
            "page-001.json|x|TELEMETRY_JSON",
            "export.csv|well_id;var_id;timestamp_lectura;measure|TELEMETRY_CSV",
            "export.csv|pozo,fecha,categoria,petroleo_bbl|RESERVES_CSV",
            "export.csv|well_id,timestamp_lectura,well_head_pressure|PRODUCTION_CSV",
            "export.csv|well_id,campo,profundidad_bomba|WELL_MASTER_CSV",
            "export.txt|{\"items\": []}|TELEMETRY_JSON",
    })
    void shouldTellTheFormat_whenTheNameOrTheHeaderSaysIt(String name, String head, IngestFormat expected) {
        assertThat(FormatDetector.detect(name, head.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void shouldNameTheFile_whenNothingTellsTheFormat() {
        assertThatThrownBy(() -> FormatDetector.detect("notes.csv", "a,b,c\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Bp010Exception.class)
                .hasMessageContaining("notes.csv");
    }
}

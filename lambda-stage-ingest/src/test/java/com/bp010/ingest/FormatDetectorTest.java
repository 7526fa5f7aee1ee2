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

    /** Read as text, a gzip's first bytes were "a header without well_id" quoting binary noise: no hint what to do. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ingest/landing_scada_data_2026.csv.gz|1f8b0800000000000003|gzip|gunzip",
            "landing_scada_data_2026.csv|1f8b0800000000000003|gzip|gunzip",
            "page-001.json|425a683931415926|bzip2|bunzip2",
            "export.csv|fd377a585a00|xz or 7z|extract",
            "tbl_maestra_pozos.csv|504b030414000600|zip archive|*reservas*.xlsx",
            "landing_scada_data.zip|504b030414000600|zip archive|extract",
    })
    void shouldSayItIsCompressedAndWhatToUpload_whenTheFileIsAnArchive(String name, String hex, String what,
                                                                       String todo) {
        byte[] head = java.util.HexFormat.of().parseHex(hex + "00000000");
        assertThatThrownBy(() -> FormatDetector.detect(name, head))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(com.bp010.db.ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo(name);
                })
                .hasMessageContaining(what)
                .hasMessageContaining(todo)
                .hasMessageContaining("nothing of it was loaded");
    }

    @org.junit.jupiter.api.Test
    void shouldStillTakeAWorkbook_whenItIsNamedXlsx() {
        byte[] head = java.util.HexFormat.of().parseHex("504b03041400060000000000");
        assertThat(FormatDetector.detect("reservas_2026.xlsx", head)).isEqualTo(IngestFormat.RESERVES_XLSX);
    }
}

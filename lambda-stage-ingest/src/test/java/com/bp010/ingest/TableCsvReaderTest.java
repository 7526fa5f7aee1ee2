package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableCsvReaderTest {
    private final CollectingSink sink = new CollectingSink();

    @Test
    void shouldTypeEveryColumn_whenAWellMasterUsesSemicolonsAndDecimalCommas() throws IOException {
        String csv = "Pozo;Campo;Profundidad_Bomba;Radio_Pozo;Fecha_Inicio_Produccion;Color\n"
                + "P-001;Norte;5000;0,328;31/01/2020;rojo\n";

        TableReadSummary summary = new TableCsvReader(TableShape.WELL_MASTER).read("maestra.csv",
                Readers.bytes(csv), sink);

        assertThat(summary.rowsRead()).isEqualTo(1);
        assertThat(summary.ignoredColumns()).containsExactly("color");
        assertThat(sink.rows).singleElement().satisfies(r -> assertThat(r.values())
                .containsEntry("well_id", "P-001")
                .containsEntry("campo", "Norte")
                .containsEntry("profundidad_bomba", 5000.0)
                .containsEntry("radio_pozo", 0.328)
                .containsEntry("fecha_inicio_produccion", LocalDate.of(2020, 1, 31))
                .doesNotContainKey("color"));
    }

    @Test
    void shouldRejectTheRowNamingTheColumn_whenANumberOrCoordinateIsWrong() throws IOException {
        String csv = "well_id,profundidad_bomba,latitud\nP-1,cinco mil,1\nP-2,5000,95\nP-3,5000,4.5\n";

        new TableCsvReader(TableShape.WELL_MASTER).read("m.csv", Readers.bytes(csv), sink);

        assertThat(sink.rows).extracting(r -> r.values().get("well_id")).containsExactly("P-3");
        assertThat(sink.rejects).extracting(RowReject::line, RowReject::field, RowReject::reason, RowReject::wellId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "profundidad_bomba", RejectReason.BAD_NUMBER, "P-1"),
                        org.assertj.core.groups.Tuple.tuple(3L, "latitud", RejectReason.BAD_NUMBER, "P-2"));
        assertThat(sink.rejects.get(0).detail()).contains("cinco mil");
    }

    @Test
    void shouldRefuseTheFile_whenReservesLackAKeyColumn() {
        String csv = "well_id,petroleo_bbl\nP-1,100\n";

        assertThatThrownBy(() -> new TableCsvReader(TableShape.RESERVES).read("reservas.csv", Readers.bytes(csv), sink))
                .isInstanceOf(Bp010Exception.class)
                .hasMessageContaining("fecha_evaluacion");
    }

    /** On main the column was ignored, its values dropped, and the file answered OK with every row "unchanged". */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "well_id,profundidad_bomb,campo|profundidad_bomb|profundidad_bomba",
            "well_id;Profundidad Bonba;campo|profundidad_bonba|profundidad_bomba",
            "well_id,campo,capacidad_caja_engranaje|capacidad_caja_engranaje|capacidad_caja_engranajes",
            "pozo,long,lat|long|lng",
    })
    void shouldRefuseTheFileNamingTheColumnMeant_whenAHeaderNameIsMisspelled(String header, String wrong,
                                                                             String meant) {
        String csv = header + "\nP-1,5000,Norte\n";

        assertThatThrownBy(() -> new TableCsvReader(TableShape.WELL_MASTER).read("tbl_maestra.csv",
                Readers.bytes(csv.replace(',', header.contains(";") ? ';' : ',')), sink))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(com.bp010.db.ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo("tbl_maestra.csv");
                    assertThat(e.detail("line")).isEqualTo(1L);
                    assertThat(e.detail("column")).isEqualTo(wrong);
                })
                .hasMessageContaining("did you mean '" + meant + "'")
                .hasMessageContaining("nothing of the file was loaded");
        assertThat(sink.rows).isEmpty();
    }

    @Test
    void shouldRefuseTheFile_whenAWellMasterHoldsTelemetry() {
        String csv = "well_id,var_id,timestamp_lectura,measure\nP-1,IDN1001,2026-12-07T00:00:00Z,242.41\n";

        assertThatThrownBy(() -> new TableCsvReader(TableShape.WELL_MASTER).read("tbl_maestra_x.csv",
                Readers.bytes(csv), sink))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> assertThat(e.detail("file")).isEqualTo("tbl_maestra_x.csv"))
                .hasMessageContaining("a file of another kind")
                .hasMessageContaining("landing_scada_data*.csv");
        assertThat(sink.rows).isEmpty();
    }

    @Test
    void shouldStillIgnoreAColumnNearNone_whenTheWellMasterHasExtraColumns() throws IOException {
        String csv = "well_id,campo,operador,bsw_objetivo,zona\nP-1,Norte,ACME,20,Z1\n";

        TableReadSummary summary = new TableCsvReader(TableShape.WELL_MASTER).read("m.csv", Readers.bytes(csv), sink);

        assertThat(summary.ignoredColumns()).containsExactly("operador", "bsw_objetivo", "zona");
        assertThat(sink.rows).hasSize(1);
    }
}

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
}

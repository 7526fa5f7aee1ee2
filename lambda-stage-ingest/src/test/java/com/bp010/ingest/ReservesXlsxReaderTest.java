package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.demo.XlsxSheetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservesXlsxReaderTest {
    @TempDir
    Path dir;
    private final CollectingSink sink = new CollectingSink();

    @Test
    void shouldReadTypedRows_whenTheFirstSheetHoldsReserves() throws IOException {
        Path file = dir.resolve("reservas.xlsx");
        XlsxSheetWriter.write(file, List.of(
                List.of("Pozo", "Fecha Evaluación", "Categoría", "Petróleo bbl", "Método"),
                List.of("P-1", LocalDate.of(2024, 1, 1), "1P", 125000.5, "ARPS"),
                List.of("P-1", LocalDate.of(2024, 1, 1), "2P", "mucho", "ARPS")));

        TableReadSummary summary = new ReservesXlsxReader(TableShape.RESERVES, ZipBombGuard.defaults())
                .read("reservas.xlsx", file, sink);

        assertThat(summary.rowsRead()).isEqualTo(2);
        assertThat(sink.rows).singleElement().satisfies(r -> assertThat(r.values())
                .containsEntry("well_id", "P-1")
                .containsEntry("fecha_evaluacion", LocalDate.of(2024, 1, 1))
                .containsEntry("categoria", "1P")
                .containsEntry("petroleo_bbl", 125000.5)
                .containsEntry("metodo", "ARPS"));
        assertThat(sink.onlyReject()).satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("petroleo_bbl");
        });
    }

    @Test
    void shouldRefuseTheWorkbook_whenItInflatesLikeAZipBomb() throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        assertThatThrownBy(() -> new ReservesXlsxReader(TableShape.RESERVES, new ZipBombGuard(50L << 20, 32L << 20,
                100, 200)).read("bomb.xlsx", file, sink))
                .isInstanceOf(Bp010Exception.class)
                .hasMessageContaining("zip bomb");
        assertThat(sink.rows).isEmpty();
    }

    @Test
    void shouldSayItIsNotAWorkbook_whenTheFileIsText() throws IOException {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "well_id,categoria\n");

        assertThatThrownBy(() -> new ReservesXlsxReader(TableShape.RESERVES, ZipBombGuard.defaults())
                .read("fake.xlsx", file, sink))
                .isInstanceOf(Bp010Exception.class)
                .hasMessageContaining("not an .xlsx workbook");
    }
}

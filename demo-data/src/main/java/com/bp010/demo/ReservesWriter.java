package com.bp010.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reserves per well for the 1P, 2P and 3P categories, as a workbook or as CSV (columns of tbl_reservas_pozo). */
final class ReservesWriter {
    static final List<String> HEADER = List.of("well_id", "fecha_evaluacion", "categoria", "petroleo_bbl", "gas_mscf",
            "agua_bbl", "np_acumulado_bbl", "gp_acumulado_mscf", "metodo", "fuente");
    private static final String[] CATEGORIES = {"1P", "2P", "3P"};
    private static final double[] YEARS = {6, 9, 13};

    private ReservesWriter() {
    }

    static void write(Path file, List<WellProfile> wells, GeneratorOptions o) throws IOException {
        LocalDate evaluated = o.start().atOffset(ZoneOffset.UTC).toLocalDate().withDayOfYear(1);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(HEADER));
        for (WellProfile p : wells) {
            double oil = p.pumpDisplacement() * p.volumetricEff() * (1 - p.waterCut());
            double water = p.pumpDisplacement() * p.volumetricEff() * p.waterCut();
            double gas = oil * p.gorScfBbl() / 1000;
            double np = oil * 365 * 4;
            for (int c = 0; c < CATEGORIES.length; c++) {
                double factor = 365 * YEARS[c] * 0.55;
                rows.add(List.of(p.wellId(), evaluated, CATEGORIES[c], round(oil * factor), round(gas * factor),
                        round(water * factor), round(np), round(np * p.gorScfBbl() / 1000), "DECLINACION ARPS",
                        "DEMO"));
            }
        }
        if (file.getFileName().toString().endsWith(".xlsx")) {
            XlsxSheetWriter.write(file, rows);
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (List<Object> row : rows) {
                w.write(String.join(",", row.stream().map(String::valueOf).toList()) + "\n");
            }
        }
    }

    private static double round(double v) {
        return Math.round(v);
    }
}

package com.bp010.referencial;

import com.bp010.db.Bp010Exception;

import java.nio.charset.StandardCharsets;

/** Test bridge: how the reference loader reads one value of a numeric column (for the agreement test). */
public final class ReferenceNumbers {
    private ReferenceNumbers() {
    }

    /** The number the reference loader reads for {@code value} in a file delimited by {@code delimiter}, or null. */
    public static Double read(String value, char delimiter) {
        String csv = "nombre" + delimiter + "valor\nx" + delimiter + "\"" + value.replace("\"", "\"\"") + "\"\n";
        CsvTable table = CsvTableReader.read("t.csv", csv.getBytes(StandardCharsets.UTF_8));
        try {
            return table.rows().get(0).number("valor");
        } catch (Bp010Exception refused) {
            return null;
        }
    }
}

package com.bp010.referencial;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSV file read whole: its header (columns by folded name), its data rows and how it was written. */
final class CsvTable {
    private final String file;
    private final char delimiter;
    private final String encoding;
    private final List<String> header;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private List<CsvRow> rows = List.of();

    CsvTable(String file, char delimiter, String encoding, List<String> header) {
        this.file = file;
        this.delimiter = delimiter;
        this.encoding = encoding;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(TextKeys.key(header.get(i)), i);
        }
    }

    void rows(List<CsvRow> rows) {
        this.rows = Collections.unmodifiableList(rows);
    }

    public String file() {
        return file;
    }

    public char delimiter() {
        return delimiter;
    }

    public String encoding() {
        return encoding;
    }

    public List<String> header() {
        return header;
    }

    public List<CsvRow> rows() {
        return rows;
    }

    /**
     * Declares a column the file must have, under any of its accepted names; returns the canonical name rows are read
     * with. Fails naming the file and the names accepted.
     */
    public String require(String canonical, String... aliases) {
        if (!has(canonical, aliases)) {
            throw BadInput.at(file, 1, canonical, null, "missing column; accepted names: "
                    + String.join(", ", canonical, String.join(", ", aliases)).replaceAll(", $", ""));
        }
        return canonical;
    }

    /** Declares an optional column; true when present. */
    public boolean has(String canonical, String... aliases) {
        if (columns.containsKey(TextKeys.key(canonical))) {
            return true;
        }
        for (String alias : aliases) {
            Integer at = columns.get(TextKeys.key(alias));
            if (at != null) {
                columns.put(TextKeys.key(canonical), at);
                return true;
            }
        }
        return false;
    }

    Integer indexOf(String column) {
        return columns.get(TextKeys.key(column));
    }

    String headerName(String column) {
        Integer at = indexOf(column);
        return at == null ? column : header.get(at);
    }

    @Override
    public String toString() {
        return file + " " + Arrays.toString(header.toArray()) + " delimiter '" + delimiter + "' " + encoding;
    }
}

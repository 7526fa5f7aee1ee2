package com.bp010.referencial;

import com.bp010.db.text.FieldNumber;

import java.util.List;
import java.util.Map;

/** One data record of a CSV file, with its line number, read by header name. Values are trimmed; blank is null. */
final class CsvRow {
    private final CsvTable table;
    private final long line;
    private final List<String> values;

    CsvRow(CsvTable table, long line, List<String> values) {
        this.table = table;
        this.line = line;
        this.values = values;
    }

    public long line() {
        return line;
    }

    public String file() {
        return table.file();
    }

    /** The trimmed value of {@code column}, or null when blank or when the file has no such column. */
    public String text(String column) {
        Integer at = table.indexOf(column);
        if (at == null || at >= values.size()) {
            return null;
        }
        String v = values.get(at).strip();
        return v.isEmpty() ? null : v;
    }

    /** The value of a column the file must fill. */
    public String required(String column) {
        String v = text(column);
        if (v == null) {
            throw error(column, null, "empty value in a required column");
        }
        return v;
    }

    /** A number in the file's convention (see {@link FieldNumber}); null when blank. */
    public Double number(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        FieldNumber.Result n = FieldNumber.read(v, table.delimiter() == ';');
        if (!n.isNumber()) {
            throw error(column, v, "bad number: " + n.reason());
        }
        return n.value();
    }

    /** si/no, yes/no, true/false, 1/0, x; blank is {@code otherwise}. */
    public boolean flag(String column, boolean otherwise) {
        String v = text(column);
        if (v == null) {
            return otherwise;
        }
        Boolean b = FLAGS.get(TextKeys.key(v));
        if (b == null) {
            throw error(column, v, "expected si/no (yes/no, true/false, 1/0)");
        }
        return b;
    }

    public com.bp010.db.Bp010Exception error(String column, String value, String reason) {
        return BadInput.at(table.file(), line, table.headerName(column), value, reason);
    }

    private static final Map<String, Boolean> FLAGS = Map.ofEntries(
            Map.entry("si", true), Map.entry("s", true), Map.entry("yes", true), Map.entry("y", true),
            Map.entry("true", true), Map.entry("verdadero", true), Map.entry("1", true), Map.entry("x", true),
            Map.entry("no", false), Map.entry("n", false), Map.entry("false", false), Map.entry("falso", false),
            Map.entry("0", false));
}

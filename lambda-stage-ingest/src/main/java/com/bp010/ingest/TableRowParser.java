package com.bp010.ingest;

import com.bp010.db.text.FieldNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types the cells of one table row by its header: numbers (decimal comma where unambiguous), dates, text. A cell that
 * does not fit its column rejects the row, naming the column and the value; the key columns are required.
 */
final class TableRowParser {
    private final TableShape shape;
    private final String file;
    private final boolean commaIsDecimal;
    private final String[] columnAt;
    private final List<String> ignored = new ArrayList<>();

    /** @param headerNames the header, normalised with {@link CsvHeader#normalize} */
    public TableRowParser(TableShape shape, String file, List<String> headerNames, boolean commaIsDecimal) {
        this(shape, file, headerNames, commaIsDecimal, true);
    }

    /**
     * @param typedHeader true for a header a person wrote (CSV, workbook): a name that is no column but one or two
     *                    edits from one is refused as a misspelling, and so is a well master header whose only known
     *                    column is the key (a file of another kind under its name); false for a dump's column list
     */
    public TableRowParser(TableShape shape, String file, List<String> headerNames, boolean commaIsDecimal,
                          boolean typedHeader) {
        this.shape = shape;
        this.file = file;
        this.commaIsDecimal = commaIsDecimal;
        this.columnAt = new String[headerNames.size()];
        for (int i = 0; i < headerNames.size(); i++) {
            String column = shape.column(headerNames.get(i));
            columnAt[i] = column;
            if (column == null && !headerNames.get(i).isEmpty()) {
                ignored.add(headerNames.get(i));
            }
        }
        for (String key : shape.key()) {
            if (!java.util.Arrays.asList(columnAt).contains(key)) {
                throw InputErrors.badInput(file, 1, key, String.join(",", headerNames),
                        "the header has no column " + key + " (" + shape.table() + " needs " + shape.key() + ")");
            }
        }
        if (typedHeader) {
            refuseMisspellings(shape, file);
        }
    }

    /**
     * An ignored header name one edit (two, for names of 8 characters or more) from a column of the table is a
     * misspelling: loaded, its values would be dropped and the file answer OK. And a well master header whose every
     * non-key name is ignored is a file of another kind (telemetry named tbl_maestra*): loaded, it would add wells
     * holding only their id. Both refuse the file before a row is written.
     */
    private void refuseMisspellings(TableShape shape, String file) {
        java.util.Set<String> known = new java.util.TreeSet<>(shape.columns().keySet());
        known.addAll(shape.aliases().keySet());
        for (String name : ignored) {
            String near = com.bp010.db.EventFields.within(name, known, name.length() >= 8 ? 2 : 1);
            if (near != null) {
                String column = shape.column(near);
                throw InputErrors.badInput(file, 1, name, name, "the header's column '" + name + "' is no column of "
                        + shape.table() + " (did you mean '" + near + "'" + (column.equals(near) ? "" : ", " + column)
                        + "?): nothing of the file was loaded; correct the header and upload the file again (a column"
                        + " near no column of the table is ignored and listed in ignoredColumns)");
            }
        }
        long known0 = java.util.Arrays.stream(columnAt).filter(c -> c != null && !shape.key().contains(c)).count();
        if (shape == TableShape.WELL_MASTER && known0 == 0 && !ignored.isEmpty()) {
            throw InputErrors.badInput(file, 1, null, String.join(",", ignored), "no column of the header but "
                    + shape.key() + " is a column of " + shape.table() + " (" + String.join(", ", ignored)
                    + "): a file of another kind under this name? nothing of it was loaded; name telemetry"
                    + " landing_scada_data*.csv, the well master tbl_maestra*.csv, reserves *reservas*.csv");
        }
    }

    /** Header names that match no column of the table (reported, not loaded). */
    public List<String> ignoredColumns() {
        return List.copyOf(ignored);
    }

    /** Types one row; cells are text, or numbers and dates as a spreadsheet gives them. */
    public void parse(long line, List<?> cells, String raw, TableRowSink sink) {
        if (cells.size() > columnAt.length) {
            reject(sink, line, null, raw, cells, RejectReason.BAD_ROW,
                    cells.size() + " fields where the header has " + columnAt.length);
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String column = columnAt[i];
            Object cell = cells.get(i);
            if (column == null || cell == null || (cell instanceof String s && s.isBlank())) {
                continue;
            }
            Object typed = type(column, cell);
            if (typed instanceof RejectReason reason) {
                reject(sink, line, column, raw, cells, reason, "'" + RowReject.clip(cell.toString())
                        + "' is not " + describe(shape.columns().get(column)) + " for " + column);
                return;
            }
            double[] range = shape.ranges().get(column);
            if (range != null && typed instanceof Double d && (d < range[0] || d > range[1])) {
                reject(sink, line, column, raw, cells, RejectReason.BAD_NUMBER,
                        column + " " + d + " is outside [" + range[0] + ", " + range[1] + "]");
                return;
            }
            values.put(column, typed);
        }
        for (String key : shape.key()) {
            if (!values.containsKey(key)) {
                reject(sink, line, key, raw, cells, RejectReason.MISSING_FIELD, "no " + key);
                return;
            }
        }
        Object well = values.get("well_id");
        if (well != null && !ReadingValidator.WELL_ID.matcher(well.toString()).matches()) {
            reject(sink, line, "well_id", raw, cells, RejectReason.BAD_WELL_ID, "well id '"
                    + RowReject.clip(well.toString()) + "' must be 1-64 letters, digits, '_', '.' or '-'");
            return;
        }
        sink.accept(new TableRow(file, line, values));
    }

    private Object type(String column, Object cell) {
        switch (shape.columns().get(column)) {
            case DOUBLE: {
                if (cell instanceof BigDecimal n) {
                    return n.doubleValue();
                }
                FieldNumber.Result r = FieldNumber.read(cell.toString(), commaIsDecimal);
                return switch (r.kind()) {
                    case NUMBER -> r.value();
                    case NOT_FINITE -> RejectReason.NOT_FINITE;
                    case AMBIGUOUS -> RejectReason.AMBIGUOUS_NUMBER;
                    case TEXT -> RejectReason.BAD_NUMBER;
                };
            }
            case DATE: {
                LocalDate d = DateText.parse(cell);
                return d == null ? RejectReason.BAD_TIMESTAMP : d;
            }
            default:
                return cell instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : cell.toString().strip();
        }
    }

    private static String describe(ColumnType type) {
        return switch (type) {
            case DOUBLE -> "a number";
            case DATE -> "a date (YYYY-MM-DD or DD/MM/YYYY)";
            case TEXT -> "text";
        };
    }

    private void reject(TableRowSink sink, long line, String field, String raw, List<?> cells, RejectReason reason,
                        String detail) {
        String rawText = raw != null ? raw : cells.toString();
        Object well = null;
        for (int i = 0; i < cells.size() && i < columnAt.length; i++) {
            if ("well_id".equals(columnAt[i])) {
                well = cells.get(i);
            }
        }
        sink.reject(new RowReject(file, line, field, rawText, reason, detail, well == null ? null : well.toString(),
                null, null, null, null));
    }
}

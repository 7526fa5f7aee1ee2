package com.bp010.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a pre-pivoted production row (one column per variable, the seed's {@code tbl_pozo_produccion} dumps, docs/SEED.md 2.2) back into
 * readings, one per filled column, through the SCADA map (column → SCADA id), so it lands, dedupes and pivots like any
 * other reading and nothing is lost.
 */
final class ProductionRowSplitter {
    private static final Set<String> NOT_VARIABLES = Set.of("well_id", "timestamp_lectura", "pivoted_at", "moddate",
            "id", "batch_id", "source", "created_at", "updated_at", "source_received_at");

    private final Map<String, String> varIdByColumn;
    private final ReadingValidator validator;

    public ProductionRowSplitter(Map<String, String> varIdByColumn, ReadingValidator validator) {
        this.varIdByColumn = varIdByColumn;
        this.validator = validator;
    }

    public void split(String file, long line, List<String> columns, List<?> values, String raw, ReadingSink sink) {
        int well = columns.indexOf("well_id");
        int time = columns.indexOf("timestamp_lectura");
        String wellId = well < 0 || values.get(well) == null ? null : values.get(well).toString();
        String ts = time < 0 || values.get(time) == null ? null : values.get(time).toString();
        int received = columns.indexOf("source_received_at");
        String receivedText = received < 0 || values.get(received) == null ? null : values.get(received).toString();
        if (wellId == null || ts == null) {
            sink.reject(new RowReject(file, line, wellId == null ? "well_id" : "timestamp_lectura", raw,
                    RejectReason.MISSING_FIELD, "a production row needs well_id and timestamp_lectura", wellId, null,
                    ts, null, null));
            return;
        }
        for (int i = 0; i < columns.size() && i < values.size(); i++) {
            String column = columns.get(i);
            Object value = values.get(i);
            if (NOT_VARIABLES.contains(column) || value == null || value.toString().isBlank()) {
                continue;
            }
            String varId = varIdByColumn.get(column);
            if (varId == null) {
                sink.reject(new RowReject(file, line, column, raw, RejectReason.UNMAPPED_COLUMN, "no SCADA variable "
                        + "of referencial.tbl_var_scada_map maps to column " + column, wellId, null, ts,
                        value.toString(), null));
                continue;
            }
            validator.validate(file, line, raw, wellId, varId, ts, value.toString(), receivedText, sink);
        }
    }
}

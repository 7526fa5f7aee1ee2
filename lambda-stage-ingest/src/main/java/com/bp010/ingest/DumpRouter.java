package com.bp010.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends each row of a dump where its table's rows go: landing readings to the reading sink (the pre-pivoted
 * production rows split into readings first), well master and reserves rows, typed, to their table sinks.
 */
final class DumpRouter implements DumpSink {
    private final String file;
    private final ReadingValidator validator;
    private final ProductionRowSplitter production;
    private final ReadingSink readings;
    private final TableRowSink master;
    private final TableRowSink reserves;
    private final Map<List<String>, TableRowParser> parsers = new HashMap<>();

    public DumpRouter(String file, ReadingValidator validator, ProductionRowSplitter production, ReadingSink readings,
                      TableRowSink master, TableRowSink reserves) {
        this.file = file;
        this.validator = validator.withCommaDecimal(false);
        this.production = production;
        this.readings = readings;
        this.master = master;
        this.reserves = reserves;
    }

    @Override
    public void row(String table, List<String> columns, long line, List<String> values, String rawText) {
        switch (table) {
            case "landing_scada_data" -> validator.validate(file, line, rawText, get(columns, values, "well_id"),
                    get(columns, values, "var_id"), get(columns, values, "timestamp_lectura"),
                    get(columns, values, "measure"), get(columns, values, "source_received_at"), readings);
            case "tbl_pozo_produccion" -> production.split(file, line, columns, values, rawText, readings);
            case "tbl_pozo_maestra" -> parser(TableShape.WELL_MASTER, columns).parse(line, values, rawText, master);
            case "tbl_reservas_pozo" -> parser(TableShape.RESERVES, columns).parse(line, values, rawText, reserves);
            default -> throw new IllegalArgumentException("table " + table);
        }
    }

    @Override
    public void reject(RowReject reject) {
        readings.reject(reject);
    }

    private TableRowParser parser(TableShape shape, List<String> columns) {
        return parsers.computeIfAbsent(columns, c -> new TableRowParser(shape, file, c, false, false));
    }

    private static String get(List<String> columns, List<String> values, String column) {
        int i = columns.indexOf(column);
        return i < 0 ? null : values.get(i);
    }
}

package com.bp010.ingest;


import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The one dispatch from an input format to its reader. */
final class InputReaders {
    private InputReaders() {
    }

    /** The reader of {@code format}; reads from the catalogue what the format needs (stage columns, SCADA map). */
    static InputReader forFormat(IngestFormat format, Connection c, ReadingValidator validator) throws SQLException {
        return switch (format) {
            case TELEMETRY_CSV -> new TelemetryCsvReader(validator);
            case TELEMETRY_JSON -> new TelemetryJsonReader(validator);
            case PRODUCTION_CSV -> new ProductionCsvReader(new ProductionRowSplitter(varIdByColumn(c), validator));
            case WELL_MASTER_CSV -> new TableCsvReader(TableShape.WELL_MASTER);
            case RESERVES_CSV -> new TableCsvReader(TableShape.RESERVES);
            case RESERVES_XLSX -> new ReservesXlsxReader(TableShape.RESERVES, ZipBombGuard.defaults());
            case PG_DUMP -> new DumpInputReader(new PgDumpReader(dumpColumns(c)), validator,
                    new ProductionRowSplitter(varIdByColumn(c), validator));
        };
    }

    /** The active SCADA id of each stage column (a production row's column becomes a reading of that id). */
    private static Map<String, String> varIdByColumn(Connection c) throws SQLException {
        Map<String, String> map = new HashMap<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery(
                "SELECT columna_stage, var_id_scada FROM referencial.tbl_var_scada_map WHERE activa")) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getString(2));
            }
        }
        return map;
    }

    private static Map<String, List<String>> dumpColumns(Connection c) throws SQLException {
        return DumpColumns.defaults(c);
    }
}

package com.bp010.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Tells a file's format from its name (the seed's prefixes, docs/SEED.md 2.2: {@code landing_scada_data*}, {@code tbl_maestra*} /
 * {@code *maestra*}, {@code tbl_pozo_produccion*}, {@code *reservas*}, and the extension) and otherwise from its header.
 */
final class FormatDetector {
    private FormatDetector() {
    }

    /**
     * @param name the object key or path; only its last segment counts
     * @param head the first bytes of the file (a few KB), for CSV files with a name that says nothing
     */
    public static IngestFormat detect(String name, byte[] head) {
        String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String ext = base.contains(".") ? base.substring(base.lastIndexOf('.') + 1) : "";
        switch (ext) {
            case "sql":
                return IngestFormat.PG_DUMP;
            case "xlsx":
                return IngestFormat.RESERVES_XLSX;
            case "xls":
                throw InputErrors.badInput(name, 0, null, null, "old .xls workbooks are not read; save it as .xlsx");
            case "json":
                return IngestFormat.TELEMETRY_JSON;
            default:
                break;
        }
        if (base.startsWith("landing_scada_data")) {
            return IngestFormat.TELEMETRY_CSV;
        }
        if (base.startsWith("tbl_pozo_produccion")) {
            return IngestFormat.PRODUCTION_CSV;
        }
        if (base.startsWith("tbl_maestra") || base.contains("maestra")) {
            return IngestFormat.WELL_MASTER_CSV;
        }
        if (base.contains("reservas")) {
            return IngestFormat.RESERVES_CSV;
        }
        return byHeader(name, head);
    }

    private static IngestFormat byHeader(String name, byte[] head) {
        CsvHeader header;
        try {
            CsvRecord first = new CsvRecordReader(new LenientTextReader(new ByteArrayInputStream(head))).next();
            header = CsvHeader.of(first == null ? java.util.List.of() : first.fields());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (header.size() > 0 && header.names().get(0).startsWith("{") || new String(head, 0,
                Math.min(head.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading().startsWith("{")) {
            return IngestFormat.TELEMETRY_JSON;
        }
        if (TelemetryCsvReader.looksLikeTelemetry(header)) {
            return IngestFormat.TELEMETRY_CSV;
        }
        if (header.has("categoria", "category") && header.has("fecha_evaluacion", "fecha")) {
            return IngestFormat.RESERVES_CSV;
        }
        if (header.has("well_id", "pozo") && header.has("timestamp_lectura")) {
            return IngestFormat.PRODUCTION_CSV;
        }
        if (header.has("well_id", "pozo") && header.names().stream().anyMatch(n -> !n.equals("well_id")
                && TableShape.WELL_MASTER.columns().containsKey(n))) {
            return IngestFormat.WELL_MASTER_CSV;
        }
        throw InputErrors.badInput(name, 1, null, String.join(",", header.names()), "cannot tell the format of "
                + "this file from its name or header: name it landing_scada_data*.csv, tbl_maestra*.csv, "
                + "*reservas*.csv/.xlsx or *.sql, or give it a telemetry header well_id,var_id,timestamp_lectura,measure");
    }
}

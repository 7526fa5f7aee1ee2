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
        refuseArchives(name, ext, head);
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

    /**
     * A compressed file or an archive (a SCADA export gzipped, a workbook named .csv) is no text the readers can take:
     * read as one, its first bytes are a meaningless header. Refused by its leading bytes, saying what it is and what to
     * upload instead; a workbook is a zip, so only an .xlsx name may start like one.
     */
    private static void refuseArchives(String name, String ext, byte[] head) {
        String what = null;
        String todo = null;
        if (starts(head, 0x1f, 0x8b)) {
            what = "a gzip-compressed file";
            todo = "decompress it (gunzip) and upload the .csv, .json or .sql it holds";
        } else if (starts(head, 'B', 'Z', 'h')) {
            what = "a bzip2-compressed file";
            todo = "decompress it (bunzip2) and upload the .csv, .json or .sql it holds";
        } else if (starts(head, 0xfd, '7', 'z', 'X', 'Z', 0x00) || starts(head, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            what = "an xz or 7z archive";
            todo = "extract it and upload the .csv, .json or .sql it holds";
        } else if (starts(head, 'P', 'K', 0x03, 0x04) && !ext.equals("xlsx")) {
            what = "a zip archive (or an Excel workbook)";
            todo = "extract it and upload the files it holds, or, if it is a reserves workbook, name it *reservas*.xlsx"
                    + " (telemetry and well master: save the sheet as CSV)";
        }
        if (what != null) {
            throw InputErrors.badInput(name, 0, null, null, what + ", not a file the ingest reads (CSV, JSON, .xlsx,"
                    + " .sql, uncompressed): nothing of it was loaded; " + todo);
        }
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head == null || head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
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

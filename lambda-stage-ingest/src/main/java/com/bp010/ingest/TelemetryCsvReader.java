package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Telemetry CSV: header {@code well_id,var_id,timestamp_lectura,measure} (+ optional {@code source_received_at}),
 * in any order, extra columns ignored; {@code ,}, {@code ;} or tab delimited; UTF-8 or Latin-1. Streams one record at
 * a time.
 */
final class TelemetryCsvReader implements ReadingsReader {
    static final String[] WELL = {"well_id", "pozo", "well"};
    static final String[] VAR = {"var_id", "var_id_scada", "tag", "variable"};
    static final String[] TIME = {"timestamp_lectura", "timestamp", "fecha_hora", "time"};
    static final String[] MEASURE = {"measure", "value", "valor"};
    static final String[] RECEIVED = {"source_received_at", "received_at"};

    private final ReadingValidator validator;

    public TelemetryCsvReader(ReadingValidator validator) {
        this.validator = validator;
    }

    /** True when a header names the telemetry columns. */
    public static boolean looksLikeTelemetry(CsvHeader header) {
        return header.has(WELL) && header.has(VAR) && header.has(MEASURE);
    }

    @Override
    public ReadSummary read(String file, InputStream in, ReadingSink sink) throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new LenientTextReader(in));
        char delimiter = csv.delimiter();
        CsvRecord first = csv.next();
        if (first == null || first.isBlank()) {
            throw InputErrors.badInput(file, 1, null, null, "the file is empty: a header row "
                    + "well_id,var_id,timestamp_lectura,measure is expected");
        }
        CsvHeader header = CsvHeader.of(first.fields());
        int well = required(file, header, WELL);
        int var = required(file, header, VAR);
        int time = required(file, header, TIME);
        int measure = required(file, header, MEASURE);
        int received = header.indexOf(RECEIVED);
        if (received < 0) {
            refuseMisspelledReceived(file, header);
        }
        ReadingValidator rows = validator.withCommaDecimal(delimiter == ';');
        long count = 0;
        // records are tokenized ahead on another thread while the ones before are checked and landed
        try (CsvReadAhead records = new CsvReadAhead(csv)) {
            for (CsvRecord r = records.next(); r != null; r = records.next()) {
                if (r.problem() == null && r.isBlank()) {
                    continue;
                }
                count++;
                String raw = null;
                if (r.problem() != null) {
                    raw = r.rawText(delimiter);
                    sink.reject(new RowReject(file, r.line(), null, raw, r.problem(), r.problemDetail(),
                            field(r, well), field(r, var), field(r, time), null, null));
                    continue;
                }
                if (r.fields().size() > header.size()) {
                    raw = r.rawText(delimiter);
                    sink.reject(new RowReject(file, r.line(), null, raw, RejectReason.BAD_ROW, r.fields().size()
                            + " fields where the header has " + header.size()
                            + (delimiter == ',' ? " (an unquoted decimal comma?)" : ""),
                            field(r, well), field(r, var), field(r, time), field(r, measure), null));
                    continue;
                }
                rows.validate(file, r.line(), null, field(r, well), field(r, var), field(r, time), field(r, measure),
                        received < 0 ? null : field(r, received), new RawTextOnReject(sink, r, delimiter));
            }
        }
        return ReadSummary.of(count);
    }

    /**
     * Extra columns are ignored, but one an edit or two from the optional receive time ({@code source_recieved_at}) is a
     * misspelling: ignored, every reading would land without its receive time and the latency rule skip it unseen.
     */
    private static void refuseMisspelledReceived(String file, CsvHeader header) {
        for (String name : header.names()) {
            String near = com.bp010.db.EventFields.within(name, java.util.Set.of(RECEIVED), name.length() >= 8 ? 2 : 1);
            if (near != null) {
                throw InputErrors.badInput(file, 1, name, name, "the header's column '" + name + "' is no telemetry"
                        + " column (did you mean '" + near + "'?): ignored, every reading would land without its receive"
                        + " time and the latency rule would skip it; nothing of the file was loaded: correct the header"
                        + " and upload the file again");
            }
        }
    }

    private static String field(CsvRecord r, int index) {
        return index >= 0 && index < r.fields().size() ? r.fields().get(index) : null;
    }

    private static int required(String file, CsvHeader header, String[] names) {
        int i = header.indexOf(names);
        if (i < 0) {
            throw InputErrors.badInput(file, 1, names[0], String.join(",", header.names()),
                    "the header has no column " + names[0] + " (telemetry CSV needs "
                            + "well_id, var_id, timestamp_lectura, measure)");
        }
        return i;
    }

    /** Fills in the raw text of a reject only when one happens (most rows are good; building it costs). */
    private record RawTextOnReject(ReadingSink sink, CsvRecord record, char delimiter) implements ReadingSink {
        @Override
        public void accept(Reading reading) {
            sink.accept(reading);
        }

        @Override
        public void reject(RowReject r) {
            sink.reject(new RowReject(r.file(), r.line(), r.field(), record.rawText(delimiter), r.reason(),
                    r.detail(), r.wellId(), r.varId(), r.timestampText(), r.measure(), r.receivedText()));
        }
    }
}

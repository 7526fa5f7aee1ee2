package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A pre-pivoted production CSV (well_id, timestamp_lectura, one column per variable), read back into readings. */
final class ProductionCsvReader implements ReadingsReader {
    private final ProductionRowSplitter splitter;

    public ProductionCsvReader(ProductionRowSplitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public ReadSummary read(String file, InputStream in, ReadingSink sink) throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new LenientTextReader(in));
        char delimiter = csv.delimiter();
        CsvRecord first = csv.next();
        if (first == null || first.isBlank()) {
            throw InputErrors.badInput(file, 1, null, null, "the file is empty: a header with well_id, "
                    + "timestamp_lectura and stage columns is expected");
        }
        List<String> columns = CsvHeader.of(first.fields()).names();
        if (!columns.contains("well_id") || !columns.contains("timestamp_lectura")) {
            throw InputErrors.badInput(file, 1, "well_id", String.join(",", columns),
                    "a production CSV needs the columns well_id and timestamp_lectura");
        }
        long count = 0;
        for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
            if (r.problem() == null && r.isBlank()) {
                continue;
            }
            count++;
            if (r.problem() != null || r.fields().size() > columns.size()) {
                sink.reject(new RowReject(file, r.line(), null, r.rawText(delimiter),
                        r.problem() != null ? r.problem() : RejectReason.BAD_ROW,
                        r.problem() != null ? r.problemDetail() : r.fields().size() + " fields where the header has "
                                + columns.size(), null, null, null, null, null));
                continue;
            }
            splitter.split(file, r.line(), columns.subList(0, r.fields().size()), r.fields(), r.rawText(delimiter),
                    sink);
        }
        return ReadSummary.of(count);
    }
}

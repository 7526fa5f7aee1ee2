package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A CSV file whose header names columns of one stage table (the well master, reserves). */
final class TableCsvReader implements InputReader {
    private final TableShape shape;

    public TableCsvReader(TableShape shape) {
        this.shape = shape;
    }

    @Override
    public boolean holdsReadings() {
        return false;
    }

    @Override
    public Summary read(Content content, Sinks sinks) throws IOException {
        try (InputStream in = content.open()) {
            return Summary.of(read(content.name(), in, sinks.of(shape)));
        }
    }

    /** Reads every row into {@code sink}; returns the rows met and the header names that were not loaded. */
    public TableReadSummary read(String file, InputStream in, TableRowSink sink) throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new LenientTextReader(in));
        char delimiter = csv.delimiter();
        CsvRecord first = csv.next();
        if (first == null || first.isBlank()) {
            throw InputErrors.badInput(file, 1, null, null, "the file is empty: a header naming the columns of "
                    + shape.table() + " is expected");
        }
        List<String> header = CsvHeader.of(first.fields()).names();
        TableRowParser parser = new TableRowParser(shape, file, header, delimiter == ';');
        long count = 0;
        for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
            if (r.problem() == null && r.isBlank()) {
                continue;
            }
            count++;
            if (r.problem() != null) {
                sink.reject(new RowReject(file, r.line(), null, r.rawText(delimiter), r.problem(), r.problemDetail(),
                        null, null, null, null, null));
                continue;
            }
            parser.parse(r.line(), r.fields(), r.rawText(delimiter), sink);
        }
        return new TableReadSummary(count, parser.ignoredColumns());
    }
}

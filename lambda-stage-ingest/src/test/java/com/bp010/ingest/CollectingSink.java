package com.bp010.ingest;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader produced, for assertions. */
final class CollectingSink implements ReadingSink, TableRowSink {
    final List<Reading> readings = new ArrayList<>();
    final List<TableRow> rows = new ArrayList<>();
    final List<RowReject> rejects = new ArrayList<>();

    @Override
    public void accept(Reading reading) {
        readings.add(reading);
    }

    @Override
    public void accept(TableRow row) {
        rows.add(row);
    }

    @Override
    public void reject(RowReject reject) {
        rejects.add(reject);
    }

    RowReject onlyReject() {
        if (rejects.size() != 1) {
            throw new AssertionError("expected one reject, got " + rejects);
        }
        return rejects.get(0);
    }
}

package com.bp010.ingest;

import java.io.IOException;
import java.util.List;

/**
 * A reader of one input format: one pass over the input; every row read lands in a sink, accepted or refused with its
 * reason (readings in {@link Sinks#readings()}, well master and reserves rows in the sink of their table).
 */
interface InputReader {
    /** Reads the whole input. */
    Summary read(Content in, Sinks sinks) throws IOException;

    /** True when the format holds readings (telemetry, production rows, dumps). */
    boolean holdsReadings();

    /** True when the format may hold well master rows too (a dump): readings of the wells it adds are kept. */
    default boolean holdsWells() {
        return false;
    }

    /** Where a reader puts what it reads. */
    record Sinks(ReadingSink readings, TableRowSink master, TableRowSink reserves) {
        public TableRowSink of(TableShape shape) {
            return shape == TableShape.WELL_MASTER ? master : reserves;
        }
    }

    /** Data rows met (accepted and refused together), and header names that match no column (reported). */
    record Summary(long rowsRead, List<String> ignoredColumns) {
        static Summary of(long rowsRead) {
            return new Summary(rowsRead, List.of());
        }

        static Summary of(TableReadSummary s) {
            return new Summary(s.rowsRead(), s.ignoredColumns());
        }
    }
}

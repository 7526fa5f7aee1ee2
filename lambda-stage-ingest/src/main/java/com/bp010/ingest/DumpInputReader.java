package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * A PostgreSQL dump, streamed in one pass (never copied to /tmp): landing rows and production rows (split into
 * readings) to the readings, well master and reserves rows to their tables. A statement that is not allowed throws
 * where it stands; the batch's transaction rolls back whatever was staged before it, so a refused dump leaves nothing.
 */
final class DumpInputReader implements InputReader {
    private final PgDumpReader dump;
    private final ReadingValidator validator;
    private final ProductionRowSplitter production;

    public DumpInputReader(PgDumpReader dump, ReadingValidator validator, ProductionRowSplitter production) {
        this.dump = dump;
        this.validator = validator;
        this.production = production;
    }

    @Override
    public boolean holdsReadings() {
        return true;
    }

    @Override
    public boolean holdsWells() {
        return true;
    }

    @Override
    public Summary read(Content content, Sinks sinks) throws IOException {
        try (InputStream in = content.open()) {
            return Summary.of(dump.read(content.name(), new LenientTextReader(in), new DumpRouter(content.name(),
                    validator, production, sinks.readings(), sinks.master(), sinks.reserves())));
        }
    }
}

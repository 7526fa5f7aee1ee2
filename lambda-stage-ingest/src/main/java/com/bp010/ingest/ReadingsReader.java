package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * A reader of a format that holds readings only (telemetry CSV and JSON, production CSV): it reads one stream into the
 * readings sink; opening the input and reporting the rows met are the same for all of them.
 */
interface ReadingsReader extends InputReader {
    /** Reads one stream; {@code file} names it in every reject and error. The caller owns the stream. */
    ReadSummary read(String file, InputStream in, ReadingSink sink) throws IOException;

    @Override
    default Summary read(Content content, Sinks sinks) throws IOException {
        try (InputStream in = content.open()) {
            return Summary.of(read(content.name(), in, sinks.readings()).rowsRead());
        }
    }

    @Override
    default boolean holdsReadings() {
        return true;
    }
}

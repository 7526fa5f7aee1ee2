package com.bp010.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Test bridge: how the ingest's telemetry CSV reader reads one value (for the cross-module agreement test). */
public final class IngestNumbers {
    private IngestNumbers() {
    }

    /** The number the ingest lands for {@code value} in a file delimited by {@code delimiter}, or null if none. */
    public static Double read(String value, char delimiter) {
        String csv = "well_id" + delimiter + "var_id" + delimiter + "timestamp_lectura" + delimiter + "measure\n"
                + "W-1" + delimiter + "V1" + delimiter + "2024-05-01T00:00:00Z" + delimiter
                + "\"" + value.replace("\"", "\"\"") + "\"\n";
        List<Reading> readings = new ArrayList<>();
        ReadingSink sink = new ReadingSink() {
            @Override
            public void accept(Reading reading) {
                readings.add(reading);
            }

            @Override
            public void reject(RowReject reject) {
            }
        };
        TimestampParser utc = new TimestampParser(ZoneOffset.UTC);
        try {
            new TelemetryCsvReader(new ReadingValidator(utc, utc, false))
                    .read("t.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (readings.size() != 1 || !readings.get(0).numeric()) {
            return null;
        }
        return Double.parseDouble(readings.get(0).measure());
    }
}

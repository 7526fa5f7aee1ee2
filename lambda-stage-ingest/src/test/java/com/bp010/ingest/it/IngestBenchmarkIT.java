package com.bp010.ingest.it;

import com.bp010.db.Json;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.ingest.load.IngestBenchmark;
import com.bp010.ingest.load.IngestInput;
import com.bp010.ingest.load.FileIngester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest benchmark at a CI-friendly size (about 100,000 readings); {@code -Dbp010.bench.wells=100
 * -Dbp010.bench.days=7} gives SPEC 8's million. Writes {@code target/ingest-benchmark.json}.
 */
class IngestBenchmarkIT {
    @TempDir
    Path dir;

    @Test
    void shouldLandEveryReadingAndMeasureTheRates_whenBenchmarking() throws Exception {
        int wells = Integer.getInteger("bp010.bench.wells", 16);
        int days = Integer.getInteger("bp010.bench.days", 4);
        boolean inserts = Boolean.parseBoolean(System.getProperty("bp010.bench.inserts", "true"));
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(wells, days,
                Instant.parse("2024-05-10T00:00:00Z"), 99).withPrefix("BENCH"), dir);
        try (IngestFixture fx = new IngestFixture()) {
            var settings = IngestFixture.settings(Map.of());
            new FileIngester(fx.db.database(), settings).ingest(IngestInput.localFile(set.wellMasterFile()));

            IngestBenchmark.Result r = IngestBenchmark.run(fx.db.database(), settings, set.telemetryFile(), inserts);

            Files.writeString(Path.of("target", "ingest-benchmark.json"),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
            System.out.printf("INGEST BENCHMARK %d readings: raw COPY %.2f s (%d/s), end to end %.2f s (%d/s) = %.0f%% "
                            + "of the ceiling, batched INSERT %.2f s (%d/s)%n", r.readings(), r.copySeconds(),
                    r.copyRowsPerSecond(), r.endToEndSeconds(), r.endToEndRowsPerSecond(), r.endToEndVsCopy() * 100,
                    r.insertSeconds(), r.insertRowsPerSecond());
            assertThat(r.readings()).isEqualTo(set.readings());
            assertThat(r.ingest().rowsInserted()).isEqualTo(set.readings());
            assertThat(r.ingest().pivotedRows()).isEqualTo(set.wellHours());
            assertThat(r.endToEndRowsPerSecond()).isPositive();
        }
    }
}

package com.bp010.ingest.it;

import com.bp010.db.Json;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.ingest.load.FileIngester;
import com.bp010.ingest.load.FileResult;
import com.bp010.ingest.load.IngestBenchmark;
import com.bp010.ingest.load.IngestInput;
import com.bp010.ingest.load.IngestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 8's ingest benchmark at a million readings (641 wells x 1 day x 65 SCADA tags = 999,960), after a warm-up
 * ingest of other wells: first one ingest with its step times, then {@link IngestBenchmark} on a fresh database (raw
 * COPY ceiling vs end to end vs batched INSERT). Run with {@code -Dbp010.bench=true}; {@code -Dbp010.bench.slow=true}
 * also times the merge-only path; {@code -Dbp010.bench.inserts=false} skips the INSERT baseline. Figures on stdout
 * and in {@code target/ingest-benchmark-1m.json}.
 */
@EnabledIfSystemProperty(named = "bp010.bench", matches = "true")
class IngestMillionBenchmarkIT {
    private static final Instant END = Instant.parse("2024-05-10T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldReachHalfTheCopyCeiling_whenIngestingAMillionReadings() throws Exception {
        int wells = Integer.getInteger("bp010.bench.wells", 641);
        int days = Integer.getInteger("bp010.bench.days", 1);
        boolean inserts = Boolean.parseBoolean(System.getProperty("bp010.bench.inserts", "true"));
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(wells, days, END, 99)
                .withPrefix("BENCH"), dir.resolve("bench"));
        GeneratedSet warm = new DemoDataGenerator().generate(GeneratorOptions.of(40, 1, END.minusSeconds(86_400 * 10),
                7).withPrefix("WARM"), dir.resolve("warm"));
        IngestSettings settings = IngestFixture.settings(Map.of());

        stepTimes(set, warm, settings, true);
        if (Boolean.getBoolean("bp010.bench.slow")) {
            stepTimes(set, warm, settings, false);
        }
        try (IngestFixture fx = new IngestFixture()) {
            prepare(fx, set, warm, settings);
            IngestBenchmark.Result r = IngestBenchmark.run(fx.db.database(), settings, set.telemetryFile(), inserts);
            Files.writeString(Path.of("target", "ingest-benchmark-1m.json"),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
            System.out.printf("INGEST BENCHMARK %d readings: raw COPY %.2f s (%d/s), end to end %.2f s (%d/s) = %.0f%% "
                            + "of the ceiling, batched INSERT %.2f s (%d/s)%n", r.readings(), r.copySeconds(),
                    r.copyRowsPerSecond(), r.endToEndSeconds(), r.endToEndRowsPerSecond(), r.endToEndVsCopy() * 100,
                    r.insertSeconds(), r.insertRowsPerSecond());
            assertThat(r.ingest().rowsInserted()).isEqualTo(set.readings());
            assertThat(r.ingest().pivotedRows()).isEqualTo(set.wellHours());
        }
    }

    private static void stepTimes(GeneratedSet set, GeneratedSet warm, IngestSettings settings, boolean bulk) {
        try (IngestFixture fx = new IngestFixture()) {
            prepare(fx, set, warm, settings);
            FileIngester ingester = new FileIngester(fx.db.database(), settings, bulk);
            long t0 = System.nanoTime();
            FileResult r = ingester.ingest(IngestInput.localFile(set.telemetryFile()));
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("INGEST STEPS (%s) %d readings in %.2f s (%d/s): %s%n", bulk ? "bulk path" : "merge only",
                    r.rowsRead(), s, Math.round(r.rowsRead() / s), ingester.lastStepMillis());
            assertThat(r.rowsInserted()).isEqualTo(set.readings());
        }
    }

    /** Well masters of both sets, then the warm-up set's readings (earlier times, other wells): the JIT is warm. */
    private static void prepare(IngestFixture fx, GeneratedSet set, GeneratedSet warm, IngestSettings settings) {
        FileIngester ingester = new FileIngester(fx.db.database(), settings);
        ingester.ingest(IngestInput.localFile(set.wellMasterFile()));
        ingester.ingest(IngestInput.localFile(warm.wellMasterFile()));
        FileResult w = ingester.ingest(IngestInput.localFile(warm.telemetryFile()));
        assertThat(w.rowsInserted()).isEqualTo(warm.readings());
    }
}

package com.bp010.ingest;

import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated telemetry file of about 100,000 readings (16 wells x 4 days x 65 tags) through the ingest: every reading
 * lands once, every well-hour becomes one production row, every card gets its facts; the same file again is all
 * duplicates. (The speed of this road is measured by {@code bp010 bench}, not here.)
 */
class GeneratedSetIngestIT {
    @TempDir
    Path dir;

    @Test
    void shouldLandEveryReadingAndPivotEveryWellHour_whenIngestingAGeneratedSet() throws Exception {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(16, 4,
                Instant.parse("2024-05-10T00:00:00Z"), 99).withPrefix("BENCH"), dir);
        try (IngestFixture fx = new IngestFixture()) {
            var settings = IngestFixture.settings(Map.of());
            FileIngester ingester = new FileIngester(fx.db.database(), settings);
            ingester.ingest(IngestInput.localFile(set.wellMasterFile()));

            FileResult r = ingester.ingest(IngestInput.localFile(set.telemetryFile()));

            assertThat(r.status()).isEqualTo(BatchStatus.OK);
            assertThat(r.counts().rowsRead()).isEqualTo(set.readings());
            assertThat(r.counts().rowsInserted()).isEqualTo(set.readings());
            assertThat(r.counts().pivotedRows()).isEqualTo(set.wellHours());
            assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data")).isEqualTo(set.readings());
            assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_produccion")).isEqualTo(set.wellHours());
            assertThat(fx.count("SELECT count(*) FROM stage.tbl_carta_verificada"))
                    .isEqualTo(fx.count("SELECT count(dynacard) + count(downhole_card) FROM stage.tbl_pozo_produccion"));

            FileResult again = ingester.ingest(IngestInput.localFile(set.telemetryFile()));
            assertThat(again.status()).isEqualTo(BatchStatus.DUPLICATE_OBJECT);
        }
    }
}

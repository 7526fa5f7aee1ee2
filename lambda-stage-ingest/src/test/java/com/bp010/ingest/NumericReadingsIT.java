package com.bp010.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landing compares readings as numbers: the same value written {@code 144.00} by a CSV export and {@code 144.0} by the
 * API is one reading (a duplicate, no revision); a different number is a revision whose old value is kept.
 */
class NumericReadingsIT {
    private static IngestFixture fx;
    private static StageIngestHandler handler;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        fx = new IngestFixture();
        fx.db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('NUM-1')");
        handler = fx.handler();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @Test
    void shouldCountTheSameNumberWrittenDifferentlyAsADuplicate_andADifferentNumberAsARevision() throws IOException {
        Files.writeString(dir.resolve("landing_scada_data_csv.csv"), """
                well_id,var_id,timestamp_lectura,measure
                NUM-1,IDN1001,2024-06-01T00:00:00Z,144.00
                NUM-1,IDN1002,2024-06-01T00:00:00Z,50.50
                NUM-1,IDN2001,2024-06-01T00:00:00Z,8
                NUM-1,IDN4005,2024-06-01T00:00:00Z,1200.0
                """);
        JsonNode csv = ingest(dir.resolve("landing_scada_data_csv.csv"));
        assertThat(csv.path("rowsInserted").asLong()).as(csv.toString()).isEqualTo(4);
        Files.writeString(dir.resolve("api_page.json"), """
                {"items": [
                  {"well_id": "NUM-1", "var_id": "IDN1001", "timestamp": "2024-06-01T00:00:00Z", "value": 144.0},
                  {"well_id": "NUM-1", "var_id": "IDN1002", "timestamp": "2024-06-01T00:00:00Z", "value": "50.5"},
                  {"well_id": "NUM-1", "var_id": "IDN2001", "timestamp": "2024-06-01T00:00:00Z", "value": 8.000},
                  {"well_id": "NUM-1", "var_id": "IDN4005", "timestamp": "2024-06-01T00:00:00Z", "value": 1200.5}
                ], "next_cursor": null}
                """);

        JsonNode api = ingest(dir.resolve("api_page.json"));

        assertThat(api.path("rowsDuplicate").asLong()).as(api.toString()).isEqualTo(3);
        assertThat(api.path("rowsRevised").asLong()).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM stage.landing_revisions WHERE well_id = 'NUM-1'")).isEqualTo(1);
        assertThat(fx.db.queryValue("SELECT measure_anterior || ' -> ' || measure_nuevo FROM stage.landing_revisions"
                + " WHERE well_id = 'NUM-1'")).isEqualTo("1200.0 -> 1200.5");
        assertThat(fx.db.queryValue("SELECT well_head_pressure || ' ' || energy_kwh FROM stage.tbl_pozo_produccion"
                + " WHERE well_id = 'NUM-1'")).isEqualTo("144 1200.5");
    }

    private static JsonNode ingest(Path path) {
        return IngestFixture.invoke(handler, Map.of("source", "file", "path", path.toString()));
    }
}

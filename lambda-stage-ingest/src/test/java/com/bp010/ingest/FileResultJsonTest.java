package com.bp010.ingest;

import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The grouped FileResult still answers one flat JSON object per file, as docs/CONTRACTS.md §4.3 and the README say. */
class FileResultJsonTest {

    @Test
    void shouldWriteOneFlatObject_whenTheResultHoldsEveryGroup() {
        UUID batch = UUID.fromString("00000000-0000-0000-0000-000000000016");
        FileResult r = new FileResult(new FileResult.Origin("a.csv", "/in/a.csv", "TELEMETRY_CSV", "file"), batch,
                BatchStatus.OK, new FileResult.Counts(10, 6, 2, 1, 1, 3, Map.of("UNKNOWN_WELL", 1L)),
                new FileResult.Notes(new FileResult.TableCounts("stage.tbl_pozo_maestra", 1, 0, 0), List.of("color"),
                        null, "2026-06-05T23:00:00Z", null), 42);

        JsonNode json = Json.mapper().valueToTree(r);

        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("file", "location", "format", "source",
                "batchId", "status", "rowsRead", "rowsInserted", "rowsDuplicate", "rowsRevised", "rowsRejected",
                "pivotedRows", "rejectsByReason", "table", "ignoredColumns", "watermark", "durationMs");
        assertThat(json.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(json.get("pivotedRows").asLong()).isEqualTo(3);
        assertThat(json.get("status").asText()).isEqualTo("OK");
        assertThat(json.get("table").get("inserted").asLong()).isEqualTo(1);
        assertThat(json.get("rejectsByReason").get("UNKNOWN_WELL").asLong()).isEqualTo(1);
    }

    @Test
    void shouldNameTheError_whenTheBatchFailed() {
        FileResult r = FileResult.failed(new FileResult.Origin(null, "api:x/y", "TELEMETRY_JSON", "api"), null,
                Map.of("code", "BAD_INPUT"), 5);

        JsonNode json = Json.mapper().valueToTree(r);

        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("error").get("code").asText()).isEqualTo("BAD_INPUT");
        assertThat(json.get("rowsRead").asLong()).isZero();
        assertThat(json.has("file")).isFalse();
        assertThat(r.ok()).isFalse();
    }
}

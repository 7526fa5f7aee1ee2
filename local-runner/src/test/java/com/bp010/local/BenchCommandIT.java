package com.bp010.local;

import com.bp010.db.Json;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code bp010 bench} at a tiny size: every section in the table and in the JSON, with plausible figures. */
class BenchCommandIT {
    @Test
    void shouldPrintEverySectionAndWriteTheJson_whenBenchmarkingATinySize(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("bench.json");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try (TestDatabase db = TestDatabase.create()) {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            try {
                exit = Bp010.run("bench", "--wells", "3", "--days", "2", "--readings", "2000", "--cold-start-runs", "1",
                        "--jdbc-url", db.jdbcUrl(), "--json", json.toString(), "--repo", RepoPaths.root().toString());
            } finally {
                System.setOut(original);
            }
        }
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(table).isZero();
        assertThat(table).contains("Ingest:", "raw COPY into an unindexed table (ceiling)",
                "bp010 ingest end to end", "batched row-by-row INSERT", "Phases 3-7", "3 DQ", "4 TRANSFORM",
                "5 ENRICH", "6 DEFAULTS", "7 CONSISTENCY", "total 3-7", "3 wells x 1 d", "1 wells x 2 d",
                "3 wells, new hour", "hourly run / 1-day run = ", "1-day run / raw COPY ceiling = ",
                "Lambda JARs (limit 20 MB)", "JSON: " + json.toAbsolutePath());
        for (String[] f : BenchCommand.FUNCTIONS) {
            assertThat(table).contains(f[0]);
        }
        // every speed target is a ratio inside the run (docs/CONTRACTS.md §8): no absolute time is judged met or not
        assertThat(table).doesNotContain("< 10,000 ms");

        JsonNode r = Json.mapper().readTree(json.toFile());
        JsonNode ingest = r.path("ingest");
        assertThat(ingest.path("readings").asLong()).isBetween(500L, 20_000L);
        for (String way : List.of("rawCopy", "endToEnd", "batchedInsert")) {
            assertThat(ingest.path(way).path("readingsPerSecond").asLong()).as(way).isPositive();
            assertThat(ingest.path(way).path("seconds").asDouble()).as(way).isPositive();
        }
        assertThat(ingest.path("endToEnd").path("rowsInserted").asLong()).isEqualTo(ingest.path("readings").asLong());
        assertThat(ingest.path("endToEnd").path("vsCeiling").asDouble()).isPositive();
        // the two ingest targets of docs/CONTRACTS.md §8: the ceiling's half, and 4x the naive INSERT
        assertThat(ingest.path("endToEndVsInsert").asDouble()).isPositive();
        assertThat(ingest.path("targetVsInsertMet").isBoolean()).as("4x target judged").isTrue();

        JsonNode pipeline = r.path("pipeline");
        assertThat(pipeline).hasSize(3);
        List<Long> wellHours = new ArrayList<>();
        for (JsonNode size : pipeline) {
            assertThat(size.path("status").asText()).isEqualTo("OK");
            for (String phase : BenchReport.PHASES) {
                assertThat(size.path("phasesMs").has(phase)).as(phase).isTrue();
                assertThat(size.path("phasesMs").path(phase).asLong()).as(phase).isNotNegative();
            }
            assertThat(size.path("totalMs").asLong()).isPositive();
            assertThat(size.path("calls")).isNotEmpty();
            assertThat(size.has("targetMet")).as("absolute-time target").isFalse();
            wellHours.add(size.path("wellHours").asLong());
        }
        assertThat(wellHours).containsExactly(3L * 24, 1L * 2 * 24, 3L);
        // the hourly size: one new hour of 3 wells, recomputed by a default-window (incremental) run
        JsonNode hourly = pipeline.get(2);
        assertThat(hourly.path("size").asText()).isEqualTo("hourly");
        assertThat(hourly.path("window").asText()).contains("2026-01-10");
        JsonNode ratios = r.path("ratios");
        assertThat(ratios.path("hourlyVsOneDay").asDouble()).isPositive();
        assertThat(ratios.path("oneDayVsCeiling").asDouble()).isPositive();
        assertThat(ratios.has("hourlyVsOneDayMet")).isTrue();
        // the card analysis has its own bench line: the phase 3-7 ratio leaves its call out of both runs
        assertThat(ratios.path("excludedCall").asText()).isEqualTo("bp010.card_analysis");
        assertThat(ratios.path("hourlyVsOneDay").asDouble())
                .isCloseTo(withoutCards(hourly) / (double) withoutCards(pipeline.get(0)), within(0.0005));

        JsonNode jars = r.path("jars");
        assertThat(jars).hasSize(4);
        for (JsonNode jar : jars) {
            if (jar.path("bytes").isNull()) {
                assertThat(jar.path("status").asText()).isEqualTo("not built");
            } else {
                assertThat(jar.path("bytes").asLong()).as(jar.toString()).isPositive();
                assertThat(jar.path("coldStartMs").asLong()).as(jar.toString()).isPositive();
                assertThat(jar.path("coldStartStatus").asText()).as(jar.toString())
                        .doesNotStartWith("ERROR").doesNotStartWith("no response");
                JsonNode first = jar.path("firstInvocation");
                assertThat(first.path("primedStatus").asText()).as(jar.toString())
                        .isEqualTo(jar.path("coldStartStatus").asText());
                assertThat(first.path("unprimedMs").asLong()).as(jar.toString()).isPositive();
                assertThat(first.path("primedMs").asLong()).as(jar.toString()).isPositive();
                assertThat(first.path("primingMs").asLong()).as(jar.toString()).isPositive();
                assertThat(first.path("primedVsUnprimed").asDouble()).as(jar.toString()).isPositive();
            }
        }
        assertThat(r.path("machine").path("cpus").asInt()).isPositive();
        // the server settings a reader needs to compare two machines' runs of a short (hourly) size
        assertThat(r.path("machine").path("sharedBuffers").asText()).isNotBlank();
        assertThat(r.path("machine").path("hugePages").asText()).isIn("on", "off", "try");
    }

    private static long withoutCards(JsonNode size) {
        long ms = size.path("totalMs").asLong();
        for (JsonNode call : size.path("calls")) {
            if (call.path("call").asText().equals("bp010.card_analysis")) {
                ms -= call.path("ms").asLong();
            }
        }
        return ms;
    }
}

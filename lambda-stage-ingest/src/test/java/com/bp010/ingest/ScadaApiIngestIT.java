package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScadaApiIngestIT {
    private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");
    private static IngestFixture fx;

    @BeforeAll
    static void setUp() {
        fx = new IngestFixture();
        fx.db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('API-1'), ('API-2')");
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private static ScadaApiSource source(ScadaApiStub stub, int pageLimit, List<Duration> waits) {
        ReadingValidator v = new ReadingValidator(new TimestampParser(ZoneOffset.UTC),
                new TimestampParser(ZoneOffset.UTC), false);
        return new ScadaApiSource(() -> ApiCredentials.parse("api-secret", stub.secret()), Duration.ofSeconds(2),
                Duration.ofSeconds(5), pageLimit, RetryPolicy.standard(3), new TelemetryJsonReader(v), waits::add);
    }

    /** Two wells, two tags, one reading an hour for {@code hours} hours from T0. */
    private static int fill(ScadaApiStub stub, int hours) {
        int n = 0;
        for (int h = 0; h < hours; h++) {
            for (String well : List.of("API-1", "API-2")) {
                for (String var : List.of("IDN1001", "IDN1002")) {
                    stub.add(new ScadaApiStub.Item(well, var, T0.plusSeconds(3600L * h), String.valueOf(100 + h)));
                    n++;
                }
            }
        }
        return n;
    }

    private static final class Collecting implements ReadingSink {
        final List<Reading> readings = new ArrayList<>();

        @Override
        public void accept(Reading reading) {
            readings.add(reading);
        }

        @Override
        public void reject(RowReject reject) {
            throw new AssertionError("unexpected reject " + reject);
        }
    }

    @Test
    void shouldFollowEveryPageAndRetryThrottlingAndOutages_whenTheApiIsFlaky() throws Exception {
        try (ScadaApiStub stub = new ScadaApiStub()) {
            int n = fill(stub, 10);
            stub.failNext(429, 503);
            List<Duration> waits = new ArrayList<>();
            Collecting sink = new Collecting();

            long rows = source(stub, 7, waits).fetch(T0, T0.plusSeconds(36_000), sink);

            assertThat(rows).isEqualTo(n);
            assertThat(sink.readings).hasSize(n);
            assertThat(sink.readings.stream().map(r -> r.wellId() + r.varId() + r.timestamp()).distinct()).hasSize(n);
            assertThat(stub.requests()).hasSize(2 + (n + 6) / 7);
            assertThat(stub.requests().get(stub.requests().size() - 1)).contains("cursor=35");
            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void shouldFailAtOnceWithAClearMessage_whenTheTokenIsRefused() throws Exception {
        try (ScadaApiStub stub = new ScadaApiStub()) {
            fill(stub, 1);
            String secret = stub.secret();
            stub.token("rotated");
            ReadingValidator v = new ReadingValidator(new TimestampParser(ZoneOffset.UTC),
                    new TimestampParser(ZoneOffset.UTC), false);
            List<Duration> waits = new ArrayList<>();
            ScadaApiSource api = new ScadaApiSource(() -> ApiCredentials.parse("api-secret", secret),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), 100, RetryPolicy.standard(3),
                    new TelemetryJsonReader(v), waits::add);

            assertThatThrownBy(() -> api.fetch(T0, T0.plusSeconds(3600), new Collecting()))
                    .isInstanceOf(Bp010Exception.class)
                    .satisfies(e -> {
                        Bp010Exception b = (Bp010Exception) e;
                        assertThat(b.code()).isEqualTo(ErrorCode.SOURCE_API);
                        assertThat(b.detail("httpStatus")).isEqualTo(401);
                        assertThat(b.reason()).contains("refused the credentials").contains("API_SECRET_NAME")
                                .doesNotContain("secret-token");
                        assertThat(b.isRetryable()).isFalse();
                    });
            assertThat(stub.requests()).hasSize(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void shouldMoveTheWatermarkOnlyPastCommittedChunks_andLoadTheRestOnRerunWithoutDuplicates() throws Exception {
        try (ScadaApiStub stub = new ScadaApiStub()) {
            int n = fill(stub, 12);
            Instant failFrom = T0.plusSeconds(8 * 3600);
            stub.failWindows(from -> !from.isBefore(failFrom));
            IngestSettings settings = IngestFixture.settings(Map.of("API_CHUNK_HOURS", "4", "API_MAX_RETRIES", "1"));
            TelemetrySource api = source(stub, 5, new ArrayList<>());
            StageIngestHandler handler = fx.handler(settings, () -> api, () -> null);
            Map<String, String> window = Map.of("source", "api", "from", T0.toString(),
                    "to", T0.plusSeconds(12 * 3600).toString());

            assertThatThrownBy(() -> IngestFixture.invoke(handler, window))
                    .isInstanceOf(Bp010Exception.class).hasMessageContaining("SOURCE_API");
            assertThat(fx.db.queryValue("SELECT last_timestamp FROM stage.ingest_watermark WHERE source = 'api'"))
                    .isEqualTo(java.sql.Timestamp.from(failFrom));
            assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'API-%'"))
                    .isEqualTo(n * 8 / 12);
            assertThat(fx.count("SELECT count(*) FROM stage.ingest_batches WHERE source = 'api' AND status = 'FAILED'"))
                    .isEqualTo(1);

            stub.failWindows(from -> false);
            StageIngestHandler rerun = new StageIngestHandler(com.bp010.db.LazyDatabase.of(fx.db.database()),
                    settings, () -> api, () -> null,
                    java.time.Clock.fixed(T0.plusSeconds(12 * 3600 + 600), ZoneOffset.UTC));
            JsonNode r = IngestFixture.invoke(rerun, Map.of("source", "api", "from", failFrom.minusSeconds(3600)
                    .toString(), "to", T0.plusSeconds(12 * 3600).toString()));

            assertThat(r.get("status").asText()).isEqualTo("OK");
            assertThat(r.get("rowsInserted").asLong()).isEqualTo(n * 4 / 12);
            assertThat(r.get("rowsDuplicate").asLong()).isEqualTo(n / 12);
            assertThat(r.get("watermark").asText()).isEqualTo(T0.plusSeconds(12 * 3600).toString());
            assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'API-%'")).isEqualTo(n);
            assertThat(fx.count("SELECT count(*) FROM stage.tbl_pozo_produccion WHERE well_id LIKE 'API-%'"))
                    .isEqualTo(24);
            assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'API-%' AND "
                    + "source_received_at = timestamp_lectura + interval '1 second'")).isEqualTo(n);

            // a scheduled run polls from the watermark (minus the overlap): nothing new
            JsonNode scheduled = IngestFixture.invoke(rerun, "{\"source\": \"api\"}");
            assertThat(scheduled.get("rowsInserted").asLong()).isZero();
            assertThat(fx.count("SELECT count(*) FROM stage.landing_scada_data WHERE well_id LIKE 'API-%'")).isEqualTo(n);
        }
    }
}

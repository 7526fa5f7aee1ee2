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
 * An hourly SCADA feed on America/Chicago time without offsets, through the real handler, across the end of daylight
 * saving time (2026-11-01: 01:00-01:59 at -05:00, then at -06:00): the first pass of the repeated hour comes in one
 * batch and the second pass in the next. Landing keeps both passes (06:xx and 07:xx UTC); re-sending either batch is
 * duplicates; a value that matches neither pass when landing holds both is refused as AMBIGUOUS_TIME.
 */
class RepeatedHourIngestIT {
    private static final String HEADER = "well_id,var_id,timestamp_lectura,measure\n";
    private static final String LANDED = "SELECT string_agg(to_char(l.timestamp_lectura AT TIME ZONE 'UTC', 'HH24:MI')"
            + " || '=' || l.measure, ' ' ORDER BY l.timestamp_lectura) FROM stage.landing_lectura l"
            + " JOIN stage.dim_well w ON w.well_key = l.well_key WHERE w.well_id = ?";

    private static IngestFixture fx;
    private static StageIngestHandler handler;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        fx = new IngestFixture();
        fx.db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('DST-A'), ('DST-B'), ('DST-C'), ('DST-D'), ('DST-E')");
        handler = fx.handler(IngestFixture.settings(Map.of("SOURCE_TIMEZONE", "America/Chicago")), () -> {
            throw new IllegalStateException("no API in this test");
        }, () -> {
            throw new IllegalStateException("no S3 in this test");
        });
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @Test
    void shouldLandBothPassesAndRefuseAThirdValue_whenAnHourlyFeedSendsEachPassInItsOwnBatch() throws IOException {
        JsonNode first = ingest("first_pass.csv", """
                DST-A,IDN1001,2026-11-01T00:30:00,100
                DST-A,IDN1001,2026-11-01T01:00:00,101
                DST-A,IDN1001,2026-11-01T01:30:00,102
                """);
        assertThat(first.path("rowsInserted").asLong()).as(first.toString()).isEqualTo(3);

        JsonNode second = ingest("second_pass.csv", """
                DST-A,IDN1001,2026-11-01T01:00:00,103
                DST-A,IDN1001,2026-11-01T01:30:00,104
                DST-A,IDN1001,2026-11-01T02:00:00,105
                """);

        assertThat(second.path("rowsRevised").asLong()).as("the second pass overwrote the first: " + second)
                .isZero();
        assertThat(second.path("rowsInserted").asLong()).as(second.toString()).isEqualTo(3);
        assertThat(fx.db.queryValue(LANDED, "DST-A")).as("01:00 and 01:30 CDT, then CST")
                .isEqualTo("05:30=100 06:00=101 06:30=102 07:00=103 07:30=104 08:00=105");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_revisions WHERE well_id = 'DST-A'")).isZero();
        assertThat(fx.db.queryValue("SELECT string_agg(to_char(timestamp_lectura AT TIME ZONE 'UTC', 'HH24:MI') || '='"
                + " || well_head_pressure, ' ' ORDER BY timestamp_lectura) FROM stage.tbl_pozo_produccion"
                + " WHERE well_id = 'DST-A'")).as("both passes pivoted")
                .isEqualTo("05:30=100 06:00=101 06:30=102 07:00=103 07:30=104 08:00=105");

        JsonNode secondAgain = ingest("second_pass_again.csv", """
                DST-A,IDN1001,2026-11-01T01:00:00,103
                DST-A,IDN1001,2026-11-01T01:30:00,104.0
                DST-A,IDN1001,2026-11-01T02:00:00,105
                """);
        JsonNode firstAgain = ingest("first_pass_again.csv", """
                DST-A,IDN1001,2026-11-01T00:30:00,100
                DST-A,IDN1001,2026-11-01T01:00:00,101
                DST-A,IDN1001,2026-11-01T01:30:00,102
                """);

        for (JsonNode again : new JsonNode[] {secondAgain, firstAgain}) {
            assertThat(again.path("rowsDuplicate").asLong()).as(again.toString()).isEqualTo(3);
            assertThat(again.path("rowsInserted").asLong() + again.path("rowsRevised").asLong()
                    + again.path("rowsRejected").asLong()).as(again.toString()).isZero();
        }

        JsonNode third = ingest("third_value.csv", """
                DST-A,IDN1001,2026-11-01T01:30:00,999
                DST-A,IDN1001,2026-11-01T02:30:00,106
                """);

        assertThat(third.path("status").asText()).as(third.toString()).isEqualTo("OK");
        assertThat(third.path("rowsRejected").asLong()).as(third.toString()).isEqualTo(1);
        assertThat(third.path("rowsInserted").asLong()).as(third.toString()).isEqualTo(1);
        assertThat(third.path("rowsRevised").asLong() + third.path("rowsDuplicate").asLong()).isZero();
        assertThat(third.path("rejectsByReason").path("AMBIGUOUS_TIME").asLong()).as(third.toString()).isEqualTo(1);
        assertThat(fx.db.queryValue(LANDED, "DST-A")).as("nothing overwritten")
                .isEqualTo("05:30=100 06:00=101 06:30=102 07:00=103 07:30=104 08:00=105 08:30=106");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_revisions WHERE well_id = 'DST-A'")).isZero();
        assertThat(fx.db.queryValue("SELECT reason_code || ' line ' || line_number || ' ' || timestamp_text || ' '"
                + " || measure || ': ' || reason FROM stage.landing_rejects WHERE well_id = 'DST-A'"))
                .asString()
                .startsWith("AMBIGUOUS_TIME line 2 2026-11-01T01:30:00 999: ")
                .contains("'2026-11-01T01:30:00' is in the hour the clock repeats in America/Chicago")
                .contains("landing holds both passes")
                .contains("send the time with its offset");
    }

    @Test
    void shouldKeepTheFirstPass_whenTheReadingWasReceivedBeforeTheSecondPassBegan() throws IOException {
        ingest("b_first.csv", """
                DST-B,IDN1001,2026-11-01T01:30:00,200
                """);
        ingest("b_second.csv", """
                DST-B,IDN1001,2026-11-01T01:30:00,201
                """);

        JsonNode late = IngestFixture.invoke(handler, Map.of("source", "file", "path", write("b_late.csv",
                "well_id,var_id,timestamp_lectura,measure,source_received_at\n"
                        + "DST-B,IDN1001,2026-11-01T01:30:00,250,2026-11-01T06:40:00Z\n").toString()));

        assertThat(late.path("rowsRevised").asLong()).as("received at 01:40 CDT: the first pass, corrected; " + late)
                .isEqualTo(1);
        assertThat(fx.db.queryValue(LANDED, "DST-B")).isEqualTo("06:30=250 07:30=201");
    }

    @Test
    void shouldCountTheFirstPassSentAgainAsADuplicate_whenTheSecondPassHasNotBegunYet() throws IOException {
        ingest("d_first.csv", """
                DST-D,IDN1001,2099-11-01T01:30:00,400
                """);

        JsonNode again = ingest("d_first_again.csv", """
                DST-D,IDN1001,2099-11-01T01:30:00,400
                """);

        assertThat(again.path("rowsDuplicate").asLong()).as("07:30 UTC on 2099-11-01 is still to come: " + again)
                .isEqualTo(1);
        assertThat(fx.db.queryValue(LANDED, "DST-D")).isEqualTo("06:30=400");
    }

    @Test
    void shouldKeepEachPassCardsFactAtItsOwnInstant_whenTheSecondPassCardComesInTheNextBatch() throws IOException {
        String first = card(20, 1.0);
        String second = card(24, 2.5);
        ingestPage("e_first.json", "DST-E", "IDN7001", "2026-11-01T01:30:00", first);

        JsonNode next = ingestPage("e_second.json", "DST-E", "IDN7001", "2026-11-01T01:30:00", second);

        assertThat(next.path("rowsInserted").asLong()).as(next.toString()).isEqualTo(1);
        assertThat(fx.db.queryValue("SELECT string_agg(to_char(timestamp_lectura AT TIME ZONE 'UTC', 'HH24:MI') || ' '"
                + " || cierre, ', ' ORDER BY timestamp_lectura) FROM stage.tbl_carta_verificada WHERE well_id = 'DST-E'"))
                .as("each card's loop closure at its own pass")
                .isEqualTo("06:30 " + CardClosure.of(first).orElseThrow() + ", 07:30 "
                        + CardClosure.of(second).orElseThrow());
    }

    @Test
    void shouldKeepTheOrderInTheBatch_whenOneBatchGivesBothPassesAndTheNextGivesOneAgain() throws IOException {
        JsonNode both = ingest("c_both.csv", """
                DST-C,IDN1001,2026-11-01T01:30:00,300
                DST-C,IDN1001,2026-11-01T01:30:00,301
                """);
        assertThat(both.path("rowsInserted").asLong()).as(both.toString()).isEqualTo(2);

        JsonNode secondAgain = ingest("c_second_again.csv", """
                DST-C,IDN1001,2026-11-01T01:30:00,301
                """);

        assertThat(secondAgain.path("rowsDuplicate").asLong()).as(secondAgain.toString()).isEqualTo(1);
        assertThat(fx.db.queryValue(LANDED, "DST-C")).isEqualTo("06:30=300 07:30=301");
        assertThat(fx.count("SELECT count(*) FROM stage.landing_revisions WHERE well_id = 'DST-C'")).isZero();
    }

    private JsonNode ingestPage(String name, String well, String var, String time, String card) throws IOException {
        String page = "{\"items\": [{\"well_id\": \"" + well + "\", \"var_id\": \"" + var + "\", \"timestamp\": \""
                + time + "\", \"value\": " + card + "}]}";
        return IngestFixture.invoke(handler, Map.of("source", "file", "path", write(name, page).toString()));
    }

    /** A card of {@code n} points whose loop misses closing by {@code gap} in position. */
    private static String card(int n, double gap) {
        StringBuilder pos = new StringBuilder("[");
        StringBuilder load = new StringBuilder("[");
        for (int k = 0; k < n; k++) {
            pos.append(k == 0 ? "" : ",").append(k == 0 ? 0.0 : k == n - 1 ? gap : (k == n / 2 ? 86.0 : 43.0));
            load.append(k == 0 ? "" : ",").append(k == 0 || k == n - 1 ? 7000.0 : (k == n / 3 ? 10000.0 : 7000.0));
        }
        return "{\"position\":" + pos + "],\"load\":" + load + "]}";
    }

    private JsonNode ingest(String name, String rows) throws IOException {
        return IngestFixture.invoke(handler, Map.of("source", "file", "path", write(name, HEADER + rows).toString()));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}

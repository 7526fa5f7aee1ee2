package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelemetryJsonReaderTest {
    private final CollectingSink sink = new CollectingSink();

    @Test
    void shouldReadItemsAndTheCursor_whenGivenAnApiPage() throws IOException {
        String page = "{\"items\": [\n"
                + " {\"well_id\": \"P-1\", \"var_id\": \"IDN1001\", \"timestamp\": \"2024-05-01T10:00:00Z\", "
                + "\"value\": 120.5, \"received_at\": \"2024-05-01T10:00:02Z\"},\n"
                + " {\"well_id\": \"P-1\", \"var_id\": \"IDN7001\", \"timestamp\": \"2024-05-01T10:00:00Z\", "
                + "\"value\": {\"position\": [0, 86], \"load\": [5000, 9000]}}\n"
                + "], \"next_cursor\": \"abc\"}";

        ReadSummary summary = new TelemetryJsonReader(Readers.utc()).read("page", Readers.bytes(page), sink);

        assertThat(summary).isEqualTo(new ReadSummary(2, "abc"));
        assertThat(sink.readings).extracting(Reading::measure)
                .containsExactly("120.5", "{\"position\":[0,86],\"load\":[5000,9000]}");
        assertThat(sink.readings.get(0).receivedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:02Z"));
        assertThat(sink.readings.get(1).line()).isEqualTo(3);
    }

    @Test
    void shouldRefuseThePage_whenAnItemNamesAFieldTwice() {
        String page = "{\"items\": [{\"well_id\": \"P-1\", \"var_id\": \"IDN1001\", \"timestamp\": "
                + "\"2024-05-01T10:00:00Z\", \"value\": \"NaN\", \"value\": 12.5}]}";

        assertThatThrownBy(() -> new TelemetryJsonReader(Readers.utc()).read("dup.json", Readers.bytes(page), sink))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.detail("file")).isEqualTo("dup.json");
                    assertThat(e.detail("line")).isEqualTo(1L);
                    assertThat(e.reason()).contains("value");
                });
        assertThat(sink.readings).isEmpty();
    }

    @Test
    void shouldRefuseTheFile_whenSomethingFollowsThePage() {
        String pages = "{\"items\": []}\n{\"items\": [{\"well_id\": \"P-1\"}]}";

        assertThatThrownBy(() -> new TelemetryJsonReader(Readers.utc()).read("two.json", Readers.bytes(pages), sink))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.detail("line")).isEqualTo(2L);
                    assertThat(e.reason()).contains("content after the JSON page");
                });
    }

    @Test
    void shouldNameLineAndCharacter_whenThePageNestsTooDeep() {
        String page = "{\"items\": [" + "[".repeat(1000) + "]".repeat(1000) + "]}";

        assertThatThrownBy(() -> new TelemetryJsonReader(Readers.utc()).read("deep.json", Readers.bytes(page), sink))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.detail("line")).isEqualTo(1L);
                    assertThat(e.detail("column")).isNotNull();
                    assertThat(e.reason()).contains("nesting depth");
                });
    }

    @Test
    void shouldEndPagination_whenTheCursorIsNull() throws IOException {
        ReadSummary summary = new TelemetryJsonReader(Readers.utc())
                .read("page", Readers.bytes("{\"next_cursor\": null, \"items\": []}"), sink);

        assertThat(summary).isEqualTo(new ReadSummary(0, null));
    }

    @Test
    void shouldRejectTheItem_whenItIsNotAnObjectOrLacksAField() throws IOException {
        String page = "{\"items\": [42, {\"well_id\": \"P-1\", \"timestamp\": \"2024-05-01T10:00:00Z\", \"value\": 1}]}";

        new TelemetryJsonReader(Readers.utc()).read("page", Readers.bytes(page), sink);

        assertThat(sink.rejects).extracting(RowReject::reason, RowReject::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RejectReason.BAD_ROW, null),
                org.assertj.core.groups.Tuple.tuple(RejectReason.MISSING_FIELD, "var_id"));
        assertThat(sink.rejects.get(1).rawText()).contains("\"well_id\":\"P-1\"");
    }

    @Test
    void shouldNameTheLine_whenTheJsonIsBroken() {
        assertThatThrownBy(() -> new TelemetryJsonReader(Readers.utc())
                .read("bad.json", Readers.bytes("{\"items\": [\n{\"well_id\": }\n]}"), sink))
                .isInstanceOf(Bp010Exception.class)
                .satisfies(e -> assertThat(((Bp010Exception) e).detail("line")).isEqualTo(2L));
    }

    /** On main both loaded nothing and answered OK: a page of another shape lost every reading without a word. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "{\"data\": [{\"well_id\": \"P-1\", \"var_id\": \"IDN1001\", \"timestamp\": \"2024-05-01T10:00:00Z\","
                    + " \"value\": 1.5}], \"next_cursor\": null}",
            "{\"items\": {\"well_id\": \"P-1\", \"var_id\": \"IDN1001\", \"timestamp\": \"2024-05-01T10:00:00Z\","
                    + " \"value\": 1.5}}",
            "{\"items\": null}",
            "{}"})
    void shouldRefuseTheFileSayingWhatAPageHolds_whenItHasNoItemsArray(String page) {
        assertThatThrownBy(() -> new TelemetryJsonReader(Readers.utc()).read("page.json", Readers.bytes(page), sink))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(com.bp010.db.ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo("page.json");
                    assertThat(e.detail("column")).isEqualTo("items");
                    assertThat(e.reason()).contains("\"items\"").contains("nothing of the file was loaded");
                });
        assertThat(sink.readings).isEmpty();
    }

    @Test
    void shouldReadAnEmptyPage_whenItsItemsAreAnEmptyArray() throws IOException {
        ReadSummary summary = new TelemetryJsonReader(Readers.utc()).read("page.json",
                Readers.bytes("{\"items\": [], \"next_cursor\": null}"), sink);

        assertThat(summary).isEqualTo(new ReadSummary(0, null));
    }
}

package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelemetryCsvReaderTest {
    private final CollectingSink sink = new CollectingSink();

    @Test
    void shouldReadEveryReading_whenTheFileIsTheStandardTelemetryCsv() throws IOException {
        String csv = "well_id,var_id,timestamp_lectura,measure,source_received_at\n"
                + "P-001,IDN1001,2024-05-01T10:00:00Z,120.5,2024-05-01T10:00:01Z\n"
                + "P-001,IDN7001,2024-05-01T10:00:00Z,\"{\"\"position\"\":[0,1],\"\"load\"\":[5,6]}\",\n";

        ReadSummary summary = new TelemetryCsvReader(Readers.utc()).read("t.csv", Readers.bytes(csv), sink);

        assertThat(summary.rowsRead()).isEqualTo(2);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).containsExactly(
                new Reading(2, "P-001", "IDN1001", Instant.parse("2024-05-01T10:00:00Z"), "120.5",
                        Instant.parse("2024-05-01T10:00:01Z"), true),
                new Reading(3, "P-001", "IDN7001", Instant.parse("2024-05-01T10:00:00Z"),
                        "{\"position\":[0,1],\"load\":[5,6]}", null, false));
    }

    @Test
    void shouldReadDecimalCommasAndLocalTimes_whenAFieldFileIsSemicolonLatin1() throws IOException {
        String csv = "Pozo;Var_ID;Timestamp_Lectura;Measure\nP-ñ1;IDN1001;2024-05-01 05:00:00;1,5\n";

        new TelemetryCsvReader(Readers.validator(ZoneId.of("America/Bogota")))
                .read("campo.csv", Readers.bytes(csv, StandardCharsets.ISO_8859_1), sink);

        // the well id has a letter the well master refuses: the row is rejected, naming the field
        assertThat(sink.onlyReject().reason()).isEqualTo(RejectReason.BAD_WELL_ID);
        sink.rejects.clear();
        new TelemetryCsvReader(Readers.validator(ZoneId.of("America/Bogota")))
                .read("campo.csv", Readers.bytes(csv.replace("P-ñ1", "P-1"), StandardCharsets.ISO_8859_1), sink);
        assertThat(sink.readings).singleElement().satisfies(r -> {
            assertThat(r.measure()).isEqualTo("1.5");
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        });
    }

    @Test
    void shouldRejectEachBadRowWithLineFieldAndReason_whenTheRestIsGood() throws IOException {
        String csv = "well_id,var_id,timestamp_lectura,measure\n"
                + "P-1,IDN1001,2024-05-01T10:00:00Z,10\n"
                + "P-1,IDN1002,not-a-time,10\n"
                + "P-1,IDN1003,2024-05-01T10:00:00Z,\n"
                + "P-1,IDN1004,2024-05-01T10:00:00Z,NaN\n"
                + ",IDN1005,2024-05-01T10:00:00Z,3\n"
                + "P-1,IDN1006,2024-05-01T10:00:00Z,1,234\n"
                + "P-1,IDN1007,2024-05-01T10:00:00Z,\"1,234\"\n"
                + "P-1,IDN1008,2024-05-01T10:00:00Z,7\n";

        ReadSummary summary = new TelemetryCsvReader(Readers.utc()).read("f.csv", Readers.bytes(csv), sink);

        assertThat(summary.rowsRead()).isEqualTo(8);
        assertThat(sink.readings).extracting(Reading::varId).containsExactly("IDN1001", "IDN1008");
        assertThat(sink.rejects).extracting(RowReject::line, RowReject::field, RowReject::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "timestamp_lectura", RejectReason.BAD_TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple(4L, "measure", RejectReason.MISSING_FIELD),
                org.assertj.core.groups.Tuple.tuple(5L, "measure", RejectReason.NOT_FINITE),
                org.assertj.core.groups.Tuple.tuple(6L, "well_id", RejectReason.MISSING_FIELD),
                org.assertj.core.groups.Tuple.tuple(7L, null, RejectReason.BAD_ROW),
                org.assertj.core.groups.Tuple.tuple(8L, "measure", RejectReason.AMBIGUOUS_NUMBER));
        assertThat(sink.rejects).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo("f.csv");
            assertThat(r.rawText()).startsWith(r.line() == 6 ? "," : "P-1,");
        });
        assertThat(sink.rejects.get(0).rawText()).isEqualTo("P-1,IDN1002,not-a-time,10");
    }

    @Test
    void shouldRefuseTheFileNamingTheColumn_whenTheHeaderLacksMeasure() {
        String csv = "well_id,var_id,timestamp_lectura\nP-1,IDN1001,2024-05-01T10:00:00Z\n";

        assertThatThrownBy(() -> new TelemetryCsvReader(Readers.utc()).read("h.csv", Readers.bytes(csv), sink))
                .isInstanceOf(Bp010Exception.class)
                .satisfies(e -> {
                    Bp010Exception b = (Bp010Exception) e;
                    assertThat(b.detail("file")).isEqualTo("h.csv");
                    assertThat(b.detail("column")).isEqualTo("measure");
                    assertThat(b.reason()).contains("measure");
                });
    }

    @Test
    void shouldRejectTheRowNamingTheField_whenTheScadaIdHoldsANulOrAnEscape() throws IOException {
        String csv = "well_id,var_id,timestamp_lectura,measure\nP-1,IDN1001\u0000,2024-05-01T10:00:00Z,1\n"
                + "P-1,IDN1001\u001b[2J,2024-05-01T10:00:00Z,2\n";

        new TelemetryCsvReader(Readers.utc()).read("nul.csv", Readers.bytes(csv), sink);

        assertThat(sink.readings).isEmpty();
        assertThat(sink.rejects).extracting(RowReject::reason, RowReject::field, RowReject::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectReason.BAD_VAR_ID, "var_id", 2L),
                        org.assertj.core.groups.Tuple.tuple(RejectReason.BAD_VAR_ID, "var_id", 3L));
    }

    /** On main the column was ignored (not even listed): 1 reading landed without its receive time, the file OK. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"source_recieved_at", "Source Received At2",
            "recieved_at"})
    void shouldRefuseTheFileNamingTheColumnMeant_whenTheReceiveTimeColumnIsMisspelled(String column) {
        String csv = "well_id,var_id,timestamp_lectura,measure," + column + "\n"
                + "P-1,IDN1001,2024-05-01T10:00:00Z,120.5,2024-05-01T10:00:02Z\n";

        assertThatThrownBy(() -> new TelemetryCsvReader(Readers.utc()).read("t.csv", Readers.bytes(csv), sink))
                .isInstanceOfSatisfying(com.bp010.db.Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(com.bp010.db.ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo("t.csv");
                    assertThat(e.detail("line")).isEqualTo(1L);
                    assertThat(e.getMessage()).contains("did you mean '").contains("received_at'")
                            .contains("nothing of the file was loaded");
                });
        assertThat(sink.readings).isEmpty();
    }

    @Test
    void shouldStillIgnoreAnExtraColumn_whenItIsNearNoTelemetryColumn() throws IOException {
        String csv = "well_id,var_id,timestamp_lectura,measure,comentario,calidad\n"
                + "P-1,IDN1001,2024-05-01T10:00:00Z,120.5,ok,192\n";

        new TelemetryCsvReader(Readers.utc()).read("t.csv", Readers.bytes(csv), sink);

        assertThat(sink.readings).hasSize(1);
    }
}

package com.bp010.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reading takes one road, whatever format brings it: the same readings, in the same order, as telemetry CSV
 * files into one database and as JSON pages into another leave the same landing, production, revisions, rejects and
 * watermark, and the same counts, after every file. New readings, late ones, corrections, identical re-sends (also
 * written as another number, {@code 52.50} for {@code 52.5}), a reading twice in one file, and refused rows of every
 * kind are in the files; the expected outcome of the notable ones is asserted too.
 */
class OneRoadIT {
    private static final String HEADER = "well_id,var_id,timestamp_lectura,measure,source_received_at\n";
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldLeaveTheSameTables_whenTheSameReadingsComeAsCsvFilesOrAsJsonPages() throws IOException {
        List<String> csv = List.of(first(), second(), third(), fourth());
        IngestSettings settings = IngestFixture.settings(Map.of());
        try (IngestFixture csvDb = new IngestFixture(); IngestFixture jsonDb = new IngestFixture()) {
            addWells(csvDb);
            addWells(jsonDb);
            FileIngester csvIngest = new FileIngester(csvDb.db.database(), settings);
            FileIngester jsonIngest = new FileIngester(jsonDb.db.database(), settings);
            List<UUID> csvBatches = new ArrayList<>();
            List<UUID> jsonBatches = new ArrayList<>();
            List<FileResult> results = new ArrayList<>();
            for (int i = 0; i < csv.size(); i++) {
                FileResult b = csvIngest.ingest(IngestInput.localFile(write("f" + i + ".csv", csv.get(i))));
                FileResult m = jsonIngest.ingest(IngestInput.localFile(write("f" + i + ".json", json(csv.get(i)))));
                assertThat(b.status()).as(i + " " + b).isEqualTo(BatchStatus.OK);
                assertThat(m.status()).as(i + " " + m).isEqualTo(BatchStatus.OK);
                csvBatches.add(b.batchId());
                jsonBatches.add(m.batchId());
                results.add(b);
                assertThat(counts(b)).as("counts of file " + i).isEqualTo(counts(m));
                assertThat(snapshot(csvDb, csvBatches)).as("tables after file " + i)
                        .isEqualTo(snapshot(jsonDb, jsonBatches));
            }
            // second file: 999 corrects W-1/IDN1001 hour 1; 52.50 is the stored 52.5 again (a duplicate)
            assertThat(results.get(1).counts().rowsRevised()).isEqualTo(1);
            assertThat(results.get(1).counts().rowsDuplicate()).isEqualTo(2);
            // third file: hour 6 read twice, 1.0 then 2.0: the last line wins and 1.0 is kept as a revision
            assertThat(csvDb.db.queryValue("SELECT measure FROM stage.landing_scada_data WHERE well_id = 'W-1' "
                    + "AND var_id = 'IDN1001' AND timestamp_lectura = '2024-05-01T06:00:00Z'")).isEqualTo("2.0");
            assertThat(csvDb.count("SELECT count(*) FROM stage.landing_revisions WHERE measure_anterior = '1.0' "
                    + "AND measure_nuevo = '2.0'")).isEqualTo(1);
            assertThat(csvDb.count("SELECT count(*) FROM stage.landing_rejects")).isEqualTo(results.stream()
                    .mapToLong(r -> r.counts().rowsRejected()).sum());
            assertThat(results.get(0).counts().rejectsByReason()).containsEntry("UNKNOWN_WELL", 1L)
                    .containsEntry("UNKNOWN_VARIABLE", 1L).containsEntry("WRONG_TYPE", 2L)
                    .containsEntry("BAD_TIMESTAMP", 1L);
        }
    }

    /** The rows of a telemetry CSV as one JSON page of the SCADA API's format. */
    private static String json(String csv) {
        StringBuilder sb = new StringBuilder("{\"items\": [");
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            List<String> f = splitCsv(lines[i]);
            sb.append(i > 1 ? ",\n" : "\n").append("{\"well_id\": ").append(quote(f.get(0)))
                    .append(", \"var_id\": ").append(quote(f.get(1)))
                    .append(", \"timestamp\": ").append(quote(f.get(2)))
                    .append(", \"value\": ").append(f.get(3).isEmpty() ? "null" : quote(f.get(3)));
            if (f.size() > 4 && !f.get(4).isEmpty()) {
                sb.append(", \"received_at\": ").append(quote(f.get(4)));
            }
            sb.append('}');
        }
        return sb.append("], \"next_cursor\": null}").toString();
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Wells 1, 2 (with readings from the first file), 4 (none until the second) and 5 (never); W-3 is unknown. */
    private static void addWells(IngestFixture fx) {
        try (Connection c = fx.db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('W-1'), ('W-2'), ('W-4'), ('W-5')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (String well : List.of("W-1", "W-2")) {
            for (int h = 0; h < 4; h++) {
                row(sb, well, "IDN1001", h, String.valueOf(100 + h), null);
                row(sb, well, "IDN1002", h, String.valueOf(50.5 + h), h == 0 ? at(h).plusSeconds(90) : null);
                row(sb, well, "IDN2001", h, "8", null);
            }
        }
        row(sb, "W-1", "IDN7001", 0, "\"{\"\"load\"\":[1,2],\"\"pos\"\":[0,1]}\"", null);
        row(sb, "W-3", "IDN1001", 0, "1", null);             // unknown well
        row(sb, "W-1", "NO_SUCH_TAG", 0, "1", null);         // unknown SCADA id
        row(sb, "W-2", "IDN7001", 1, "12.5", null);          // a number for the card
        row(sb, "W-1", "IDN1003", 2, "high", null);          // text for a number
        sb.append("W-1,IDN1001,not-a-time,1,\n");              // unreadable time
        return sb.toString();
    }

    private static String second() {
        StringBuilder sb = new StringBuilder(HEADER);
        row(sb, "W-1", "IDN1001", 4, "104", null);           // new hours: fast
        row(sb, "W-1", "IDN1002", 5, "55.5", at(5).plusSeconds(30));
        row(sb, "W-1", "IDN1001", 1, "999", null);           // corrected value: revision
        row(sb, "W-1", "IDN1002", 2, "52.5", null);          // identical: duplicate
        row(sb, "W-2", "IDN1002", 2, "52.50", null);         // the same number written otherwise: duplicate
        row(sb, "W-2", "IDN1003", 2, "33", null);            // late reading in the stored span: a new key
        row(sb, "W-2", "IDN1001", -1, "99", null);           // before the stored span: fast
        row(sb, "W-4", "IDN1001", 0, "7", null);             // a well with no readings yet: fast
        row(sb, "W-4", "IDN7001", 0, "\"{\"\"load\"\":[3]}\"", null);
        row(sb, "W-3", "IDN1001", 5, "1", null);             // unknown well again
        sb.append("W-1,IDN1001,2024-05-01T09:00:00Z,,\n");    // no value
        return sb.toString();
    }

    private static String third() {
        StringBuilder sb = new StringBuilder(HEADER);
        row(sb, "W-1", "IDN1001", 6, "1.0", null);
        row(sb, "W-1", "IDN1001", 6, "2.0", null);           // the same reading twice, changed: the merge decides
        row(sb, "W-4", "IDN1002", 2, "4", null);
        row(sb, "W-4", "IDN1002", 2, "4", null);
        row(sb, "W-2", "IDN1001", 3, "777", null);
        return sb.toString();
    }

    private static String fourth() {
        StringBuilder sb = new StringBuilder(HEADER);
        row(sb, "W-1", "IDN1002", 1, "60", null);            // twice in the stored span: merged, last line wins
        row(sb, "W-1", "IDN1002", 1, "61", null);
        row(sb, "W-1", "IDN1001", 7, "107", null);           // new: fast
        row(sb, "W-5", "IDN2001", 7, "9", null);
        row(sb, "W-5", "IDN7001", 7, "7", null);             // a number for the card
        return sb.toString();
    }

    private static void row(StringBuilder sb, String well, String var, int hour, String measure, Instant received) {
        sb.append(well).append(',').append(var).append(',').append(at(hour)).append(',').append(measure).append(',')
                .append(received == null ? "" : received.toString()).append('\n');
    }

    private static Instant at(int hour) {
        return T0.plusSeconds(3600L * hour);
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name.endsWith(".json") ? name : "landing_scada_data_" + name);
        Files.writeString(p, content);
        return p;
    }

    private static List<Object> counts(FileResult r) {
        return List.of(r.counts().rowsRead(), r.counts().rowsInserted(), r.counts().rowsDuplicate(), r.counts().rowsRevised(), r.counts().rowsRejected(),
                r.counts().pivotedRows(), r.counts().rejectsByReason());
    }

    /** Every table the ingest writes, batch ids replaced by the file's position, timestamps of the load as flags. */
    private static Map<String, List<String>> snapshot(IngestFixture fx, List<UUID> batches) {
        Map<String, String> ordinal = new HashMap<>();
        for (int i = 0; i < batches.size(); i++) {
            ordinal.put(batches.get(i).toString(), "batch" + i);
        }
        Map<String, List<String>> s = new HashMap<>();
        s.put("landing", rows(fx, ordinal, """
                SELECT well_id, var_id, timestamp_lectura, measure, source_received_at, source, batch_id,
                       pivoted_at = moddate AS pivoted_in_its_batch
                  FROM stage.landing_scada_data ORDER BY well_id, var_id, timestamp_lectura"""));
        s.put("production", rows(fx, ordinal, """
                SELECT to_jsonb(p) - 'pivoted_at' - 'pivot_xid',
                       p.pivot_xid = (SELECT max(pivot_xid) FROM stage.tbl_pozo_produccion) AS by_last_batch,
                       p.pivoted_at = (SELECT max(pivoted_at) FROM stage.tbl_pozo_produccion) AS at_last_batch
                  FROM stage.tbl_pozo_produccion p ORDER BY well_id, timestamp_lectura"""));
        s.put("revisions", rows(fx, ordinal, """
                SELECT well_id, var_id, timestamp_lectura, measure_anterior, measure_nuevo, batch_id_anterior,
                       batch_id_nuevo, moddate_anterior IS NULL, source_received_at_anterior
                  FROM stage.landing_revisions
                 ORDER BY well_id, var_id, timestamp_lectura, revision_id"""));
        s.put("rejects", rows(fx, ordinal, """
                SELECT reason_code, well_id, var_id, batch_id
                  FROM stage.landing_rejects r ORDER BY reject_id"""));
        s.put("watermark", rows(fx, ordinal, "SELECT source, last_timestamp FROM stage.ingest_watermark ORDER BY 1"));
        s.put("batches", rows(fx, ordinal, """
                SELECT batch_id, status, rows_read, rows_inserted, rows_duplicate, rows_revised, rows_rejected,
                       pivoted_rows FROM stage.ingest_batches ORDER BY started_at, batch_id"""));
        return s;
    }

    private static List<String> rows(IngestFixture fx, Map<String, String> ordinal, String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = fx.db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    sb.append(ordinal.getOrDefault(v, v)).append('|');
                }
                out.add(sb.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}

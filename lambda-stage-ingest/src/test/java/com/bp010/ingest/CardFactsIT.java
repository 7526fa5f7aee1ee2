package com.bp010.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts about the cards of a batch ({@code stage.tbl_carta_verificada}) are computed after the read, on a thread
 * of their own, or on the reading thread whenever the cards waiting pass their bound: either way each card's fact is
 * the one of its last text in the batch (none when that text is unreadable), as when every card was judged as read.
 */
class CardFactsIT {
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @Test
    void shouldKeepTheFactOfEachCardsLastText_whetherTheFactsWaitForTheirThreadOrAreComputedAsRead() throws Exception {
        String a = card(20, 1.0);
        String b = card(24, 2.5);
        String c = card(30, 0.0);
        String d = card(21, 4.0);
        List<Reading> readings = new ArrayList<>();
        readings.add(reading(0, "IDN1001", "100"));
        readings.add(reading(0, "IDN7001", a));
        readings.add(reading(1, "IDN1001", "101"));
        readings.add(reading(1, "IDN7001", "{\"position\":[1,2"));   // unreadable first...
        readings.add(reading(2, "IDN1001", "102"));
        readings.add(reading(2, "IDN7001", c));
        readings.add(reading(0, "IDN7001", "{\"load\":[3]}"));      // ...or last: no fact for hour 0
        readings.add(reading(1, "IDN7001", b));                     // hour 1's fact is b's
        readings.add(reading(2, "IDN7001", d));                     // hour 2's is d's, not c's
        List<String> expected = List.of(
                fact(1, b),
                fact(2, d));
        try (IngestFixture fx = new IngestFixture()) {
            try (Connection conn = fx.db.connect(); Statement st = conn.createStatement()) {
                st.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('W-1')");
            }
            // 0: every card's fact computed as it is read; 1 kB: some on the reading thread, the rest after the read
            for (long bound : new long[] {0, 1024, Landing.MAX_WAITING_CARD_CHARS}) {
                assertThat(landAndReadFacts(fx, readings, bound)).as("bound %d", bound).isEqualTo(expected);
            }
        }
    }

    /** Lands the readings in one transaction, reads the card facts, and rolls back. */
    private static List<String> landAndReadFacts(IngestFixture fx, List<Reading> readings, long bound)
            throws SQLException {
        try (Connection conn = fx.db.connect()) {
            conn.setAutoCommit(false);
            try {
                UUID batch = UUID.randomUUID();
                try (RejectLog rejects = new RejectLog(batch, "file", "cards.csv")) {
                    Landing landing = Landing.open(conn, batch, "file", false, rejects, bound);
                    readings.forEach(landing::accept);
                    landing.endRead(conn, List.of());
                    Landing.Outcome outcome = landing.land(conn, null);
                    assertThat(outcome.pivoted()).isEqualTo(3);
                }
                List<String> facts = new ArrayList<>();
                try (Statement st = conn.createStatement();
                     ResultSet rs = st.executeQuery("SELECT well_id, timestamp_lectura, columna, carta_md5::text, "
                             + "cierre FROM stage.tbl_carta_verificada ORDER BY timestamp_lectura")) {
                    while (rs.next()) {
                        facts.add(rs.getString(1) + " " + rs.getTimestamp(2).toInstant() + " " + rs.getString(3)
                                + " " + rs.getString(4) + " " + rs.getDouble(5));
                    }
                }
                return facts;
            } finally {
                conn.rollback();
            }
        }
    }

    private static String fact(int hour, String card) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(card.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(md5);
        String uuid = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        return "W-1 " + T0.plusSeconds(3600L * hour) + " dynacard " + uuid + " "
                + CardClosure.of(card).orElseThrow();
    }

    private static Reading reading(int hour, String var, String measure) {
        boolean numeric = !measure.startsWith("{");
        return new Reading(hour + 1, "W-1", var, T0.plusSeconds(3600L * hour), measure, null, numeric);
    }

    /** A card of {@code n} points whose loop misses closing by {@code gap} in position. */
    private static String card(int n, double gap) {
        StringJoiner pos = new StringJoiner(",", "[", "]");
        StringJoiner load = new StringJoiner(",", "[", "]");
        for (int k = 0; k < n; k++) {
            double p = k == 0 ? 0.0 : k == n - 1 ? gap : (k == n / 2 ? 86.0 : 43.0);
            double l = k == 0 || k == n - 1 ? 7000.0 : (k == n / 3 ? 10000.0 : 7000.0);
            pos.add(Double.toString(p));
            load.add(Double.toString(l));
        }
        return "{\"position\":" + pos + ",\"load\":" + load + "}";
    }
}

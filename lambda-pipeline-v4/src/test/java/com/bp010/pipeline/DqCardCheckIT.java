package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Random;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** The FORMATO check of a dynamometer card, stage.fnc_dq_defecto_carta (rule DQ-024 / DQ-025). */
class DqCardCheckIT {
    private static TestDatabase db;
    private static Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        db = TestDatabase.migrated();
        connection = db.connect();
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        db.close();
    }

    /** What stage.fnc_dq_defecto_carta says of the card (null: well formed). */
    private static String check(String card) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT stage.fnc_dq_defecto_carta(?)")) {
            ps.setString(1, card);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|{position:[1]|card is not valid JSON",
            "an array|[1,2,3]|card is not a JSON object",
            "no load|{\"position\":[1,2]}|card lacks a position or a load array",
            "unequal arrays|{\"position\":[1,2,1],\"load\":[1,2]}|position has 3 points, load has 2",
            "19 points|CLOSED:19|card has 19 points (at least 20)",
            "a string point|STRING|card holds a non-numeric point",
            "a NaN string|NAN|card holds a non-numeric point",
            "a null point|NULL|card holds a non-numeric point",
            "a nested array|NESTED|card holds a non-numeric point",
            "a boolean|BOOLEAN|card holds a non-numeric point",
            "a number out of float range|HUGE|card holds a non-numeric point",
            "no stroke|FLAT|card has no stroke (position span 0)",
            "open loop|OPEN|card loop not closed"})
    void shouldRejectTheCard_whenItIsMalformed(String label, String card, String reason) throws SQLException {
        String text = switch (card) {
            case "CLOSED:19" -> closedCard(19, 0);
            case "STRING" -> closedCard(30, 0).replaceFirst("\\[0.0,", "[\"0\",");
            case "NAN" -> closedCard(30, 0).replaceFirst("\\[0.0,", "[\"NaN\",");
            case "NULL" -> closedCard(30, 0).replaceFirst("\\[0.0,", "[null,");
            case "NESTED" -> closedCard(30, 0).replaceFirst("\\[0.0,", "[[0.0],");
            case "BOOLEAN" -> closedCard(30, 0).replaceFirst("\\[0.0,", "[true,");
            case "HUGE" -> closedCard(30, 0).replaceFirst(",0.0]", ",1e999]");
            case "FLAT" -> "{\"position\":" + repeat("5", 25) + ",\"load\":" + repeat("5000", 25) + "}";
            case "OPEN" -> closedCard(30, 0.2);
            default -> card;
        };
        assertThat(check(text)).as(label).startsWith(reason);
    }

    @Test
    void shouldAcceptTheCard_whenItIsAClosedLoopOfEnoughPoints() throws SQLException {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            int points = 20 + random.nextInt(380);
            double gap = random.nextDouble() * 0.04;   // under the 5 % tolerance
            assertThat(check(closedCard(points, gap))).as("%d points, gap %.3f", points, gap).isNull();
        }
        assertThat(check(null)).isNull();
    }

    @Test
    void shouldJudgeTheLoopOnTheWholeSpan_whenSampledPointsAloneCannotClearIt() throws SQLException {
        Random random = new Random(7);
        int closed = 0;
        for (int i = 0; i < 300; i++) {
            int n = 20 + random.nextInt(60);
            double[] pos = new double[n];
            double[] load = new double[n];
            for (int k = 0; k < n; k++) {
                // flat stretches where the check samples its points, the stroke elsewhere: sampled spans are tiny
                pos[k] = random.nextInt(4) == 0 ? Math.round(random.nextDouble() * 8600) / 100.0 : 10.0;
                load[k] = random.nextInt(4) == 0 ? Math.round(random.nextDouble() * 50000) / 10.0 : 6000.0;
            }
            pos[n - 1] = pos[0] + Math.round(random.nextGaussian() * 300) / 100.0;
            load[n - 1] = load[0] + Math.round(random.nextGaussian() * 1500) / 10.0;
            String expected = javaVerdict(pos, load);
            String actual = check("{\"position\":" + json(pos) + ",\"load\":" + json(load) + "}");
            if (expected == null) {
                closed++;
                assertThat(actual).as("card %d", i).isNull();
            } else {
                assertThat(actual).as("card %d", i).startsWith(expected);
            }
        }
        assertThat(closed).as("cards that close").isBetween(30, 270);
    }

    /** The rule written out in Java over every point: spans, then the loop closure within 5 % of each span. */
    private static String javaVerdict(double[] pos, double[] load) {
        int n = pos.length;
        double pSpan = java.util.Arrays.stream(pos).max().orElseThrow() - java.util.Arrays.stream(pos).min().orElseThrow();
        double lSpan = java.util.Arrays.stream(load).max().orElseThrow() - java.util.Arrays.stream(load).min().orElseThrow();
        if (pSpan <= 0) {
            return "card has no stroke";
        }
        boolean open = Math.abs(pos[0] - pos[n - 1]) > 0.05 * pSpan || Math.abs(load[0] - load[n - 1]) > 0.05 * lSpan;
        return open ? "card loop not closed" : null;
    }

    private static String json(double[] values) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (double v : values) {
            out.add(Double.toString(v));
        }
        return out.toString();
    }

    /** A card over one stroke of 86 in; the last point ends {@code gap} (a fraction of the span) away from the first. */
    private static String closedCard(int points, double gap) {
        StringJoiner pos = new StringJoiner(",", "[", "]");
        StringJoiner load = new StringJoiner(",", "[", "]");
        for (int k = 0; k < points; k++) {
            double phase = 2 * Math.PI * k / (points - 1);
            double p = 43 * (1 - Math.cos(phase));
            if (k == points - 1) {
                p += 86 * gap;
            }
            pos.add(Double.toString(Math.round(p * 100) / 100.0));
            load.add(Double.toString(Math.round((7000 + 3000 * Math.sin(phase)) * 10) / 10.0));
        }
        return "{\"position\":" + pos + ",\"load\":" + load + "}";
    }

    private static String repeat(String value, int n) {
        return "[" + String.join(",", Collections.nCopies(n, value)) + "]";
    }

}

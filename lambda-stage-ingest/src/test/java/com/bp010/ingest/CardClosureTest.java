package com.bp010.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CardClosureTest {

    @Test
    void shouldMeasureTheLoopClosure_whenTheCardIsWellFormed() {
        // position span 86, last point 0.86 off: 1 %; load span 6000, last point 120 off: 2 %
        String card = card(30, 0.86, 120);

        assertThat(CardClosure.of(card)).hasValueCloseTo(0.02, within(1e-12));
    }

    @Test
    void shouldMeasureZero_whenTheLoopClosesExactly() {
        assertThat(CardClosure.of(card(20, 0, 0))).hasValue(0.0);
    }

    @Test
    void shouldAcceptOtherKeys_whenTheyHoldPlainValues() {
        String card = "{\"n\":12,\"meta\":{\"spm\":[7.5,8],\"ok\":true,\"unit\":null,\"s\":\"in\"},"
                + card(25, 0, 0).substring(1);

        assertThat(CardClosure.of(card)).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "null text|NULL",
            "not JSON|{position:[1]",
            "an array|[1,2,3]",
            "duplicate key|DUPLICATE",
            "trailing content|TRAILING",
            "an escape anywhere|ESCAPE",
            "an exponent|EXPONENT",
            "an exponent in another key|OTHER_EXPONENT",
            "a long number|LONG",
            "a string point|STRING",
            "a null point|NULL_POINT",
            "a nested point|NESTED",
            "19 points|SHORT",
            "unequal arrays|UNEQUAL",
            "no stroke|FLAT",
            "no load|NO_LOAD",
            "deep nesting elsewhere|DEEP"})
    void shouldVouchForNothing_whenSqlMustJudgeTheCard(String label, String kind) {
        String ok = card(30, 0, 0);
        String text = switch (kind) {
            case "NULL" -> null;
            case "DUPLICATE" -> ok.replace("}", ",\"load\":" + repeat("1", 30) + "}");
            case "TRAILING" -> ok + " {}";
            case "ESCAPE" -> "{\"x\":\"\\u0000\"," + ok.substring(1);
            case "EXPONENT" -> ok.replaceFirst("\\[0\\.0,", "[0e0,");
            case "OTHER_EXPONENT" -> "{\"x\":1e999999," + ok.substring(1);
            case "LONG" -> ok.replaceFirst("\\[0\\.0,", "[0.000000000000000000001,");
            case "STRING" -> ok.replaceFirst("\\[0\\.0,", "[\"0\",");
            case "NULL_POINT" -> ok.replaceFirst("\\[0\\.0,", "[null,");
            case "NESTED" -> ok.replaceFirst("\\[0\\.0,", "[[0.0],");
            case "SHORT" -> card(19, 0, 0);
            case "UNEQUAL" -> "{\"position\":" + repeat("1", 25) + ",\"load\":" + repeat("1", 24) + "}";
            case "FLAT" -> "{\"position\":" + repeat("5", 25) + ",\"load\":" + repeat("5000", 25) + "}";
            case "NO_LOAD" -> "{\"position\":" + repeat("1", 25) + "}";
            case "DEEP" -> "{\"x\":" + "[".repeat(40) + "]".repeat(40) + "," + ok.substring(1);
            default -> kind;
        };
        assertThat(CardClosure.of(text)).as(label).isEmpty();
    }

    /** n points over a stroke of 86 in and loads 4000-10000 lbf; the last point moved by the given offsets. */
    private static String card(int n, double positionOffset, double loadOffset) {
        StringJoiner pos = new StringJoiner(",", "[", "]");
        StringJoiner load = new StringJoiner(",", "[", "]");
        for (int k = 0; k < n; k++) {
            double p = k == 0 || k == n - 1 ? 0.0 : (k == n / 2 ? 86.0 : 43.0);
            double l = k == 0 || k == n - 1 ? 7000.0 : (k == n / 3 ? 10000.0 : (k == 2 * n / 3 ? 4000.0 : 7000.0));
            if (k == n - 1) {
                p += positionOffset;
                l += loadOffset;
            }
            pos.add(Double.toString(p));
            load.add(Double.toString(l));
        }
        return "{\"position\":" + pos + ",\"load\":" + load + "}";
    }

    @Test
    void shouldTellPlainNumbersAsTheirPatternDoes_whenGivenManyNumberShapes() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]{0,19})(\\.[0-9]{1,20})?");
        java.util.SplittableRandom random = new java.util.SplittableRandom(16);
        String alphabet = "-0123456789.e+";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(0, 26);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(j == 0 ? alphabet.length() : 12)));
            }
            String text = sb.toString();
            char[] padded = ("x" + text + "y").toCharArray();
            assertThat(CardClosure.plain(padded, 1, text.length())).as(text)
                    .isEqualTo(pattern.matcher(text).matches());
        }
        for (String edge : new String[]{"0", "-0", "00", "01", "0.5", "-0.50", "1.", ".5", "1e5", "-", "",
                "12345678901234567890", "123456789012345678901", "1.12345678901234567890", "1.123456789012345678901"}) {
            assertThat(CardClosure.plain(edge.toCharArray(), 0, edge.length())).as(edge)
                    .isEqualTo(pattern.matcher(edge).matches());
        }
    }

    @Test
    void shouldReadEachPlainNumberAsParseDoubleDoes_whenGivenManyNumberShapes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1616);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append('-');
            }
            int intDigits = random.nextInt(1, 21);
            sb.append(intDigits == 1 ? (char) ('0' + random.nextInt(10)) : (char) ('1' + random.nextInt(9)));
            for (int j = 1; j < intDigits; j++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(4) > 0) {
                sb.append('.');
                int fracDigits = random.nextInt(1, 21);
                int zeros = random.nextInt(0, fracDigits);
                for (int j = 0; j < fracDigits; j++) {
                    sb.append(j < zeros && random.nextBoolean() ? '0' : (char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(3) == 0 && sb.length() > 8) {
                sb.setLength(random.nextInt(1, 9)); // short numbers, as the cards hold them
                if (sb.charAt(sb.length() - 1) == '.' || sb.charAt(sb.length() - 1) == '-') {
                    sb.append('5');
                }
            }
            String text = sb.toString();
            if (!CardClosure.plain(text.toCharArray(), 0, text.length())) {
                continue;
            }
            assertThat(Double.doubleToRawLongBits(readAsCardPoint(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        for (String edge : new String[]{"0", "-0", "0.0", "-0.000", "0.000000000000000000001", "-0.5", "123456789012345",
                "1234567890123456", "12345678901234567890", "0.1", "0.30000000000000004", "9007199254740993",
                "99999999999999999999.99999999999999999999", "1.7976931348623157", "4.9", "86.0", "7000.0"}) {
            assertThat(Double.doubleToRawLongBits(readAsCardPoint(edge))).as(edge)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(edge)));
        }
    }

    /** The number as the card closure reads a point: from a parser positioned on it. */
    private static double readAsCardPoint(String number) {
        try (var p = CardClosure.JSON.createParser("[" + number + "]")) {
            p.nextToken();
            p.nextToken();
            return CardClosure.value(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String repeat(String value, int n) {
        return "[" + String.join(",", Collections.nCopies(n, value)) + "]";
    }
}

package com.bp010.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * How far a dynamometer card's loop is from closing, for the cards the DQ card check ({@code
 * stage.fnc_dq_defecto_carta}) would certainly find well formed: a JSON object (no duplicate key, nothing after it)
 * whose {@code position} and {@code load} arrays hold the same number, at least 20, of plain numbers, with a stroke.
 * Anything this cannot vouch for exactly as PostgreSQL's {@code jsonb} and {@code float8} inputs would read it (an
 * escape, an exponent, a number of more than 20 digits a side, deep nesting) gets no value and is checked in SQL.
 */
final class CardClosure {
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Jackson's FastDoubleParser: correctly rounded like Double.parseDouble, read from the parser's buffer
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    /** At most this many digits on each side of the point: {@code -?(0|[1-9][0-9]{0,19})(\.[0-9]{1,20})?}. */
    private static final int MAX_DIGITS = 20;
    private static final int MIN_POINTS = 20;
    private static final int MAX_DEPTH = 32;

    private CardClosure() {
    }

    /** max(|first - last| / span) over position and load; empty when the card is not certainly well formed. */
    static OptionalDouble of(String card) {
        if (card == null || card.indexOf('\\') >= 0) {
            return OptionalDouble.empty();
        }
        double[] pos = null;
        double[] load = null;
        try (JsonParser p = JSON.createParser(card)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return OptionalDouble.empty();
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("position".equals(name)) {
                    pos = numbers(p);
                    if (pos == null) {
                        return OptionalDouble.empty();
                    }
                } else if ("load".equals(name)) {
                    load = numbers(p);
                    if (load == null) {
                        return OptionalDouble.empty();
                    }
                } else if (!skip(p, 1)) {
                    return OptionalDouble.empty();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return OptionalDouble.empty();
            }
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
        if (pos == null || load == null || pos.length != load.length || pos.length < MIN_POINTS) {
            return OptionalDouble.empty();
        }
        double posSpan = span(pos);
        if (!(posSpan > 0)) {
            return OptionalDouble.empty();
        }
        double loadSpan = span(load);
        int n = pos.length;
        double posGap = Math.abs(pos[0] - pos[n - 1]);
        double loadGap = Math.abs(load[0] - load[n - 1]);
        double closure = posGap / posSpan;
        if (loadGap > 0) {
            closure = Math.max(closure, loadGap / loadSpan);
        }
        return OptionalDouble.of(closure);
    }

    /** The array at the parser as doubles; null unless every element is a plain number. */
    private static double[] numbers(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        double[] out = new double[64];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if ((t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) || !plain(p)) {
                return null;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = value(p);
        }
        return Arrays.copyOf(out, n);
    }

    /** Skips the value at the parser; false when it holds a number that is not plain, or nests too deep. */
    private static boolean skip(JsonParser p, int depth) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return plain(p);
        }
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        JsonToken end = t == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        while ((t = p.nextToken()) != end) {
            if (t == JsonToken.FIELD_NAME) {
                p.nextToken();
            }
            if (!skip(p, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the number token at the parser is plain: {@code -?(0|[1-9][0-9]{0,19})(\.[0-9]{1,20})?} (no exponent,
     * no leading zero, at most 20 digits a side), read from the parser's buffer without a String or a regex.
     */
    static boolean plain(JsonParser p) throws IOException {
        return plain(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    static boolean plain(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < end && c[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > MAX_DIGITS || (intDigits > 1 && c[intStart] == '0')) {
            return false;
        }
        if (i == end) {
            return true;
        }
        if (c[i] != '.') {
            return false;
        }
        int fracStart = ++i;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
            i++;
        }
        int fracDigits = i - fracStart;
        return i == end && fracDigits >= 1 && fracDigits <= MAX_DIGITS;
    }

    /**
     * The double the plain number at the parser reads as, bit for bit what {@link Double#parseDouble} gives (Jackson's
     * fast double parser is correctly rounded too; integers go through their exact long or BigInteger value, whose
     * conversion rounds the same way), read from the parser's buffer without a String. A "-0" integer keeps its sign.
     */
    static double value(JsonParser p) throws IOException {
        double v = p.getDoubleValue();
        if (v == 0 && p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getTextCharacters()[p.getTextOffset()] == '-') {
            return -0.0;
        }
        return v;
    }

    private static double span(double[] v) {
        double min = v[0];
        double max = v[0];
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return max - min;
    }
}

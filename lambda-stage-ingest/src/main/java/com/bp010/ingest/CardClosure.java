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
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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
            out[n++] = value(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
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

    /** 10^0 .. 10^22, each exactly a double. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final int EXACT_DIGITS = 15;

    /**
     * The double a plain number (see {@link #plain}) reads as, bit for bit what {@link Double#parseDouble} gives, read
     * from the parser's buffer without a String: with at most 15 significant digits and at most 22 after the point,
     * the digits and the power of ten are both exact doubles and one division rounds their quotient correctly (the
     * fast path {@code Double.parseDouble} itself takes for such numbers); any other number goes to it.
     */
    static double value(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = i < end && c[i] == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int significant = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch == '.') {
                fraction = true;
                continue;
            }
            if (fraction) {
                scale++;
            }
            if (digits == 0 && ch == '0') {
                continue;
            }
            if (++significant > EXACT_DIGITS) {
                return Double.parseDouble(new String(c, off, len));
            }
            digits = digits * 10 + (ch - '0');
        }
        if (scale >= POW10.length) {
            return Double.parseDouble(new String(c, off, len));
        }
        double v = digits / POW10[scale];
        return negative ? -v : v;
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

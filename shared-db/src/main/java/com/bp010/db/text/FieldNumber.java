package com.bp010.db.text;

import java.util.regex.Pattern;

/**
 * The one reader of numbers as field files write them, used by every function that reads a user's file (telemetry,
 * well master, reserves, the reference catalogue), so one text means one number everywhere:
 * <ul>
 *   <li>a sign ({@code -} or {@code +}), digits, a decimal separator and an exponent: {@code -12.5}, {@code .5},
 *   {@code 5.}, {@code 2e3}, {@code 1.5E-2};</li>
 *   <li>a decimal comma: {@code 12,5} is 12.5. {@code 1,234} could be 1234 or 1.234: in a file delimited by {@code ;}
 *   (where the comma is the decimal separator) it is 1.234, otherwise it is {@link Kind#AMBIGUOUS} and refused;</li>
 *   <li>thousands groups of three digits, by {@code ,} {@code .} or a space (also no-break and thin spaces), followed
 *   by a decimal separator of another kind or, for {@code ,} and {@code .}, by at least two groups:
 *   {@code 1.234,5}, {@code 1,234.5}, {@code 1 234,5}, {@code 1,234,567}, {@code 1.234.567}; no exponent after
 *   groups;</li>
 *   <li>{@code NaN} and infinities, and numbers too large for a double, are {@link Kind#NOT_FINITE};</li>
 *   <li>anything else, a unit after the number included ({@code 144 psi}), is {@link Kind#TEXT} (a card, a status
 *   word): units go in their own column.</li>
 * </ul>
 */
public final class FieldNumber {
    private static final Pattern PLAIN = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("(\\d+,\\d+)([eE][+-]?\\d+)?");
    private static final Pattern THOUSANDS_GROUP = Pattern.compile("[1-9]\\d{0,2},\\d{3}");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?<sep>[,. ])\\d{3}(\\k<sep>\\d{3})*"
            + "(?<dec>[.,]\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** Digits and at most one dot up to this length are finite and not 0 unless all zeros (see {@link #read}). */
    static final int MAX_SHORT_PLAIN = 300;
    private static final Pattern SPACES = Pattern.compile("[\\u00A0\\u2007\\u2009\\u202F]");

    /** What a text turned out to be. */
    public enum Kind { NUMBER, TEXT, NOT_FINITE, AMBIGUOUS }

    /**
     * @param normalized for a number, its plain form (a {@code .} decimal, no groups, no {@code +}); otherwise the
     *                   stripped text
     * @param reason     why it is not a number (null for a number)
     */
    public record Result(Kind kind, String normalized, String reason) {
        public boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        /** The value of a number. */
        public double value() {
            if (kind != Kind.NUMBER) {
                throw new IllegalStateException("'" + normalized + "' is not a number: " + reason);
            }
            return Double.parseDouble(normalized);
        }
    }

    private FieldNumber() {
    }

    /**
     * @param commaIsDecimal true for a file delimited by {@code ;}: a lone comma is the decimal separator there
     */
    public static Result read(String text, boolean commaIsDecimal) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Result(Kind.TEXT, t, "empty");
        }
        char first = t.charAt(0);
        if (first == '{' || first == '[' || first == '"') {
            return new Result(Kind.TEXT, t, "not a number");
        }
        String sign = "";
        String body = t;
        if (first == '-' || first == '+') {
            sign = first == '-' ? "-" : "";
            body = t.substring(1);
        }
        if (isPlainDigits(body) && body.length() <= MAX_SHORT_PLAIN) {
            // no exponent and at most 300 characters: below 10^300, so finite, and at least 10^-299 when a digit is not
            // 0, so never read as 0 — what finite() would find, without parsing the number
            return new Result(Kind.NUMBER, sign.isEmpty() ? body : sign + body, null);
        }
        if (isPlainDigits(body) || PLAIN.matcher(body).matches()) {
            return finite(sign + body, t);
        }
        if (NON_FINITE.matcher(body).matches()) {
            return new Result(Kind.NOT_FINITE, t, "not a finite number");
        }
        if (COMMA_DECIMAL.matcher(body).matches()) {
            if (!commaIsDecimal && THOUSANDS_GROUP.matcher(body).matches()) {
                return new Result(Kind.AMBIGUOUS, t, "the comma could be a decimal or a thousands separator; "
                        + "write it with a dot");
            }
            return finite(sign + body.replace(',', '.'), t);
        }
        var grouped = GROUPED.matcher(SPACES.matcher(body).replaceAll(" "));
        if (grouped.matches()) {
            String sep = grouped.group("sep");
            String dec = grouped.group("dec");
            int groups = (grouped.group().length() - (dec == null ? 0 : dec.length())) / 4;
            boolean decimalOfOtherKind = dec != null && !dec.startsWith(sep);
            boolean groupsOnly = dec == null && (" ".equals(sep) || groups >= 2);
            if (decimalOfOtherKind || groupsOnly) {
                String digits = grouped.group().substring(0, grouped.group().length() - (dec == null ? 0
                        : dec.length())).replace(sep, "");
                return finite(sign + digits + (dec == null ? "" : "." + dec.substring(1)), t);
            }
        }
        return new Result(Kind.TEXT, t, "not a number");
    }

    private static Result finite(String normalized, String original) {
        double v = Double.parseDouble(normalized);
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return new Result(Kind.NOT_FINITE, original, "not a finite number (too large for a double)");
        }
        if (v == 0 && mantissaHasNonZeroDigit(normalized)) {
            return new Result(Kind.NOT_FINITE, original, "too small for a double (it would read as 0)");
        }
        return new Result(Kind.NUMBER, normalized, null);
    }

    private static boolean mantissaHasNonZeroDigit(String n) {
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Digits with at most one inner or trailing dot: the common case, without a regex. */
    private static boolean isPlainDigits(String t) {
        int digits = 0;
        boolean dot = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }
}

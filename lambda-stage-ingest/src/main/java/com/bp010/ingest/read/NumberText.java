package com.bp010.ingest.read;

import java.util.regex.Pattern;

/**
 * Reads numbers as field files write them: {@code .} or {@code ,} as decimal separator where that is unambiguous,
 * thousands separators when a decimal separator of the other kind follows, exponents. Text that does not look like a
 * number is not a number (a card, a status word) and is left to the caller.
 */
public final class NumberText {
    private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+([eE][+-]?\\d+)?");
    private static final Pattern DOT_THOUSANDS_COMMA_DECIMAL = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+,\\d+");
    private static final Pattern COMMA_THOUSANDS_DOT_DECIMAL = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+\\.\\d+");
    private static final Pattern COMMA_THOUSANDS_ONLY = Pattern.compile("[+-]?\\d{1,3}(,\\d{3}){2,}");
    private static final Pattern DOT_THOUSANDS_ONLY = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3}){2,}");
    private static final Pattern SINGLE_THOUSANDS_GROUP = Pattern.compile("[+-]?[1-9]\\d{0,2},\\d{3}");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** What a text turned out to be. */
    public enum Kind { NUMBER, TEXT, NOT_FINITE, AMBIGUOUS }

    /** @param normalized the number with a dot decimal and no thousands separators (or the trimmed text) */
    public record Result(Kind kind, String normalized) {
    }

    private NumberText() {
    }

    /**
     * @param commaIsDecimal true when the file's convention makes a lone comma the decimal separator (a file
     *                       delimited by {@code ;}): then {@code 1,234} is 1.234
     */
    public static Result read(String text, boolean commaIsDecimal) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new Result(Kind.TEXT, t);
        }
        char first = t.charAt(0);
        if (first == '{' || first == '[' || first == '"') {
            return new Result(Kind.TEXT, t);
        }
        if (isPlainDecimal(t) || DOT_DECIMAL.matcher(t).matches()) {
            return finite(t);
        }
        if (NON_FINITE.matcher(t).matches()) {
            return new Result(Kind.NOT_FINITE, t);
        }
        if (t.indexOf(',') < 0 && !DOT_THOUSANDS_ONLY.matcher(t).matches()) {
            return new Result(Kind.TEXT, t);
        }
        if (COMMA_DECIMAL.matcher(t).matches()) {
            if (!commaIsDecimal && SINGLE_THOUSANDS_GROUP.matcher(t).matches()) {
                return new Result(Kind.AMBIGUOUS, t);
            }
            return finite(t.replace(',', '.'));
        }
        if (DOT_THOUSANDS_COMMA_DECIMAL.matcher(t).matches()) {
            return finite(t.replace(".", "").replace(',', '.'));
        }
        if (COMMA_THOUSANDS_DOT_DECIMAL.matcher(t).matches() || COMMA_THOUSANDS_ONLY.matcher(t).matches()) {
            return finite(t.replace(",", ""));
        }
        if (DOT_THOUSANDS_ONLY.matcher(t).matches()) {
            return finite(t.replace(".", ""));
        }
        return new Result(Kind.TEXT, t);
    }

    /** The value of a text already known to be a normalised number. */
    public static double value(String normalized) {
        return Double.parseDouble(normalized);
    }

    private static Result finite(String normalized) {
        if (normalized.length() > 18 || normalized.indexOf('e') >= 0 || normalized.indexOf('E') >= 0) {
            double v = Double.parseDouble(normalized);
            if (Double.isInfinite(v) || Double.isNaN(v)) {
                return new Result(Kind.NOT_FINITE, normalized);
            }
        }
        return new Result(Kind.NUMBER, normalized);
    }

    /** {@code [+-]?digits[.digits]}: the common case, without a regex. */
    private static boolean isPlainDecimal(String t) {
        int start = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot && digits > 0 && i < t.length() - 1) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }
}

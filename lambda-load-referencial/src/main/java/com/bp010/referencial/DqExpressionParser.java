package com.bp010.referencial;

import com.bp010.db.text.FieldNumber;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human expressions of the rules file (docs/CONTRACTS.md §5). Ranges: {@code >0} (min 0.0001), {@code >=0} or {@code ≥0}
 * (min 0), {@code <100} / {@code <=100}, {@code 0-100%} (min 0, max 100), {@code 1-15}, {@code -50-150},
 * {@code 1,06-3,75} in a decimal-comma file, {@code 10 a 50}, {@code 10 to 50}, {@code 10..50}. Latencies:
 * {@code <2s}, {@code <15min}, {@code <1h}, {@code <= 30 seg}, {@code <500ms}, {@code <1 dia}. Blank means no
 * expression. Anything else is refused with the reason.
 */
final class DqExpressionParser {
    private static final String NUMBER = "[+-]?[0-9][0-9.,\\s\\u00A0]*(?:[eE][+-]?[0-9]+)?|[+-]?[.,][0-9]+";
    private static final Pattern COMPARISON = Pattern.compile("^(>=|=>|≥|>|<=|=<|≤|<)\\s*(" + NUMBER + ")\\s*(%?)$");
    private static final Pattern RANGE = Pattern.compile(
            "^(" + NUMBER + "?)\\s*(?:-|–|—|\\.\\.|\\ba\\b|\\bto\\b|\\bhasta\\b)\\s*(" + NUMBER + ")\\s*(%?)$");
    private static final Pattern LATENCY = Pattern.compile("^(<=|=<|≤|<)?\\s*(" + NUMBER + ")\\s*([a-z]+)$");
    private static final Map<String, Double> SECONDS_PER = Map.ofEntries(
            Map.entry("ms", 0.001), Map.entry("s", 1.0), Map.entry("seg", 1.0), Map.entry("sec", 1.0),
            Map.entry("segundo", 1.0), Map.entry("segundos", 1.0), Map.entry("second", 1.0), Map.entry("seconds", 1.0),
            Map.entry("m", 60.0), Map.entry("min", 60.0), Map.entry("mins", 60.0), Map.entry("minuto", 60.0),
            Map.entry("minutos", 60.0), Map.entry("minute", 60.0), Map.entry("minutes", 60.0),
            Map.entry("h", 3600.0), Map.entry("hr", 3600.0), Map.entry("hrs", 3600.0), Map.entry("hora", 3600.0),
            Map.entry("horas", 3600.0), Map.entry("hour", 3600.0), Map.entry("hours", 3600.0),
            Map.entry("d", 86400.0), Map.entry("dia", 86400.0), Map.entry("dias", 86400.0),
            Map.entry("day", 86400.0), Map.entry("days", 86400.0));

    private static final Pattern NUMBER_TOKEN = Pattern.compile("[0-9][0-9.,\\s\\u00A0]*[0-9]|[0-9]");

    private DqExpressionParser() {
    }

    /**
     * The expression as stored: as written, with each number in plain dot-decimal form, so the same rule saved with
     * decimal commas ({@code 1,06-3,75}) is stored as {@code 1.06-3.75}.
     */
    static String canonical(String text, char delimiter) {
        Matcher m = NUMBER_TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            FieldNumber.Result n = FieldNumber.read(m.group(), delimiter == ';');
            String plain = n.isNumber()
                    ? java.math.BigDecimal.valueOf(n.value()).stripTrailingZeros().toPlainString() : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(plain));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A value range. {@code delimiter} is the file's field delimiter (a {@code ;} file writes decimal commas).
     *
     * @throws IllegalArgumentException with the reason when the text is not a range expression
     */
    public static DqExpression range(String text, char delimiter) {
        if (text == null || text.isBlank()) {
            return DqExpression.none();
        }
        Matcher c = COMPARISON.matcher(text.strip());
        String s = text.strip();
        if (c.matches()) {
            double v = number(c.group(2), delimiter);
            s = canonical(s, delimiter);
            return switch (c.group(1)) {
                case ">" -> new DqExpression(s, v + DqExpression.STRICT_MARGIN, null, null);
                case ">=", "=>", "≥" -> new DqExpression(s, v, null, null);
                case "<" -> new DqExpression(s, null, v - DqExpression.STRICT_MARGIN, null);
                default -> new DqExpression(s, null, v, null);
            };
        }
        Matcher r = RANGE.matcher(s.toLowerCase(Locale.ROOT));
        if (r.matches() && !r.group(1).isBlank()) {
            double min = number(r.group(1), delimiter);
            double max = number(r.group(2), delimiter);
            if (min > max) {
                throw new IllegalArgumentException("range minimum " + min + " is above its maximum " + max);
            }
            return new DqExpression(canonical(s, delimiter), min, max, null);
        }
        throw new IllegalArgumentException(
                "not a range expression (expected forms like >0, >=0, <100, 0-100%, 1-15, 10 a 50)");
    }

    /**
     * A latency limit: the time allowed between a reading and its receipt, in seconds.
     *
     * @throws IllegalArgumentException with the reason when the text is not a latency expression
     */
    public static DqExpression latency(String text, char delimiter) {
        if (text == null || text.isBlank()) {
            return DqExpression.none();
        }
        String s = text.strip();
        Matcher m = LATENCY.matcher(TextKeys.stripAccents(s).toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a latency expression (expected forms like <2s, <15min, <1h)");
        }
        Double unit = SECONDS_PER.get(m.group(3));
        if (unit == null) {
            throw new IllegalArgumentException("unknown time unit '" + m.group(3) + "' (use ms, s, min, h or d)");
        }
        double value = number(m.group(2), delimiter);
        if (value <= 0) {
            throw new IllegalArgumentException("a latency limit must be positive");
        }
        return new DqExpression(canonical(s, delimiter), null, null, value * unit);
    }

    /** True when the text ends in a time unit: the rules file's tipo may be left blank for latency rules. */
    public static boolean looksLikeLatency(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = LATENCY.matcher(TextKeys.stripAccents(text.strip()).toLowerCase(Locale.ROOT));
        return m.matches() && SECONDS_PER.containsKey(m.group(3));
    }

    private static double number(String text, char delimiter) {
        FieldNumber.Result n = FieldNumber.read(text, delimiter == ';');
        if (!n.isNumber()) {
            throw new IllegalArgumentException("bad number '" + text.strip() + "' in the expression: " + n.reason());
        }
        return n.value();
    }
}

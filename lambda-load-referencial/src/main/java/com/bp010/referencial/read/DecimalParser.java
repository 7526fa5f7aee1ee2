package com.bp010.referencial.read;

import java.util.regex.Pattern;

/**
 * Reads a number as field files write it: {@code 1500}, {@code 0.5}, {@code 0,5} (decimal comma), {@code 1.234,5}
 * or {@code 1,234.5} (grouped thousands), {@code 1 234,5}, {@code -50}, {@code 2e3}. A value that could mean two
 * numbers is refused rather than guessed: in a comma-delimited file {@code 1,234} may be 1234 or 1.234. In a
 * semicolon-delimited file the comma is the decimal separator (the convention of the locales that use {@code ;}).
 * NaN and infinities are refused.
 */
public final class DecimalParser {
    private static final Pattern BODY = Pattern.compile("[0-9.,]*[0-9][0-9.,]*");
    private static final Pattern EXPONENT = Pattern.compile("[eE][+-]?[0-9]+$");

    private DecimalParser() {
    }

    /**
     * @param delimiter the file's field delimiter ({@code ';'} makes a single comma decimal)
     * @throws IllegalArgumentException with the reason when the text is not one unambiguous finite number
     */
    public static double parse(String raw, char delimiter) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("empty number");
        }
        String s = raw.strip().replaceAll("[\\s\\u00A0\\u202F]", "");
        String sign = "";
        if (s.startsWith("-") || s.startsWith("+")) {
            sign = s.substring(0, 1).equals("-") ? "-" : "";
            s = s.substring(1);
        }
        String exponent = "";
        var exp = EXPONENT.matcher(s);
        if (exp.find()) {
            exponent = exp.group();
            s = s.substring(0, exp.start());
        }
        if (!BODY.matcher(s).matches()) {
            throw new IllegalArgumentException("not a number");
        }
        String plain = sign + toPlainDecimal(s, delimiter) + exponent;
        double value = Double.parseDouble(plain);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number");
        }
        return value;
    }

    private static String toPlainDecimal(String s, char delimiter) {
        int dots = count(s, '.');
        int commas = count(s, ',');
        if (dots > 0 && commas > 0) {
            char decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            if (count(s, decimal) > 1) {
                throw new IllegalArgumentException("more than one decimal separator");
            }
            int at = s.lastIndexOf(decimal);
            return ungroup(s.substring(0, at), group) + "." + digitsOnly(s.substring(at + 1));
        }
        if (commas > 1 || dots > 1) {
            return ungroup(s, commas > 1 ? ',' : '.');
        }
        if (commas == 1) {
            int at = s.indexOf(',');
            int after = s.length() - at - 1;
            if (delimiter != ';' && after == 3 && at > 0) {
                throw new IllegalArgumentException(
                        "ambiguous number: thousands or decimal comma? write it without the comma or with a dot");
            }
            return leading(s.substring(0, at)) + "." + digitsOnly(s.substring(at + 1));
        }
        if (dots == 1) {
            int at = s.indexOf('.');
            return leading(s.substring(0, at)) + "." + digitsOnly(s.substring(at + 1));
        }
        return s;
    }

    private static String ungroup(String integerPart, char group) {
        String quoted = Pattern.quote(String.valueOf(group));
        if (!integerPart.matches("[0-9]{1,3}(" + quoted + "[0-9]{3})*")) {
            throw new IllegalArgumentException("badly grouped thousands");
        }
        return integerPart.replace(String.valueOf(group), "");
    }

    private static String leading(String integerPart) {
        return integerPart.isEmpty() ? "0" : digitsOnly(integerPart);
    }

    private static String digitsOnly(String part) {
        if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("misplaced separator");
        }
        return part;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}

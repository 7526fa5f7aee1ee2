package com.bp010.db.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNumberPropertiesTest {
    @Property
    void shouldReadBackAnyDecimal_whenWrittenWithDotOrWithDecimalCommaInASemicolonFile(
            @ForAll @DoubleRange(min = -1e9, max = 1e9) double value, @ForAll @IntRange(min = 0, max = 6) int scale) {
        BigDecimal exact = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        double expected = exact.doubleValue();
        assertThat(FieldNumber.read(exact.toPlainString(), false).value()).isEqualTo(expected);
        assertThat(FieldNumber.read(exact.toPlainString().replace('.', ','), true).value()).isEqualTo(expected);
    }

    /**
     * Digits with at most one dot skip the parse up to {@link FieldNumber#MAX_SHORT_PLAIN} characters: the result must
     * be the one the parse gives (finite, not 0 unless every digit is), across and beyond that length.
     */
    @Property(tries = 3000)
    void shouldReadPlainDigitsAsTheParseWould_whenTheyAreShortOrLong(
            @ForAll @IntRange(min = 0, max = 340) int intDigits, @ForAll @IntRange(min = 0, max = 340) int fracDigits,
            @ForAll @IntRange(min = 0, max = 2) int sign, @ForAll boolean dot, @ForAll @IntRange(min = 0, max = 3) int lead,
            @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        StringBuilder b = new StringBuilder(sign == 0 ? "" : sign == 1 ? "-" : "+");
        for (int i = 0; i < intDigits; i++) {
            b.append(i < lead ? '0' : (char) ('0' + r.nextInt(10)));
        }
        if (dot) {
            b.append('.');
        }
        for (int i = 0; i < (dot ? fracDigits : 0); i++) {
            // mostly zeros with a last digit, to reach the smallest magnitudes
            b.append(i == fracDigits - 1 || r.nextInt(8) == 0 ? (char) ('0' + r.nextInt(10)) : '0');
        }
        String text = b.toString();
        if (text.replace("-", "").replace("+", "").replace(".", "").isEmpty()) {
            return;
        }
        assertThat(FieldNumber.read(text, false)).as(text).isEqualTo(byParse(text));
    }

    /** What {@link FieldNumber#read} gave a plain number before the short path: parse it, then judge the double. */
    private static FieldNumber.Result byParse(String text) {
        String normalized = text.startsWith("+") ? text.substring(1) : text;
        double v = Double.parseDouble(normalized);
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return new FieldNumber.Result(FieldNumber.Kind.NOT_FINITE, text, "not a finite number (too large for a double)");
        }
        if (v == 0 && normalized.chars().anyMatch(c -> c >= '1' && c <= '9')) {
            return new FieldNumber.Result(FieldNumber.Kind.NOT_FINITE, text, "too small for a double (it would read as 0)");
        }
        return new FieldNumber.Result(FieldNumber.Kind.NUMBER, normalized, null);
    }

    @Property
    void shouldReadBackAnyGroupedNumber_whenWrittenInSpanishOrEnglishGrouping(
            @ForAll @DoubleRange(min = 1000, max = 1e9) double value) {
        BigDecimal exact = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        String english = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(exact);
        String spanish = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(exact);
        String french = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE)).format(exact);
        assertThat(FieldNumber.read(english, false).value()).isEqualTo(exact.doubleValue());
        assertThat(FieldNumber.read(spanish, true).value()).isEqualTo(exact.doubleValue());
        assertThat(FieldNumber.read(french, true).value()).as(french).isEqualTo(exact.doubleValue());
    }
}

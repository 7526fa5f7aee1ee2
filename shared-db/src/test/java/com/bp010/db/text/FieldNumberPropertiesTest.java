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

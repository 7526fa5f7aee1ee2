package com.bp010.referencial.read;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalParserTest {

    @Test
    void shouldReadFieldSpellings_whenWrittenTheUsualWays() {
        assertThat(DecimalParser.parse("1500", ',')).isEqualTo(1500.0);
        assertThat(DecimalParser.parse(" 0.5 ", ',')).isEqualTo(0.5);
        assertThat(DecimalParser.parse("0,5", ',')).isEqualTo(0.5);
        assertThat(DecimalParser.parse("1,06", ',')).isEqualTo(1.06);
        assertThat(DecimalParser.parse("1.234,5", ';')).isEqualTo(1234.5);
        assertThat(DecimalParser.parse("1,234.5", ',')).isEqualTo(1234.5);
        assertThat(DecimalParser.parse("1 234,5", ';')).isEqualTo(1234.5);
        assertThat(DecimalParser.parse("1,234,567", ',')).isEqualTo(1234567.0);
        assertThat(DecimalParser.parse("-50", ',')).isEqualTo(-50.0);
        assertThat(DecimalParser.parse("+7", ',')).isEqualTo(7.0);
        assertThat(DecimalParser.parse("2e3", ',')).isEqualTo(2000.0);
        assertThat(DecimalParser.parse(".5", ',')).isEqualTo(0.5);
    }

    @Test
    void shouldReadSingleCommaAsDecimal_whenTheFileIsSemicolonDelimited() {
        assertThat(DecimalParser.parse("1,234", ';')).isEqualTo(1.234);
    }

    @Test
    void shouldRefuseAmbiguousComma_whenTheFileIsCommaDelimited() {
        assertThatThrownBy(() -> DecimalParser.parse("1,234", ','))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ambiguous");
    }

    @Test
    void shouldRefuseWhatIsNotOneFiniteNumber_whenGivenGarbage() {
        for (String bad : new String[] {"abc", "12a", "1.2.3,4", "1,2,3", "NaN", "Infinity", "1e999", "", "-", "5.", "1..2"}) {
            assertThatThrownBy(() -> DecimalParser.parse(bad, ','))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void shouldReadBackAnyDecimal_whenWrittenWithDotOrWithDecimalCommaInASemicolonFile(
            @ForAll @DoubleRange(min = -1e9, max = 1e9) double value, @ForAll @IntRange(min = 0, max = 6) int scale) {
        BigDecimal exact = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        double expected = exact.doubleValue();
        assertThat(DecimalParser.parse(exact.toPlainString(), ',')).isEqualTo(expected);
        assertThat(DecimalParser.parse(exact.toPlainString().replace('.', ','), ';')).isEqualTo(expected);
    }

    @Property
    void shouldReadBackAnyGroupedNumber_whenWrittenInSpanishOrEnglishGrouping(
            @ForAll @DoubleRange(min = 1000, max = 1e9) double value) {
        BigDecimal exact = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        String english = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(exact);
        String spanish = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(exact);
        assertThat(DecimalParser.parse(english, ',')).isEqualTo(exact.doubleValue());
        assertThat(DecimalParser.parse(spanish, ';')).isEqualTo(exact.doubleValue());
    }
}

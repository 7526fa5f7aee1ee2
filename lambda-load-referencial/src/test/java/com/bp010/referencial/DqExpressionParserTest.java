package com.bp010.referencial;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DqExpressionParserTest {

    @Test
    void shouldStoreTheSpecBounds_whenGivenTheSeedExpressions() {
        assertThat(DqExpressionParser.range(">0", ',')).extracting("min", "max").containsExactly(0.0001, null);
        assertThat(DqExpressionParser.range(">=0", ',')).extracting("min", "max").containsExactly(0.0, null);
        assertThat(DqExpressionParser.range("≥ 0", ',')).extracting("min", "max").containsExactly(0.0, null);
        assertThat(DqExpressionParser.range("0-100%", ',')).extracting("min", "max").containsExactly(0.0, 100.0);
        assertThat(DqExpressionParser.range("1-15", ',')).extracting("min", "max").containsExactly(1.0, 15.0);
        assertThat(DqExpressionParser.range("<=2000", ',')).extracting("min", "max").containsExactly(null, 2000.0);
        assertThat(DqExpressionParser.range("<10", ',').max()).isCloseTo(9.9999, within(1e-12));
        assertThat(DqExpressionParser.range("0-100%", ',').text()).isEqualTo("0-100%");
    }

    @Test
    void shouldReadNegativeDecimalAndWordedRanges_whenFieldFilesWriteThem() {
        assertThat(DqExpressionParser.range("-50-150", ',')).extracting("min", "max").containsExactly(-50.0, 150.0);
        assertThat(DqExpressionParser.range("1.06-3.75", ',')).extracting("min", "max").containsExactly(1.06, 3.75);
        assertThat(DqExpressionParser.range("1,06-3,75", ';')).extracting("min", "max").containsExactly(1.06, 3.75);
        assertThat(DqExpressionParser.range("0,1-1", ';')).extracting("min", "max").containsExactly(0.1, 1.0);
        assertThat(DqExpressionParser.range("1,06-3,75", ';').text()).isEqualTo("1.06-3.75");
        assertThat(DqExpressionParser.range("1.06-3.75", ',').text()).isEqualTo("1.06-3.75");
        assertThat(DqExpressionParser.range(">= 0,5", ';').text()).isEqualTo(">= 0.5");
        assertThat(DqExpressionParser.range("10 a 50", ',')).extracting("min", "max").containsExactly(10.0, 50.0);
        assertThat(DqExpressionParser.range("10 to 50", ',')).extracting("min", "max").containsExactly(10.0, 50.0);
        assertThat(DqExpressionParser.range("10..50", ',')).extracting("min", "max").containsExactly(10.0, 50.0);
        assertThat(DqExpressionParser.range("10 – 50", ',')).extracting("min", "max").containsExactly(10.0, 50.0);
    }

    @Test
    void shouldMeanNoExpression_whenBlank() {
        assertThat(DqExpressionParser.range("  ", ',').isEmpty()).isTrue();
        assertThat(DqExpressionParser.range(null, ',').isEmpty()).isTrue();
        assertThat(DqExpressionParser.latency("", ',').isEmpty()).isTrue();
    }

    @Test
    void shouldConvertLatencyToSeconds_whenGivenSecondsMinutesHours() {
        assertThat(DqExpressionParser.latency("<2s", ',').latencySeconds()).isEqualTo(2.0);
        assertThat(DqExpressionParser.latency("<15min", ',').latencySeconds()).isEqualTo(900.0);
        assertThat(DqExpressionParser.latency("<1h", ',').latencySeconds()).isEqualTo(3600.0);
        assertThat(DqExpressionParser.latency("<= 30 seg", ',').latencySeconds()).isEqualTo(30.0);
        assertThat(DqExpressionParser.latency("<500ms", ',').latencySeconds()).isEqualTo(0.5);
        assertThat(DqExpressionParser.latency("< 1 día", ',').latencySeconds()).isEqualTo(86400.0);
        assertThat(DqExpressionParser.latency("<1,5h", ';').latencySeconds()).isEqualTo(5400.0);
    }

    @Test
    void shouldRefuseWithReason_whenTheExpressionMeansNothing() {
        assertThatThrownBy(() -> DqExpressionParser.range("positivo", ',')).hasMessageContaining("not a range expression");
        assertThatThrownBy(() -> DqExpressionParser.range("15-1", ',')).hasMessageContaining("above its maximum");
        assertThatThrownBy(() -> DqExpressionParser.range(">abc", ',')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DqExpressionParser.latency("<two s", ',')).hasMessageContaining("not a latency");
        assertThatThrownBy(() -> DqExpressionParser.latency("<2 weeks", ',')).hasMessageContaining("unknown time unit");
        assertThatThrownBy(() -> DqExpressionParser.latency("<0s", ',')).hasMessageContaining("positive");
    }

    @Test
    void shouldTellLatencyFromRange_whenTheTipoIsLeftBlank() {
        assertThat(DqExpressionParser.looksLikeLatency("<15min")).isTrue();
        assertThat(DqExpressionParser.looksLikeLatency("0-100%")).isFalse();
        assertThat(DqExpressionParser.looksLikeLatency(">0")).isFalse();
    }

    @Property
    void shouldReadAnyRange_whenWrittenMinDashMax(@ForAll @IntRange(min = -100000, max = 100000) int a,
            @ForAll @IntRange(min = 0, max = 100000) int width, @ForAll @IntRange(min = 0, max = 3) int decimals) {
        double min = a / Math.pow(10, decimals);
        double max = (a + width) / Math.pow(10, decimals);
        String text = fmt(min, decimals) + "-" + fmt(max, decimals);
        DqExpression e = DqExpressionParser.range(text, ',');
        assertThat(e.min()).isEqualTo(Double.parseDouble(fmt(min, decimals)));
        assertThat(e.max()).isEqualTo(Double.parseDouble(fmt(max, decimals)));
        DqExpression comma = DqExpressionParser.range(text.replace('.', ','), ';');
        assertThat(comma.min()).isEqualTo(e.min());
        assertThat(comma.max()).isEqualTo(e.max());
    }

    @Property
    void shouldKeepStrictBoundsStrict_whenGivenAnyComparison(@ForAll @IntRange(min = -5000, max = 5000) int v) {
        assertThat(DqExpressionParser.range(">" + v, ',').min()).isGreaterThan(v);
        assertThat(DqExpressionParser.range(">=" + v, ',').min()).isEqualTo((double) v);
        assertThat(DqExpressionParser.range("<" + v, ',').max()).isLessThan(v);
        assertThat(DqExpressionParser.range("<=" + v, ',').max()).isEqualTo((double) v);
    }

    private static String fmt(double v, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}

package com.bp010.report;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {
    @Test
    void shouldPickRoundTicksInsideTheRange() {
        assertThat(Scale.ticks(28.1, 501.9, 3)).containsExactly(200, 400);
        assertThat(Scale.ticks(0.82, 45.18, 3)).containsExactly(20, 40);
        assertThat(Scale.ticks(5, 5, 3)).containsExactly(5);
    }

    @Test
    void shouldTurnHighAndLowRoundForADepth_whenChoosingTheTone() {
        assertThat(Tone.of(7, false)).isEqualTo(Tone.CRITICAL_HIGH);
        assertThat(Tone.of(1, false)).isEqualTo(Tone.CRITICAL_LOW);
        // a fluid level below its minimum depth is a level high above the pump; above its maximum, a deep level
        assertThat(Tone.of(2, true)).isEqualTo(Tone.WARNING_HIGH);
        assertThat(Tone.of(7, true)).isEqualTo(Tone.CRITICAL_LOW);
        assertThat(Tone.CRITICAL_HIGH.background()).isNotEqualTo(Tone.CRITICAL_LOW.background());
        assertThat(Tone.of(9, false).symbol()).isNotBlank();
        assertThat(Tone.of(null, false)).isEqualTo(Tone.NO_DATA);
    }

    @Test
    void shouldDrawDepthsGrowingDownwards_whenTheVariableIsADepth() {
        ReportWindow w = new ReportWindow(SampleModel.FROM, SampleModel.TO, ZoneId.of("UTC"));
        var hours = java.util.List.of(w.start(), w.start().plusSeconds(3600));
        Format f = new Format(Language.EN, ZoneId.of("UTC"));

        String depth = TrendChart.svg("FL", "ft", hours, new Double[] {6000.0, 7000.0}, SampleModel.FL, true, w, f, "-");
        String plain = TrendChart.svg("FL", "ft", hours, new Double[] {6000.0, 7000.0}, SampleModel.FL, false, w, f, "-");

        assertThat(y(depth, 1)).isGreaterThan(y(depth, 0)); // deeper is lower on the page
        assertThat(y(plain, 1)).isLessThan(y(plain, 0));
        assertThat(depth).contains("viewBox=\"0 0 360 170\"").doesNotContain("width=\"360\"");
    }

    private static double y(String svg, int point) {
        String pts = svg.substring(svg.indexOf("points=\"") + 8);
        pts = pts.substring(0, pts.indexOf('"'));
        return Double.parseDouble(pts.split(" ")[point].split(",")[1]);
    }
}

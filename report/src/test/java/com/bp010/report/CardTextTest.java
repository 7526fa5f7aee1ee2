package com.bp010.report;

import com.bp010.report.ReportModel.SurfaceCard;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CardTextTest {
    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void shouldReadTheArrays_whenTheCardIsWellFormed() {
        SurfaceCard c = CardText.surfaceCard("W", T, true, null, null,
                "{\"position\": [0, 37.5, 74], \"load\": [6000, 9000.5, 6100], \"spm\": 8}");

        assertThat(c.drawable()).isTrue();
        assertThat(c.position()).containsExactly(0, 37.5, 74);
        assertThat(c.load()).containsExactly(6000, 9000.5, 6100);
    }

    @Test
    void shouldSayWhy_whenTheCardCannotBeDrawn() {
        assertThat(CardText.surfaceCard("W", T, false, "DQ-024", "x", "{\"position\": [1, 2], \"load\": [3]}").problem())
                .isEqualTo("position has 2 points, load 1");
        assertThat(CardText.surfaceCard("W", T, true, null, null, "{\"position\": [1, \"a\"], \"load\": [3, 4]}")
                .problem()).contains("\"position\"[1] is not a finite number");
        assertThat(CardText.surfaceCard("W", T, true, null, null, "{\"load\": [3, 4]}").problem())
                .contains("no \"position\" array");
        assertThat(CardText.surfaceCard("W", T, true, null, null, "[1, 2").problem()).startsWith("not JSON");
        assertThat(CardText.surfaceCard("W", T, true, null, null, "[1, 2").drawable()).isFalse();
    }
}

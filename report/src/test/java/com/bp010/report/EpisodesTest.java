package com.bp010.report;

import com.bp010.report.Episodes.Episode;
import com.bp010.report.ReportModel.HourlySeries;
import com.bp010.report.ReportModel.Limits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Limits L = new Limits(10.0, 20.0, 50.0, 80.0, 90.0);

    @Test
    void shouldSplitAtABandCrossingAGapAndASideChange_whenReadingHourlyAverages() {
        Double[] v = {50.0, 85.0, 95.0, 85.0, 50.0, 85.0, null, 85.0, 15.0, 5.0};
        List<Instant> hours = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            hours.add(T0.plus(Duration.ofHours(i)));
        }

        List<Episode> e = Episodes.of(new HourlySeries("W", hours, Map.of("x", v)), Map.of("x", L));

        assertThat(e).hasSize(4);
        // hours 1-3 above max_warning 80, hour 2 beyond max_critical 90: one critical episode of 3 h, worst 95, whose
        // limit is the critical one its state names
        assertThat(e.get(0)).isEqualTo(new Episode("x", true, true, T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofHours(4)), 95.0, "max_critical", 90.0, false));
        // hour 5 alone (hour 6 has no value), then hour 7 alone: the gap ends an episode
        assertThat(e.get(1).length()).isEqualTo(Duration.ofHours(1));
        assertThat(e.get(2).start()).isEqualTo(T0.plus(Duration.ofHours(7)));
        assertThat(e.get(2).critical()).isFalse();
        assertThat(e.get(2).limitName()).isEqualTo("max_warning");
        assertThat(e.get(2).limit()).isEqualTo(80.0);
        // hours 8-9 below min_warning 20, hour 9 below min_critical 10; it runs to the last hour of the series
        assertThat(e.get(3)).isEqualTo(new Episode("x", false, true, T0.plus(Duration.ofHours(8)),
                T0.plus(Duration.ofHours(10)), 5.0, "min_critical", 10.0, true));
    }

    @Test
    void shouldFindNoEpisode_whenEveryHourIsInsideTheBandOrTheVariableHasNoLimits() {
        Double[] v = {20.0, 80.0, 50.0};
        List<Instant> hours = List.of(T0, T0.plusSeconds(3600), T0.plusSeconds(7200));

        assertThat(Episodes.of(new HourlySeries("W", hours, Map.of("x", v)), Map.of("x", L))).isEmpty();
        assertThat(Episodes.of(new HourlySeries("W", hours, Map.of("y", new Double[] {999.0, 999.0, 999.0})),
                Map.of("x", L))).isEmpty();
    }
}

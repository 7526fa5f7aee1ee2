package com.bp010.report;

import com.bp010.report.Attention.Kind;
import com.bp010.report.Attention.WellAttention;
import com.bp010.report.ReportModel.DailyKpi;
import com.bp010.report.ReportModel.Well;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttentionTest {
    @Test
    void shouldRankCriticalBeforeConsistencyBeforeDataQuality_whenRankingTheSampleField() {
        List<WellAttention> ranked = Attention.rank(SampleModel.model(Language.EN));

        assertThat(ranked).extracting(a -> a.well().id()).containsExactly("W-1", "W-2", "W-3");
        assertThat(ranked).extracting(WellAttention::top).containsExactly(Kind.CRITICAL, Kind.CONSISTENCY,
                Kind.DATA_QUALITY);
        // W-2: the consistency finding first, its warning (fluid level above the pump) after it
        assertThat(ranked.get(1).reasons()).extracting(Attention.Reason::kind)
                .containsExactly(Kind.CONSISTENCY, Kind.WARNING);
        // W-3: the failed check, and oil 40 bbl on the latest complete day against 50 bbl/d (-20 %)
        assertThat(ranked.get(2).reasons()).extracting(Attention.Reason::kind)
                .containsExactly(Kind.DATA_QUALITY, Kind.PRODUCTION);
    }

    @Test
    void shouldPutAPartedRodFirstAndIgnoreAFullPump_whenWellsCarryDiagnoses() {
        ReportModel base = SampleModel.model(Language.EN);
        List<Well> wells = new ArrayList<>(base.wells());
        wells.set(2, new Well("W-3", "W-3", "F", "NORMAL", null, null, null, "PARTED_ROD", 0.91));
        wells.set(0, new Well("W-1", "W-1", "F", "CRITICAL", null, null, null, "FULL_PUMP", 0.99));
        ReportModel m = new ReportModel(base.window(), base.generatedAt(), base.stateAsOf(), base.labels(), wells,
                base.matrix(), base.alerts(), base.hourly(), base.daily(), base.cards(), base.diagnoses(), base.consistency(),
                base.dqFailures(), base.dqScore(), base.dqRules(), base.fieldDays(), base.extent());

        List<WellAttention> ranked = Attention.rank(m);

        assertThat(ranked.get(0).well().id()).isEqualTo("W-3");
        assertThat(ranked.get(0).top()).isEqualTo(Kind.PARTED_ROD);
        assertThat(ranked.get(1).reasons()).extracting(Attention.Reason::kind).doesNotContain(Kind.DIAGNOSIS);
    }

    @Test
    void shouldPutAPartedRodCardFirstAndSayWhySinceWhen_whenTheLatestCardsAreDiagnosed() {
        List<WellAttention> ranked = Attention.rank(SampleModel.withCards(Language.EN));
        Words w = new Words(SampleModel.labels(Language.EN), new Messages(Language.EN),
                new Format(Language.EN, SampleModel.ZONE));

        assertThat(ranked).extracting(a -> a.well().id()).containsExactly("W-3", "W-1", "W-2");
        Attention.Reason parted = ranked.get(0).reasons().get(0);
        assertThat(parted.kind()).isEqualTo(Kind.PARTED_ROD);
        // the streak and its start come from the CARTA alert (5 cards), the reason from the card's features
        assertThat(w.why(parted)).isEqualTo("parted rod (severe, confidence 85 %) on the last 5 cards, since"
                + " 2026-03-02 21:00: the pump card's upper load, -2,434 lbf, is below 15 % of the 7,991 lbf a full"
                + " column puts on the plunger: the rods carry no fluid");
        // W-1: critical first, then the pound of its last two cards (no alert yet: counted among the cards read)
        assertThat(ranked.get(1).reasons()).extracting(Attention.Reason::kind).containsExactly(Kind.CRITICAL,
                Kind.DIAGNOSIS);
        assertThat(w.why(ranked.get(1).reasons().get(1))).startsWith("fluid pound (severe, confidence 77 %) on the"
                + " last 2 cards, since 2026-03-02 23:00: the load falls on the downstroke at 58.2 % of the stroke");
    }

    @Test
    void shouldJudgeOnlyTheLatestCompleteDay_whenLookingForAShortfall() {
        LocalDate d1 = LocalDate.of(2026, 3, 1);
        // the database's rate and variance (vw_kpi_daily): 44 bbl/d against 50 is -12 %, 46 is -8 %; a partial day has
        // no variance
        DailyKpi shortComplete = new DailyKpi("W", d1, 24, 44.0, 0.0, 0.0, 24.0, 100.0, null, null, null, 50.0, -12.0,
                24, true, 44.0);
        DailyKpi partialLater = new DailyKpi("W", d1.plusDays(1), 3, 5.0, 0.0, 0.0, 3.0, 12.5, null, null, null, 50.0,
                null, 24, false, 40.0);
        DailyKpi fineComplete = new DailyKpi("W", d1, 24, 46.0, 0.0, 0.0, 24.0, 100.0, null, null, null, 50.0, -8.0,
                24, true, 46.0);

        // the shortfall is judged on the latest complete day; the partial next day is not judged
        assertThat(Attention.shortfall(List.of(shortComplete, partialLater))).contains(shortComplete);
        // -8 %: within the 10 % allowance
        assertThat(Attention.shortfall(List.of(fineComplete, partialLater))).isEmpty();
    }

    @Test
    void shouldQuoteTheDatabasesRate_notTheBarrelsOverTheClock() {
        // 24 hours with data, 23 with oil (the 10:00 oil reading failed DQ): 47 x 23 / 24 = 45.04 bbl; the database's
        // rate over its 23 hours with oil is 47 bbl/d (-6 % against 50), not 45.04 (-9.9 %)
        DailyKpi noOilHour = new DailyKpi("W", LocalDate.of(2026, 3, 1), 24, 47.0 * 23 / 24, 0.0, 0.0, 24.0, null,
                null, null, null, 50.0, -6.0, 24, true, 47.0);
        String line = new Words(SampleModel.labels(Language.EN), new Messages(Language.EN),
                new Format(Language.EN, SampleModel.ZONE)).production(noOilHour);
        assertThat(line).contains("Oil 47.00 bbl/d").contains("(-6.0 %)");
    }

    @Test
    void shouldFollowTheDatabasesCompleteness_whenTheDailyFactCarriesIt() {
        LocalDate d1 = LocalDate.of(2026, 3, 29);
        // 40 bbl in 22 hours with data: 43.6 bbl/d, -12.7 % against 50 (the database's variance on its complete day)
        DailyKpi dstDay = new DailyKpi("W", d1, 22, 40.0, 0.0, 0.0, 22.0, null, null, null, null, 50.0, -12.7, 23, true);
        DailyKpi thin = new DailyKpi("W", d1.plusDays(1), 20, 40.0, 0.0, 0.0, 20.0, null, null, null, null, 50.0, null,
                24, false);

        assertThat(dstDay.complete()).as("22 of the 23 hours of a DST day: complete").isTrue();
        assertThat(dstDay.hours()).isEqualTo(23);
        assertThat(thin.complete()).as("20 of 24 hours is under 90 %").isFalse();
        assertThat(Attention.shortfall(List.of(dstDay, thin))).contains(dstDay);
    }

    @Test
    void shouldSayWhatHappenedToTheReading_whenAProjectCounterCheckFailed() {
        Words w = new Words(SampleModel.labels(Language.EN), new Messages(Language.EN),
                new Format(Language.EN, java.time.ZoneOffset.UTC));
        ReportModel.DqFailure glitch = new ReportModel.DqFailure("W-3", java.time.Instant.parse("2026-03-01T08:00:00Z"),
                "energy_kwh", "0", null, "DQP-001", "CONTADOR", "energy_kwh = 0 between 41 and 43: a glitch, left out",
                "MEDIUM");

        assertThat(w.dqFailure(glitch)).contains("a glitch), left out (DQP-001, MEDIUM)").doesNotContain("?");
    }
}

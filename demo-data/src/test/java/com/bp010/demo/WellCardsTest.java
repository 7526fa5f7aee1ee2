package com.bp010.demo;

import com.bp010.cards.Card;
import com.bp010.cards.CardAnalyzer;
import com.bp010.cards.Diagnosis;
import com.bp010.cards.Pattern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's cards come from the forward model, so the card diagnosis reads back what was planted: each pump problem
 * on its well, a full pump everywhere else, read through the well description the pipeline builds from the master.
 */
class WellCardsTest {
    private static final int WELLS = 60;

    @Test
    void shouldDiagnoseEachPlantedProblemAsPlanted_andEveryOtherWellAsAFullPump() {
        CardAnalyzer analyzer = new CardAnalyzer();
        SplittableRandom hourly = new SplittableRandom(1);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < WELLS; i++) {
            WellProfile p = WellProfile.random(String.format("DEMO-%04d", i + 1),
                    new SplittableRandom(42 * 1_000_003L + i));
            PumpProblem planted = i < PumpProblem.values().length ? PumpProblem.values()[i] : null;
            WellCards cards = WellCards.of(p, planted);
            for (boolean shown : new boolean[]{false, true}) {
                Pattern expected = shown && planted != null ? planted.pattern() : Pattern.FULL_PUMP;
                for (int hour = 0; hour < 3; hour++) {
                    Dynacard surface = WellCards.hourCards(cards.shape(shown), hourly)[0];
                    // as the pipeline reads it: the card's own SPM, the well from the master's columns
                    Card card = Card.surface(surface.position(), surface.load(), cards.shape(shown).spm());
                    Diagnosis d = analyzer.analyse(card, WellCards.description(p)).diagnosis();
                    if (d.pattern() != expected) {
                        wrong.add(p + " expected " + expected + ", got " + d.pattern() + " " + d.reasons());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldCloseEachCardAndKeepItsPumpCardBeneath_whenAnHourIsDrawn() {
        WellProfile p = WellProfile.random("DEMO-0001", new SplittableRandom(3));
        WellCards cards = WellCards.of(p, PumpProblem.ROD_PART);
        Dynacard[] full = WellCards.hourCards(cards.shape(false), new SplittableRandom(1));
        Dynacard[] parted = WellCards.hourCards(cards.shape(true), new SplittableRandom(1));

        assertThat(full[0].position()).hasSize(WellCards.POINTS + 1);
        assertThat(full[0].position()[WellCards.POINTS]).isEqualTo(full[0].position()[0]);
        assertThat(full[0].load()[WellCards.POINTS]).isEqualTo(full[0].load()[0]);
        // a parted string: the polished rod no longer lifts the fluid (nor 40 % of the rods), the plunger carries nothing
        double fo = full[1].maxLoad() - full[1].minLoad();
        assertThat(parted[0].maxLoad()).isLessThan(full[0].maxLoad() - fo);
        assertThat(parted[1].maxLoad() - parted[1].minLoad()).isLessThan(0.05 * fo);
    }

    @Test
    void shouldKeepTheRodStretchWithinFortyPercentOfTheStroke_whenDrawingWells() {
        for (int i = 0; i < 500; i++) {
            WellProfile p = WellProfile.random("W", new SplittableRandom(i));
            assertThat(WellProfile.rodStretchIn(p.plungerIn(), p.pumpDepthFt()))
                    .as("well %d at %.0f ft", i, p.pumpDepthFt())
                    .isLessThanOrEqualTo(WellProfile.MAX_STRETCH_SHARE * p.strokeIn());
        }
    }
}

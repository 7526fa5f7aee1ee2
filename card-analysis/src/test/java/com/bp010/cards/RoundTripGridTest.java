package com.bp010.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pump behaviour → surface card (forward model) → pump card (Everitt-Jennings) → diagnosis, over {@link CardGrid}:
 * 26 scenarios × 8 wells (2,000-10,000 ft, 1-3 tapers, 4-12 SPM).
 */
class RoundTripGridTest {
    /** Patterns whose card keeps a plateau at Fo on the upstroke and near zero on the downstroke. */
    private static final Set<Pattern> FO_DEFINED = EnumSet.of(Pattern.FULL_PUMP, Pattern.FLUID_POUND,
            Pattern.GAS_INTERFERENCE, Pattern.TUBING_MOVEMENT, Pattern.PUMP_HITTING_UP, Pattern.PUMP_HITTING_DOWN);

    record Outcome(CardGrid.Case c, ForwardModel.Result run, CardAnalysis analysis) {
    }

    private static final List<Outcome> OUTCOMES = new ArrayList<>();

    @BeforeAll
    static void runGrid() {
        ForwardModel forward = new ForwardModel();
        CardAnalyzer analyzer = new CardAnalyzer();
        for (CardGrid.Case c : CardGrid.cases(8)) {
            ForwardModel.Result run = forward.run(c.well(), c.unit(), c.pump(), 200);
            OUTCOMES.add(new Outcome(c, run, analyzer.analyse(run.surface(), c.well())));
        }
    }

    @Test
    void shouldRecoverThePlantedPattern_onAtLeast95PercentOfTheCards() {
        Map<Pattern, Map<Pattern, Integer>> matrix = new EnumMap<>(Pattern.class);
        int right = 0;
        for (Outcome o : OUTCOMES) {
            Pattern got = o.analysis().diagnosis().pattern();
            matrix.computeIfAbsent(o.c().planted(), k -> new EnumMap<>(Pattern.class)).merge(got, 1, Integer::sum);
            if (got == o.c().planted()) {
                right++;
            } else {
                System.out.println("missed: " + o.c() + " -> " + got + " " + o.analysis().diagnosis().reasons());
            }
        }
        System.out.println(ConfusionMatrix.render(matrix));
        System.out.printf("pattern recovered on %d of %d cards (%.1f %%)%n", right, OUTCOMES.size(),
                100.0 * right / OUTCOMES.size());
        assertThat((double) right / OUTCOMES.size()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldRecoverFillageWithinThreePoints_whenTheFillageIsPlanted() {
        double worst = 0;
        int count = 0;
        for (Outcome o : OUTCOMES) {
            Pattern p = o.c().planted();
            if (p != Pattern.FULL_PUMP && p != Pattern.FLUID_POUND) {
                continue;
            }
            double planted = o.c().pump().fillage() * 100;
            double got = o.analysis().diagnosis().features().fillagePct();
            worst = Math.max(worst, Math.abs(got - planted));
            count++;
        }
        System.out.printf("fillage on %d full/pound cards: worst |recovered - planted| = %.2f points%n", count, worst);
        assertThat(count).isGreaterThan(30);
        assertThat(worst).isLessThanOrEqualTo(3.0);
    }

    @Test
    void shouldRecoverFillageWithinThreePointsOfTheTruePumpCard_onEveryCardWithAStroke() {
        double worst = 0;
        int count = 0;
        for (Outcome o : OUTCOMES) {
            Set<Pattern> degenerate = EnumSet.of(Pattern.STUCK_PUMP, Pattern.ROD_PART, Pattern.GAS_LOCK);
            if (degenerate.contains(o.c().planted()) || o.run().cycles() >= 120) {
                continue;
            }
            CardFeatures truth = CardFeatureExtractor.extract(o.run().pump().position(), o.run().pump().load(), false,
                    null, null, null);
            worst = Math.max(worst, Math.abs(truth.fillagePct() - o.analysis().diagnosis().features().fillagePct()));
            count++;
        }
        System.out.printf("fillage against the true pump card on %d cards: worst %.2f points%n", count, worst);
        assertThat(worst).isLessThanOrEqualTo(3.0);
    }

    @Test
    void shouldRecoverTheFluidLoadWithinThreePercent_whenTheCardHasItsPlateaus() {
        double worst = 0;
        String worstCase = "";
        int count = 0;
        for (Outcome o : OUTCOMES) {
            if (!FO_DEFINED.contains(o.c().planted()) || o.run().cycles() >= 120) {
                continue;
            }
            double got = o.analysis().diagnosis().features().fluidLoadLbf();
            double error = Math.abs(got - o.run().fluidLoadLbf()) / o.run().fluidLoadLbf();
            if (error > worst) {
                worst = error;
                worstCase = o.c() + " " + got + " lbf against " + o.run().fluidLoadLbf();
            }
            count++;
        }
        System.out.printf("fluid load on %d cards: worst |Fo recovered - Fo planted| = %.2f %% (%s)%n", count,
                worst * 100, worstCase);
        assertThat(count).isGreaterThan(60);
        assertThat(worst).isLessThanOrEqualTo(0.03);
    }

    @Test
    void shouldGiveEveryDiagnosisItsReasonsFeaturesAndABoundedConfidence() {
        for (Outcome o : OUTCOMES) {
            Diagnosis d = o.analysis().diagnosis();
            assertThat(d.basis()).isEqualTo(Basis.PUMP);
            assertThat(d.reasons()).isNotEmpty();
            assertThat(d.confidence()).isBetween(0.0, 1.0);
            assertThat(d.features().pipPsi()).isNotNull();
            assertThat(d.severity() == Severity.NONE).isEqualTo(d.pattern() == Pattern.FULL_PUMP
                    || d.pattern() == Pattern.UNKNOWN);
        }
    }
}

package com.bp010.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis on cards as they arrive: 20-400 points, 1-3 % noise on the load, pump cards in lbf or normalised to
 * 0-1 (digitised from chart images), surface cards with and without the well.
 */
class NoisyCardsTest {
    /** Patterns a normalised card cannot show: they need loads and strokes in units. */
    private static final Set<Pattern> NEED_UNITS = EnumSet.of(Pattern.ROD_PART, Pattern.STUCK_PUMP,
            Pattern.ROD_FRICTION);
    private static final List<ForwardModel.Result> RUNS = new ArrayList<>();
    private static final List<CardGrid.Case> CASES = CardGrid.cases(3);
    private static final List<PumpCard> RECOVERED = new ArrayList<>();

    @BeforeAll
    static void run() {
        ForwardModel forward = new ForwardModel();
        for (CardGrid.Case c : CASES) {
            ForwardModel.Result r = forward.run(c.well(), c.unit(), c.pump(), 400);
            RUNS.add(r);
            RECOVERED.add(new EverittJenningsSolver().solve(r.surface(), c.well()));
        }
    }

    @Test
    void shouldDiagnoseNoisyPumpCards_inUnitsAndNormalised() {
        Random rng = new Random(17);
        for (int points : new int[]{20, 50, 100, 400}) {
            for (double noise : new double[]{0.01, 0.03}) {
                for (boolean normalised : new boolean[]{false, true}) {
                    int right = 0;
                    int total = 0;
                    for (int i = 0; i < CASES.size(); i++) {
                        CardGrid.Case c = CASES.get(i);
                        if (normalised && NEED_UNITS.contains(c.planted())) {
                            continue;
                        }
                        double[] x = resample(RECOVERED.get(i).position(), points);
                        double[] y = noisy(resample(RECOVERED.get(i).load(), points), noise, rng);
                        Card card = normalised ? new Card(unit(x), unit(y), null, null, CardKind.PUMP)
                                : new Card(x, y, null, null, CardKind.PUMP);
                        WellDescription well = normalised ? null : c.well();
                        Diagnosis d = new CardAnalyzer().analyse(card, well).diagnosis();
                        if (normalised) {
                            assertThat(d.features().fluidLoadLbf()).isNull();
                            assertThat(d.features().pipPsi()).isNull();
                        }
                        total++;
                        right += d.pattern() == c.planted() ? 1 : 0;
                    }
                    double rate = (double) right / total;
                    System.out.printf("pump cards, %3d points, noise %.0f %%, %s: %d/%d (%.1f %%)%n", points,
                            noise * 100, normalised ? "normalised" : "in lbf/in", right, total, rate * 100);
                    assertThat(rate).isGreaterThanOrEqualTo(points >= 50 ? 0.85 : 0.60);
                }
            }
        }
    }

    @Test
    void shouldDiagnoseNoisySurfaceCardsThroughTheSolver() {
        Random rng = new Random(18);
        for (int points : new int[]{100, 400}) {
            for (double noise : new double[]{0.01, 0.03}) {
                int right = 0;
                for (int i = 0; i < CASES.size(); i++) {
                    ForwardModel.Result r = RUNS.get(i);
                    Card card = new Card(resample(r.surface().position(), points),
                            noisy(resample(r.surface().load(), points), noise, rng), null, CASES.get(i).unit().spm(),
                            CardKind.SURFACE);
                    right += new CardAnalyzer().analyse(card, CASES.get(i).well()).diagnosis().pattern()
                            == CASES.get(i).planted() ? 1 : 0;
                }
                double rate = (double) right / CASES.size();
                System.out.printf("surface cards through the solver, %d points, noise %.0f %% of peak load: %.1f %%%n",
                        points, noise * 100, rate * 100);
                assertThat(rate).isGreaterThanOrEqualTo(noise <= 0.01 ? 0.95 : 0.75);
            }
        }
    }

    @Test
    void shouldDiagnoseFromTheSurfaceShape_whenTheWellIsUnknown() {
        Random rng = new Random(19);
        ForwardModel forward = new ForwardModel();
        int right = 0;
        int total = 0;
        for (WellDescription well : CardGrid.wells()) {
            for (PumpBehaviour pump : List.of(PumpBehaviour.full(150), PumpBehaviour.full(150).withFillage(0.5))) {
                PumpingUnit unit = new PumpingUnit(100, 4, 0.25);
                Card clean = forward.run(well, unit, pump, 200).surface();
                Card card = new Card(clean.position(), noisy(clean.load(), 0.02, rng), null, null, CardKind.SURFACE);

                Diagnosis d = new CardAnalyzer().analyse(card, null).diagnosis();

                assertThat(d.basis()).isEqualTo(Basis.SURFACE);
                assertThat(d.confidence()).isLessThanOrEqualTo(0.6);
                assertThat(d.features().fluidLoadLbf()).isNull();
                boolean incomplete = d.pattern() == Pattern.FLUID_POUND || d.pattern() == Pattern.GAS_INTERFERENCE;
                boolean expected = pump.fillage() < 1 ? incomplete : d.pattern() == Pattern.FULL_PUMP;
                right += expected ? 1 : 0;
                total++;
            }
        }
        System.out.printf("surface-only (no well), 4 SPM, full vs 50 %% fillage, 2 %% noise: %d/%d%n", right, total);
        assertThat((double) right / total).isGreaterThanOrEqualTo(0.8);
    }

    static double[] resample(double[] v, int points) {
        int n = v.length;
        double[] out = new double[points];
        for (int k = 0; k < points; k++) {
            double t = (double) k * n / points;
            int i = (int) t;
            double w = t - i;
            out[k] = v[i] * (1 - w) + v[(i + 1) % n] * w;
        }
        return out;
    }

    static double[] noisy(double[] v, double fraction, Random rng) {
        double peak = 0;
        for (double x : v) {
            peak = Math.max(peak, Math.abs(x));
        }
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += rng.nextGaussian() * fraction * peak;
        }
        return out;
    }

    static double[] unit(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] - lo) / (hi - lo);
        }
        return out;
    }
}

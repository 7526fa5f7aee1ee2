package com.bp010.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everitt-Jennings against Gibbs, and both against the forward model's own pump card. */
class SolverAgreementTest {
    private final ForwardModel forward = new ForwardModel();

    @Test
    void shouldAgreeWithinOnePercentOfPeak_whenTheCardIsClean() {
        double worst = 0;
        List<String> lines = new ArrayList<>();
        for (WellDescription well : CardGrid.wells()) {
            for (double spm : CardGrid.SPMS) {
                PumpingUnit unit = new PumpingUnit(well.pumpDepthFt() <= 4000 ? 86 : 120, spm, 0.25);
                Card surface = forward.run(well, unit, PumpBehaviour.full(150), 200).surface();

                PumpCard ej = new EverittJenningsSolver().solve(surface, well);
                PumpCard gibbs = new GibbsSolver().solve(surface, well);

                double diff = maxDiff(ej.load(), gibbs.load()) / Math.max(ej.peakAbsLoad(), gibbs.peakAbsLoad());
                worst = Math.max(worst, diff);
                lines.add(String.format("%5.0f ft %d tapers %4.1f SPM: max |EJ - Gibbs| = %.3f %% of peak",
                        well.pumpDepthFt(), well.rods().tapers().size(), spm, diff * 100));
            }
        }
        lines.forEach(System.out::println);
        System.out.printf("solver agreement on %d clean cards: worst %.3f %% of peak load%n", lines.size(), worst * 100);
        assertThat(worst).isLessThanOrEqualTo(0.01);
    }

    @Test
    void shouldRecoverTheForwardModelsPumpCard_whenThePumpIsFull() {
        WellDescription well = WellDescription.of(5000, 1.5, RodString.parse("7/8 in x 40%, 3/4 in x 60%", 5000.0))
                .withFluid(1.0, 100);
        ForwardModel.Result run = forward.run(well, new PumpingUnit(86, 8, 0.25), PumpBehaviour.full(200), 256);

        PumpCard recovered = new EverittJenningsSolver().solve(run.surface(), well);

        assertThat(maxDiff(recovered.load(), run.pump().load())).isLessThan(0.03 * run.fluidLoadLbf());
        assertThat(maxDiff(recovered.position(), run.pump().position())).isLessThan(0.02 * 86);
    }

    @Test
    void shouldShortenTheStrokeByTheRodStretch_whenTheUnitRunsSlowly() {
        // docs/DOMAIN.md §4: on an elastic string the pump stroke is shorter than the polished-rod stroke by Fo·Σ L/(A·E)
        WellDescription well = WellDescription.of(5000, 1.5, RodString.parse("7/8 in x 40%, 3/4 in x 60%", 5000.0))
                .withFluid(1.0, 100).withDamping(0.5);
        ForwardModel.Result run = forward.run(well, new PumpingUnit(100, 1.5, 0.0), PumpBehaviour.full(200), 256);

        PumpCard pump = new EverittJenningsSolver().solve(run.surface(), well);

        double stretch = run.fluidLoadLbf() * well.rods().stretchInPerLbf();
        double gross = TimeBase.range(pump.position());
        assertThat(gross).isCloseTo(100 - stretch, within(0.03 * stretch + 0.5));
    }

    @Test
    void shouldUseTheTimeArray_whenTheCardIsSampledUnevenly() {
        WellDescription well = WellDescription.of(6000, 1.5, RodString.parse("1 in x 30%, 7/8 in x 30%, 3/4 in x 40%",
                6000.0)).withFluid(1.0, 100);
        Card even = forward.run(well, new PumpingUnit(120, 7, 0.25), PumpBehaviour.full(150).withFillage(0.7), 400)
                .surface();
        // keep every point of the upstroke and every other one of the downstroke, with their times
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            if (i < 200 || i % 2 == 0) {
                kept.add(i);
            }
        }
        double period = 60 / 7.0;
        double[] t = new double[kept.size()];
        double[] x = new double[kept.size()];
        double[] l = new double[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            t[k] = period * kept.get(k) / 400;
            x[k] = even.position()[kept.get(k)];
            l[k] = even.load()[kept.get(k)];
        }
        Card uneven = new Card(x, l, t, 7.0, CardKind.SURFACE);

        CardFeatures a = new CardAnalyzer().analyse(even, well).diagnosis().features();
        CardFeatures b = new CardAnalyzer().analyse(uneven, well).diagnosis().features();

        assertThat(b.fillagePct()).isCloseTo(a.fillagePct(), within(1.0));
        assertThat(b.fluidLoadLbf()).isCloseTo(a.fluidLoadLbf(), within(0.01 * a.fluidLoadLbf()));
        assertThat(b.netStrokeIn()).isCloseTo(a.netStrokeIn(), within(1.0));
    }

    static double maxDiff(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double m = 0;
        for (int i = 0; i < n; i++) {
            int j = (int) Math.round((double) i * b.length / n) % b.length;
            int k = (int) Math.round((double) i * a.length / n) % a.length;
            m = Math.max(m, Math.abs(a[k] - b[j]));
        }
        return m;
    }
}

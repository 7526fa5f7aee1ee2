package com.bp010.cards;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The power balance recovers the damping the forward model ran with, from the surface card and the hydraulic power
 * the pump truly delivered (its card's area × SPM, as a rate across Pdischarge − PIP).
 */
class DampingEstimatorTest {
    private static final double IN3_S_PER_BBL_D = 5.6146 * 1728 / 86_400;

    @Test
    void shouldRecoverTheDampingTheWellRanWith_whenGivenTheRateAndIntakePressure() {
        for (String rods : new String[]{"7/8 in x 100%", "7/8 in x 40%, 3/4 in x 60%"}) {
            for (double depth : new double[]{3000, 6000}) {
                for (double factor : new double[]{0.5, 2.5}) {
                    WellDescription nominal = WellDescription.of(depth, 1.5, RodString.parse(rods, depth))
                            .withFluid(1.0, 100);
                    double cTrue = factor * nominal.damping();
                    WellDescription well = nominal.withDamping(cTrue);
                    PumpingUnit unit = new PumpingUnit(100, 8, 0.25);
                    double pip = 200;
                    ForwardModel.Result run = new ForwardModel().run(well, unit, PumpBehaviour.full(pip), 200);
                    double pumpPower = DampingEstimator.area(run.pump().position(), run.pump().load()) * 8 / 60;
                    double rate = pumpPower / ((well.dischargePressurePsi() - pip) * IN3_S_PER_BBL_D);

                    DampingEstimator.Estimate e = new DampingEstimator().powerBalance(run.surface(), nominal, rate, pip);

                    assertThat(e.converged()).as("%s %s ft x%.1f: %s", rods, depth, factor, e).isTrue();
                    assertThat(e.dampingPerS()).as("%s %s ft x%.1f", rods, depth, factor)
                            .isCloseTo(cTrue, within(0.15 * cTrue));
                    // the pump card with the estimate carries the fluid load the default damping misses
                    PumpCard pump = new EverittJenningsSolver().solve(run.surface(), nominal.withDamping(e.dampingPerS()));
                    double fo = CardFeatureExtractor.extract(pump.position(), pump.load(), true, nominal, 8.0,
                            pump.surfaceStrokeIn()).fluidLoadLbf();
                    assertThat(fo).isCloseTo(run.fluidLoadLbf(), within(0.03 * run.fluidLoadLbf()));
                }
            }
        }
    }

    @Test
    void shouldKeepTheDefaultAndSayWhy_whenTheHydraulicPowerExceedsThePolishedRodPower() {
        WellDescription well = WellDescription.of(4000, 1.5, RodString.parse("7/8 in x 100%", 4000.0));
        ForwardModel.Result run = new ForwardModel().run(well, new PumpingUnit(100, 8, 0.25), PumpBehaviour.full(200),
                200);

        DampingEstimator.Estimate e = new DampingEstimator().powerBalance(run.surface(), well, 50_000, 200);

        assertThat(e.converged()).isFalse();
        assertThat(e.dampingPerS()).isEqualTo(well.damping());
        assertThat(e.note()).contains("is not below the polished-rod power");
    }
}

package com.bp010.cards;

import java.util.ArrayList;
import java.util.List;

/**
 * The round-trip grid: wells from 2,000 to 10,000 ft with 1-3 tapers at 4-12 SPM, and every pattern the forward model
 * can plant at two or three severities, each scenario on eight wells taken in turn from the 45.
 */
final class CardGrid {
    static final String[] STRINGS = {"7/8 in x 100%", "7/8 in x 40%, 3/4 in x 60%",
        "1 in x 30%, 7/8 in x 30%, 3/4 in x 40%"};
    static final double[] DEPTHS = {2000, 4000, 6000, 8000, 10000};
    static final double[] SPMS = {4, 8, 12};

    record Scenario(String name, Pattern planted, PumpBehaviour pump, boolean unanchored, Double tubingOd) {
    }

    record Case(String name, Pattern planted, WellDescription well, PumpingUnit unit, PumpBehaviour pump) {
        @Override
        public String toString() {
            return name + " @" + Math.round(well.pumpDepthFt()) + "ft/" + well.rods().tapers().size() + "tapers/"
                    + unit.spm() + "spm";
        }
    }

    static List<WellDescription> wells() {
        List<WellDescription> out = new ArrayList<>();
        for (double depth : DEPTHS) {
            for (String s : STRINGS) {
                double plunger = depth <= 2000 ? 2.25 : depth <= 4000 ? 1.75 : depth <= 6000 ? 1.5 : 1.25;
                out.add(WellDescription.of(depth, plunger, RodString.parse(s, depth)).withFluid(1.0, 100));
            }
        }
        return out;
    }

    static List<Scenario> scenarios() {
        PumpBehaviour full = PumpBehaviour.full(150);
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("full", Pattern.FULL_PUMP, full, false, null));
        s.add(new Scenario("full-pip400", Pattern.FULL_PUMP, PumpBehaviour.full(400), false, null));
        for (double f : new double[]{0.8, 0.65, 0.45}) {
            s.add(new Scenario("pound-" + f, Pattern.FLUID_POUND, full.withFillage(f), false, null));
        }
        s.add(new Scenario("gas-0.75", Pattern.GAS_INTERFERENCE, full.withGas(0.75, 0.3, 0.03), false, null));
        s.add(new Scenario("gas-0.6", Pattern.GAS_INTERFERENCE, full.withGas(0.6, 0.25, 0.05), false, null));
        s.add(new Scenario("gaslock-1", Pattern.GAS_LOCK, full.withGas(0.5, 0.2, 1.0), false, null));
        s.add(new Scenario("gaslock-2", Pattern.GAS_LOCK, full.withGas(0.5, 0.3, 0.8), false, null));
        for (double v : new double[]{0.15, 0.3}) {
            s.add(new Scenario("tvleak-" + v, Pattern.TRAVELING_VALVE_LEAK, full.withLeaks(v, 0, 0), false, null));
        }
        for (double v : new double[]{0.25, 0.45}) {
            s.add(new Scenario("svleak-" + v, Pattern.STANDING_VALVE_LEAK, full.withLeaks(0, v, 0), false, null));
        }
        for (double v : new double[]{0.2, 0.35}) {
            s.add(new Scenario("worn-" + v, Pattern.WORN_PUMP, full.withLeaks(0, 0, v), false, null));
        }
        // tagging depth as a fraction of the rod stretch under Fo: the spike it makes is about that fraction of Fo
        for (double v : new double[]{0.25, 0.5}) {
            s.add(new Scenario("hitup-" + v, Pattern.PUMP_HITTING_UP, full.withHits(v, 0), false, null));
            s.add(new Scenario("hitdown-" + v, Pattern.PUMP_HITTING_DOWN, full.withHits(0, v), false, null));
        }
        s.add(new Scenario("tubing-2.875", Pattern.TUBING_MOVEMENT, full, true, 2.875));
        s.add(new Scenario("tubing-2.375", Pattern.TUBING_MOVEMENT, full, true, 2.375));
        for (double v : new double[]{0.3, 0.7}) {
            s.add(new Scenario("rodpart-" + v, Pattern.ROD_PART, full.withRodPart(v), false, null));
        }
        s.add(new Scenario("stuck", Pattern.STUCK_PUMP, full.asStuck(), false, null));
        for (double v : new double[]{0.2, 0.35}) {
            s.add(new Scenario("friction-" + v, Pattern.ROD_FRICTION, full.withFriction(v), false, null));
        }
        return s;
    }

    /** Each scenario on {@code perScenario} wells × SPM taken in turn (a different offset per scenario). */
    static List<Case> cases(int perScenario) {
        List<WellDescription> wells = wells();
        List<Scenario> scenarios = scenarios();
        List<Case> out = new ArrayList<>();
        int combos = wells.size() * SPMS.length;
        for (int si = 0; si < scenarios.size(); si++) {
            Scenario sc = scenarios.get(si);
            for (int k = 0; k < perScenario; k++) {
                int idx = (si * 7 + k * (combos / perScenario + 1)) % combos;
                WellDescription w = wells.get(idx % wells.size());
                double spm = SPMS[idx / wells.size()];
                if (sc.unanchored()) {
                    w = w.withTubing(false, sc.tubingOd());
                }
                PumpBehaviour pump = sc.pump();
                if (pump.hitUpIn() > 0 || pump.hitDownIn() > 0) {
                    double stretch = w.plungerAreaIn2() * (w.dischargePressurePsi() - pump.pipPsi())
                            * w.rods().stretchInPerLbf();
                    pump = pump.withHits(pump.hitUpIn() * stretch, pump.hitDownIn() * stretch);
                }
                if (pump.frictionLbf() > 0) {
                    double fo = w.plungerAreaIn2() * (w.dischargePressurePsi() - pump.pipPsi());
                    pump = pump.withFriction(pump.frictionLbf() * fo);
                }
                if (pump.gasIntakeRatio() > 0) {
                    pump = new PumpBehaviour(pump.fillage(), pump.gasIntakeRatio(), pump.clearanceGas(), 0, 0, 0, 0,
                            0, 0, false, 0, pump.gasIntakeRatio() * w.dischargePressurePsi());
                }
                PumpingUnit unit = new PumpingUnit(w.pumpDepthFt() <= 4000 ? 86 : 120, spm, 0.25);
                out.add(new Case(sc.name(), sc.planted(), w, unit, pump));
            }
        }
        return out;
    }
}

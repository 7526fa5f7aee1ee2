package com.bp010.cards;

import java.util.ArrayList;
import java.util.List;

/**
 * The wave equation run forward: the pumping unit moves the polished rod, the pump loads the bottom of the string as
 * {@link PumpBehaviour} prescribes, and the explicit central-difference scheme on the lumped-mass grid gives the load
 * at the polished rod, cycle after cycle until the card repeats (periodic steady state). The test oracle of the
 * solvers and the diagnosis (pump behaviour → surface card → recovered pump card), and the demo's card source.
 */
public final class ForwardModel {
    /** Liquid bulk modulus, psi (water-oil mixtures 250,000-330,000). */
    static final double BULK_MODULUS_PSI = 300_000;
    private static final int ELEMENTS = 40;
    private static final int MAX_CYCLES = 120;

    /** The surface card, the pump card that produced it, and the fluid load Fo it was built with. */
    public record Result(Card surface, PumpCard pump, double fluidLoadLbf, int cycles) {
    }

    public Result run(WellDescription well, PumpingUnit unit, PumpBehaviour pump, int points) {
        double fo = well.plungerAreaIn2() * (well.dischargePressurePsi() - pump.pipPsi());
        if (!(fo > 0)) {
            throw new CardInputException("the intake pressure " + pump.pipPsi() + " psi is not below the discharge");
        }
        RodString rods = pump.rodPartFraction() > 0 ? parted(well.rods(), pump.rodPartFraction()) : well.rods();
        double kf = fluidStiffness(well, unit);
        if (pump.hitUpIn() > 0 || pump.hitDownIn() > 0) {
            Run free = simulate(well, rods, unit, pump, fo, kf, points, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY);
            double top = pump.hitUpIn() > 0 ? max(free.plunger) - pump.hitUpIn() : Double.POSITIVE_INFINITY;
            double bottom = pump.hitDownIn() > 0 ? -max(negateArr(free.plunger)) + pump.hitDownIn()
                    : Double.NEGATIVE_INFINITY;
            return simulate(well, rods, unit, pump, fo, kf, points, top, bottom).result(fo);
        }
        return simulate(well, rods, unit, pump, fo, kf, points, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                .result(fo);
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double[] negateArr(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /** Liquid in the barrel in series with the tubing when it is not anchored, lbf/in. */
    static double fluidStiffness(WellDescription well, PumpingUnit unit) {
        double compliance = (unit.strokeIn() + 24) / (well.plungerAreaIn2() * BULK_MODULUS_PSI);
        if (Boolean.FALSE.equals(well.tubingAnchored())) {
            compliance += well.pumpDepthFt() * 12 / (RodMaterial.STEEL.modulusPsi() * well.tubingMetalAreaIn2());
        }
        return 1 / compliance;
    }

    private static RodString parted(RodString rods, double fraction) {
        double keep = rods.lengthFt() * fraction;
        List<Taper> out = new ArrayList<>();
        for (Taper t : rods.tapers()) {
            if (keep <= 0) {
                break;
            }
            double len = Math.min(t.lengthFt(), keep);
            out.add(new Taper(t.diameterIn(), len, t.material(), t.weightLbPerFt()));
            keep -= len;
        }
        return new RodString(out);
    }

    private record Run(double[] position, double[] load, double[] plunger, double[] pumpLoad, int cycles,
                       Double spm) {
        Result result(double fo) {
            Card surface = new Card(position, load, null, spm, CardKind.SURFACE);
            PumpCard truth = EverittJenningsSolver.toPumpCard(negateArr(plunger), pumpLoad, TimeBase.range(position));
            return new Result(surface, truth, fo, cycles);
        }
    }

    private Run simulate(WellDescription well, RodString rods, PumpingUnit unit, PumpBehaviour pump, double fo,
                         double kf, int points, double topLimit, double bottomLimit) {
        double meanSpeed = rods.tapers().get(0).waveSpeedInPerS();
        RodGrid grid = RodGrid.build(rods, rods.lengthFt() * 12 / (ELEMENTS * meanSpeed), 1.0);
        int n = grid.nodes() - 1;
        double dtMax = Double.POSITIVE_INFINITY;
        for (int e = 0; e < n; e++) {
            dtMax = Math.min(dtMax, 0.5 * Math.sqrt(grid.mass[e + 1] / grid.stiffness[e]));
        }
        double khit = pump.hitUpIn() > 0 || pump.hitDownIn() > 0 ? PumpLoadLaw.hitStiffness(fo) : 0;
        dtMax = Math.min(dtMax, 0.5 / Math.sqrt((grid.stiffness[n - 1] + kf + khit) / grid.mass[n]));
        double period = unit.periodS();
        int perPoint = (int) Math.ceil(period / (dtMax * points));
        int steps = perPoint * points;
        double dt = period / steps;
        PumpLoadLaw law = new PumpLoadLaw(pump, fo, kf, unit.strokeIn() * 0.8, dt, period);
        law.topLimit = topLimit;
        law.bottomLimit = bottomLimit;
        double c = well.damping();
        double wrf = rods.buoyantWeightLbf(well.sg());
        double a = 1 + c * dt / 2;
        double bCoef = 1 - c * dt / 2;
        double[] prev = new double[n + 1];
        double[] cur = new double[n + 1];
        double[] next = new double[n + 1];
        double[] position = new double[points];
        double[] load = new double[points];
        double[] plunger = new double[points];
        double[] pumpLoad = new double[points];
        double[] previousLoad = null;
        int cycle = 0;
        boolean stuck = pump.stuck();
        boolean parted = pump.rodPartFraction() > 0;
        while (cycle < MAX_CYCLES) {
            cycle++;
            for (int k = 0; k < steps; k++) {
                double t = (double) k * dt;
                double bottomLoad = stuck || parted ? 0 : law.load(-cur[n]);
                for (int i = 1; i < n; i++) {
                    double f = grid.stiffness[i] * (cur[i + 1] - cur[i]) - grid.stiffness[i - 1] * (cur[i] - cur[i - 1]);
                    next[i] = (2 * cur[i] - bCoef * prev[i] + dt * dt * f / grid.mass[i]) / a;
                }
                double fb = bottomLoad - grid.stiffness[n - 1] * (cur[n] - cur[n - 1]);
                if (stuck) {
                    next[n] = cur[n];
                    bottomLoad = grid.stiffness[n - 1] * (cur[n] - cur[n - 1]);
                } else {
                    next[n] = (2 * cur[n] - bCoef * prev[n] + dt * dt * fb / grid.mass[n]) / a;
                }
                next[0] = -unit.position(t + dt);
                if (k % perPoint == 0) {
                    int j = k / perPoint;
                    double acc = (next[0] - 2 * cur[0] + prev[0]) / (dt * dt);
                    double vel = (next[0] - prev[0]) / (2 * dt);
                    double top = grid.stiffness[0] * (cur[1] - cur[0]) - grid.mass[0] * (acc + c * vel);
                    position[j] = -cur[0];
                    load[j] = top + wrf;
                    plunger[j] = -cur[n];
                    pumpLoad[j] = bottomLoad;
                }
                double[] swap = prev;
                prev = cur;
                cur = next;
                next = swap;
            }
            if (previousLoad != null && System.getenv("FWD_DEBUG") != null) { double md=0; for (int q=0;q<points;q++) md=Math.max(md,Math.abs(previousLoad[q]-load[q])); System.err.println("cycle " + cycle + " resid " + md); }
            if (previousLoad != null && cycle > 3 && converged(previousLoad, load, fo)) {
                break;
            }
            previousLoad = load.clone();
        }
        return new Run(position, load, plunger, pumpLoad, cycle, unit.spm());
    }

    private static boolean converged(double[] a, double[] b, double scale) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-5 * scale) {
                return false;
            }
        }
        return true;
    }
}

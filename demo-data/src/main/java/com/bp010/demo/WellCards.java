package com.bp010.demo;

import com.bp010.cards.CardInputException;
import com.bp010.cards.ForwardModel;
import com.bp010.cards.PumpBehaviour;
import com.bp010.cards.PumpingUnit;
import com.bp010.cards.RodString;
import com.bp010.cards.WellDescription;

import java.util.SplittableRandom;

/**
 * One well's dynamometer cards from the wave-equation forward model (card-analysis, docs/CARDS.md): the surface card
 * a full pump gives at the well's depth, rod string, plunger, fluid, stroke and SPM, and, where a {@link PumpProblem}
 * is planted, the card of that problem. The model runs once per card shape (it costs tens of milliseconds); each hour
 * reuses it with a small change of load (±1 %) and a little noise, as successive strokes differ.
 */
final class WellCards {
    /** Samples per stroke (the card's JSON closes the loop with one more). */
    static final int POINTS = 64;
    /** The rod string every demo well's master describes. */
    static final String ROD_STRING = "7/8 in x 40%, 3/4 in x 60%";
    /** Tubing size of every demo well's master, in. */
    static final double TUBING_OD_IN = 2.875;
    /** Crank-to-pitman ratio of the demo's pumping units. */
    private static final double CRANK_RATIO = 0.25;

    private final Shape normal;
    private final Shape problem;
    private final PumpProblem planted;

    /** A card shape: the surface card and the pump card that produced it (both one stroke, time order). */
    record Shape(double[] position, double[] load, double[] pumpPosition, double[] pumpLoad, double spm) {
    }

    private WellCards(Shape normal, Shape problem, PumpProblem planted) {
        this.normal = normal;
        this.problem = problem;
        this.planted = planted;
    }

    /** Runs the forward model for the well's full pump and, when {@code planted} is not null, for that problem. */
    static WellCards of(WellProfile well, PumpProblem planted) {
        WellDescription description = description(well);
        PumpingUnit unit = new PumpingUnit(well.strokeIn(), well.spm(), CRANK_RATIO);
        ForwardModel model = new ForwardModel();
        Shape normal = shape(model, description, unit, PumpBehaviour.full(well.pip()));
        Shape problem = planted == null ? null
                : shape(model, description, unit, planted.behaviour(description, well.pip()));
        return new WellCards(normal, problem, planted);
    }

    /**
     * The well as the pipeline reads it back from the master and the readings: pump depth, plunger, the master's rod
     * string, tubing size (anchoring unknown), the produced liquid's gravity, the tubing pressure and the SPM.
     */
    static WellDescription description(WellProfile well) {
        try {
            return new WellDescription(well.pumpDepthFt(), well.plungerIn(), RodString.parse(ROD_STRING,
                    well.pumpDepthFt()), null, TUBING_OD_IN, well.sgMixture(), well.tubingPsi(), well.spm(), null,
                    null);
        } catch (CardInputException e) {
            throw new IllegalStateException("demo well " + well.wellId() + ": " + e.getMessage(), e);
        }
    }

    private static Shape shape(ForwardModel model, WellDescription well, PumpingUnit unit, PumpBehaviour pump) {
        ForwardModel.Result r = model.run(well, unit, pump, POINTS);
        return new Shape(r.surface().position(), r.surface().load(), r.pump().position(), r.pump().load(), unit.spm());
    }

    /**
     * The largest gearbox torque the simulator reports for this well while it runs ({@link WellSimulator}: S/2 ·
     * (max load − counterbalance) · 0.93, the counterbalance the card's mid load), over the full pump's card and the
     * planted problem's, with the hour's load change (+1 %) and noise (±0.2 % of the range at each end) at their worst.
     */
    double peakTorque(double strokeIn) {
        double peak = 0;
        for (Shape s : problem == null ? new Shape[]{normal} : new Shape[]{normal, problem}) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double l : s.load()) {
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
            peak = Math.max(peak, strokeIn / 2 * ((hi - lo) * 1.014) / 2 * 0.93);
        }
        return peak;
    }

    PumpProblem planted() {
        return planted;
    }

    /** The shape of an hour: the problem's from its onset on, else the full pump's. */
    Shape shape(boolean problemShown) {
        return problemShown && problem != null ? problem : normal;
    }

    /** One hour's surface card of {@code shape}: loads scaled by up to ±1 % and a 0.2 % noise of the load range. */
    static Dynacard[] hourCards(Shape shape, SplittableRandom rng) {
        return hourCards(shape, 1 + 0.01 * (2 * rng.nextDouble() - 1), rng);
    }

    /** The hour's cards with their loads scaled by {@code scale} (about 1), the surface card's noise drawn from rng. */
    static Dynacard[] hourCards(Shape shape, double scale, SplittableRandom rng) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double l : shape.load()) {
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        double noise = 0.002 * (hi - lo);
        double[] load = new double[shape.load().length];
        for (int i = 0; i < load.length; i++) {
            load[i] = shape.load()[i] * scale + noise * (2 * rng.nextDouble() - 1);
        }
        double[] pumpLoad = new double[shape.pumpLoad().length];
        for (int i = 0; i < pumpLoad.length; i++) {
            pumpLoad[i] = shape.pumpLoad()[i] * scale;
        }
        return new Dynacard[]{Dynacard.loop(shape.position(), load, shape.spm()),
            Dynacard.loop(shape.pumpPosition(), pumpLoad, shape.spm())};
    }
}

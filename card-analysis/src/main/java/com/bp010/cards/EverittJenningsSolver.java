package com.bp010.cards;

/**
 * The downhole card by finite differences (Everitt &amp; Jennings, SPE 18189, 1992): the damped wave equation
 * ∂²u/∂t² = a²·∂²u/∂x² − c·∂u/∂t marched down the string from the measured polished-rod position and load, node by
 * node, on the lumped-mass grid of {@link RodGrid} with central differences in time over one periodic stroke.
 * Displacement u is positive downward; the tension above node i+1 is the tension above node i plus the node's
 * inertia and damping, m·(ü + c·u̇), and u(i+1) = u(i) + T/k.
 */
public final class EverittJenningsSolver {
    /** Points per stroke the card is resampled to before solving. */
    public static final int DEFAULT_POINTS = 256;

    private final int points;

    public EverittJenningsSolver() {
        this(DEFAULT_POINTS);
    }

    public EverittJenningsSolver(int points) {
        this.points = points;
    }

    public PumpCard solve(Card surface, WellDescription well) {
        UniformCard card = TimeBase.resample(surface, well.spm(), points);
        return solve(card, well);
    }

    PumpCard solve(UniformCard card, WellDescription well) {
        int n = card.size();
        double[] surfaceLoad = Spectrum.powerOfTwo(n) ? Spectrum.denoise(card.load()) : card.load();
        double[] surfacePosition = Spectrum.powerOfTwo(n) ? Spectrum.denoise(card.position()) : card.position();
        double dt = card.dt();
        RodGrid grid = RodGrid.forTimeStep(well.rods(), dt);
        double c = well.damping();
        double wrf = well.buoyantRodWeightLbf();
        double[] u = new double[n];
        double[] tension = new double[n];
        for (int j = 0; j < n; j++) {
            u[j] = -surfacePosition[j];
            tension[j] = surfaceLoad[j] - wrf;
        }
        double[] next = new double[n];
        double inv2dt = 1 / (2 * dt);
        double invDt2 = 1 / (dt * dt);
        int last = grid.nodes() - 1;
        for (int i = 0; i <= last; i++) {
            double m = grid.mass[i];
            double invK = i < last ? 1 / grid.stiffness[i] : 0;
            for (int j = 0; j < n; j++) {
                double before = u[j == 0 ? n - 1 : j - 1];
                double after = u[j == n - 1 ? 0 : j + 1];
                double acc = (after - 2 * u[j] + before) * invDt2;
                double vel = (after - before) * inv2dt;
                tension[j] += m * (acc + c * vel);
            }
            if (i < last) {
                for (int j = 0; j < n; j++) {
                    next[j] = u[j] + tension[j] * invK;
                }
                double[] swap = u;
                u = next;
                next = swap;
            }
        }
        return toPumpCard(u, tension, TimeBase.range(card.position()));
    }

    static PumpCard toPumpCard(double[] downward, double[] load, double surfaceStroke) {
        double lowest = Double.NEGATIVE_INFINITY;
        for (double v : downward) {
            lowest = Math.max(lowest, v);
        }
        double[] pos = new double[downward.length];
        for (int j = 0; j < pos.length; j++) {
            pos[j] = lowest - downward[j];
        }
        return new PumpCard(pos, load.clone(), surfaceStroke);
    }
}

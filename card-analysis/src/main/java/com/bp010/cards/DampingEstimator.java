package com.bp010.cards;

/**
 * Viscous damping by the power balance (Gibbs; Everitt &amp; Jennings, SPE 18189): the power the polished rod puts in
 * (the surface card's area × SPM) less the power the pump gives the fluid (hydraulic: measured rate × the pressure
 * it is lifted across, Pdischarge − PIP) is what the rod string dissipates. A pump card computed with damping c delivers
 * its own area × SPM; c is scaled, c ← c·(P_surface − P_hydraulic)/(P_surface − P_pump(c)), until the pump card
 * delivers the hydraulic power within 1 % (at most {@value #MAX_ROUNDS} rounds, c kept within 1/20 to 20 times the
 * default ν = 0.05; the default is kept, with why, when the powers are inconsistent or the balance does not settle).
 * The measured rate must be what the pump displaces: slippage past the plunger counts as damping.
 */
public final class DampingEstimator {
    static final int MAX_ROUNDS = 12;
    static final double TOLERANCE = 0.01;
    /** in·lbf/s per hp. */
    private static final double IN_LBF_S_PER_HP = 6600;
    /** in³/s per bbl/d: 5.6146 ft³ × 1728 in³/ft³ / 86,400 s. */
    private static final double IN3_S_PER_BBL_D = 5.6146 * 1728 / 86_400;

    /**
     * What the balance found: the damping (1/s; the default's when none could be found), the three powers (hp), the
     * rounds it took and whether it met the tolerance; {@code note} says why the default was kept, else null.
     */
    public record Estimate(double dampingPerS, double surfaceHp, double hydraulicHp, double pumpHp, int rounds,
                           boolean converged, String note) {
    }

    private final EverittJenningsSolver solver;

    public DampingEstimator() {
        this(new EverittJenningsSolver());
    }

    public DampingEstimator(EverittJenningsSolver solver) {
        this.solver = solver;
    }

    /**
     * The damping that makes the pump card deliver {@code rateBblD} across Pdischarge − {@code pipPsi}, for a surface
     * card with a time base (its SPM or time array, else the well's SPM) and the well.
     */
    public Estimate powerBalance(Card surface, WellDescription well, double rateBblD, double pipPsi) {
        UniformCard card = TimeBase.resample(surface, well.spm(), EverittJenningsSolver.DEFAULT_POINTS);
        double strokesPerS = 1 / card.periodS();
        double fallback = well.withDamping(null).damping();
        double surfaceHp = area(card.position(), card.load()) * strokesPerS / IN_LBF_S_PER_HP;
        double lift = well.dischargePressurePsi() - pipPsi;
        double hydraulicHp = rateBblD * IN3_S_PER_BBL_D * lift / IN_LBF_S_PER_HP;
        if (!(rateBblD > 0) || !(lift > 0)) {
            return new Estimate(fallback, surfaceHp, hydraulicHp, Double.NaN, 0, false,
                    "no hydraulic power: the rate and the lift (discharge less intake pressure) must be positive");
        }
        if (!(hydraulicHp < surfaceHp)) {
            return new Estimate(fallback, surfaceHp, hydraulicHp, Double.NaN, 0, false, String.format(
                    "the hydraulic power %.2f hp is not below the polished-rod power %.2f hp", hydraulicHp, surfaceHp));
        }
        double c = fallback;
        double pumpHp = Double.NaN;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            PumpCard pump = solver.solve(card, well.withDamping(c));
            pumpHp = Math.abs(area(pump.position(), pump.load())) * strokesPerS / IN_LBF_S_PER_HP;
            if (Math.abs(pumpHp - hydraulicHp) <= TOLERANCE * hydraulicHp) {
                return new Estimate(c, surfaceHp, hydraulicHp, pumpHp, round, true, null);
            }
            double dissipated = surfaceHp - pumpHp;
            double next = dissipated > 0 ? c * (surfaceHp - hydraulicHp) / dissipated : c * 2;
            c = Math.max(fallback / 20, Math.min(fallback * 20, next));
        }
        return new Estimate(fallback, surfaceHp, hydraulicHp, pumpHp, MAX_ROUNDS, false, String.format(
                "the pump card still delivers %.2f hp against %.2f hp hydraulic after %d rounds (last c %.3f 1/s)",
                pumpHp, hydraulicHp, MAX_ROUNDS, c));
    }

    /** The area a card encloses, lbf·in (shoelace over the open loop in time order). */
    static double area(double[] position, double[] load) {
        double sum = 0;
        int n = position.length;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += position[i] * load[j] - position[j] * load[i];
        }
        return Math.abs(sum) / 2;
    }
}

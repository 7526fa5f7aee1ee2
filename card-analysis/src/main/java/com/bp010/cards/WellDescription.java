package com.bp010.cards;

/**
 * What the solver and the pump-card analysis need to know about a well. Nullable fields are unknown.
 *
 * @param pumpDepthFt        pump depth (ft)
 * @param plungerDiameterIn  plunger diameter (in)
 * @param rods               the rod string, top taper first
 * @param tubingAnchored     anchored tubing (null: unknown)
 * @param tubingOdIn         tubing outside diameter (in), for the tubing stretch when unanchored (null: 2.875)
 * @param fluidSg            specific gravity of the produced liquid (null: 1.0)
 * @param tubingPressurePsi  wellhead tubing pressure (psig), for the pump discharge pressure (null: 0)
 * @param spm                strokes per minute when a card carries none (null: unknown)
 * @param dampingPerS        viscous damping c (1/s); null: a dimensionless 0.05 of π·a/L (see {@link #damping()})
 * @param measuredRateBblD   measured gross liquid rate (bbl/d) to compare with the card's displacement (nullable)
 * @param intakePressurePsi  measured pump intake pressure (psig, e.g. from a fluid level): with the measured rate and no
 *                           damping setting, the damping comes from the power balance ({@link DampingEstimator})
 */
public record WellDescription(double pumpDepthFt, double plungerDiameterIn, RodString rods, Boolean tubingAnchored,
                              Double tubingOdIn, Double fluidSg, Double tubingPressurePsi, Double spm,
                              Double dampingPerS, Double measuredRateBblD, Double intakePressurePsi) {

    /** The default dimensionless damping factor ν in c = ν·π·a/L (Gibbs; 0.05–0.1 is the usual range). */
    public static final double DEFAULT_DAMPING_FACTOR = 0.05;

    public WellDescription {
        if (!(pumpDepthFt > 100 && pumpDepthFt < 30_000)) {
            throw new CardInputException("pump depth " + pumpDepthFt + " ft is outside 100-30,000 ft");
        }
        if (!(plungerDiameterIn > 0.5 && plungerDiameterIn < 6)) {
            throw new CardInputException("plunger diameter " + plungerDiameterIn + " in is outside 0.5-6 in");
        }
        if (rods == null) {
            throw new CardInputException("the rod string is missing");
        }
        if (Math.abs(rods.lengthFt() - pumpDepthFt) > 0.02 * pumpDepthFt + 50) {
            throw new CardInputException("rod string length " + Math.round(rods.lengthFt()) + " ft does not reach the pump at "
                    + Math.round(pumpDepthFt) + " ft");
        }
    }

    /** A well without a measured intake pressure (the damping is the setting or the default). */
    public WellDescription(double pumpDepthFt, double plungerDiameterIn, RodString rods, Boolean tubingAnchored,
                           Double tubingOdIn, Double fluidSg, Double tubingPressurePsi, Double spm, Double dampingPerS,
                           Double measuredRateBblD) {
        this(pumpDepthFt, plungerDiameterIn, rods, tubingAnchored, tubingOdIn, fluidSg, tubingPressurePsi, spm,
                dampingPerS, measuredRateBblD, null);
    }

    public static WellDescription of(double pumpDepthFt, double plungerIn, RodString rods) {
        return new WellDescription(pumpDepthFt, plungerIn, rods, true, null, 1.0, 0.0, null, null, null);
    }

    public WellDescription withDamping(Double c) {
        return new WellDescription(pumpDepthFt, plungerDiameterIn, rods, tubingAnchored, tubingOdIn, fluidSg,
                tubingPressurePsi, spm, c, measuredRateBblD, intakePressurePsi);
    }

    /** The measured rate (bbl/d) and intake pressure (psig) the power balance needs. */
    public WellDescription withMeasured(Double rateBblD, Double intakePsi) {
        return new WellDescription(pumpDepthFt, plungerDiameterIn, rods, tubingAnchored, tubingOdIn, fluidSg,
                tubingPressurePsi, spm, dampingPerS, rateBblD, intakePsi);
    }

    public WellDescription withTubing(boolean anchored, double odIn) {
        return new WellDescription(pumpDepthFt, plungerDiameterIn, rods, anchored, odIn, fluidSg,
                tubingPressurePsi, spm, dampingPerS, measuredRateBblD, intakePressurePsi);
    }

    public WellDescription withFluid(double sg, double tubingPsi) {
        return new WellDescription(pumpDepthFt, plungerDiameterIn, rods, tubingAnchored, tubingOdIn, sg,
                tubingPsi, spm, dampingPerS, measuredRateBblD, intakePressurePsi);
    }

    public double sg() {
        return fluidSg == null ? 1.0 : fluidSg;
    }

    public double plungerAreaIn2() {
        return Math.PI / 4 * plungerDiameterIn * plungerDiameterIn;
    }

    /** Pump discharge pressure, psig: tubing pressure plus the liquid column to the pump (0.433·SG psi/ft). */
    public double dischargePressurePsi() {
        double pt = tubingPressurePsi == null ? 0 : tubingPressurePsi;
        return pt + Units.WATER_GRADIENT_PSI_FT * sg() * pumpDepthFt;
    }

    /** The largest fluid load the plunger can carry (intake at 0 psig), lbf: Ap·Pdischarge. */
    public double maxFluidLoadLbf() {
        return plungerAreaIn2() * dischargePressurePsi();
    }

    public double buoyantRodWeightLbf() {
        return rods.buoyantWeightLbf(sg());
    }

    /** Viscous damping c, 1/s: the well's setting, else ν·π·a/L with ν = 0.05 and a the string's mean wave speed. */
    public double damping() {
        if (dampingPerS != null) {
            return dampingPerS;
        }
        double travel = 0;
        for (Taper t : rods.tapers()) {
            travel += t.lengthFt() * 12 / t.waveSpeedInPerS();
        }
        double meanSpeed = rods.lengthFt() * 12 / travel;
        return DEFAULT_DAMPING_FACTOR * Math.PI * meanSpeed / (rods.lengthFt() * 12);
    }

    /** Tubing metal area, in², from its outside diameter (API EUE weights: 2-3/8 → 1.304, 2-7/8 → 1.812, 3-1/2 → 2.590). */
    public double tubingMetalAreaIn2() {
        double od = tubingOdIn == null ? 2.875 : tubingOdIn;
        if (od < 2.6) {
            return 1.304;
        }
        return od < 3.2 ? 1.812 : 2.590;
    }
}

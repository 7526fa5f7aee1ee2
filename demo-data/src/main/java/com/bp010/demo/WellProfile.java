package com.bp010.demo;

import java.util.SplittableRandom;

/**
 * The static attributes of one simulated rod-pumped well and its steady operating point, chosen so the physics of
 * docs/DOMAIN.md holds: pump above the perforations, PWF below the static reservoir pressure, peak load above the buoyant
 * rod weight, minimum load positive and below the rods' weight in air.
 */
public record WellProfile(
        String wellId, String campo, double latitud, double longitud,
        double pumpDepthFt, double midPerfFt, double reservoirDepthFt, double staticPressurePsi,
        double plungerIn, double strokeIn, double spm, double apiGravity, double sgWater, double sgGas,
        double waterCut, double gorScfBbl, double volumetricEff, double fluidLevelFt,
        double tubingPsi, double casingPsi, double rodWeightAirLbf, double gearboxRatingInLbf,
        double motorHp, double reservoirTempF, double declinePerDay) {
    /** Net plunger stroke over surface stroke (rod stretch and overtravel). */
    static final double PLUNGER_STROKE_RATIO = 0.85;


    /** The largest rod stretch under the fluid load a well's design allows, as a share of the surface stroke. */
    static final double MAX_STRETCH_SHARE = 0.4;

    private static final double[] PLUNGERS = {1.25, 1.5, 1.75, 2.0, 2.25};
    private static final double[] STROKES = {64, 74, 86, 100, 120, 144, 168};
    /** API 11E gearbox ratings (in·lbf) from 57D to 1824D, the sizes a unit is picked from for its well's torque. */
    static final double[] GEARBOXES = {57_000, 80_000, 114_000, 160_000, 228_000, 320_000, 456_000, 640_000, 912_000,
        1_280_000, 1_824_000};
    /**
     * The largest share of its rating a unit's gearbox is sized to run at, at the well's peak torque: within the
     * catalogue's normal band for peak torque (max_warning 456,000 of a 640D's 640,000 = 71.25 %, scaled by each
     * well's rating), so a healthy demo well reads normal, between about 49 and 70 % of its gearbox.
     */
    static final double GEARBOX_DESIGN_LOAD = 0.70;
    private static final String[] FIELDS = {"CAMPO NORTE", "CAMPO SUR", "LA LOMA", "EL ALBA"};

    public static WellProfile random(String wellId, SplittableRandom rng) {
        double pumpDepth = round(between(rng, 3_000, 8_000), 0);
        double midPerf = round(pumpDepth + between(rng, 100, 500), 0);
        double reservoirDepth = round(midPerf + between(rng, 20, 150), 0);
        int plungerIndex = rng.nextInt(PLUNGERS.length);
        int strokeIndex = rng.nextInt(STROKES.length);
        // a pump the unit can work: the rods stretch under the fluid load by at most 40 % of the stroke (a smaller
        // plunger first, then a longer stroke), else the plunger barely moves and the card reads as a stuck pump
        while (rodStretchIn(PLUNGERS[plungerIndex], pumpDepth) > MAX_STRETCH_SHARE * STROKES[strokeIndex]
                && (plungerIndex > 0 || strokeIndex < STROKES.length - 1)) {
            if (plungerIndex > 0) {
                plungerIndex--;
            } else {
                strokeIndex++;
            }
        }
        double plunger = PLUNGERS[plungerIndex];
        double stroke = STROKES[strokeIndex];
        double spm = round(between(rng, 5, 10), 1);
        double api = round(between(rng, 18, 40), 1);
        double sgWater = round(between(rng, 1.02, 1.10), 3);
        double waterCut = round(between(rng, 0.3, 0.9), 3);
        double fluidLevel = round(pumpDepth - between(rng, 300, 1_500), 0);
        double tubing = round(between(rng, 60, 250), 0);
        double casing = round(between(rng, 20, 120), 0);
        double rodWeight = round(pumpDepth * between(rng, 1.7, 2.1), 0);
        double staticPressure = round(reservoirDepth * between(rng, 0.38, 0.45), 0);
        double sgOil = 141.5 / (131.5 + api);
        double pip = casing + 0.433 * sgOil * (pumpDepth - fluidLevel);
        double pwf = pip + 0.433 * ((1 - waterCut) * sgOil + waterCut * sgWater) * (midPerf - pumpDepth);
        tubing = Math.min(tubing, round(pwf * between(rng, 0.35, 0.6), 0));
        return new WellProfile(wellId, FIELDS[rng.nextInt(FIELDS.length)],
                round(between(rng, -2.5, 9.5), 5), round(between(rng, -75.5, -66.0), 5),
                pumpDepth, midPerf, reservoirDepth, staticPressure, plunger, stroke, spm, api, sgWater,
                round(between(rng, 0.65, 0.9), 3), waterCut, round(between(rng, 150, 1_200), 0),
                round(between(rng, 0.6, 0.9), 3), fluidLevel, tubing, casing, rodWeight,
                gearboxPlaceholder(rng), round(between(rng, 30, 75), 0),
                round(between(rng, 120, 200), 0), between(rng, 0.0002, 0.0015));
    }

    /**
     * The draw that once picked the gearbox at random, kept so every later attribute of the well (and the seed's files
     * but the gearbox) stays as it was; the rating is sized from the well's cards afterwards ({@link #withGearboxFor}).
     */
    private static double gearboxPlaceholder(SplittableRandom rng) {
        rng.nextInt(4);
        return 0;
    }

    /**
     * This well with the gearbox a field would fit for it: the smallest API rating at or above the peak torque of its
     * cards over {@link #GEARBOX_DESIGN_LOAD}, so in normal operation it runs below its rating (at most 70 % of it).
     */
    public WellProfile withGearboxFor(double peakTorqueInLbf) {
        return new WellProfile(wellId, campo, latitud, longitud, pumpDepthFt, midPerfFt, reservoirDepthFt,
                staticPressurePsi, plungerIn, strokeIn, spm, apiGravity, sgWater, sgGas, waterCut, gorScfBbl,
                volumetricEff, fluidLevelFt, tubingPsi, casingPsi, rodWeightAirLbf, gearboxRating(peakTorqueInLbf),
                motorHp, reservoirTempF, declinePerDay);
    }

    /** The smallest API rating at or above {@code peakTorque} / {@link #GEARBOX_DESIGN_LOAD} (the largest if none). */
    static double gearboxRating(double peakTorqueInLbf) {
        for (double rating : GEARBOXES) {
            if (rating * GEARBOX_DESIGN_LOAD >= peakTorqueInLbf) {
                return rating;
            }
        }
        return GEARBOXES[GEARBOXES.length - 1];
    }

    /**
     * Rod stretch under a full water column on the plunger (in), for the master's string (7/8 in x 40 %, 3/4 in x 60 %
     * of steel, E = 30.5e6 psi): Fo·Σ L/(E·A).
     */
    static double rodStretchIn(double plungerIn, double pumpDepthFt) {
        double fo = Math.PI / 4 * plungerIn * plungerIn * 0.433 * pumpDepthFt;
        double inPerLbf = pumpDepthFt * 12 * (0.4 / (30.5e6 * 0.6013) + 0.6 / (30.5e6 * 0.4418));
        return fo * inPerLbf;
    }

    /** Oil specific gravity from API gravity. */
    public double sgOil() {
        return 141.5 / (131.5 + apiGravity);
    }

    public double sgMixture() {
        return (1 - waterCut) * sgOil() + waterCut * sgWater;
    }

    /** Net plunger stroke, in: the surface stroke less rod stretch (the controller's downhole card reports it). */
    public double plungerStrokeIn() {
        return strokeIn * PLUNGER_STROKE_RATIO;
    }

    /** Pump displacement, bbl/d (k = 0.1166), on the net plunger stroke as docs/DOMAIN.md recommends. */
    public double pumpDisplacement() {
        return 0.1166 * plungerIn * plungerIn * plungerStrokeIn() * spm;
    }

    /** Pump intake pressure from the fluid level, psi. */
    public double pip() {
        return casingPsi + 0.433 * sgOil() * (pumpDepthFt - fluidLevelFt);
    }

    /** Flowing bottom-hole pressure, psi. */
    public double pwf() {
        return pip() + 0.433 * sgMixture() * (midPerfFt - pumpDepthFt);
    }

    public double buoyantRodWeight() {
        return rodWeightAirLbf * (1 - 0.128 * sgMixture());
    }

    /** Fluid load on the plunger, lbf. */
    public double fluidLoad() {
        double area = Math.PI / 4 * plungerIn * plungerIn;
        double discharge = tubingPsi + 0.433 * sgMixture() * pumpDepthFt;
        return area * (discharge - pip());
    }

    /** Dynamic load amplitude (Mills acceleration factor S·N²/70,500 on the rods), lbf. */
    public double dynamicLoad() {
        return rodWeightAirLbf * strokeIn * spm * spm / 70_500;
    }

    static double between(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}

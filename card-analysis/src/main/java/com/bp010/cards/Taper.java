package com.bp010.cards;

/**
 * One section of a rod string: diameter (in), length (ft), material and weight in air per foot (lb/ft, couplings
 * included for steel: the API table docs/DOMAIN.md §4 quotes).
 */
public record Taper(double diameterIn, double lengthFt, RodMaterial material, double weightLbPerFt) {

    public Taper {
        if (!(diameterIn > 0.3 && diameterIn < 2.0)) {
            throw new CardInputException("rod diameter " + diameterIn + " in is outside 0.3-2.0 in");
        }
        if (!(lengthFt > 0 && lengthFt < 40_000)) {
            throw new CardInputException("taper length " + lengthFt + " ft must be positive and below 40,000 ft");
        }
        if (!(weightLbPerFt > 0)) {
            throw new CardInputException("taper weight " + weightLbPerFt + " lb/ft must be positive");
        }
    }

    /** A taper with its weight per foot from the steel table (interpolated on d²) or from the material's density. */
    public static Taper of(double diameterIn, double lengthFt, RodMaterial material) {
        return new Taper(diameterIn, lengthFt, material, weightPerFoot(diameterIn, material));
    }

    /** Steel: 5/8 1.135, 3/4 1.634, 7/8 2.224, 1 2.904, 1-1/8 3.676 lb/ft (couplings included); else ρ·A. */
    static double weightPerFoot(double d, RodMaterial material) {
        if (material == RodMaterial.STEEL) {
            // the table is, within 0.5 %, 2.904·d² lb/ft (d in in): exact values at the API sizes
            double[][] table = {{0.625, 1.135}, {0.75, 1.634}, {0.875, 2.224}, {1.0, 2.904}, {1.125, 3.676}};
            for (double[] row : table) {
                if (Math.abs(row[0] - d) < 1e-3) {
                    return row[1];
                }
            }
            return 2.904 * d * d;
        }
        return material.densityLbPerFt3() * areaIn2(d) / 144.0;
    }

    static double areaIn2(double d) {
        return Math.PI / 4 * d * d;
    }

    /** Metal cross-section, in². */
    public double areaIn2() {
        return areaIn2(diameterIn);
    }

    /** Axial stiffness E·A, lbf. */
    public double axialStiffnessLbf() {
        return material.modulusPsi() * areaIn2();
    }

    /** Speed of sound in this taper, in/s: √(E·A·g / w), w the weight per inch (couplings slow steel to ≈ 16,300 ft/s). */
    public double waveSpeedInPerS() {
        return Math.sqrt(axialStiffnessLbf() * Units.G_IN_S2 / (weightLbPerFt / 12.0));
    }

    public double weightInAirLbf() {
        return weightLbPerFt * lengthFt;
    }
}

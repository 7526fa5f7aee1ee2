package com.bp010.cards;

import java.util.List;

/** The rod string, top taper first. */
public record RodString(List<Taper> tapers) {

    public RodString {
        if (tapers == null || tapers.isEmpty()) {
            throw new CardInputException("a rod string needs at least one taper");
        }
        tapers = List.copyOf(tapers);
    }

    /** Parses the well master's text form; see {@link RodStringParser}. */
    public static RodString parse(String text, Double pumpDepthFt) {
        return RodStringParser.parse(text, pumpDepthFt);
    }

    public double lengthFt() {
        return tapers.stream().mapToDouble(Taper::lengthFt).sum();
    }

    public double weightInAirLbf() {
        return tapers.stream().mapToDouble(Taper::weightInAirLbf).sum();
    }

    /** Weight in a fluid of specific gravity {@code sg}, lbf (buoyancy per material, docs/DOMAIN.md §2). */
    public double buoyantWeightLbf(double sg) {
        double sum = 0;
        for (Taper t : tapers) {
            sum += t.weightInAirLbf() * (1 - t.material().buoyancyPerSg() * sg);
        }
        return sum;
    }

    /** Elastic stretch per lbf of load at the pump, in/lbf: Σ Lᵢ/(Eᵢ·Aᵢ), L in inches. */
    public double stretchInPerLbf() {
        double sum = 0;
        for (Taper t : tapers) {
            sum += t.lengthFt() * 12 / t.axialStiffnessLbf();
        }
        return sum;
    }
}

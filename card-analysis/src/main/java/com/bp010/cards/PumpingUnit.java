package com.bp010.cards;

/**
 * Polished-rod kinematics of a crank-balanced unit as a slider-crank: with crank angle θ = 2π·t/T from the bottom,
 * x(θ) = R·(1 − cos θ) + Lc·(1 − √(1 − (R/Lc)²·sin²θ)), scaled to the stroke; {@code crankRatio} = R/Lc (0: harmonic).
 */
public record PumpingUnit(double strokeIn, double spm, double crankRatio) {

    public PumpingUnit {
        if (!(strokeIn > 0) || !(spm > 0) || crankRatio < 0 || crankRatio >= 0.5) {
            throw new CardInputException("pumping unit: stroke and SPM must be positive and the crank ratio below 0.5");
        }
    }

    public double periodS() {
        return 60 / spm;
    }

    /** Polished-rod position (in above the bottom of the stroke) at time t (s). */
    public double position(double t) {
        double theta = 2 * Math.PI * t / periodS();
        double s = Math.sin(theta);
        double x = 1 - Math.cos(theta);
        if (crankRatio > 0) {
            x += (1 - Math.sqrt(1 - crankRatio * crankRatio * s * s)) / crankRatio;
        }
        return strokeIn / 2 * x;
    }
}

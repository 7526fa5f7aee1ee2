package com.bp010.cards;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules: the first that holds names the card. Shape rules read the dimensionless features, so they hold on cards
 * in lbf and inches and on cards normalised to 0-1; the rules that need quantities (rod part, stuck pump, rod
 * friction) only run when the card has units and the well is known. On the surface card (no well data) only the
 * coarse shape rules run and confidence is lower. Thresholds and their reasons: docs/CARDS.md.
 */
public final class CardDiagnoser {
    static final double FULL_FILLAGE = 90;
    static final double SHARP_UNLOADING = 0.10;
    static final double SPIKE = 0.15;
    static final double SAG = 0.07;
    static final double MID_SAG = 0.06;
    static final double RISE = 0.07;
    static final double SLANT = 0.04;
    static final double LENS_AREA = 0.35;
    static final double STUCK_STROKE_IN = 3;

    private CardDiagnoser() {
    }

    public static Diagnosis diagnosePump(CardFeatures f) {
        List<String> why = new ArrayList<>();
        if (f.upperLoadLbf() != null && f.maxFluidLoadLbf() != null
                && f.upperLoadLbf() < 0.15 * f.maxFluidLoadLbf()) {
            why.add(String.format("the pump card's upper load %.0f lbf is below 15 %% of the %.0f lbf a full column"
                    + " puts on the plunger: the rods carry no fluid", f.upperLoadLbf(), f.maxFluidLoadLbf()));
            return make(Pattern.ROD_PART, Severity.SEVERE, 0.85, Basis.PUMP, why, f);
        }
        if (f.strokeRatio() != null && f.strokeRatio() < 0.10) {
            why.add(String.format("the plunger moves %.0f %% of the surface stroke: it does not travel",
                    f.strokeRatio() * 100));
            return make(Pattern.STUCK_PUMP, Severity.SEVERE, strength(0.10 / Math.max(f.strokeRatio(), 1e-3)), Basis.PUMP,
                    why, f);
        }
        if (f.strokeRatio() == null && f.grossStrokeIn() != null && f.grossStrokeIn() < STUCK_STROKE_IN) {
            why.add(String.format("the plunger moves %.1f in (< %.0f in): it does not travel", f.grossStrokeIn(),
                    STUCK_STROKE_IN));
            return make(Pattern.STUCK_PUMP, Severity.SEVERE, 0.7, Basis.PUMP, why, f);
        }
        if (f.areaRatio() < LENS_AREA && f.loadingSpan() > 0.25) {
            why.add(String.format("card area %.2f of its frame (< %.2f) and the load takes %.0f %% of the upstroke to"
                    + " rise: gas compressed and re-expanded, nothing pumped", f.areaRatio(), LENS_AREA,
                    f.loadingSpan() * 100));
            return make(Pattern.GAS_LOCK, Severity.SEVERE, strength(LENS_AREA / Math.max(f.areaRatio(), 0.05)),
                    Basis.PUMP, why, f);
        }
        double spike = SPIKE + 3 * f.noise();
        if (f.bottomSpike() >= spike) {
            why.add(String.format("load spikes %.0f %% of the fluid load below the lower level in the bottom 10 %% of"
                    + " the stroke: the plunger tags the bottom", f.bottomSpike() * 100));
            return make(Pattern.PUMP_HITTING_DOWN, bySize(f.bottomSpike() / SPIKE), strength(f.bottomSpike() / spike),
                    Basis.PUMP, why, f);
        }
        if (f.topSpike() >= spike) {
            why.add(String.format("load spikes %.0f %% of the fluid load above the upper level in the top 10 %% of"
                    + " the stroke: the plunger tags the top", f.topSpike() * 100));
            return make(Pattern.PUMP_HITTING_UP, bySize(f.topSpike() / SPIKE), strength(f.topSpike() / spike),
                    Basis.PUMP, why, f);
        }
        if (f.lowerLoadLbf() != null && f.fluidLoadLbf() != null && f.lowerLoadLbf() < -0.10 * f.fluidLoadLbf()) {
            why.add(String.format("the downstroke load sits %.0f lbf below zero (%.0f %% of the fluid load): friction"
                    + " the wave equation did not remove", -f.lowerLoadLbf(), -100 * f.lowerLoadLbf() / f.fluidLoadLbf()));
            double s = -f.lowerLoadLbf() / (0.10 * f.fluidLoadLbf());
            return make(Pattern.ROD_FRICTION, bySize(s), strength(s), Basis.PUMP, why, f);
        }
        double slant = f.tubingStretchFraction() != null && f.tubingStretchFraction() >= 0.01
                ? Math.max(0.01, Math.min(SLANT, 0.5 * f.tubingStretchFraction())) : SLANT;
        boolean slanted = f.loadingSpan() >= slant && f.unloadingSpan() >= slant && f.unloadingShape() < 0.62
                && Math.abs(f.loadingSpan() - f.unloadingSpan()) < 0.5 * Math.max(f.loadingSpan(), f.unloadingSpan());
        // unanchored tubing (the well says so): every load transfer is slanted by the tubing's stretch s, so even a
        // full barrel's load falls through v = 0.5 about s/2 below the top and over s of the stroke; judge the
        // fillage against that full-barrel point and the drop beyond s, so a pound on loose tubing is still a pound
        // (not tubing movement) and a full barrel is not one
        double tubing = f.tubingStretchFraction() != null && f.tubingStretchFraction() >= 0.01
                ? f.tubingStretchFraction() : 0;
        double fullAt = 100 - 50 * tubing;
        double threshold = FULL_FILLAGE * fullAt / 100;
        double drop = Math.max(0, f.unloadingSpan() - tubing);
        if (f.fillagePct() < threshold && (!slanted || tubing > 0)) {
            boolean sharp = drop < SHARP_UNLOADING;
            why.add(String.format("the load falls on the downstroke at %.0f %% of the stroke (fillage < %.0f %%)",
                    f.fillagePct(), threshold));
            why.add(String.format(sharp ? "and falls within %.0f %% of the stroke (sharp, < %.0f %%): the plunger"
                            + " hits liquid" : "over %.0f %% of the stroke (gradual, >= %.0f %%): gas compresses first",
                    drop * 100, SHARP_UNLOADING * 100));
            if (tubing > 0) {
                why.add(String.format("read through the unanchored tubing's stretch of %.0f %% of the stroke (a full"
                        + " barrel would fall at %.0f %%, over that stretch)", tubing * 100, fullAt));
            }
            double relative = f.fillagePct() * 100 / fullAt;
            return make(sharp ? Pattern.FLUID_POUND : Pattern.GAS_INTERFERENCE, byFillage(relative),
                    strength(FULL_FILLAGE / Math.max(relative, 1)), Basis.PUMP, why, f);
        }
        if (f.midSag() >= MID_SAG) {
            why.add(String.format("the upstroke load dips %.0f %% of the fluid load at mid-stroke and recovers: fluid"
                    + " slips past a worn plunger or barrel", f.midSag() * 100));
            return make(Pattern.WORN_PUMP, bySize(f.midSag() / MID_SAG), strength(f.midSag() / MID_SAG), Basis.PUMP,
                    why, f);
        }
        if (f.upstrokeSag() >= SAG) {
            why.add(String.format("the upstroke load falls %.0f %% of the fluid load toward the top: the traveling"
                    + " valve leaks", f.upstrokeSag() * 100));
            return make(Pattern.TRAVELING_VALVE_LEAK, bySize(f.upstrokeSag() / SAG), strength(f.upstrokeSag() / SAG),
                    Basis.PUMP, why, f);
        }
        if (f.downstrokeRise() >= RISE) {
            why.add(String.format("the downstroke load rises %.0f %% of the fluid load toward the bottom: the"
                    + " standing valve leaks and the rods take load back", f.downstrokeRise() * 100));
            return make(Pattern.STANDING_VALVE_LEAK, bySize(f.downstrokeRise() / RISE),
                    strength(f.downstrokeRise() / RISE), Basis.PUMP, why, f);
        }
        if (slanted) {
            why.add(String.format("both load transfers slant alike (loading over %.0f %%, unloading over %.0f %% of"
                    + " the stroke, straight): the tubing stretches and lifts with the load",
                    f.loadingSpan() * 100, f.unloadingSpan() * 100));
            if (f.tubingStretchFraction() != null) {
                why.add(String.format("the well's tubing is not anchored: it stretches %.0f %% of the stroke under Fo",
                        f.tubingStretchFraction() * 100));
            }
            return make(Pattern.TUBING_MOVEMENT, bySize(f.loadingSpan() / slant),
                    strength(Math.min(f.loadingSpan(), f.unloadingSpan()) / slant), Basis.PUMP, why, f);
        }
        if (f.areaRatio() >= 0.7) {
            why.add(String.format("fillage %.0f %% (>= %.0f %%), square corners (load transfers within %.0f %% and"
                    + " %.0f %% of the stroke), flat plateaus: a full pump", f.fillagePct(), FULL_FILLAGE,
                    f.loadingSpan() * 100, f.unloadingSpan() * 100));
            double margin = Math.min((f.fillagePct() - FULL_FILLAGE) / 10, (0.7 - Math.max(f.upstrokeSag(), 0)) / 0.7);
            return make(Pattern.FULL_PUMP, Severity.NONE, 0.6 + 0.35 * Math.max(0, Math.min(1, margin)), Basis.PUMP,
                    why, f);
        }
        why.add(String.format("no rule holds: fillage %.0f %%, area ratio %.2f", f.fillagePct(), f.areaRatio()));
        return make(Pattern.UNKNOWN, Severity.NONE, 0.2, Basis.PUMP, why, f);
    }

    /**
     * The surface card's shape alone (no well data): a load drop late in the downstroke (pound or gas), a card with
     * almost no area (UNKNOWN but SEVERE: nothing is lifted), a full pump when the card encloses at least 0.45 of its
     * frame, otherwise UNKNOWN; confidence at most 0.6.
     */
    public static Diagnosis diagnoseSurface(CardFeatures f) {
        List<String> why = new ArrayList<>();
        why.add("surface card only (no well data for the pump card): the rod string's stretch and waves blur the shape");
        if (f.areaRatio() < 0.25) {
            why.add(String.format("card area %.2f of its frame (< 0.25): the rods lift almost no fluid; a stuck pump,"
                    + " gas lock or parted rods look alike here: the pump card is needed to tell", f.areaRatio()));
            return make(Pattern.UNKNOWN, Severity.SEVERE, 0.3, Basis.SURFACE, why, f);
        }
        if (f.fillagePct() < 75) {
            boolean sharp = f.unloadingSpan() < 0.15;
            why.add(String.format("the load falls at %.0f %% of the stroke on the downstroke (< 75 %%), over %.0f %% of"
                    + " the stroke", f.fillagePct(), f.unloadingSpan() * 100));
            return make(sharp ? Pattern.FLUID_POUND : Pattern.GAS_INTERFERENCE, byFillage(f.fillagePct() + 10),
                    0.6 * strength(75 / Math.max(f.fillagePct(), 1)), Basis.SURFACE, why, f);
        }
        if (f.areaRatio() >= 0.45) {
            why.add(String.format("the load falls at %.0f %% of the stroke (>= 75 %%) and the card is full (area %.2f)",
                    f.fillagePct(), f.areaRatio()));
            return make(Pattern.FULL_PUMP, Severity.NONE, 0.5, Basis.SURFACE, why, f);
        }
        why.add(String.format("no surface rule holds: load falls at %.0f %%, area %.2f", f.fillagePct(), f.areaRatio()));
        return make(Pattern.UNKNOWN, Severity.NONE, 0.15, Basis.SURFACE, why, f);
    }

    /** 0.55 at the threshold, rising to 0.95 at twice it. */
    static double strength(double ratio) {
        return 0.55 + 0.4 * Math.max(0, Math.min(1, ratio - 1));
    }

    static Severity bySize(double ratio) {
        return ratio < 1.5 ? Severity.LOW : ratio < 2.5 ? Severity.MODERATE : Severity.SEVERE;
    }

    static Severity byFillage(double fillage) {
        return fillage >= 80 ? Severity.LOW : fillage >= 60 ? Severity.MODERATE : Severity.SEVERE;
    }

    private static Diagnosis make(Pattern p, Severity s, double confidence, Basis basis, List<String> why,
                                  CardFeatures f) {
        return new Diagnosis(p, s, Math.max(0, Math.min(1, confidence)), basis, why, f);
    }
}

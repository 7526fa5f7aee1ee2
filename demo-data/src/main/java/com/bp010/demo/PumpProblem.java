package com.bp010.demo;

import com.bp010.cards.Pattern;
import com.bp010.cards.PumpBehaviour;
import com.bp010.cards.WellDescription;

/**
 * Pump problems the demo plants on a few wells' cards ({@link Fault#PUMP_PROBLEMS}), each the forward model's pump
 * behaviour (docs/CARDS.md) and the pattern the card diagnosis should name. The k-th problem goes on the k-th well.
 */
public enum PumpProblem {
    /** The barrel fills 55 %: the plunger meets liquid a little below mid-downstroke. */
    FLUID_POUND(Pattern.FLUID_POUND, "fluid pound: the barrel fills 55 %"),
    /** Free gas at the intake (at 30 % of the discharge pressure) fills 35 % of the barrel. */
    GAS_INTERFERENCE(Pattern.GAS_INTERFERENCE, "gas interference: free gas takes 35 % of the barrel"),
    /** The traveling valve leaks 30 % of the fluid load by the top of the upstroke. */
    TRAVELING_VALVE_LEAK(Pattern.TRAVELING_VALVE_LEAK, "leaking traveling valve: 30 % of the fluid load lost"),
    /** The plunger tags the bottom of the pump (spaced out too low by half the rod stretch). */
    PUMP_TAGGING(Pattern.PUMP_HITTING_DOWN, "pump tagging: the plunger hits the bottom of the pump"),
    /** The rods parted at 60 % of the string: no fluid load, a lighter string. */
    ROD_PART(Pattern.ROD_PART, "parted rod at 60 % of the string");

    private final Pattern pattern;
    private final String description;

    PumpProblem(Pattern pattern, String description) {
        this.pattern = pattern;
        this.description = description;
    }

    /** The pattern the diagnosis should name. */
    public Pattern pattern() {
        return pattern;
    }

    public String description() {
        return description;
    }

    /** The pump behaviour of this problem at a well whose full pump has intake pressure {@code pipPsi}. */
    PumpBehaviour behaviour(WellDescription well, double pipPsi) {
        PumpBehaviour full = PumpBehaviour.full(pipPsi);
        return switch (this) {
            case FLUID_POUND -> full.withFillage(0.55);
            case GAS_INTERFERENCE -> PumpBehaviour.full(0.3 * well.dischargePressurePsi()).withGas(0.65, 0.3, 0.04);
            case TRAVELING_VALVE_LEAK -> full.withLeaks(0.3, 0, 0);
            case PUMP_TAGGING -> {
                double stretch = well.plungerAreaIn2() * (well.dischargePressurePsi() - pipPsi)
                        * well.rods().stretchInPerLbf();
                yield full.withHits(0, 0.5 * stretch);
            }
            case ROD_PART -> full.withRodPart(0.6);
        };
    }

    /** The pump fillage a controller reports with this problem (%). */
    double fillagePct() {
        return switch (this) {
            case FLUID_POUND -> 55;
            case GAS_INTERFERENCE -> 65;
            case ROD_PART -> 0;
            default -> 97;
        };
    }
}

package com.bp010.cards;

/**
 * What the pump does, prescribed for the forward model. Loads are fractions of the fluid load Fo; strokes fractions of
 * the plunger's own gross stroke unless the name says inches.
 *
 * @param fillage          liquid fraction of the barrel at the top of the upstroke (1 = full)
 * @param gasIntakeRatio   intake over discharge pressure when the rest of the barrel is free gas (0: vapour, a pound)
 * @param clearanceGas     gas left under the plunger at the bottom, as a fraction of the stroke (gas lock when large)
 * @param tvLeak           upstroke load lost by the top of the stroke through a leaking traveling valve
 * @param svLeak           load the rods keep at the bottom of the downstroke through a leaking standing valve
 * @param wornPump         upstroke load lost at mid-stroke through a worn barrel/plunger
 * @param hitUpIn          plunger travel past the pump's top stop (in): it tags up
 * @param hitDownIn        plunger travel past the pump's bottom (in): it tags down
 * @param frictionLbf      Coulomb friction against the plunger motion (lbf): rod/pump friction the wave equation omits
 * @param stuck            the plunger does not move
 * @param rodPartFraction  the string parted at this fraction of its length (0: whole)
 * @param pipPsi           pump intake pressure (psig), which fixes Fo = Ap·(Pdischarge − PIP)
 */
public record PumpBehaviour(double fillage, double gasIntakeRatio, double clearanceGas, double tvLeak, double svLeak,
                            double wornPump, double hitUpIn, double hitDownIn, double frictionLbf, boolean stuck,
                            double rodPartFraction, double pipPsi) {

    public static PumpBehaviour full(double pipPsi) {
        return new PumpBehaviour(1, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, pipPsi);
    }

    public PumpBehaviour withFillage(double f) {
        return new PumpBehaviour(f, gasIntakeRatio, clearanceGas, tvLeak, svLeak, wornPump, hitUpIn, hitDownIn,
                frictionLbf, stuck, rodPartFraction, pipPsi);
    }

    public PumpBehaviour withGas(double fillage, double intakeRatio, double clearance) {
        return new PumpBehaviour(fillage, intakeRatio, clearance, tvLeak, svLeak, wornPump, hitUpIn, hitDownIn,
                frictionLbf, stuck, rodPartFraction, pipPsi);
    }

    public PumpBehaviour withLeaks(double tv, double sv, double worn) {
        return new PumpBehaviour(fillage, gasIntakeRatio, clearanceGas, tv, sv, worn, hitUpIn, hitDownIn,
                frictionLbf, stuck, rodPartFraction, pipPsi);
    }

    public PumpBehaviour withHits(double upIn, double downIn) {
        return new PumpBehaviour(fillage, gasIntakeRatio, clearanceGas, tvLeak, svLeak, wornPump, upIn, downIn,
                frictionLbf, stuck, rodPartFraction, pipPsi);
    }

    public PumpBehaviour withFriction(double lbf) {
        return new PumpBehaviour(fillage, gasIntakeRatio, clearanceGas, tvLeak, svLeak, wornPump, hitUpIn, hitDownIn,
                lbf, stuck, rodPartFraction, pipPsi);
    }

    public PumpBehaviour asStuck() {
        return new PumpBehaviour(fillage, gasIntakeRatio, clearanceGas, tvLeak, svLeak, wornPump, hitUpIn, hitDownIn,
                frictionLbf, true, rodPartFraction, pipPsi);
    }

    public PumpBehaviour withRodPart(double fraction) {
        return new PumpBehaviour(fillage, gasIntakeRatio, clearanceGas, tvLeak, svLeak, wornPump, hitUpIn, hitDownIn,
                frictionLbf, stuck, fraction, pipPsi);
    }
}

package com.bp010.cards;

/** Constants of field units used across the card module (inches, lbf, seconds inside the solvers). */
final class Units {
    /** Standard gravity, in/s². */
    static final double G_IN_S2 = 386.088;
    /** Pressure gradient of fresh water, psi/ft (docs/DOMAIN.md §2 keeps 0.433 as a convention). */
    static final double WATER_GRADIENT_PSI_FT = 0.433;
    /** Pump displacement constant, bbl/d per in²·in·SPM (docs/DOMAIN.md §2, k = 0.1166). */
    static final double DISPLACEMENT_K = 0.1166;

    private Units() {
    }
}

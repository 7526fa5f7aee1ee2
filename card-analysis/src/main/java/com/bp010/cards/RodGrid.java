package com.bp010.cards;

/**
 * The rod string as a chain of lumped masses and springs (inches, lbf, seconds): node 0 is the polished rod, the last
 * node the pump. Each taper is cut into elements no longer than {@code maxElementIn}; a node's mass is half of each
 * element it touches, so taper joints carry the masses of both sides and E·A·∂u/∂x is continuous across them.
 */
final class RodGrid {
    final double[] mass;       // lbf·s²/in, per node
    final double[] stiffness;  // lbf/in, per element (node i to i+1)
    final double[] elementIn;  // in, per element

    private RodGrid(double[] mass, double[] stiffness, double[] elementIn) {
        this.mass = mass;
        this.stiffness = stiffness;
        this.elementIn = elementIn;
    }

    int nodes() {
        return mass.length;
    }

    /** Elements of at most a·dt in each taper (the Everitt-Jennings stability condition Δx ≤ a·Δt). */
    static RodGrid forTimeStep(RodString rods, double dt) {
        return build(rods, dt, 1.0);
    }

    /** Elements of at most {@code fraction}·a·dt: used by the forward model, whose time step follows the grid. */
    static RodGrid build(RodString rods, double dt, double fraction) {
        int elements = 0;
        int[] per = new int[rods.tapers().size()];
        for (int j = 0; j < per.length; j++) {
            Taper t = rods.tapers().get(j);
            per[j] = Math.max(1, (int) Math.ceil(t.lengthFt() * 12 / (t.waveSpeedInPerS() * dt * fraction) - 1e-9));
            elements += per[j];
        }
        double[] mass = new double[elements + 1];
        double[] stiffness = new double[elements];
        double[] len = new double[elements];
        int e = 0;
        for (int j = 0; j < per.length; j++) {
            Taper t = rods.tapers().get(j);
            double dx = t.lengthFt() * 12 / per[j];
            double m = t.weightLbPerFt() / 12 * dx / Units.G_IN_S2;
            double k = t.axialStiffnessLbf() / dx;
            for (int i = 0; i < per[j]; i++, e++) {
                stiffness[e] = k;
                len[e] = dx;
                mass[e] += m / 2;
                mass[e + 1] += m / 2;
            }
        }
        return new RodGrid(mass, stiffness, len);
    }
}

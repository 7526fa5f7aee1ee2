package com.bp010.cards;

/**
 * A pump (downhole) card in time order: plunger position (in, 0 at its lowest point) and load on the plunger (lbf,
 * rods' buoyant weight excluded), and the surface stroke it came from (in; null when it did not come from a solver).
 */
public record PumpCard(double[] position, double[] load, Double surfaceStrokeIn) {

    public Card asCard() {
        return new Card(position, load, null, null, CardKind.PUMP);
    }

    public double peakAbsLoad() {
        double m = 0;
        for (double l : load) {
            m = Math.max(m, Math.abs(l));
        }
        return m;
    }
}

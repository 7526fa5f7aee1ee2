package com.bp010.demo;

/**
 * A surface dynamometer card of one stroke: rod position (in) against polished-rod load (lbf), a closed loop (the
 * last point repeats the first) of {@code points + 1} samples, as the JSON text docs/CONTRACTS.md §4.3 fixes:
 * {@code {"position":[...],"load":[...]}}.
 */
public final class Dynacard {
    private final double[] position;
    private final double[] load;

    private Dynacard(double[] position, double[] load) {
        this.position = position;
        this.load = load;
    }

    /**
     * A full-pump card: loads rise to the peak early in the upstroke and fall to the minimum early in the downstroke;
     * {@code fillage} < 1 moves the load release later in the downstroke (fluid pound).
     */
    public static Dynacard surface(double stroke, double minLoad, double maxLoad, double fillage, int points) {
        double[] pos = new double[points + 1];
        double[] ld = new double[points + 1];
        double pound = Math.PI * (1 + (1 - Math.max(0.3, Math.min(1, fillage))) * 0.8);
        for (int i = 0; i < points; i++) {
            double theta = 2 * Math.PI * i / points;
            pos[i] = stroke / 2 * (1 - Math.cos(theta));
            double up = theta <= Math.PI ? smooth(theta / 0.6) : 1 - smooth((theta - pound) / 0.35);
            double ripple = 0.04 * (maxLoad - minLoad) * Math.sin(3 * theta);
            ld[i] = minLoad + (maxLoad - minLoad) * clamp(up) + ripple * clamp(up) * (1 - clamp(up)) * 4;
        }
        pos[points] = pos[0];
        ld[points] = ld[0];
        return new Dynacard(pos, ld);
    }

    /** A card that fails the format rule: too few points, arrays of different lengths, an open loop. */
    public static Dynacard broken() {
        return new Dynacard(new double[]{0, 20, 40, 60, 80, 86, 60, 30, 10, 5},
                new double[]{6000, 9000, 11000, 11000, 10500, 7000, 6200, 6000});
    }

    /** The enclosed area by the shoelace formula, lbf·in. */
    public double area() {
        double sum = 0;
        int n = Math.min(position.length, load.length);
        for (int i = 0; i < n - 1; i++) {
            sum += position[i] * load[i + 1] - position[i + 1] * load[i];
        }
        return Math.abs(sum) / 2;
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder(16 * (position.length + load.length) + 32);
        sb.append("{\"position\":[");
        append(sb, position, 2);
        sb.append("],\"load\":[");
        append(sb, load, 0);
        return sb.append("]}").toString();
    }

    /** The same card shifted by {@code offset} lbf (the downhole card seen without the buoyant rod weight). */
    public Dynacard shifted(double offset, double scale) {
        double[] ld = new double[load.length];
        for (int i = 0; i < load.length; i++) {
            ld[i] = (load[i] - offset) * scale;
        }
        double[] pos = position.clone();
        for (int i = 0; i < pos.length; i++) {
            pos[i] = pos[i] * 0.85;
        }
        return new Dynacard(pos, ld);
    }

    private static void append(StringBuilder sb, double[] values, int decimals) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            NumberFormatter.appendFixed(sb, values[i], decimals);
        }
    }

    private static double smooth(double x) {
        double c = clamp(x);
        return c * c * (3 - 2 * c);
    }

    private static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}

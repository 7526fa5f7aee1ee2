package com.bp010.demo;

/**
 * A surface dynamometer card of one stroke: rod position (in) against polished-rod load (lbf), a closed loop (the
 * last point repeats the first) of {@code points + 1} samples, as the JSON text docs/CONTRACTS.md §4.3 fixes:
 * {@code {"position":[...],"load":[...],"spm":n}}.
 */
public final class Dynacard {
    private final double[] position;
    private final double[] load;
    private final Double spm;

    private Dynacard(double[] position, double[] load, Double spm) {
        this.position = position;
        this.load = load;
        this.spm = spm;
    }

    /**
     * A card of one stroke in time order, closed into a loop (its first point repeated at the end), with the strokes per
     * minute it was taken at (the optional {@code "spm"} of the format: the card keeps its own time base when the
     * reading's SPM says 0 because the unit stopped later in the hour).
     */
    static Dynacard loop(double[] position, double[] load, double spm) {
        int n = position.length;
        double[] pos = java.util.Arrays.copyOf(position, n + 1);
        double[] ld = java.util.Arrays.copyOf(load, n + 1);
        pos[n] = pos[0];
        ld[n] = ld[0];
        return new Dynacard(pos, ld, spm);
    }

    double[] position() {
        return position.clone();
    }

    double[] load() {
        return load.clone();
    }

    /** The highest and lowest load, lbf. */
    double maxLoad() {
        double m = Double.NEGATIVE_INFINITY;
        for (double l : load) {
            m = Math.max(m, l);
        }
        return m;
    }

    double minLoad() {
        double m = Double.POSITIVE_INFINITY;
        for (double l : load) {
            m = Math.min(m, l);
        }
        return m;
    }

    /** A card that fails the format rule: too few points, arrays of different lengths, an open loop. */
    public static Dynacard broken() {
        return new Dynacard(new double[]{0, 20, 40, 60, 80, 86, 60, 30, 10, 5},
                new double[]{6000, 9000, 11000, 11000, 10500, 7000, 6200, 6000}, null);
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
        sb.append(']');
        if (spm != null) {
            sb.append(",\"spm\":");
            NumberFormatter.appendFixed(sb, spm, 2);
        }
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, double[] values, int decimals) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            NumberFormatter.appendFixed(sb, values[i], decimals);
        }
    }
}

package com.bp010.report;

import java.util.Locale;

/** A linear map from data to SVG user units; {@code inverted} puts larger values lower (depths). */
record Scale(double lo, double hi, double from, double to) {
    double at(double v) {
        return hi == lo ? (from + to) / 2 : from + (v - lo) / (hi - lo) * (to - from);
    }

    /** A range that holds every value given (NaN skipped), widened by {@code pad} of its span on both sides. */
    static double[] range(double pad, double... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        double span = hi - lo;
        if (span == 0) {
            span = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
        }
        return new double[] {lo - span * pad, hi + span * pad};
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** About {@code count} round values (steps of 1, 2 or 5 times a power of ten) inside [lo, hi]. */
    static double[] ticks(double lo, double hi, int count) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double raw = (hi - lo) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] ticks = new double[Math.max(0, n)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = first + i * step;
        }
        return ticks;
    }
}

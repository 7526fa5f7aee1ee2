package com.bp010.cards;

import java.util.Arrays;

/**
 * Reads {@link CardFeatures} off one stroke of a card in time order (pump or surface). The card is split at its lowest
 * and highest positions into upstroke and downstroke; loads are lightly smoothed (a moving mean over 1/40 of the
 * card, none below 80 points) so 1-3 % noise does not move the crossings; the two load levels are the upper quartile of the
 * upstroke's upper points and the lower quartile of the downstroke's lower points (between 10 % and 90 % of the
 * stroke), robust to spikes at the corners, to a pound and to the rebound after it.
 */
final class CardFeatureExtractor {
    private final double[] x;
    private final double[] load;
    private final double[] smooth;
    private final int n;
    private final int bottom;
    private final int top;
    private final double xmin;
    private final double span;
    private double upper;
    private double lower;

    private CardFeatureExtractor(double[] position, double[] loads) {
        int m = position.length;
        if (m > 2 && position[m - 1] == position[0] && loads[m - 1] == loads[0]) {
            m--;
        }
        this.n = m;
        this.x = Arrays.copyOf(position, m);
        this.load = Arrays.copyOf(loads, m);
        this.smooth = movingMean(load, m / 80);
        int lo = 0;
        int hi = 0;
        for (int i = 1; i < m; i++) {
            if (x[i] < x[lo]) {
                lo = i;
            }
            if (x[i] > x[hi]) {
                hi = i;
            }
        }
        this.bottom = lo;
        this.top = hi;
        this.xmin = x[lo];
        this.span = x[hi] - x[lo];
        if (!(span > 0)) {
            throw new CardInputException("the card's position does not move: no stroke to read");
        }
    }

    /** Shape features only, and the two load levels as quantities when {@code withUnits}. */
    static CardFeatures extract(double[] position, double[] loads, boolean withUnits, WellDescription well,
                                Double spm, Double surfaceStrokeIn) {
        return new CardFeatureExtractor(position, loads).features(withUnits, well, spm, surfaceStrokeIn);
    }

    private CardFeatures features(boolean withUnits, WellDescription well, Double spm, Double surfaceStroke) {
        levels();
        double fo = upper - lower;
        if (!(fo > 0)) {
            throw new CardInputException("the card's load does not change: no fluid load to read");
        }
        double[] v = new double[n];
        double[] vRaw = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (smooth[i] - lower) / fo;
            vRaw[i] = (load[i] - lower) / fo;
        }
        int[] up = segment(bottom, top);
        int[] down = segment(top, bottom);
        double xLoad = crossing(up, v, 0.5, true, xmin);
        double x10 = crossing(up, v, 0.1, true, xmin);
        double x90 = crossing(up, v, 0.9, true, xmin + span);
        double xUnload = crossing(down, v, 0.5, false, xmin);
        double d90 = crossing(down, v, 0.9, false, xmin + span);
        double d10 = crossing(down, v, 0.1, false, xmin);
        double fillage = clamp01((xUnload - xmin) / span) * 100;
        double loadingSpan = clamp01((x90 - x10) / span);
        double unloadingSpan = clamp01((d90 - d10) / span);
        double shape = d90 - d10 > 1e-9 ? clamp01((d90 - xUnload) / (d90 - d10)) : 0.5;
        double upSag = level(up, v, 0.30) - level(up, v, 0.85);
        double midSag = (level(up, v, 0.20) + level(up, v, 0.85)) / 2 - level(up, v, 0.50);
        double rise = level(down, v, 0.15) - level(down, v, 0.60);
        double topSpike = Double.NEGATIVE_INFINITY;
        double bottomSpike = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double ux = (x[i] - xmin) / span;
            if (ux > 0.9) {
                topSpike = Math.max(topSpike, vRaw[i]);
            }
            if (ux < 0.1) {
                bottomSpike = Math.max(bottomSpike, -vRaw[i]);
            }
        }
        topSpike -= Math.max(1, extreme(up, v, 0.0, 0.85, true));
        bottomSpike -= Math.max(0, -extreme(down, v, 0.15, 1.0, false));
        double area = Math.abs(shoelace()) / (fo * span);
        if (!withUnits) {
            return new CardFeatures(fillage, loadingSpan, unloadingSpan, shape, upSag, midSag, rise, topSpike,
                    bottomSpike, area, null, null, null, null, null, null, null, null, null, null, null, noise(v, vRaw));
        }
        double net = Math.max(0, xUnload - xLoad);
        Double ratio = surfaceStroke == null ? null : span / surfaceStroke;
        Double maxFo = well == null ? null : well.maxFluidLoadLbf();
        Double pip = well == null ? null : well.dischargePressurePsi() - fo / well.plungerAreaIn2();
        Double displacement = well == null || spm == null ? null
                : Units.DISPLACEMENT_K * well.plungerDiameterIn() * well.plungerDiameterIn() * net * spm;
        Double measured = well == null ? null : well.measuredRateBblD();
        Double tubing = well == null || !Boolean.FALSE.equals(well.tubingAnchored()) ? null
                : fo * well.pumpDepthFt() * 12 / (RodMaterial.STEEL.modulusPsi() * well.tubingMetalAreaIn2()) / span;
        return new CardFeatures(fillage, loadingSpan, unloadingSpan, shape, upSag, midSag, rise, topSpike,
                bottomSpike, area, upper, lower, fo, span, net, ratio, maxFo, pip, displacement, measured, tubing,
                noise(v, vRaw));
    }

    private void levels() {
        double[] sorted = smooth.clone();
        Arrays.sort(sorted);
        double mid = (sorted[(int) (0.05 * (n - 1))] + sorted[(int) Math.ceil(0.95 * (n - 1))]) / 2;
        double[] hi = new double[n];
        double[] lo = new double[n];
        int h = 0;
        int l = 0;
        for (int i : segment(bottom, top)) {
            double ux = (x[i] - xmin) / span;
            if (ux >= 0.1 && ux <= 0.9 && smooth[i] > mid) {
                hi[h++] = smooth[i];
            }
        }
        for (int i : segment(top, bottom)) {
            double ux = (x[i] - xmin) / span;
            if (ux >= 0.1 && ux <= 0.9 && smooth[i] < mid) {
                lo[l++] = smooth[i];
            }
        }
        upper = h > 0 ? quantile(hi, h, 0.75) : sorted[n - 1];
        lower = l > 0 ? quantile(lo, l, 0.25) : sorted[0];
    }

    /** Indices from {@code from} to {@code to}, cyclic, both included. */
    private int[] segment(int from, int to) {
        int len = Math.floorMod(to - from, n) + 1;
        int[] idx = new int[len];
        for (int k = 0; k < len; k++) {
            idx[k] = (from + k) % n;
        }
        return idx;
    }

    /** Position where v first rises through (or falls below) {@code level} along the segment, interpolated. */
    private double crossing(int[] seg, double[] v, double level, boolean rising, double fallback) {
        for (int k = 0; k < seg.length; k++) {
            int i = seg[k];
            boolean past = rising ? v[i] >= level : v[i] < level;
            if (past) {
                if (k == 0) {
                    return x[i];
                }
                int p = seg[k - 1];
                double w = (level - v[p]) / (v[i] - v[p]);
                return x[p] + clamp01(w) * (x[i] - x[p]);
            }
        }
        return fallback;
    }

    /** Median v of the segment's points within ±7 % of stroke around fraction q (nearest point if none). */
    private double level(int[] seg, double[] v, double q) {
        double[] vals = new double[seg.length];
        int c = 0;
        int nearest = seg[0];
        double best = Double.POSITIVE_INFINITY;
        for (int i : seg) {
            double ux = (x[i] - xmin) / span;
            if (Math.abs(ux - q) <= 0.07) {
                vals[c++] = v[i];
            }
            if (Math.abs(ux - q) < best) {
                best = Math.abs(ux - q);
                nearest = i;
            }
        }
        return c > 0 ? median(vals, c) : v[nearest];
    }

    /** Highest (or lowest) smoothed v of the segment between fractions {@code from} and {@code to} of the stroke. */
    private double extreme(int[] seg, double[] v, double from, double to, boolean highest) {
        double best = highest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i : seg) {
            double ux = (x[i] - xmin) / span;
            if (ux >= from && ux <= to) {
                best = highest ? Math.max(best, v[i]) : Math.min(best, v[i]);
            }
        }
        return Double.isFinite(best) ? best : highest ? 1 : 0;
    }

    private double shoelace() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            s += x[i] * load[j] - x[j] * load[i];
        }
        return s / 2;
    }

    private double noise(double[] v, double[] vRaw) {
        if (n < 80) {
            return 0;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.abs(vRaw[i] - v[i]);
        }
        return 1.4826 * median(d, n);
    }

    static double[] movingMean(double[] v, int half) {
        int n = v.length;
        if (half <= 0) {
            return v.clone();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = -half; k <= half; k++) {
                s += v[Math.floorMod(i + k, n)];
            }
            out[i] = s / (2 * half + 1);
        }
        return out;
    }

    private static double quantile(double[] v, int count, double q) {
        double[] c = Arrays.copyOf(v, count);
        Arrays.sort(c);
        double pos = q * (count - 1);
        int i = (int) pos;
        return i + 1 < count ? c[i] + (pos - i) * (c[i + 1] - c[i]) : c[i];
    }

    private static double median(double[] v, int count) {
        double[] c = Arrays.copyOf(v, count);
        Arrays.sort(c);
        return count % 2 == 1 ? c[count / 2] : (c[count / 2 - 1] + c[count / 2]) / 2;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}

package com.bp010.cards;

/**
 * The card's time base (docs/CONTRACTS.md §4.3): the card's own {@code time} array when present, else its points evenly spaced over
 * one stroke of 60/SPM seconds. A closed loop (last point repeating the first) loses its repeated point.
 */
final class TimeBase {
    private TimeBase() {
    }

    /** The stroke period, s, or throws when neither a time array nor an SPM is known. */
    static double period(Card card, Double fallbackSpm) {
        Double spm = card.spm() != null ? card.spm() : fallbackSpm;
        double[] t = card.time();
        if (t != null) {
            int n = t.length;
            if (closed(card)) {
                return t[n - 1] - t[0];
            }
            return spm != null ? 60 / spm : (t[n - 1] - t[0]) * n / (n - 1);
        }
        if (spm == null) {
            throw new CardInputException("the card has neither a time array nor an SPM: the stroke period is unknown");
        }
        return 60 / spm;
    }

    /** The card resampled at {@code n} instants k·T/n by periodic linear interpolation in time. */
    static UniformCard resample(Card card, Double fallbackSpm, int n) {
        double period = period(card, fallbackSpm);
        int m = closed(card) ? card.size() - 1 : card.size();
        double[] t = new double[m];
        if (card.time() != null) {
            for (int i = 0; i < m; i++) {
                t[i] = card.time()[i] - card.time()[0];
            }
        } else {
            for (int i = 0; i < m; i++) {
                t[i] = period * i / m;
            }
        }
        if (t[m - 1] >= period) {
            throw new CardInputException("the card's time span " + t[m - 1] + " s exceeds one stroke of " + period + " s");
        }
        double[] pos = new double[n];
        double[] load = new double[n];
        int j = 0;
        for (int k = 0; k < n; k++) {
            double tk = period * k / n;
            while (j + 1 < m && t[j + 1] <= tk) {
                j++;
            }
            int next = (j + 1) % m;
            double t1 = next == 0 ? period : t[next];
            double w = (tk - t[j]) / (t1 - t[j]);
            pos[k] = card.position()[j] + w * (card.position()[next] - card.position()[j]);
            load[k] = card.load()[j] + w * (card.load()[next] - card.load()[j]);
        }
        return new UniformCard(pos, load, period);
    }

    /** A uniform card resampled to {@code n} points by periodic linear interpolation. */
    static UniformCard resample(UniformCard card, int n) {
        int m = card.size();
        double[] pos = new double[n];
        double[] load = new double[n];
        for (int k = 0; k < n; k++) {
            double t = (double) k * m / n;
            int j = (int) t;
            double w = t - j;
            int next = (j + 1) % m;
            pos[k] = card.position()[j] + w * (card.position()[next] - card.position()[j]);
            load[k] = card.load()[j] + w * (card.load()[next] - card.load()[j]);
        }
        return new UniformCard(pos, load, card.periodS());
    }

    static boolean closed(Card card) {
        int n = card.size();
        double[] p = card.position();
        double[] l = card.load();
        double span = Math.max(1e-12, range(p));
        double lspan = Math.max(1e-12, range(l));
        return Math.abs(p[n - 1] - p[0]) < 1e-6 * span && Math.abs(l[n - 1] - l[0]) < 1e-6 * lspan;
    }

    static double range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi - lo;
    }
}

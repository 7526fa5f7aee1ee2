package com.bp010.cards;

/**
 * The downhole card by Gibbs' method (1963): the surface position and load expanded in a Fourier series over one
 * stroke, each harmonic carried down the string analytically. For a harmonic of angular frequency ω the damped wave
 * equation gives u'' = −k²·u with k² = (ω² − i·c·ω)/a²; across a taper of length L, with F = E·A·u':
 * u(L) = u₀·cos kL + F₀·sin kL/(E·A·k), F(L) = −E·A·k·u₀·sin kL + F₀·cos kL (the steady term: u(L) = u₀ + F₀·L/(E·A)).
 * Kept as the cross-check of {@link EverittJenningsSolver}; O(n²) in the card's points.
 */
public final class GibbsSolver {
    private final int points;

    public GibbsSolver() {
        this(EverittJenningsSolver.DEFAULT_POINTS);
    }

    public GibbsSolver(int points) {
        this.points = points;
    }

    public PumpCard solve(Card surface, WellDescription well) {
        UniformCard card = TimeBase.resample(surface, well.spm(), points);
        int n = card.size();
        double wrf = well.buoyantRodWeightLbf();
        double[] u0 = new double[n];
        double[] f0 = new double[n];
        double[] surfaceLoad = Spectrum.powerOfTwo(n) ? Spectrum.denoise(card.load()) : card.load();
        double[] surfacePosition = Spectrum.powerOfTwo(n) ? Spectrum.denoise(card.position()) : card.position();
        for (int j = 0; j < n; j++) {
            u0[j] = -surfacePosition[j];
            f0[j] = surfaceLoad[j] - wrf;
        }
        double[][] uHat = dft(u0);
        double[][] fHat = dft(f0);
        double omega1 = 2 * Math.PI / card.periodS();
        double c = well.damping();
        int half = n / 2;
        double[][] uOut = new double[2][n];
        double[][] fOut = new double[2][n];
        for (int h = 0; h <= half; h++) {
            double[] state = {uHat[0][h], uHat[1][h], fHat[0][h], fHat[1][h]};
            for (Taper t : well.rods().tapers()) {
                state = carry(state, t, h * omega1, c);
            }
            uOut[0][h] = state[0];
            uOut[1][h] = state[1];
            fOut[0][h] = state[2];
            fOut[1][h] = state[3];
            if (h > 0 && h < n - h) {
                uOut[0][n - h] = state[0];
                uOut[1][n - h] = -state[1];
                fOut[0][n - h] = state[2];
                fOut[1][n - h] = -state[3];
            }
        }
        double[] u = inverse(uOut);
        double[] f = inverse(fOut);
        return EverittJenningsSolver.toPumpCard(u, f, TimeBase.range(card.position()));
    }

    /** One harmonic (u re, u im, F re, F im) across one taper. */
    private static double[] carry(double[] s, Taper t, double omega, double c) {
        double ea = t.axialStiffnessLbf();
        double len = t.lengthFt() * 12;
        if (omega == 0) {
            return new double[]{s[0] + s[2] * len / ea, s[1] + s[3] * len / ea, s[2], s[3]};
        }
        double a = t.waveSpeedInPerS();
        // k = sqrt((ω² − i c ω)) / a
        double[] k = Complex.sqrt(omega * omega / (a * a), -c * omega / (a * a));
        double[] kl = {k[0] * len, k[1] * len};
        double[] cos = Complex.cos(kl);
        double[] sin = Complex.sin(kl);
        double[] eak = {ea * k[0], ea * k[1]};
        double[] uRe = Complex.add(Complex.mul(new double[]{s[0], s[1]}, cos),
                Complex.div(Complex.mul(new double[]{s[2], s[3]}, sin), eak));
        double[] fRe = Complex.sub(Complex.mul(new double[]{s[2], s[3]}, cos),
                Complex.mul(Complex.mul(eak, sin), new double[]{s[0], s[1]}));
        return new double[]{uRe[0], uRe[1], fRe[0], fRe[1]};
    }

    private static double[][] dft(double[] x) {
        int n = x.length;
        double[][] out = new double[2][n];
        for (int h = 0; h <= n / 2; h++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double ang = -2 * Math.PI * ((long) h * j % n) / n;
                re += x[j] * Math.cos(ang);
                im += x[j] * Math.sin(ang);
            }
            out[0][h] = re;
            out[1][h] = im;
        }
        return out;
    }

    private static double[] inverse(double[][] spec) {
        int n = spec[0].length;
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int h = 0; h < n; h++) {
                double ang = 2 * Math.PI * ((long) h * j % n) / n;
                sum += spec[0][h] * Math.cos(ang) - spec[1][h] * Math.sin(ang);
            }
            x[j] = sum / n;
        }
        return x;
    }
}

package com.bp010.cards;

/**
 * A radix-2 FFT over one periodic stroke and the noise gate the solvers apply to the surface load before marching it
 * down the string: the wave equation solved downward amplifies nothing but passes every harmonic, so measurement
 * noise would reach the pump card whole. Harmonics above n/4 (features narrower than four samples) are dropped, and
 * above the 10th those whose amplitude is within 3× the noise floor (the median amplitude of the upper half of the
 * spectrum); a clean card loses only what its sampling cannot resolve.
 */
final class Spectrum {
    private static final int KEEP_ALWAYS = 10;
    private static final double GATE = 3.0;

    private Spectrum() {
    }

    /** The load with its noise-floor harmonics removed; {@code v.length} must be a power of two. */
    static double[] denoise(double[] v) {
        int n = v.length;
        double[] re = v.clone();
        double[] im = new double[n];
        fft(re, im, false);
        int half = n / 2;
        double[] amp = new double[half - n / 4];
        for (int h = n / 4; h < half; h++) {
            amp[h - n / 4] = Math.hypot(re[h], im[h]);
        }
        java.util.Arrays.sort(amp);
        double floor = amp[amp.length / 2];
        double peak = 0;
        for (int h = 1; h < half; h++) {
            peak = Math.max(peak, Math.hypot(re[h], im[h]));
        }
        if (floor < 1e-6 * peak) {
            floor = 0;
        }
        for (int h = KEEP_ALWAYS + 1; h <= half; h++) {
            if (h > n / 4 || Math.hypot(re[h], im[h]) < GATE * floor) {
                re[h] = 0;
                im[h] = 0;
                if (h < n - h) {
                    re[n - h] = 0;
                    im[n - h] = 0;
                }
            }
        }
        fft(re, im, true);
        return re;
    }

    static boolean powerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** In-place iterative Cooley-Tukey; the inverse divides by n. */
    static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}

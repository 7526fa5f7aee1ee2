package com.bp010.cards;

/** The few complex operations the Gibbs solver needs, on {re, im} pairs. */
final class Complex {
    private Complex() {
    }

    static double[] add(double[] a, double[] b) {
        return new double[]{a[0] + b[0], a[1] + b[1]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[]{a[0] - b[0], a[1] - b[1]};
    }

    static double[] mul(double[] a, double[] b) {
        return new double[]{a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    static double[] div(double[] a, double[] b) {
        double d = b[0] * b[0] + b[1] * b[1];
        return new double[]{(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d};
    }

    /** The principal square root of re + i·im. */
    static double[] sqrt(double re, double im) {
        double r = Math.hypot(re, im);
        double sr = Math.sqrt((r + re) / 2);
        double si = Math.copySign(Math.sqrt(Math.max(0, (r - re) / 2)), im);
        return new double[]{sr, si};
    }

    static double[] cos(double[] z) {
        return new double[]{Math.cos(z[0]) * Math.cosh(z[1]), -Math.sin(z[0]) * Math.sinh(z[1])};
    }

    static double[] sin(double[] z) {
        return new double[]{Math.sin(z[0]) * Math.cosh(z[1]), Math.cos(z[0]) * Math.sinh(z[1])};
    }
}

package com.bp010.demo;

/** Fixed-decimal formatting without {@code String.format} (the generator writes millions of numbers). */
final class NumberFormatter {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private NumberFormatter() {
    }

    static void appendFixed(StringBuilder sb, double v, int decimals) {
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / POW10[decimals]);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % POW10[decimals]);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    static String fixed(double v, int decimals) {
        StringBuilder sb = new StringBuilder(16);
        appendFixed(sb, v, decimals);
        return sb.toString();
    }
}

package com.bp010.report;

import java.util.Locale;

/** The operational states' colours in the report's palette (same hues as {@link Tone}), and their CSS. */
final class StateStyle {
    private StateStyle() {
    }

    static String css(String state) {
        return "s-" + (state == null ? "unknown" : state.toLowerCase(Locale.ROOT));
    }

    static String styles() {
        return ".s-critical{background:#D55E00;color:#fff}.s-offline{background:#4D4D4D;color:#fff}"
                + ".s-warning{background:#E69F00;color:#000}.s-normal{background:#009E73;color:#fff}"
                + ".s-unknown{background:#D9D9D9;color:#000}";
    }
}

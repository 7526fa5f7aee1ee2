package com.bp010.report;

/**
 * The report's own palette (not the catalogue's colours, which give high and low the same red): Okabe-Ito colours,
 * told apart by people with the common colour-vision deficiencies, and a symbol in every cell so the state reads
 * without colour and without hovering. High and low differ in hue (vermillion/orange against blue/sky blue), critical
 * and warning in depth and in a doubled symbol. For a depth measured from surface the direction is the fluid level's:
 * a depth below its minimum is a level high above the pump (▲), above its maximum a deep level (▼).
 */
enum Tone {
    CRITICAL_HIGH("ch", "▲▲", "#D55E00", "#ffffff"),
    WARNING_HIGH("wh", "▲", "#E69F00", "#000000"),
    NORMAL("n", "", "#E3EFE8", "#1b1b1b"),
    WARNING_LOW("wl", "▼", "#56B4E9", "#000000"),
    CRITICAL_LOW("cl", "▼▼", "#0072B2", "#ffffff"),
    OUT_OF_RANGE("x", "✕", "#CC79A7", "#000000"),
    OFFLINE("off", "◌", "#4D4D4D", "#ffffff"),
    NO_DATA("0", "·", "#FFFFFF", "#6b6b6b");

    private final String css;
    private final String symbol;
    private final String background;
    private final String foreground;

    Tone(String css, String symbol, String background, String foreground) {
        this.css = css;
        this.symbol = symbol;
        this.background = background;
        this.foreground = foreground;
    }

    /** The tone of a semaphore code (0-9) of a variable; {@code depth} turns high and low round. */
    static Tone of(Integer code, boolean depth) {
        if (code == null) {
            return NO_DATA;
        }
        return switch (code) {
            case 1 -> depth ? CRITICAL_HIGH : CRITICAL_LOW;
            case 2 -> depth ? WARNING_HIGH : WARNING_LOW;
            case 6 -> depth ? WARNING_LOW : WARNING_HIGH;
            case 7 -> depth ? CRITICAL_LOW : CRITICAL_HIGH;
            case 3, 4, 5 -> NORMAL;
            case 8 -> OUT_OF_RANGE;
            case 9 -> OFFLINE;
            default -> NO_DATA;
        };
    }

    String css() {
        return "t-" + css;
    }

    String symbol() {
        return symbol;
    }

    String background() {
        return background;
    }

    String foreground() {
        return foreground;
    }

    boolean high() {
        return this == CRITICAL_HIGH || this == WARNING_HIGH;
    }

    boolean alert() {
        return this != NORMAL && this != NO_DATA;
    }

    /** The CSS rules of every tone (one place for the palette). */
    static String styles() {
        StringBuilder css = new StringBuilder();
        for (Tone t : values()) {
            css.append('.').append(t.css()).append("{background:").append(t.background).append(";color:")
                    .append(t.foreground).append("}");
        }
        return css.toString();
    }
}

package com.bp010.cards;

import java.util.Locale;

/** Where a card was measured: at the polished rod (surface) or at the pump (downhole, computed or from the controller). */
public enum CardKind {
    SURFACE, PUMP;

    /** "surface", "superficie", "pump", "downhole", "fondo" (any case); null is {@code fallback}. */
    public static CardKind parse(String text, CardKind fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "surface", "superficie" -> SURFACE;
            case "pump", "downhole", "fondo", "bomba" -> PUMP;
            default -> throw new CardInputException("unknown card kind '" + text + "': use surface or pump");
        };
    }
}

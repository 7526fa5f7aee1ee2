package com.bp010.referencial;

import java.text.Normalizer;
import java.util.Locale;

/** Comparison keys for names people type differently: accents, case, spaces and punctuation folded. */
final class TextKeys {
    private TextKeys() {
    }

    /** "Unidad Estándar" and "unidad_estandar" give the same key {@code unidad_estandar}. */
    public static String key(String text) {
        String folded = stripAccents(text).toLowerCase(Locale.ROOT).strip();
        return folded.replaceAll("[^a-z0-9%]+", "_").replaceAll("^_+|_+$", "");
    }

    public static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}

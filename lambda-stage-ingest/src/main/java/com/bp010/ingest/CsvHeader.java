package com.bp010.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A header row, with names compared the forgiving way: case, accents, spaces and the byte-order mark ignored. */
final class CsvHeader {
    private final List<String> names;

    private CsvHeader(List<String> names) {
        this.names = names;
    }

    public static CsvHeader of(List<String> raw) {
        List<String> names = new ArrayList<>(raw.size());
        for (String r : raw) {
            names.add(normalize(r));
        }
        return new CsvHeader(Collections.unmodifiableList(names));
    }

    /** {@code " Presión Estática "} → {@code presion_estatica}. */
    public static String normalize(String name) {
        String s = name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        return s;
    }

    public List<String> names() {
        return names;
    }

    /** The position of the first name found among {@code candidates}, or -1. */
    public int indexOf(String... candidates) {
        for (String c : candidates) {
            int i = names.indexOf(c);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String... candidates) {
        return indexOf(candidates) >= 0;
    }

    public int size() {
        return names.size();
    }
}

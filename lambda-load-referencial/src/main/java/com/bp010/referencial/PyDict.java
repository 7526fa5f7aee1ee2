package com.bp010.referencial;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Python dict literal in source order, remembering the line of each key (for errors that point at it). */
final class PyDict extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final Map<Object, Integer> keyLines = new HashMap<>();

    PyDict(int line) {
        this.line = line;
    }

    void putAt(Object key, Object value, int keyLine) {
        put(key, value);
        keyLines.put(key, keyLine);
    }

    /** The line of the opening brace. */
    public int line() {
        return line;
    }

    /** The line where {@code key} is written, or the dict's own line. */
    public int lineOf(Object key) {
        return keyLines.getOrDefault(key, line);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

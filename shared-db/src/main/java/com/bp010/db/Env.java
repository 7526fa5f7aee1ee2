package com.bp010.db;

import java.util.Map;
import java.util.Optional;

/**
 * Typed, fail-fast reading of a function's environment. Handlers read {@code System.getenv()} once per container and
 * pass the map down; tests pass their own map.
 */
public final class Env {
    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** The value, or empty when unset or blank. */
    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new Bp010Exception(ErrorCode.CONFIGURATION,
                "Environment variable " + name + " is required but not set").with("variable", name));
    }

    public int getInt(String name, int defaultValue) {
        return get(name).map(v -> parseInt(name, v)).orElse(defaultValue);
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(v -> switch (v.toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid(name, v, "true or false");
        }).orElse(defaultValue);
    }

    private static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid(name, v, "an integer");
        }
    }

    private static Bp010Exception invalid(String name, String value, String expected) {
        return new Bp010Exception(ErrorCode.CONFIGURATION,
                "Environment variable " + name + " must be " + expected + ", got '" + value + "'")
                .with("variable", name);
    }
}

package com.bp010.report;

import java.util.Locale;
import java.util.Map;

/**
 * Names and units as the catalogue writes them ({@code reporting.vw_variable_labels}, {@code vw_status_labels}): the
 * Spanish names are the user's own words, the English ones the project's; a variable without an English name is shown
 * by its technical name in words.
 */
record Labels(Language lang, Map<String, Variable> variables, Map<Integer, Status> statuses) {

    record Variable(String name, String code, String nameEs, String labelEs, String nameEn, String unit,
                    boolean depth, boolean limited) {
    }

    record Status(int code, String name, String nameEn, String side, String state) {
    }

    /** Short label for a column header (the short code, e.g. WHP). */
    String code(String variable) {
        Variable v = variables.get(variable);
        return v == null ? variable : v.code();
    }

    /** The variable's display name in the report's language, without the catalogue's trailing explanation. */
    String label(String variable) {
        Variable v = variables.get(variable);
        if (v == null) {
            return words(variable);
        }
        if (lang == Language.EN) {
            return v.nameEn() != null ? v.nameEn() : words(variable);
        }
        return v.labelEs() != null ? v.labelEs() : words(variable);
    }

    /** The full name (Spanish: the catalogue's description as written). */
    String fullName(String variable) {
        Variable v = variables.get(variable);
        if (v == null || lang == Language.EN) {
            return label(variable);
        }
        return v.nameEs();
    }

    /** The unit symbol for display ({@code degF} as °F, {@code in*lbf} as in·lbf); empty when the variable has none. */
    String unit(String variable) {
        Variable v = variables.get(variable);
        return v == null || v.unit() == null ? "" : displayUnit(v.unit());
    }

    boolean depth(String variable) {
        Variable v = variables.get(variable);
        return v != null && v.depth();
    }

    /** The 0-9 scale's name: the catalogue's (CRITICO_BAJO as "Critico bajo") or the project's English one. */
    String status(int code) {
        Status s = statuses.get(code);
        if (s == null) {
            return String.valueOf(code);
        }
        return lang == Language.EN && s.nameEn() != null ? s.nameEn() : sentence(s.name());
    }

    static String displayUnit(String unit) {
        return switch (unit) {
            case "degF" -> "°F";
            case "degC" -> "°C";
            case "degAPI" -> "°API";
            default -> unit.replace('*', '·');
        };
    }

    static String words(String technicalName) {
        return sentence(technicalName);
    }

    private static String sentence(String code) {
        String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

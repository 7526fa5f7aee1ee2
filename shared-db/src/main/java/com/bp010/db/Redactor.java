package com.bp010.db;

import java.util.regex.Pattern;

/**
 * Masks credentials in text that may reach a log or an error report: {@code password=...} in JDBC URLs and
 * properties, {@code "password": "..."} in JSON, bearer tokens. The logging layout applies the same rule to every
 * log line (see {@code log4j2.xml}); code that builds messages from URLs or payloads calls it directly.
 */
public final class Redactor {
    /** Key names whose values are secret. Kept in sync with the pattern in log4j2.xml. */
    static final String SECRET_KEYS = "password|passwd|pwd|token|secret|secretstring|authorization|api_key|apikey";

    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?:" + SECRET_KEYS + ")[\"']?\\s*[:=]\\s*[\"']?)(?:bearer\\s+)?[^\\s\"',;&}]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = KEY_VALUE.matcher(text).replaceAll("$1****");
        return BEARER.matcher(masked).replaceAll("$1****");
    }
}

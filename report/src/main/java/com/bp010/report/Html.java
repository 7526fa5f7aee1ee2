package com.bp010.report;

/** HTML text escaping: every value the report writes goes through {@link #esc(Object)}. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** An element id from a well id: letters, digits, '-' and '_' kept; any other character makes it a hashed id. */
    static String wellAnchor(String wellId) {
        String safe = wellId.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.equals(wellId) ? "well-" + wellId : "well-" + safe + "-" + Integer.toHexString(wellId.hashCode());
    }
}

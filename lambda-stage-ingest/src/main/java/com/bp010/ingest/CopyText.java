package com.bp010.ingest;

/** Writing fields in the text format of {@code COPY ... FROM STDIN}. */
final class CopyText {
    private CopyText() {
    }

    /**
     * Appends one field, tab-terminated: {@code \N} for null, backslash escapes for backslash, tab and line breaks.
     * A NUL, which PostgreSQL text cannot hold, is dropped (readers refuse ids holding one; values that held one never
     * reach the bulk path).
     */
    static void field(StringBuilder line, String value) {
        if (value == null) {
            line.append("\\N\t");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> { }
                default -> line.append(c);
            }
        }
        line.append('\t');
    }
}

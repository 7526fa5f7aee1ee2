package com.bp010.referencial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the SCADA map from the legacy pivot query by pattern, never executing it: each
 * {@code ... var_id = '<SCADA id>' ... AS <stage column>} pair, in order. Comments are ignored (their text is blanked,
 * keeping line numbers); the pair must not span another {@code var_id =} test. Column names are folded to lower case
 * unless quoted, as PostgreSQL does.
 */
final class PivotSqlExtractor {
    private static final Pattern PAIR = Pattern.compile(
            "\\bvar_id\\s*=\\s*'((?:[^']|'')*)'((?:(?!\\bvar_id\\s*=)[\\s\\S])*?)\\bAS\\s+(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern VAR_TEST = Pattern.compile("\\bvar_id\\s*=\\s*'((?:[^']|'')*)'", Pattern.CASE_INSENSITIVE);

    private PivotSqlExtractor() {
    }

    /** The {@code var_id = '<SCADA id>'} tests that no {@code AS <stage column>} follows (column null): none are lost. */
    public static List<ScadaMapping> unpaired(String sql) {
        String code = blankComments(sql);
        java.util.Set<Integer> paired = new java.util.HashSet<>();
        Matcher m = PAIR.matcher(code);
        while (m.find()) {
            paired.add(m.start());
        }
        List<ScadaMapping> out = new ArrayList<>();
        Matcher t = VAR_TEST.matcher(code);
        while (t.find()) {
            if (!paired.contains(t.start())) {
                out.add(new ScadaMapping(t.group(1).replace("''", "'").strip(), null, lineOf(code, t.start())));
            }
        }
        return out;
    }

    public static List<ScadaMapping> extract(String sql) {
        String code = blankComments(sql);
        List<ScadaMapping> pairs = new ArrayList<>();
        Matcher m = PAIR.matcher(code);
        while (m.find()) {
            String id = m.group(1).replace("''", "'").strip();
            String column = m.group(3);
            column = column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase();
            pairs.add(new ScadaMapping(id, column, lineOf(code, m.start())));
        }
        return pairs;
    }

    /** Replaces {@code -- ...} and {@code /* ... * /} comments by spaces (newlines kept), skipping string literals. */
    static String blankComments(String sql) {
        StringBuilder out = new StringBuilder(sql);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < sql.length() && !(sql.charAt(end) == '\'' && (end + 1 >= sql.length() || sql.charAt(end + 1) != '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                i = end + 1;
            } else if (sql.startsWith("--", i)) {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                for (; i < end; i++) {
                    if (sql.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

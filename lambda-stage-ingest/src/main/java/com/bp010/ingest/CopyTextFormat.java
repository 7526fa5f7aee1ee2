package com.bp010.ingest;

import java.util.ArrayList;
import java.util.List;

/** The text format of {@code COPY ... FROM stdin}: tab-separated, {@code \N} for NULL, backslash escapes. */
final class CopyTextFormat {
    private CopyTextFormat() {
    }

    static List<String> split(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean nullMarker = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                values.add(nullMarker ? null : sb.toString());
                sb.setLength(0);
                nullMarker = false;
            } else if (c == '\\' && i + 1 < line.length()) {
                char e = line.charAt(++i);
                switch (e) {
                    case 'N' -> nullMarker = sb.length() == 0;
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'v' -> sb.append('\u000B');
                    case 'x' -> i = hex(line, i, sb);
                    default -> {
                        if (e >= '0' && e <= '7') {
                            i = octal(line, i, sb);
                        } else {
                            sb.append(e);
                        }
                    }
                }
            } else {
                sb.append(c);
            }
        }
        values.add(nullMarker ? null : sb.toString());
        return values;
    }

    private static int hex(String line, int i, StringBuilder sb) {
        int end = i + 1;
        while (end < line.length() && end < i + 3 && Character.digit(line.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == i + 1) {
            sb.append('x');
            return i;
        }
        sb.append((char) Integer.parseInt(line.substring(i + 1, end), 16));
        return end - 1;
    }

    private static int octal(String line, int i, StringBuilder sb) {
        int end = i;
        while (end < line.length() && end < i + 3 && line.charAt(end) >= '0' && line.charAt(end) <= '7') {
            end++;
        }
        sb.append((char) Integer.parseInt(line.substring(i, end), 8));
        return end - 1;
    }
}

package com.bp010.referencial;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into the tokens a literal can hold: strings (any quote, triple-quoted, {@code r}/{@code u}
 * prefixes), numbers, names, brackets and punctuation. Comments, blank lines and line continuations are dropped.
 * Byte strings and f-strings are refused here: an f-string is code.
 */
final class PythonTokenizer {
    enum Type { STRING, NUMBER, NAME, OP, NEWLINE, END }

    record Token(Type type, String text, Object value, int line, int column) {
    }

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;
    private final List<Token> tokens = new ArrayList<>();

    private PythonTokenizer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        PythonTokenizer t = new PythonTokenizer(src.startsWith("\uFEFF") ? src.substring(1) : src);
        t.run();
        return t.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (depth == 0) {
                    add(Type.NEWLINE, "\\n", null, pos);
                }
                newline();
            } else if (c == '\r' || c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\\' && pos + 1 < src.length() && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                pos++;
                if (src.charAt(pos) == '\r') {
                    pos++;
                }
                if (pos < src.length() && src.charAt(pos) == '\n') {
                    newline();
                }
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                nameOrPrefixedString();
            } else if (c == '"' || c == '\'') {
                string(pos, false);
            } else {
                operator(c);
            }
        }
        add(Type.NEWLINE, "\\n", null, pos);
        add(Type.END, "end of file", null, pos);
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private void operator(char c) {
        String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
        if (List.of("**", "//", "==", "!=", "<=", ">=", "->", ":=", "+=", "-=").contains(two)) {
            add(Type.OP, two, null, pos);
            pos += 2;
            return;
        }
        if ("([{".indexOf(c) >= 0) {
            depth++;
        } else if (")]}".indexOf(c) >= 0) {
            depth = Math.max(0, depth - 1);
        } else if ("=:,;+-*/%@&|^~<>.".indexOf(c) < 0) {
            throw error(pos, String.valueOf(c), "unexpected character '" + c + "'");
        }
        add(Type.OP, String.valueOf(c), null, pos);
        pos++;
    }

    private void nameOrPrefixedString() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String word = src.substring(start, pos);
        if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && word.length() <= 2) {
            String p = word.toLowerCase();
            if (p.equals("r") || p.equals("u")) {
                string(start, p.equals("r"));
                return;
            }
            if (p.contains("f")) {
                throw error(start, word, "an f-string is code, not a literal");
            }
            if (p.contains("b")) {
                throw error(start, word, "byte strings are not allowed: write a plain string");
            }
        }
        add(Type.NAME, word, word, start);
    }

    private void number() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '.'
                || ((src.charAt(pos) == '+' || src.charAt(pos) == '-')
                        && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        String text = src.substring(start, pos);
        String digits = text.replace("_", "");
        if (text.contains("__") || text.endsWith("_") || text.contains("_.") || text.contains("._")) {
            throw error(start, text, "bad number '" + text + "'");
        }
        try {
            if (digits.matches("0|[1-9][0-9]*")) {
                add(Type.NUMBER, text, Long.valueOf(digits), start);
            } else if (digits.matches("([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?")) {
                Double d = Double.valueOf(digits);
                if (d.isInfinite()) {
                    throw error(start, text, "number out of range '" + text + "'");
                }
                add(Type.NUMBER, text, d, start);
            } else {
                throw error(start, text, "bad number '" + text + "' (decimal numbers only)");
            }
        } catch (NumberFormatException e) {
            throw error(start, text, "number out of range '" + text + "'");
        }
    }

    private void string(int start, boolean raw) {
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        int startLine = line;
        int startColumn = start - lineStart + 1;
        pos += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new PythonLiteralException(startLine, startColumn, null, "unterminated string");
            }
            char c = src.charAt(pos);
            if (triple ? src.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\n') {
                if (!triple) {
                    throw new PythonLiteralException(startLine, startColumn, null, "unterminated string");
                }
                out.append(c);
                newline();
                continue;
            }
            if (c == '\\' && !raw && pos + 1 < src.length()) {
                escape(out);
                continue;
            }
            out.append(c);
            pos++;
        }
        tokens.add(new Token(Type.STRING, src.substring(start, pos), out.toString(), startLine, startColumn));
    }

    private void escape(StringBuilder out) {
        char n = src.charAt(pos + 1);
        pos += 2;
        switch (n) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '0' -> out.append('\0');
            case '\\', '\'', '"' -> out.append(n);
            case '\n' -> {
                line++;
                lineStart = pos;
            }
            case 'u', 'x' -> {
                int len = n == 'u' ? 4 : 2;
                if (pos + len > src.length()) {
                    throw error(pos - 2, "\\" + n, "bad escape");
                }
                try {
                    out.append((char) Integer.parseInt(src.substring(pos, pos + len), 16));
                } catch (NumberFormatException e) {
                    throw error(pos - 2, "\\" + n, "bad escape");
                }
                pos += len;
            }
            default -> out.append('\\').append(n);
        }
    }

    private void add(Type type, String text, Object value, int at) {
        tokens.add(new Token(type, text, value, line, at - lineStart + 1));
    }

    private PythonLiteralException error(int at, String token, String reason) {
        return new PythonLiteralException(line, at - lineStart + 1, token, reason);
    }
}

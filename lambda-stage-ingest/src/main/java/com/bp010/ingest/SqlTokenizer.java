package com.bp010.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a PostgreSQL dump into tokens without executing or interpreting anything: words, quoted identifiers, string
 * literals ({@code '...'} with doubled quotes, {@code E'...'} with backslash escapes, dollar quotes), numbers,
 * punctuation, comments skipped. {@link #readLine()} reads the raw data lines of a {@code COPY ... FROM stdin} block.
 */
final class SqlTokenizer {
    private static final int MAX_LITERAL = 16 * 1024 * 1024;

    private final Reader in;
    private final String file;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private SqlToken pushed;

    SqlTokenizer(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    long line() {
        return line;
    }

    /** Makes {@code token} the next one returned (one token of look-ahead). */
    void pushBack(SqlToken token) {
        pushed = token;
    }

    SqlToken next() throws IOException {
        if (pushed != null) {
            SqlToken t = pushed;
            pushed = null;
            return t;
        }
        skipSpaceAndComments();
        long start = line;
        int c = read();
        if (c < 0) {
            return new SqlToken(SqlToken.Kind.EOF, "", start);
        }
        char ch = (char) c;
        if (ch == '\'') {
            return new SqlToken(SqlToken.Kind.STRING, quoted('\'', false), start);
        }
        if ((ch == 'E' || ch == 'e') && peek() == '\'') {
            read();
            return new SqlToken(SqlToken.Kind.STRING, quoted('\'', true), start);
        }
        if (ch == '"') {
            return new SqlToken(SqlToken.Kind.IDENT, quoted('"', false), start);
        }
        if (ch == '$' && (peek() == '$' || Character.isLetter(peek()))) {
            return new SqlToken(SqlToken.Kind.STRING, dollarQuoted(), start);
        }
        if (ch == ':' && peek() == ':') {
            read();
            return new SqlToken(SqlToken.Kind.CAST, "::", start);
        }
        if (Character.isDigit(ch) || (ch == '.' && Character.isDigit(peek()))) {
            StringBuilder sb = new StringBuilder().append(ch);
            while (isNumberPart(peek(), sb)) {
                sb.append((char) read());
            }
            return new SqlToken(SqlToken.Kind.NUMBER, sb.toString(), start);
        }
        if (Character.isLetter(ch) || ch == '_') {
            StringBuilder sb = new StringBuilder().append(ch);
            while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$') {
                sb.append((char) read());
            }
            return new SqlToken(SqlToken.Kind.WORD, sb.toString(), start);
        }
        return new SqlToken(SqlToken.Kind.PUNCT, String.valueOf(ch), start);
    }

    /** The rest of the current line (without its end), or null at the end of the input. */
    String readLine() throws IOException {
        if (peek() < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int c = read(); c >= 0; c = read()) {
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            }
            sb.append((char) c);
            if (sb.length() > MAX_LITERAL) {
                throw InputErrors.badInput(file, line, null, null, "a COPY data line is longer than "
                        + MAX_LITERAL + " characters");
            }
        }
        return sb.toString();
    }

    private static boolean isNumberPart(int c, StringBuilder sb) {
        if (Character.isDigit(c) || c == '.') {
            return true;
        }
        char last = sb.charAt(sb.length() - 1);
        return c == 'e' || c == 'E' || ((c == '+' || c == '-') && (last == 'e' || last == 'E'));
    }

    private String quoted(char quote, boolean backslashEscapes) throws IOException {
        long start = line;
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                throw InputErrors.badInput(file, start, null, RowReject.clip(sb.toString()),
                        "a quoted text opened on line " + start + " never closes");
            }
            if (c == quote) {
                if (peek() == quote) {
                    read();
                    sb.append(quote);
                    continue;
                }
                return sb.toString();
            }
            if (backslashEscapes && c == '\\') {
                int e = read();
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case -1 -> '\\';
                    default -> (char) e;
                });
                continue;
            }
            sb.append((char) c);
            if (sb.length() > MAX_LITERAL) {
                throw InputErrors.badInput(file, start, null, null, "a literal is longer than " + MAX_LITERAL
                        + " characters");
            }
        }
    }

    private String dollarQuoted() throws IOException {
        long start = line;
        StringBuilder tag = new StringBuilder("$");
        for (int c = read(); c != '$'; c = read()) {
            if (c < 0 || !(Character.isLetterOrDigit(c) || c == '_')) {
                throw InputErrors.badInput(file, start, null, tag.toString(), "a malformed dollar quote");
            }
            tag.append((char) c);
        }
        tag.append('$');
        StringBuilder sb = new StringBuilder();
        String end = tag.toString();
        while (true) {
            int c = read();
            if (c < 0) {
                throw InputErrors.badInput(file, start, null, end, "a dollar-quoted text opened on line " + start
                        + " never closes");
            }
            sb.append((char) c);
            if (c == '$' && sb.length() >= end.length() && sb.lastIndexOf(end) == sb.length() - end.length()) {
                return sb.substring(0, sb.length() - end.length());
            }
            if (sb.length() > MAX_LITERAL) {
                throw InputErrors.badInput(file, start, null, null, "a literal is longer than " + MAX_LITERAL
                        + " characters");
            }
        }
    }

    private void skipSpaceAndComments() throws IOException {
        while (true) {
            int c = peek();
            if (c < 0) {
                return;
            }
            if (Character.isWhitespace(c)) {
                read();
            } else if (c == '-' && peek2() == '-') {
                while (peek() >= 0 && peek() != '\n') {
                    read();
                }
            } else if (c == '/' && peek2() == '*') {
                long start = line;
                read();
                read();
                int depth = 1;
                while (depth > 0) {
                    int d = read();
                    if (d < 0) {
                        throw InputErrors.badInput(file, start, null, null, "a comment opened on line " + start
                                + " never closes");
                    }
                    if (d == '*' && peek() == '/') {
                        read();
                        depth--;
                    } else if (d == '/' && peek() == '*') {
                        read();
                        depth++;
                    }
                }
            } else {
                return;
            }
        }
    }

    private int read() throws IOException {
        if (!fill(1)) {
            return -1;
        }
        char c = buf[pos++];
        if (c == '\n' || (c == '\r' && (!fill(1) || buf[pos] != '\n'))) {
            line++;
        }
        return c;
    }

    private int peek() throws IOException {
        return fill(1) ? buf[pos] : -1;
    }

    private int peek2() throws IOException {
        return fill(2) ? buf[pos + 1] : -1;
    }

    private boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }
}

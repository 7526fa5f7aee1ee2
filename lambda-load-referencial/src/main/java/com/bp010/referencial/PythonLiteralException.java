package com.bp010.referencial;

/** A Python source that is not a pure literal (or not valid), with where: line and column, both from 1. */
final class PythonLiteralException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String token;

    PythonLiteralException(int line, int column, String token, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.token = token;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The offending text, when there is one. */
    public String token() {
        return token;
    }

    /** The reason without the position. */
    public String reason() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }
}

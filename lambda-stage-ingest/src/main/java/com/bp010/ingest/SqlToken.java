package com.bp010.ingest;

import java.util.Locale;

/** A token of a dump: a word, a quoted identifier, a string or number literal, a punctuation mark, or the end. */
record SqlToken(Kind kind, String text, long line) {
    enum Kind { WORD, IDENT, STRING, NUMBER, PUNCT, CAST, EOF }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isPunct(char c) {
        return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
    }

    /** The identifier as PostgreSQL folds it: bare words lower-cased, quoted ones kept. */
    String identifier() {
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }

    String describe() {
        return kind == Kind.EOF ? "end of file" : kind == Kind.STRING ? "'" + RowReject.clip(text) + "'" : text;
    }
}

package com.bp010.referencial;

import com.bp010.referencial.PythonTokenizer.Token;
import com.bp010.referencial.PythonTokenizer.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a Python file that holds one literal, the way {@code ast.literal_eval} would, without ever running it: strings,
 * numbers (with a leading sign), {@code None}, {@code True}, {@code False}, dicts, lists and tuples, nested. The file
 * may start with comments and a docstring and may bind the literal to one name ({@code RANGOS = {...}}). Anything
 * else (calls, other names, operators, comprehensions, imports, a second statement) is refused with its line and
 * column. Dicts come back as {@link PyDict} (source order, key lines), lists and tuples as {@link List}, integers as
 * {@link Long}, other numbers as {@link Double}; a key written twice is refused (Python would silently keep the last).
 */
final class PythonLiteralReader {
    private static final Set<String> STATEMENTS = Set.of("import", "from", "def", "class", "lambda", "exec", "eval",
            "for", "while", "if", "with", "try", "del", "global", "nonlocal", "return", "yield", "assert", "raise",
            "async", "await", "print", "pass");

    /** Deeper literals are refused (the reader recurses; the limits file nests three levels). */
    static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private int at;
    private int depth;

    private PythonLiteralReader(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The literal the source holds. @throws PythonLiteralException with line and column when it holds more */
    public static Object read(String source) {
        PythonLiteralReader r = new PythonLiteralReader(PythonTokenizer.tokenize(source));
        return r.module();
    }

    private Object module() {
        skipNewlines();
        if (peek().type() == Type.STRING && isStatementEnd(1)) {
            next();
            skipNewlines();
        }
        Token first = peek();
        if (first.type() == Type.END) {
            throw fail(first, "the file holds no literal");
        }
        if (first.type() == Type.NAME && tokens.get(at + 1).text().equals("=") && !isKeywordLiteral(first)) {
            if (STATEMENTS.contains(first.text())) {
                throw fail(first, "'" + first.text() + "' cannot be a name here");
            }
            next();
            next();
        } else if (first.type() == Type.NAME && STATEMENTS.contains(first.text())) {
            throw fail(first, "statement '" + first.text() + "' is not allowed: the file must hold one literal only");
        }
        Object value = value();
        if (peek().text().equals(";")) {
            next();
        }
        if (peek().type() != Type.NEWLINE) {
            throw unexpected(peek(), "after the literal");
        }
        skipNewlines();
        if (peek().type() != Type.END) {
            throw fail(peek(), "a second statement ('" + peek().text() + "'): the file must hold one literal only");
        }
        return value;
    }

    private Object value() {
        Token t = next();
        return switch (t.type()) {
            case STRING -> stringConcatenation(t);
            case NUMBER -> t.value();
            case NAME -> name(t);
            case OP -> switch (t.text()) {
                case "{" -> dict(t);
                case "[" -> sequence(t, "]");
                case "(" -> sequence(t, ")");
                case "-", "+" -> signed(t);
                default -> throw unexpected(t, "where a value was expected");
            };
            default -> throw unexpected(t, "where a value was expected");
        };
    }

    private Object stringConcatenation(Token first) {
        StringBuilder s = new StringBuilder((String) first.value());
        while (peek().type() == Type.STRING) {
            s.append((String) next().value());
        }
        return s.toString();
    }

    private Object name(Token t) {
        return switch (t.text()) {
            case "None" -> null;
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            default -> {
                if (peek().text().equals("(")) {
                    throw fail(t, "call of '" + t.text() + "': only literals are allowed, the file is never executed");
                }
                throw fail(t, "name '" + t.text() + "' is not a literal (only None, True, False); the file is never executed");
            }
        };
    }

    private Object signed(Token sign) {
        Token n = next();
        if (n.type() != Type.NUMBER) {
            throw fail(sign, "operator '" + sign.text() + "' is only allowed as the sign of a number");
        }
        Object v = n.value();
        if (sign.text().equals("+")) {
            return v;
        }
        return v instanceof Long l ? (Object) (-l) : (Object) (-(Double) v);
    }

    private void enter(Token open) {
        if (++depth > MAX_DEPTH) {
            throw fail(open, "a literal nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private PyDict dict(Token open) {
        enter(open);
        PyDict dict = new PyDict(open.line());
        while (!peek().text().equals("}")) {
            Token keyToken = peek();
            Object key = value();
            if (key instanceof List<?> || key instanceof PyDict) {
                throw fail(keyToken, "a dict key must be a string or a number");
            }
            if (!peek().text().equals(":")) {
                if (peek().text().equals(",") || peek().text().equals("}")) {
                    throw fail(keyToken, "a set literal: only dicts, lists and tuples are allowed");
                }
                throw unexpected(peek(), "after a dict key (expected ':')");
            }
            next();
            Object v = value();
            if (dict.containsKey(key)) {
                throw fail(keyToken, "key " + keyToken.text() + " appears twice in the same dict");
            }
            dict.putAt(key, v, keyToken.line());
            if (!separator("}", open)) {
                break;
            }
        }
        expect("}", open);
        depth--;
        return dict;
    }

    private List<Object> sequence(Token open, String close) {
        enter(open);
        List<Object> items = new ArrayList<>();
        while (!peek().text().equals(close)) {
            items.add(value());
            if (!separator(close, open)) {
                break;
            }
        }
        expect(close, open);
        depth--;
        return items;
    }

    /** Consumes a ',' between items; false at the closing bracket. Refuses anything else (comprehensions, operators). */
    private boolean separator(String close, Token open) {
        Token t = peek();
        if (t.type() == Type.NEWLINE || t.type() == Type.END) {
            throw fail(open, "'" + open.text() + "' opened at line " + open.line() + " is not closed by '" + close + "'");
        }
        if (t.text().equals(",")) {
            next();
            return true;
        }
        if (t.text().equals(close)) {
            return false;
        }
        throw unexpected(t, "(expected ',' or '" + close + "')");
    }

    private void expect(String close, Token open) {
        Token t = next();
        if (!t.text().equals(close)) {
            throw fail(t.type() == Type.END ? open : t, "'" + open.text() + "' opened at line " + open.line()
                    + " is not closed by '" + close + "'");
        }
    }

    private PythonLiteralException unexpected(Token t, String where) {
        if (t.type() == Type.NAME && Set.of("for", "if", "in", "and", "or", "not", "is", "lambda").contains(t.text())) {
            return fail(t, "'" + t.text() + "' " + where + ": expressions and comprehensions are not literals");
        }
        if (t.type() == Type.OP && t.text().equals("(")) {
            return fail(t, "a call " + where + ": only literals are allowed, the file is never executed");
        }
        if (t.type() == Type.OP && !",:;".contains(t.text())) {
            return fail(t, "operator '" + t.text() + "' " + where + ": only literals are allowed");
        }
        if (t.type() == Type.END) {
            return fail(t, "the file ends " + where);
        }
        return fail(t, "unexpected " + describe(t) + " " + where);
    }

    private static String describe(Token t) {
        return switch (t.type()) {
            case STRING -> "string";
            case NEWLINE -> "end of line";
            case END -> "end of file";
            default -> "'" + t.text() + "'";
        };
    }

    private PythonLiteralException fail(Token t, String reason) {
        return new PythonLiteralException(t.line(), t.column(), t.text(), reason);
    }

    private boolean isStatementEnd(int ahead) {
        Type type = tokens.get(at + ahead).type();
        return type == Type.NEWLINE || type == Type.END;
    }

    private static boolean isKeywordLiteral(Token t) {
        return Set.of("None", "True", "False").contains(t.text());
    }

    private void skipNewlines() {
        while (peek().type() == Type.NEWLINE || peek().text().equals(";")) {
            at++;
        }
    }

    private Token peek() {
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        if (at < tokens.size() - 1) {
            at++;
        }
        return t;
    }
}

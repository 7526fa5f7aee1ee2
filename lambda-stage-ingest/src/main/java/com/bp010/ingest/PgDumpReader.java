package com.bp010.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the data of a PostgreSQL dump ({@code .sql}) as data, never as SQL to run: {@code INSERT INTO t [(cols)]
 * VALUES (...), ...;} and {@code COPY t (cols) FROM stdin;} blocks for the stage tables, plus the {@code SET} and
 * {@code SELECT pg_catalog.set_config/setval} lines pg_dump writes (skipped). Any other statement or table refuses
 * the whole file: {@link #read} throws at the first such statement, so a caller that stages rows in one transaction
 * rolls back everything delivered before it ({@link #check} reads a whole file without delivering anything).
 */
final class PgDumpReader {
    /** The tables a dump may hold rows for (schema {@code stage}, qualified or not). */
    public static final Set<String> TABLES = Set.of("landing_scada_data", "tbl_pozo_maestra", "tbl_pozo_produccion",
            "tbl_reservas_pozo");

    private final Map<String, List<String>> defaultColumns;

    /** @param defaultColumns each table's columns in table order, for INSERTs without a column list */
    public PgDumpReader(Map<String, List<String>> defaultColumns) {
        this.defaultColumns = defaultColumns;
    }

    /** Reads every statement and throws BAD_INPUT at the first one that is not allowed; delivers nothing. */
    public long check(String file, Reader in) throws IOException {
        return read(file, in, DumpSink.NONE);
    }

    /** Delivers every data row to {@code sink}; returns the number of rows met. */
    public long read(String file, Reader in, DumpSink sink) throws IOException {
        SqlTokenizer tokens = new SqlTokenizer(in, file);
        long rows = 0;
        for (SqlToken t = tokens.next(); t.kind() != SqlToken.Kind.EOF; t = tokens.next()) {
            if (t.isPunct(';')) {
                continue;
            }
            if (t.isWord("set") || t.isWord("begin") || t.isWord("commit") || t.isWord("end")
                    || t.isWord("start")) {
                skipHarmless(file, tokens, t);
            } else if (t.isWord("select")) {
                skipSetConfig(file, tokens, t);
            } else if (t.isWord("insert")) {
                rows += insert(file, tokens, t, sink);
            } else if (t.isWord("copy")) {
                rows += copy(file, tokens, t, sink);
            } else {
                throw refused(file, t, "statement " + t.describe());
            }
        }
        return rows;
    }

    private static void skipHarmless(String file, SqlTokenizer tokens, SqlToken first) throws IOException {
        for (SqlToken t = tokens.next(); !t.isPunct(';'); t = tokens.next()) {
            if (t.kind() == SqlToken.Kind.EOF) {
                throw refused(file, first, "an unterminated " + first.text() + " statement");
            }
            if (first.isWord("set") && (t.isWord("role") || t.isWord("session_authorization")
                    || t.isWord("authorization"))) {
                throw refused(file, t, "SET " + t.text());
            }
        }
    }

    private static void skipSetConfig(String file, SqlTokenizer tokens, SqlToken first) throws IOException {
        SqlToken schema = tokens.next();
        SqlToken dot = tokens.next();
        SqlToken fn = tokens.next();
        SqlToken open = tokens.next();
        boolean allowed = schema.isWord("pg_catalog") && dot.isPunct('.')
                && (fn.isWord("set_config") || fn.isWord("setval")) && open.isPunct('(');
        if (!allowed) {
            throw refused(file, first, "SELECT " + schema.describe() + " (only pg_catalog.set_config and "
                    + "pg_catalog.setval are skipped)");
        }
        int depth = 1;
        while (depth > 0) {
            SqlToken t = tokens.next();
            if (t.kind() == SqlToken.Kind.EOF) {
                throw refused(file, first, "an unterminated SELECT");
            }
            if (t.isPunct('(')) {
                throw refused(file, t, "a nested expression inside SELECT pg_catalog." + fn.text());
            } else if (t.isPunct(')')) {
                depth--;
            } else if (t.kind() == SqlToken.Kind.WORD && !t.isWord("true") && !t.isWord("false")) {
                throw refused(file, t, "an expression " + t.describe() + " inside SELECT pg_catalog." + fn.text());
            }
        }
        expect(file, tokens.next(), ';', "SELECT pg_catalog." + fn.text() + "(...)");
    }

    private long insert(String file, SqlTokenizer tokens, SqlToken first, DumpSink sink) throws IOException {
        if (!tokens.next().isWord("into")) {
            throw refused(file, first, "INSERT without INTO");
        }
        TableRef target = table(file, tokens);
        SqlToken t = tokens.next();
        List<String> columns = defaultColumns.getOrDefault(target.name, List.of());
        if (t.isPunct('(')) {
            columns = columnList(file, tokens);
            t = tokens.next();
        }
        if (!t.isWord("values")) {
            throw refused(file, t, "INSERT INTO " + target.name + " ... " + t.describe()
                    + " (only INSERT ... VALUES is read)");
        }
        long rows = 0;
        while (true) {
            SqlToken open = tokens.next();
            expect(file, open, '(', "INSERT ... VALUES");
            List<String> values = new ArrayList<>(columns.size());
            boolean closed = false;
            while (!closed) {
                values.add(literal(file, tokens));
                SqlToken sep = tokens.next();
                while (sep.kind() == SqlToken.Kind.CAST) {
                    sep = skipType(file, tokens);
                }
                if (sep.isPunct(')')) {
                    closed = true;
                } else if (!sep.isPunct(',')) {
                    throw refused(file, sep, "an expression " + sep.describe() + " in VALUES (only literals)");
                }
            }
            rows++;
            deliver(file, target.name, columns, open.line(), values, sink, "(" + String.join(", ",
                    values.stream().map(v -> v == null ? "NULL" : "'" + v + "'").toList()) + ")");
            SqlToken after = tokens.next();
            if (after.isPunct(',')) {
                continue;
            }
            if (after.isWord("on")) {
                for (String w : new String[]{"conflict", "do", "nothing"}) {
                    if (!tokens.next().isWord(w)) {
                        throw refused(file, after, "INSERT ... ON " + w.toUpperCase() + " (only ON CONFLICT DO "
                                + "NOTHING is accepted)");
                    }
                }
                after = tokens.next();
            }
            expect(file, after, ';', "INSERT");
            return rows;
        }
    }

    private long copy(String file, SqlTokenizer tokens, SqlToken first, DumpSink sink) throws IOException {
        TableRef target = table(file, tokens);
        SqlToken t = tokens.next();
        List<String> columns = defaultColumns.getOrDefault(target.name, List.of());
        if (t.isPunct('(')) {
            columns = columnList(file, tokens);
            t = tokens.next();
        }
        if (!t.isWord("from") || !tokens.next().isWord("stdin")) {
            throw refused(file, t, "COPY " + target.name + " that is not FROM stdin");
        }
        expect(file, tokens.next(), ';', "COPY ... FROM stdin");
        tokens.readLine();
        long rows = 0;
        while (true) {
            long line = tokens.line();
            String data = tokens.readLine();
            if (data == null) {
                throw InputErrors.badInput(file, first.line(), null, null, "the COPY block opened on line "
                        + first.line() + " has no closing \\. line");
            }
            if (data.equals("\\.")) {
                return rows;
            }
            rows++;
            deliver(file, target.name, columns, line, CopyTextFormat.split(data), sink, data);
        }
    }

    private static void deliver(String file, String table, List<String> columns, long line, List<String> values,
                                DumpSink sink, String raw) {
        if (values.size() != columns.size()) {
            sink.reject(new RowReject(file, line, null, raw, RejectReason.BAD_ROW, values.size()
                    + " values for " + columns.size() + " columns of " + table, null, null, null, null, null));
            return;
        }
        sink.row(table, columns, line, values, raw);
    }

    private static String literal(String file, SqlTokenizer tokens) throws IOException {
        SqlToken t = tokens.next();
        String sign = "";
        if (t.isPunct('-') || t.isPunct('+')) {
            sign = t.text().equals("-") ? "-" : "";
            t = tokens.next();
            if (t.kind() != SqlToken.Kind.NUMBER && !(t.kind() == SqlToken.Kind.STRING)) {
                throw refused(file, t, "an expression " + t.describe() + " in VALUES (only literals)");
            }
        }
        return switch (t.kind()) {
            case STRING, NUMBER -> sign + t.text();
            case WORD -> {
                if (t.isWord("null") || t.isWord("default")) {
                    yield null;
                }
                if (t.isWord("true") || t.isWord("false")) {
                    yield t.text().toLowerCase(java.util.Locale.ROOT);
                }
                throw refused(file, t, "an expression " + t.describe() + " in VALUES (only literals)");
            }
            default -> throw refused(file, t, "an expression " + t.describe() + " in VALUES (only literals)");
        };
    }

    /** Skips a type name after {@code ::} ({@code timestamp with time zone}, {@code numeric(10,2)}, {@code text[]}). */
    private static SqlToken skipType(String file, SqlTokenizer tokens) throws IOException {
        SqlToken t = tokens.next();
        if (t.kind() != SqlToken.Kind.WORD && t.kind() != SqlToken.Kind.IDENT) {
            throw refused(file, t, "a cast to " + t.describe());
        }
        while (true) {
            t = tokens.next();
            if (t.kind() == SqlToken.Kind.WORD || t.isPunct('.') || t.kind() == SqlToken.Kind.IDENT) {
                continue;
            }
            if (t.isPunct('[')) {
                expect(file, tokens.next(), ']', "a cast to an array type");
                continue;
            }
            if (t.isPunct('(')) {
                for (SqlToken p = tokens.next(); !p.isPunct(')'); p = tokens.next()) {
                    if (p.kind() != SqlToken.Kind.NUMBER && !p.isPunct(',')) {
                        throw refused(file, p, "a type modifier " + p.describe());
                    }
                }
                continue;
            }
            return t;
        }
    }

    private static TableRef table(String file, SqlTokenizer tokens) throws IOException {
        SqlToken first = tokens.next();
        if (first.kind() != SqlToken.Kind.WORD && first.kind() != SqlToken.Kind.IDENT) {
            throw refused(file, first, "a table name " + first.describe());
        }
        String schema = null;
        String name = first.identifier();
        SqlToken dot = tokens.next();
        if (dot.isPunct('.')) {
            schema = name;
            SqlToken n = tokens.next();
            if (n.kind() != SqlToken.Kind.WORD && n.kind() != SqlToken.Kind.IDENT) {
                throw refused(file, n, "a table name " + n.describe());
            }
            name = n.identifier();
        } else {
            tokens.pushBack(dot);
        }
        return checkTable(file, first, schema, name);
    }

    private static TableRef checkTable(String file, SqlToken at, String schema, String name) {
        if ((schema != null && !schema.equals("stage")) || !TABLES.contains(name)) {
            String full = schema == null ? name : schema + "." + name;
            throw refused(file, at, "table " + full + " (only stage." + String.join(", stage.",
                    TABLES.stream().sorted().toList()) + " are read)");
        }
        return new TableRef(name);
    }

    private static List<String> columnList(String file, SqlTokenizer tokens) throws IOException {
        List<String> columns = new ArrayList<>();
        while (true) {
            SqlToken c = tokens.next();
            if (c.kind() != SqlToken.Kind.WORD && c.kind() != SqlToken.Kind.IDENT) {
                throw refused(file, c, "a column name " + c.describe());
            }
            columns.add(c.identifier());
            SqlToken sep = tokens.next();
            if (sep.isPunct(')')) {
                return columns;
            }
            expect(file, sep, ',', "a column list");
        }
    }

    private static void expect(String file, SqlToken t, char c, String where) {
        if (!t.isPunct(c)) {
            throw refused(file, t, t.describe() + " where '" + c + "' was expected in " + where);
        }
    }

    private static com.bp010.db.Bp010Exception refused(String file, SqlToken at, String what) {
        return InputErrors.badInput(file, at.line(), null, RowReject.clip(at.text()), "the dump is refused whole, "
                + "nothing was loaded: " + what + " on line " + at.line() + " is not allowed (a dump may only hold "
                + "INSERT ... VALUES or COPY ... FROM stdin data for the stage tables)");
    }

    private record TableRef(String name) {
    }
}

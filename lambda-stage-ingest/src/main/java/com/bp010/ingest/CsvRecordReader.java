package com.bp010.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 tokenizer: quoted fields with doubled quotes and line breaks inside, CR, LF or CRLF line ends,
 * a delimiter detected from the first line ({@code ;}, {@code ,} or tab). Memory is bounded by the longest field
 * accepted: a longer one, or a quote that never closes, becomes a record with a problem and reading resumes at the
 * next line.
 */
final class CsvRecordReader {
    public static final int DEFAULT_MAX_FIELD = 1024 * 1024;
    private static final int MAX_FIELDS = 2000;

    private final Reader in;
    private final int maxField;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private char delimiter;
    private final StringBuilder field = new StringBuilder(4096);

    public CsvRecordReader(Reader in) {
        this(in, DEFAULT_MAX_FIELD);
    }

    public CsvRecordReader(Reader in, int maxField) {
        this.in = in;
        this.maxField = maxField;
    }

    /** The delimiter, detected from the first line on the first call. */
    public char delimiter() throws IOException {
        if (delimiter == 0) {
            delimiter = detectDelimiter();
        }
        return delimiter;
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        char d = delimiter();
        if (!fill()) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>(8);
        field.setLength(0);
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (!fill()) {
                if (quoted) {
                    fields.add(field.toString());
                    return new CsvRecord(start, fields, RejectReason.UNTERMINATED_QUOTE,
                            "a quote opened on line " + start + " never closes");
                }
                fields.add(field.toString());
                return new CsvRecord(start, fields, null, null);
            }
            int run = ordinaryRun(d, quoted, fieldStart);
            if (run > 0 && !quoted && field.length() == 0 && pos + run < limit && buf[pos + run] == d
                    && run <= maxField) {
                // a whole unquoted field before its delimiter, in the buffer: its String straight from the buffer
                fields.add(new String(buf, pos, run));
                pos += run + 1;
                fieldStart = true;
                if (fields.size() > MAX_FIELDS) {
                    skipToLineEnd();
                    return new CsvRecord(start, fields, RejectReason.BAD_ROW, "more than " + MAX_FIELDS + " fields");
                }
                continue;
            }
            if (run > 0) {
                // a run of plain characters is appended at once, not character by character
                field.append(buf, pos, run);
                pos += run;
            } else {
                char c = buf[pos++];
                if (quoted) {
                    if (c == '"') {
                        if (fill() && buf[pos] == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && !(fill() && buf[pos] == '\n'))) {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == d) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    if (fields.size() > MAX_FIELDS) {
                        skipToLineEnd();
                        return new CsvRecord(start, fields, RejectReason.BAD_ROW, "more than " + MAX_FIELDS + " fields");
                    }
                    continue;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && fill() && buf[pos] == '\n') {
                        pos++;
                    }
                    line++;
                    fields.add(field.toString());
                    return new CsvRecord(start, fields, null, null);
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                } else {
                    field.append(c);
                }
            }
            fieldStart = false;
            if (field.length() > maxField) {
                fields.add(field.substring(0, Math.min(field.length(), RowReject.MAX_RAW_TEXT)));
                skipToLineEnd();
                return new CsvRecord(start, fields, RejectReason.FIELD_TOO_LONG,
                        "a field is longer than " + maxField + " characters");
            }
        }
    }

    /**
     * How many characters from {@code pos} (within the buffer) are plain field text: no line end, no quote inside a
     * quoted field, no delimiter outside one, and not the quote that opens a field. Zero when the next character is
     * one of those.
     */
    private int ordinaryRun(char d, boolean quoted, boolean fieldStart) {
        if (!quoted && fieldStart && buf[pos] == '"') {
            return 0;
        }
        int i = pos;
        if (quoted) {
            while (i < limit) {
                char c = buf[i];
                if (c == '"' || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
        } else {
            while (i < limit) {
                char c = buf[i];
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
        }
        return i - pos;
    }

    /** The line the next record starts on. */
    public long line() {
        return line;
    }

    private void skipToLineEnd() throws IOException {
        while (fill()) {
            char c = buf[pos++];
            if (c == '\n' || c == '\r') {
                if (c == '\r' && fill() && buf[pos] == '\n') {
                    pos++;
                }
                line++;
                return;
            }
        }
    }

    private char detectDelimiter() throws IOException {
        fill();
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = pos; i < limit; i++) {
            char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    /** True when a character is available at {@code pos}. */
    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        pos = 0;
        limit = 0;
        while (limit == 0) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit = r;
        }
        return true;
    }
}

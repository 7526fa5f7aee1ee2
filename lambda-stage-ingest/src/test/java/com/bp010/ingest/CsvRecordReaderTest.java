package com.bp010.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordReaderTest {
    /** Every record the reader gives, in its order (also the expectation of the read-ahead test). */
    static List<CsvRecord> all(CsvRecordReader r) throws IOException {
        List<CsvRecord> out = new ArrayList<>();
        for (CsvRecord rec = r.next(); rec != null; rec = r.next()) {
            out.add(rec);
        }
        return out;
    }

    @Test
    void shouldSplitQuotedFieldsAndCountLines_whenAFieldSpansLines() throws IOException {
        CsvRecordReader r = new CsvRecordReader(new StringReader("a,b\r\n\"x,1\",\"two\nlines\"\r\n\"q\"\"q\",z\n"));

        List<CsvRecord> records = all(r);

        assertThat(r.delimiter()).isEqualTo(',');
        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a", "b"),
                List.of("x,1", "two\nlines"), List.of("q\"q", "z"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 4L);
    }

    /**
     * Random records (fields with delimiters, quotes, line breaks, accents, empty ones) written as RFC 4180 with LF or
     * CRLF line ends, over several buffers, read back through an input that hands out random short pieces: the same
     * fields and start lines, wherever a field meets the end of the buffer.
     */
    @Test
    void shouldReadBackTheFieldsWritten_whenRecordsSpanBuffersAndPieces() throws IOException {
        java.util.Random r = new java.util.Random(16);
        String alphabet = "ab1.,\"\n\r é-";
        for (int trial = 0; trial < 30; trial++) {
            StringBuilder text = new StringBuilder("well_id,var_id,measure\n");
            List<List<String>> expected = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            expected.add(List.of("well_id", "var_id", "measure"));
            lines.add(1L);
            long line = 2;
            int records = 500 + r.nextInt(trial < 10 ? 500 : 20_000);
            for (int k = 0; k < records; k++) {
                List<String> fields = new ArrayList<>();
                int n = 1 + r.nextInt(6);
                StringBuilder rec = new StringBuilder();
                for (int f = 0; f < n; f++) {
                    StringBuilder v = new StringBuilder();
                    int len = r.nextInt(4) == 0 ? r.nextInt(3) : r.nextInt(r.nextInt(20) == 0 ? 3000 : 25);
                    boolean special = r.nextInt(3) == 0;
                    for (int i = 0; i < len; i++) {
                        v.append(special ? alphabet.charAt(r.nextInt(alphabet.length())) : (char) ('a' + r.nextInt(26)));
                    }
                    String value = v.toString();
                    if (n == 1 && value.isEmpty()) {
                        value = "x"; // a blank line is a record of one empty field; keep records non-blank
                    }
                    fields.add(value);
                    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                            || value.indexOf('\r') >= 0 || r.nextInt(10) == 0;
                    rec.append(f == 0 ? "" : ",").append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
                }
                rec.append(r.nextBoolean() ? "\n" : "\r\n");
                expected.add(fields);
                lines.add(line);
                line += rec.toString().replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
                text.append(rec);
            }
            String all = text.toString();
            java.io.Reader pieces = new java.io.Reader() {
                private int at;

                @Override
                public int read(char[] cbuf, int off, int len) {
                    if (at == all.length()) {
                        return -1;
                    }
                    int n = Math.min(Math.min(len, all.length() - at), 1 + r.nextInt(r.nextBoolean() ? 7 : 70_000));
                    all.getChars(at, at + n, cbuf, off);
                    at += n;
                    return n;
                }

                @Override
                public void close() {
                }
            };

            List<CsvRecord> read = all(new CsvRecordReader(pieces));

            assertThat(read).extracting(CsvRecord::problem).containsOnlyNulls();
            assertThat(read).extracting(CsvRecord::fields).as("trial %d", trial).isEqualTo(expected);
            assertThat(read).extracting(CsvRecord::line).as("trial %d", trial).isEqualTo(lines);
        }
    }

    @Test
    void shouldDetectTheSemicolon_whenTheHeaderUsesIt() throws IOException {
        CsvRecordReader r = new CsvRecordReader(new StringReader("well_id;measure\nP-1;12,5\n"));

        assertThat(all(r)).extracting(CsvRecord::fields).containsExactly(List.of("well_id", "measure"),
                List.of("P-1", "12,5"));
        assertThat(r.delimiter()).isEqualTo(';');
    }

    @Test
    void shouldReportTheOpeningLine_whenAQuoteNeverCloses() throws IOException {
        List<CsvRecord> records = all(new CsvRecordReader(new StringReader("a,b\nok,1\n\"broken,2\nmore\n")));

        assertThat(records).hasSize(3);
        assertThat(records.get(2).problem()).isEqualTo(RejectReason.UNTERMINATED_QUOTE);
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void shouldRejectTheRecordAndGoOn_whenAFieldIsTooLong() throws IOException {
        String longField = "x".repeat(100);
        List<CsvRecord> records = all(new CsvRecordReader(new StringReader("a,b\n" + longField + ",1\nok,2\n"), 50));

        assertThat(records).hasSize(3);
        assertThat(records.get(1).problem()).isEqualTo(RejectReason.FIELD_TOO_LONG);
        assertThat(records.get(2).fields()).containsExactly("ok", "2");
        assertThat(records.get(2).line()).isEqualTo(3);
    }
}

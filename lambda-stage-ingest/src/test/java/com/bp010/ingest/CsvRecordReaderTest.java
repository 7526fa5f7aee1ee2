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

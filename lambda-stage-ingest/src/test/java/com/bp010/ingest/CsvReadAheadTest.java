package com.bp010.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReadAheadTest {
    private static String lines(int n) {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < n; i++) {
            sb.append(i).append(",\"x\ny").append(i).append("\"\n");
        }
        return sb.toString();
    }

    @Test
    void shouldGiveTheRecordsTheReaderGives_inItsOrder_acrossManyBatches() throws IOException {
        String text = lines(10_000);
        List<CsvRecord> expected = CsvRecordReaderTest.all(new CsvRecordReader(new StringReader(text)));
        CsvRecordReader csv = new CsvRecordReader(new StringReader(text));
        List<CsvRecord> got = new ArrayList<>();
        got.add(csv.next()); // the header, read before the read-ahead starts

        try (CsvReadAhead ahead = new CsvReadAhead(csv)) {
            for (CsvRecord r = ahead.next(); r != null; r = ahead.next()) {
                got.add(r);
            }
            assertThat(ahead.next()).isNull();
        }

        assertThat(got).isEqualTo(expected);
    }

    @Test
    void shouldThrowTheReadersFailure_afterTheRecordsBeforeIt() throws IOException {
        String text = lines(3_000);
        Reader failing = new Reader() {
            private final StringReader in = new StringReader(text);

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, Math.min(len, 100));
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        CsvRecordReader csv = new CsvRecordReader(failing);
        csv.next();
        List<CsvRecord> got = new ArrayList<>();

        try (CsvReadAhead ahead = new CsvReadAhead(csv)) {
            assertThatThrownBy(() -> {
                for (CsvRecord r = ahead.next(); r != null; r = ahead.next()) {
                    got.add(r);
                }
            }).isInstanceOf(IOException.class).hasMessage("connection reset");
        }

        assertThat(got).hasSize(3_000);
    }

    @Test
    void shouldStopTheThread_whenClosedBeforeTheEnd() throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new StringReader(lines(200_000)));
        csv.next();
        CsvReadAhead ahead = new CsvReadAhead(csv);

        assertThat(ahead.next().fields()).containsExactly("0", "x\ny0");
        ahead.close(); // returns only once the thread has stopped

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("csv-read-ahead"));
    }
}

package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every ingest parser, fed arbitrary bytes and text near its grammar: a value, reject rows, or a BAD_INPUT naming the
 * file; never another exception (a NumberFormatException, a StackOverflowError, an index out of bounds).
 */
class HostileParserPropertiesTest {
    private static final String TS = "2024-05-01T10:00:00Z";

    @Provide
    Arbitrary<String> numberish() {
        Arbitrary<String> pieces = Arbitraries.of("0", "1", "9", "-", "+", ".", ",", "e", "E", "x", "0x", "NaN",
                "Infinity", "inf", "999999999999999999999", "e999", "e-999", "_", " ", "\u00a0", "1.234,5", "1,234.5",
                "\u0000", "\uFEFF", "\u0661");
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> timestampish() {
        Arbitrary<String> pieces = Arbitraries.of("0001", "9999", "2024", "+10000", "-", "-02-30", "-13-01",
                "-05-01", "T", " ", "10:00", ":00", ":61", "24:00", ".123456789", "Z", "+25:00", "-03:00", "+05",
                "[America/Bogota]", "[Nope/Zone]", "1714557600", "1e20", "\u0000", "\u2010", "2024-05-01");
        return pieces.list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void numberTextGivesAKindForAnyText_andOnlyFiniteNumbersAsNumbers(@ForAll("numberish") String a,
                                                                     @ForAll String b, @ForAll boolean comma) {
        for (String text : List.of(a, b)) {
            com.bp010.db.text.FieldNumber.Result r = com.bp010.db.text.FieldNumber.read(text, comma);
            assertThat(r.kind()).isNotNull();
            if (r.isNumber()) {
                assertThat(Double.isFinite(r.value())).as(text).isTrue();
            } else {
                assertThat(r.reason()).isNotBlank();
            }
        }
    }

    @Property(tries = 1000)
    void timestampParserGivesAnInstantInRangeOrNull(@ForAll("timestampish") String a, @ForAll String b) {
        TimestampParser p = new TimestampParser(ZoneId.of("America/Bogota"));
        for (String text : List.of(a, b)) {
            Instant t = p.parse(text);
            if (t != null) {
                assertThat(t).isBetween(Instant.parse("1899-12-31T00:00:00Z"), Instant.parse("2201-01-02T00:00:00Z"));
            }
        }
    }

    @Property(tries = 400)
    void lenientTextReaderDecodesAnyBytes(@ForAll @Size(max = 800) byte[] bytes) throws IOException {
        try (LenientTextReader r = new LenientTextReader(new ByteArrayInputStream(bytes))) {
            char[] buf = new char[97];
            long chars = 0;
            for (int n = r.read(buf, 0, buf.length); n >= 0; n = r.read(buf, 0, buf.length)) {
                chars += n;
            }
            assertThat(chars).isLessThanOrEqualTo(bytes.length);
        }
    }

    @Property(tries = 400)
    void csvRecordReaderEndsOnAnyText(@ForAll @Size(max = 600) String text) throws IOException {
        CsvRecordReader r = new CsvRecordReader(new StringReader(text), 64);
        int records = 0;
        for (CsvRecord rec = r.next(); rec != null; rec = r.next()) {
            assertThat(rec.line()).isPositive();
            assertThat(++records).isLessThanOrEqualTo(text.length() + 1);
        }
    }

    @Property(tries = 400)
    void productionCsvReadsOrRefusesAnyBytes(@ForAll @Size(max = 600) byte[] bytes, @ForAll boolean withHeader) {
        byte[] header = "well_id,timestamp_lectura,well_head_pressure,card\n".getBytes(StandardCharsets.UTF_8);
        byte[] in = withHeader ? concat(header, bytes) : bytes;
        ProductionRowSplitter splitter = new ProductionRowSplitter(Map.of("well_head_pressure", "IDN1001",
                "card", "IDN2001"), Readers.utc());
        clearOutcome("p.csv", () -> {
            CollectingSink sink = new CollectingSink();
            new ProductionCsvReader(splitter).read("p.csv", new ByteArrayInputStream(in), sink);
        });
    }

    @Property(tries = 400)
    void telemetryJsonReadsOrRefusesAnyBytes(@ForAll @Size(max = 600) byte[] bytes) {
        clearOutcome("b.json", () -> new TelemetryJsonReader(Readers.utc()).read("b.json",
                new ByteArrayInputStream(bytes), new CollectingSink()));
    }

    @Example
    void telemetryJsonRefusesBytesThatAreNoUnicodeText() {
        // four bytes Jackson's encoding detection reads as UTF-32 of an unsupported byte order (found by the property)
        assertThatThrownBy(() -> new TelemetryJsonReader(Readers.utc()).read("b.json",
                new ByteArrayInputStream(new byte[] {0, 0, 1, 0}), new CollectingSink()))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.detail("file")).isEqualTo("b.json");
                    assertThat(e.reason()).contains("not JSON text: ").endsWith("a JSON page is UTF-8 text");
                });
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> scalar = Arbitraries.of("1", "-0", "1e999", "NaN", "\"NaN\"", "\"0x1F\"", "null", "true",
                "\"HX-0001\"", "\"IDN1001\"", "\"" + TS + "\"", "\"0001-01-01T00:00:00Z\"", "\"\\u0000\"", "{}", "[]",
                "\"'; DROP TABLE t; --\"", "1" .repeat(120));
        Arbitrary<String> key = Arbitraries.of("well_id", "var_id", "timestamp", "value", "received_at", "items",
                "next_cursor", "x");
        Arbitrary<String> member = Combinators.combine(key, scalar).as((k, v) -> "\"" + k + "\": " + v);
        Arbitrary<String> item = member.list().ofMaxSize(7).map(l -> "{" + String.join(", ", l) + "}");
        Arbitrary<String> nested = Arbitraries.integers().between(0, 3000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> element = Arbitraries.oneOf(item, scalar, nested);
        Arbitrary<String> page = element.list().ofMaxSize(6).map(l -> "{\"items\": [" + String.join(", ", l) + "]}");
        Arbitrary<String> tail = Arbitraries.of("", " ", "}", "]", "{\"items\": []}", ";DROP TABLE t", ",");
        return Combinators.combine(page, tail).as((p, t) -> p + t);
    }

    @Property(tries = 300)
    void telemetryJsonAccountsForEveryItemOrRefusesNearValidPages(@ForAll("jsonish") String page) {
        clearOutcome("p.json", () -> {
            CollectingSink sink = new CollectingSink();
            ReadSummary s = new TelemetryJsonReader(Readers.utc()).read("p.json",
                    new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), sink);
            assertThat((long) sink.readings.size() + sink.rejects.size()).isEqualTo(s.rowsRead());
            sink.readings.forEach(r -> assertThat(r.varId().chars().noneMatch(Character::isISOControl)).isTrue());
        });
    }

    @Property(tries = 300)
    void sqlTokenizerEndsOnAnyText(@ForAll @Size(max = 600) String text) {
        clearOutcome("t.sql", () -> {
            SqlTokenizer t = new SqlTokenizer(new StringReader(text), "t.sql");
            int tokens = 0;
            for (SqlToken tok = t.next(); tok.kind() != SqlToken.Kind.EOF; tok = t.next()) {
                assertThat(++tokens).isLessThanOrEqualTo(text.length() + 1);
            }
        });
    }

    @Property(tries = 400)
    void pgDumpReaderChecksAnyBytes(@ForAll @Size(max = 600) byte[] bytes) {
        clearOutcome("b.sql", () -> {
            PgDumpReader reader = new PgDumpReader(Map.of());
            reader.check("b.sql", new LenientTextReader(new ByteArrayInputStream(bytes)));
            CollectingSink sink = new CollectingSink();
            reader.read("b.sql", new LenientTextReader(new ByteArrayInputStream(bytes)),
                    new DumpRouter("b.sql", Readers.utc(), new ProductionRowSplitter(Map.of(), Readers.utc()), sink,
                            sink, sink));
        });
    }

    @Property(tries = 200)
    void formatDetectorNamesAFormatOrRefuses(@ForAll @Size(max = 40) String name, @ForAll @Size(max = 300) byte[] head) {
        clearOutcome(name, () -> assertThat(FormatDetector.detect(name, head)).isNotNull());
    }

    @Property(tries = 300)
    void reservesCsvAccountsForEveryRow(@ForAll @Size(max = 600) byte[] bytes) {
        byte[] in = concat("well_id;fecha_evaluacion;categoria;petroleo_bbl\n".getBytes(StandardCharsets.UTF_8), bytes);
        clearOutcome("reservas.csv", () -> {
            CollectingSink sink = new CollectingSink();
            TableReadSummary s = new TableCsvReader(TableShape.RESERVES).read("reservas.csv",
                    new ByteArrayInputStream(in), sink);
            assertThat((long) sink.rows.size() + sink.rejects.size()).isEqualTo(s.rowsRead());
        });
    }

    @Property(tries = 100)
    void reservesXlsxRefusesAnyNonWorkbook(@ForAll @Size(max = 2000) byte[] bytes, @ForAll boolean zipMagic)
            throws IOException {
        Path f = Files.createTempFile("hostile-", ".xlsx");
        try {
            byte[] in = zipMagic ? concat(new byte[]{'P', 'K', 3, 4}, bytes) : bytes;
            Files.write(f, in);
            clearOutcome("r.xlsx", () -> new ReservesXlsxReader(TableShape.RESERVES, ZipBombGuard.defaults())
                    .read("r.xlsx", f, new CollectingSink()));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    /** The call returns, or throws BAD_INPUT naming the file and saying why; anything else fails the property. */
    private static void clearOutcome(String file, Call call) {
        try {
            call.run();
        } catch (Bp010Exception e) {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.detail("file")).isEqualTo(file);
            assertThat(e.reason()).isNotBlank();
        } catch (IOException e) {
            throw new AssertionError("unexpected I/O failure on in-memory input", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

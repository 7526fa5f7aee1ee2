package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the input, a reader yields rows and rejects that account for every row it met, or a clear BAD_INPUT. */
class ReaderPropertiesTest {
    private static final String TELEMETRY_HEADER = "well_id,var_id,timestamp_lectura,measure,source_received_at\n";

    @Provide
    Arbitrary<String> csvish() {
        return Arbitraries.strings().withChars("Pw_-1,;\"\n\r\t 0123456789.:TZ+eEIDN{}[]aN\u00f1\u00e9\uFEFF")
                .ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> pieces = Arbitraries.of("INSERT INTO ", "stage.landing_scada_data", " VALUES ", "(", ")",
                ",", ";", "'P-1'", "'IDN1001'", "'2024-05-01 10:00:00+00'", "12.5", "NULL", "COPY ", " FROM stdin",
                "\n", "\\.", "\t", "--c\n", "/*", "*/", "'", "E'\\n'", "$$", "::text", "SET x = 1", "DROP TABLE t",
                "tbl_pozo_maestra", " (well_id, campo) ", "(well_id, var_id, timestamp_lectura, measure)", "SELECT ");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 400)
    void telemetryCsvAccountsForEveryRow(@ForAll("csvish") String body) {
        assertAccounted(() -> {
            CollectingSink sink = new CollectingSink();
            ReadSummary s = new TelemetryCsvReader(Readers.utc()).read("p.csv",
                    Readers.bytes(TELEMETRY_HEADER + body), sink);
            assertThat((long) sink.readings.size() + sink.rejects.size()).isEqualTo(s.rowsRead());
        });
    }

    @Property(tries = 300)
    void telemetryCsvNeverFailsUnexpectedly_onArbitraryBytes(@ForAll @Size(max = 600) byte[] bytes) {
        assertAccounted(() -> new TelemetryCsvReader(Readers.utc()).read("b.csv", new ByteArrayInputStream(bytes),
                new CollectingSink()));
    }

    @Property(tries = 300)
    void telemetryJsonAccountsForEveryItem(@ForAll("csvish") String noise) {
        String page = "{\"items\": [{\"well_id\": \"P-1\", \"var_id\": \"IDN1001\", \"timestamp\": \""
                + noise.replace("\"", "") + "\", \"value\": \"" + noise.replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "").replace("\t", "") + "\"}, " + noise + "]}";
        assertAccounted(() -> {
            CollectingSink sink = new CollectingSink();
            ReadSummary s = new TelemetryJsonReader(Readers.utc()).read("p.json", Readers.bytes(page), sink);
            assertThat((long) sink.readings.size() + sink.rejects.size()).isEqualTo(s.rowsRead());
        });
    }

    @Property(tries = 400)
    void dumpsAreReadOrRefusedWhole(@ForAll("sqlish") String dump) {
        PgDumpReader reader = new PgDumpReader(Map.of());
        assertAccounted(() -> {
            reader.check("p.sql", new java.io.StringReader(dump));
            CollectingSink sink = new CollectingSink();
            DumpRouter router = new DumpRouter("p.sql", Readers.utc(),
                    new ProductionRowSplitter(Map.of(), Readers.utc()), sink, sink, sink);
            reader.read("p.sql", new java.io.StringReader(dump), router);
        });
    }

    @Property(tries = 300)
    void wellMasterCsvAccountsForEveryRow(@ForAll("csvish") String body) {
        assertAccounted(() -> {
            CollectingSink sink = new CollectingSink();
            TableReadSummary s = new TableCsvReader(TableShape.WELL_MASTER).read("m.csv",
                    Readers.bytes("well_id;latitud;fecha_inicio_produccion;campo;otra\n" + body), sink);
            assertThat((long) sink.rows.size() + sink.rejects.size()).isEqualTo(s.rowsRead());
        });
    }

    @Provide
    Arbitrary<Reading> readings() {
        Arbitrary<String> wells = Arbitraries.strings().withChars("ABCXYZ0123456789-_.").ofMinLength(1)
                .ofMaxLength(12).filter(s -> ReadingValidator.WELL_ID.matcher(s).matches());
        Arbitrary<String> vars = Arbitraries.strings().numeric().ofLength(4).map(s -> "IDN" + s);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<Double> values = Arbitraries.doubles().between(-1e6, 1e6).ofScale(3);
        return Combinators.combine(wells, vars, times, values)
                .as((w, v, t, x) -> new Reading(0, w, v, t, Double.toString(x), null, true));
    }

    @Provide
    Arbitrary<List<Reading>> readingLists() {
        return readings().list().ofMaxSize(20);
    }

    @Property(tries = 200)
    void readingsRoundTrip_whenWrittenWithEitherFieldConvention(@ForAll("readingLists") List<Reading> readings,
                                                                @ForAll boolean semicolon) throws IOException {
        char d = semicolon ? ';' : ',';
        StringBuilder csv = new StringBuilder("well_id" + d + "var_id" + d + "timestamp_lectura" + d + "measure\n");
        for (Reading r : readings) {
            String value = semicolon ? plain(r.measure()).replace('.', ',') : r.measure();
            csv.append(r.wellId()).append(d).append(r.varId()).append(d).append(r.timestamp()).append(d)
                    .append(value).append('\n');
        }
        CollectingSink sink = new CollectingSink();
        new TelemetryCsvReader(Readers.utc()).read("rt.csv", Readers.bytes(csv.toString(),
                semicolon ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8), sink);

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).hasSameSizeAs(readings);
        for (int i = 0; i < readings.size(); i++) {
            Reading in = readings.get(i);
            Reading out = sink.readings.get(i);
            assertThat(out.wellId()).isEqualTo(in.wellId());
            assertThat(out.varId()).isEqualTo(in.varId());
            assertThat(out.timestamp()).isEqualTo(in.timestamp());
            assertThat(Double.parseDouble(out.measure())).isEqualTo(Double.parseDouble(in.measure()));
        }
    }

    private static String plain(String number) {
        return new java.math.BigDecimal(number).toPlainString();
    }

    private interface ReaderCall {
        void run() throws IOException;
    }

    private static void assertAccounted(ReaderCall call) {
        try {
            call.run();
        } catch (Bp010Exception e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.detail("file")).isNotNull();
            assertThat(e.reason()).isNotBlank();
        } catch (IOException e) {
            throw new AssertionError("unexpected I/O failure on in-memory input", e);
        }
    }

    @SuppressWarnings("unused")
    private static InputStreamReader reader(String s) {
        return new InputStreamReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}

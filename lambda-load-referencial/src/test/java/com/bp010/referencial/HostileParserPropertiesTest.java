package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every config parser, fed arbitrary text and text near its grammar: a value or its documented clear error
 * (BAD_INPUT naming the file, PythonLiteralException with line and column, IllegalArgumentException with the reason);
 * never another exception.
 */
class HostileParserPropertiesTest {

    @Provide
    Arbitrary<String> pythonish() {
        Arbitrary<String> pieces = Arbitraries.of("{", "}", "[", "]", "(", ")", ":", ",", "\n", "    ", "\"a\"",
                "'b'", "f\"{x}\"", "r'\\d'", "b'x'", "\"\"\"doc\"\"\"", "1", "-2.5", "1e999", "0x10", "1_000", "None",
                "True", "__import__('os')", ".system", "lambda: 1", "import os", "RANGOS = ", "#c\n", "\\\n", "+",
                "*", "**", "for", "in", "if", "[x for x in y]", "...", ";", "9".repeat(30), "\u0000", "\"\u00f1\"");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> deep() {
        return Arbitraries.integers().between(0, 20_000).flatMap(n -> Arbitraries.of("[", "(", "{1:")
                .map(open -> open.repeat(n) + "1" + (open.equals("[") ? "]" : open.equals("(") ? ")" : "}").repeat(n)));
    }

    @Property(tries = 1000)
    void pythonLiteralReaderReadsOrRefusesWithAPosition(@ForAll("pythonish") String near, @ForAll String any) {
        for (String source : List.of(near, any)) {
            try {
                PythonLiteralReader.read(source);
            } catch (PythonLiteralException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Property(tries = 60)
    void pythonLiteralReaderRefusesDeepNestingWithoutOverflowingTheStack(@ForAll("deep") String source) {
        try {
            assertThat(PythonLiteralReader.read(source)).isNotNull();
        } catch (PythonLiteralException e) {
            assertThat(e.getMessage()).contains("nested deeper");
        }
    }

    @Provide
    Arbitrary<String> expressionish() {
        Arbitrary<String> pieces = Arbitraries.of(">", ">=", "<", "<=", "≥", "=>", "-", "–", "..", " a ", " to ",
                "0", "1", "15", "1,06", "3.75", "e999", "NaN", "%", "s", "min", "h", "ms", "dia", "seg", " ", "0x",
                "\u00a0", ",", ".", "9".repeat(400));
        return pieces.list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void dqExpressionsParseOrSayWhy(@ForAll("expressionish") String near, @ForAll String any, @ForAll boolean semicolon) {
        char d = semicolon ? ';' : ',';
        for (String text : List.of(near, any)) {
            try {
                DqExpression e = DqExpressionParser.range(text, d);
                if (e != null) {
                    assertThat(e.min() == null || Double.isFinite(e.min())).as(text).isTrue();
                    assertThat(e.max() == null || Double.isFinite(e.max())).as(text).isTrue();
                }
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
            try {
                DqExpressionParser.latency(text, d);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
            DqExpressionParser.looksLikeLatency(text);
        }
    }

    @Property(tries = 1000)
    void numberReaderGivesAFiniteNumberOrSaysWhy(@ForAll("expressionish") String near, @ForAll String any,
                                                 @ForAll boolean semicolon) {
        for (String text : List.of(near, any)) {
            com.bp010.db.text.FieldNumber.Result n = com.bp010.db.text.FieldNumber.read(text, semicolon);
            if (n.isNumber()) {
                assertThat(Double.isFinite(n.value())).as(text).isTrue();
            } else {
                assertThat(n.reason()).isNotBlank();
            }
        }
    }

    @Property(tries = 500)
    void unitNormalizerAnswersForAnyText(@ForAll String raw) {
        UnitNormalizer n = new UnitNormalizer(Map.of("psi", "pound-force per square inch", "degF", "degree Fahrenheit",
                "lbf*in", "pound-force inch", "%", "percent"));
        Optional<String> unit = n.normalize(raw);
        unit.ifPresent(u -> assertThat(u).isIn("psi", "degF", "lbf*in", "%"));
    }

    @Property(tries = 500)
    void csvTableReaderReadsOrRefusesAnyBytes(@ForAll @Size(max = 800) byte[] bytes, @ForAll boolean withHeader) {
        byte[] header = "id_formato1,nombre_tecnico,unidad\n".getBytes(StandardCharsets.UTF_8);
        byte[] in = withHeader ? concat(header, bytes) : bytes;
        try {
            CsvTable t = CsvTableReader.read("x.csv", in);
            for (CsvRow r : t.rows()) {
                assertThat(r.line()).isPositive();
            }
        } catch (Bp010Exception e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.detail("file")).isEqualTo("x.csv");
            assertThat(e.reason()).contains("x.csv");
        }
    }

    @Property(tries = 500)
    void textDecoderDecodesAnyBytes(@ForAll @Size(max = 800) byte[] bytes) {
        assertThat(TextDecoder.decode(bytes).text()).isNotNull();
    }

    @Property(tries = 200)
    void pivotExtractorEndsOnAnyText(@ForAll("sqlish") String sql) {
        for (ScadaMapping m : PivotSqlExtractor.extract(sql)) {
            assertThat(m.line()).isPositive();
        }
        for (ScadaMapping m : PivotSqlExtractor.unpaired(sql)) {
            assertThat(m.columnaStage()).isNull();
        }
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> pieces = Arbitraries.of("var_id = '", "IDN1001", "'", "''", " THEN l.measure END)", " AS ",
                "well_head_pressure", "\"Quoted; DROP\"", "\"", ",\n", "-- c\n", "/*", "*/", "var_id='x'", " as ",
                "\n", ";", "DROP TABLE t");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

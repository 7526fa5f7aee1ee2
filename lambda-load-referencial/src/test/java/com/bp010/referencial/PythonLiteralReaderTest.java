package com.bp010.referencial;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonLiteralReaderTest {

    @Test
    void shouldReadTheRepositorysLimitsFile_whenItHoldsOneAssignedDict() throws IOException {
        String src = Files.readString(Path.of("..", "config", "Rangos_validacion_variables_petroleras_limpio.py"));
        PyDict limits = (PyDict) PythonLiteralReader.read(src);
        assertThat(limits).hasSize(17);
        PyDict whp = (PyDict) limits.get("well_head_pressure");
        assertThat(whp.get("max_critical")).isEqualTo(2000L);
        assertThat(whp.get("min_critical")).isNull();
        assertThat(whp.containsKey("min_critical")).isTrue();
        assertThat(limits.lineOf("well_head_pressure")).isEqualTo(src.lines().toList().indexOf(
                "    \"well_head_pressure\": {") + 1);
    }

    @Test
    void shouldReadEveryLiteralKind_whenNestedAndSpelledAsPythonAllows() {
        Object v = PythonLiteralReader.read("""
                # comment
                '''doc'''
                X = {
                    'a': [1, -2.5, +3, 1_000, 2e3, .5],   # trailing comment
                    "b": ("t", r"raw\\n", u"uni", "x" "y", \"\"\"tri
                ple\"\"\"),
                    3: {"n": None, "t": True, "f": False,},
                    "esc": "\\u00e9\\n\\t\\"",
                }
                """);
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(1L, -2.5, 3L, 1000L, 2000.0, 0.5));
        expected.put("b", List.of("t", "raw\\n", "uni", "xy", "tri\nple"));
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put("n", null);
        inner.put("t", true);
        inner.put("f", false);
        expected.put(3L, inner);
        expected.put("esc", "é\n\t\"");
        assertThat(v).isEqualTo(expected);
    }

    @Test
    void shouldRefuseCodeWithLineAndColumn_whenTheFileIsNotALiteral() {
        assertRefused("import os\nX = {}", 1, 1, "statement 'import'");
        assertRefused("X = {'a': os.system('rm -rf /')}", 1, 11, "name 'os'");
        assertRefused("X = {'a': open('f')}", 1, 11, "call of 'open'");
        assertRefused("X = {'a': 1 + 2}", 1, 13, "operator '+'");
        assertRefused("X = {k: 1 for k in 'ab'}", 1, 6, "name 'k'");
        assertRefused("X = {'k': 1 for k in 'ab'}", 1, 13, "comprehensions");
        assertRefused("X = [i for i in range(3)]", 1, 6, "name 'i'");
        assertRefused("X = {'a': 1}\nY = 2", 2, 1, "second statement");
        assertRefused("X = {'a': f'{x}'}", 1, 11, "f-string");
        assertRefused("X = {'a': 1, 'a': 2}", 1, 14, "appears twice");
        assertRefused("X = {'a': float('nan')}", 1, 11, "call of 'float'");
        assertRefused("X = {'a': inf}", 1, 11, "name 'inf'");
        assertRefused("X = {'a': 1", 1, 5, "not closed");
        assertRefused("X = {'a': 'open", 1, 11, "unterminated string");
        assertRefused("X = {'a', 'b'}", 1, 6, "set literal");
        assertRefused("X = {'a': lambda: 1}", 1, 11, "name 'lambda'");
        assertRefused("__import__('os').system('x')", 1, 1, "call of '__import__'");
        assertRefused("X = {'a': 0x1F}", 1, 11, "decimal numbers only");
        assertRefused("X = {'a': b'x'}", 1, 11, "byte strings");
        assertRefused("", 1, 1, "no literal");
    }

    @Property
    void shouldReadBackAnyLiteral_whenRenderedAsPythonSource(@ForAll("literals") Object value) {
        String source = "RANGOS = " + render(value) + "\n";
        assertThat(PythonLiteralReader.read(source)).isEqualTo(value);
    }

    @Test
    void shouldRefuseWithAPosition_whenALiteralNestsTooDeepOrANumberIsInfinite() {
        assertThatThrownBy(() -> PythonLiteralReader.read("X = " + "[".repeat(50_000) + "]".repeat(50_000)))
                .isInstanceOf(PythonLiteralException.class).hasMessageContaining("nested deeper than 100");
        assertThatThrownBy(() -> PythonLiteralReader.read("X = {\"max\": 1e999}"))
                .isInstanceOf(PythonLiteralException.class).hasMessageContaining("out of range");
        assertThat(PythonLiteralReader.read("X = " + "[".repeat(100) + "]".repeat(100))).isNotNull();
    }

    @Property
    void shouldRefuseAnyInjectedCall_whenItReplacesAValue(@ForAll("literals") Object value,
            @ForAll("callees") String callee) {
        String source = "X = [" + render(value) + ", " + callee + "(1)]";
        assertThatThrownBy(() -> PythonLiteralReader.read(source)).isInstanceOf(PythonLiteralException.class)
                .hasMessageContaining(callee);
    }

    @Provide
    Arbitrary<String> callees() {
        return Arbitraries.of("eval", "exec", "open", "__import__", "getattr", "print", "compile", "dict");
    }

    @Provide
    Arbitrary<Object> literals() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                () -> Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L).map(l -> (Object) l),
                () -> Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) d),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> Arbitraries.just(null),
                () -> literals().list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
                () -> Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), literals())
                        .ofMaxSize(4).map(m -> (Object) new LinkedHashMap<Object, Object>(m)));
    }

    private static String render(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            l.forEach(i -> items.add(render(i)));
            return "[" + String.join(", ", items) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> items = new ArrayList<>();
            m.forEach((k, x) -> items.add(render(k) + ": " + render(x)));
            return "{\n  " + String.join(",\n  ", items) + "\n}";
        }
        return v.toString();
    }

    private static void assertRefused(String source, int line, int column, String reason) {
        assertThatThrownBy(() -> PythonLiteralReader.read(source)).as(source)
                .isInstanceOfSatisfying(PythonLiteralException.class, e -> {
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }
}

package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableReaderTest {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

    @Test
    void shouldReadTheSameCells_whenSavedWithCommaOrSemicolonUtf8OrLatin1WithOrWithoutBom() {
        String comma = "variable,descripcion,rango\nbsw,Corte de agua (línea),0-100%\npiston,\"Diámetro, API\",\"1,06-3,75\"\n";
        String semicolon = "variable;descripcion;rango\nbsw;Corte de agua (línea);0-100%\npiston;Diámetro, API;1,06-3,75\n";
        List<List<String>> expected = List.of(List.of("bsw", "Corte de agua (línea)", "0-100%"),
                List.of("piston", "Diámetro, API", "1,06-3,75"));
        for (byte[] bytes : List.of(comma.getBytes(StandardCharsets.UTF_8), semicolon.getBytes(LATIN1),
                withBom(semicolon.getBytes(StandardCharsets.UTF_8)), withBom(comma.getBytes(LATIN1)))) {
            CsvTable t = CsvTableReader.read("f.csv", bytes);
            assertThat(cells(t)).isEqualTo(expected);
        }
        assertThat(CsvTableReader.read("f.csv", semicolon.getBytes(LATIN1)).delimiter()).isEqualTo(';');
        assertThat(CsvTableReader.read("f.csv", semicolon.getBytes(LATIN1)).encoding()).isEqualTo("windows-1252");
    }

    @Test
    void shouldNameFileLineAndColumn_whenALineIsTruncated() {
        String text = "a,b,c\n1,2,3\n\n4,5\n";
        assertThatThrownBy(() -> CsvTableReader.read("x.csv", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.detail("file")).isEqualTo("x.csv");
                    assertThat(e.detail("line")).isEqualTo(4L);
                    assertThat(e.detail("column")).isEqualTo("c");
                    assertThat(e.reason()).contains("truncated line: expected 3 fields, found 2");
                });
    }

    @Test
    void shouldRefuseExtraFields_whenADelimiterIsUnquoted() {
        String text = "a,b\n1,2\n3,4,5\n";
        assertThatThrownBy(() -> CsvTableReader.read("x.csv", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.detail("line")).isEqualTo(3L);
                    assertThat(e.reason()).contains("more fields than the header");
                });
    }

    @Test
    void shouldRefuseAnUnclosedQuote_whenTheFileEndsInsideIt() {
        String text = "a,b\n1,\"open\n";
        assertThatThrownBy(() -> CsvTableReader.read("x.csv", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Bp010Exception.class).hasMessageContaining("x.csv");
    }

    @Test
    void shouldReadNumbersInTheFilesConvention_whenTheRowAsksForThem() {
        CsvTable t = CsvTableReader.read("n.csv", "v;w\n0,5;1.234,5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(t.rows().get(0).number("v")).isEqualTo(0.5);
        assertThat(t.rows().get(0).number("w")).isEqualTo(1234.5);
        CsvTable bad = CsvTableReader.read("n.csv", "v,w\nabc,1\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> bad.rows().get(0).number("v")).isInstanceOfSatisfying(Bp010Exception.class, e -> {
            assertThat(e.detail("line")).isEqualTo(2L);
            assertThat(e.detail("column")).isEqualTo("v");
            assertThat(e.detail("value")).isEqualTo("abc");
        });
    }

    @Test
    void shouldFindColumnsByAnyAcceptedName_whenHeadersDifferInCaseAccentsAndSpaces() {
        CsvTable t = CsvTableReader.read("h.csv", "Símbolo ,Nombre Completo\npsi,pound\n".getBytes(StandardCharsets.UTF_8));
        assertThat(t.require("simbolo", "symbol")).isEqualTo("simbolo");
        assertThat(t.require("nombre", "nombre_completo")).isEqualTo("nombre");
        assertThat(t.rows().get(0).text("nombre")).isEqualTo("pound");
        assertThatThrownBy(() -> t.require("magnitud", "magnitude")).hasMessageContaining("missing column");
    }

    @Property
    void shouldReadBackAnyTable_whenWrittenWithEitherDelimiterAndEncoding(@ForAll("tables") List<List<String>> rows,
            @ForAll boolean semicolon, @ForAll boolean latin1, @ForAll boolean bom) {
        char d = semicolon ? ';' : ',';
        StringBuilder text = new StringBuilder("c1" + d + "c2" + d + "c3\r\n");
        for (List<String> row : rows) {
            List<String> quoted = new ArrayList<>();
            row.forEach(v -> quoted.add("\"" + v.replace("\"", "\"\"") + "\""));
            text.append(String.join(String.valueOf(d), quoted)).append("\r\n");
        }
        byte[] bytes = text.toString().getBytes(latin1 ? LATIN1 : StandardCharsets.UTF_8);
        CsvTable t = CsvTableReader.read("p.csv", bom ? withBom(bytes) : bytes);
        List<List<String>> expected = new ArrayList<>();
        for (List<String> row : rows) {
            if (!row.stream().allMatch(String::isBlank)) {
                expected.add(row);
            }
        }
        assertThat(t.rows()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int c = 0; c < 3; c++) {
                String v = expected.get(i).get(c).strip();
                assertThat(t.rows().get(i).text("c" + (c + 1))).isEqualTo(v.isEmpty() ? null : v);
            }
        }
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.strings().withCharRange(' ', '~').withChars('á', 'é', 'ñ', 'º', '°', ';', ',', '"')
                .ofMaxLength(10);
        return cell.list().ofSize(3).list().ofMaxSize(8);
    }

    private static List<List<String>> cells(CsvTable t) {
        List<List<String>> out = new ArrayList<>();
        for (CsvRow r : t.rows()) {
            List<String> row = new ArrayList<>();
            for (String h : t.header()) {
                row.add(r.text(h));
            }
            out.add(row);
        }
        return out;
    }

    private static byte[] withBom(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(bytes);
        return out.toByteArray();
    }
}

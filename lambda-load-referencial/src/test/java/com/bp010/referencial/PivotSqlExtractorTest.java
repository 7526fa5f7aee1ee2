package com.bp010.referencial;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PivotSqlExtractorTest {

    @Test
    void shouldFindThe65ScadaPairs_whenReadingTheRepositorysLegacyPivot() throws IOException {
        String sql = Files.readString(Path.of("..", "config", "V1__stage_to_stage.sql"));
        List<ScadaMapping> pairs = PivotSqlExtractor.extract(sql);
        assertThat(pairs).hasSize(65);
        assertThat(pairs.get(0)).isEqualTo(new ScadaMapping("IDN1001", "well_head_pressure", 22));
        assertThat(pairs).extracting(ScadaMapping::columnaStage)
                .contains("dynacard", "h2s_concentration", "sand_content_ppm").doesNotHaveDuplicates();
        assertThat(pairs).extracting(ScadaMapping::varIdScada).doesNotContain("<IDN>");
    }

    @Test
    void shouldIgnoreCommentedPairs_whenTheyAreInLineOrBlockComments() {
        String sql = """
                SELECT
                  -- MAX(CASE WHEN var_id = 'OLD1' THEN measure END) AS old_column,
                  /* MAX(CASE WHEN var_id = 'OLD2' THEN measure END) AS old_two, */
                  MAX(CASE WHEN l.var_id = 'A1' THEN l.measure END)::numeric AS "Well_Head_Pressure",
                  MAX(CASE WHEN var_id='B2' THEN measure END) as Casing_Head_Pressure -- comment var_id = 'X' AS y
                FROM t""";
        assertThat(PivotSqlExtractor.extract(sql)).containsExactly(
                new ScadaMapping("A1", "Well_Head_Pressure", 4),
                new ScadaMapping("B2", "casing_head_pressure", 5));
    }

    @Test
    void shouldNotPairAnIdWithALaterColumn_whenAnotherVarIdTestComesFirst() {
        String sql = "CASE WHEN var_id = 'A' THEN 1 END, CASE WHEN var_id = 'B' THEN 2 END AS b";
        assertThat(PivotSqlExtractor.extract(sql)).containsExactly(new ScadaMapping("B", "b", 1));
    }

    @Property
    void shouldExtractExactlyTheWrittenPairs_whenAnyPivotIsGenerated(@ForAll("pairLists") List<ScadaMapping> pairs) {
        StringBuilder sql = new StringBuilder("INSERT INTO stage.t (well_id)\nSELECT\n    l.well_id,\n");
        List<ScadaMapping> expected = new ArrayList<>();
        for (ScadaMapping p : pairs) {
            int line = sql.toString().split("\n", -1).length;
            sql.append("    MAX(CASE WHEN l.var_id = '").append(p.varIdScada())
                    .append("' THEN l.measure END)::numeric AS ").append(p.columnaStage()).append(",\n");
            expected.add(new ScadaMapping(p.varIdScada(), p.columnaStage(), line));
        }
        sql.append("FROM stage.landing_scada_data l GROUP BY 1;\n");
        assertThat(PivotSqlExtractor.extract(sql.toString())).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<List<ScadaMapping>> pairLists() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-', '_', '.')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> columns = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_')
                .ofMinLength(1).ofMaxLength(30).map(s -> "c" + s);
        return Combinators.combine(ids, columns).as((i, c) -> new ScadaMapping(i, c, 0)).list().ofMaxSize(70);
    }
}

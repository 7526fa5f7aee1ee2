package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgDumpReaderTest {
    private static final PgDumpReader READER = new PgDumpReader(Map.of("landing_scada_data",
            List.of("well_id", "var_id", "timestamp_lectura", "measure")));

    private final List<String> rows = new ArrayList<>();
    private final List<RowReject> rejects = new ArrayList<>();
    private final DumpSink sink = new DumpSink() {
        @Override
        public void row(String table, List<String> columns, long line, List<String> values, String rawText) {
            rows.add(table + "@" + line + ":" + columns + "=" + values);
        }

        @Override
        public void reject(RowReject reject) {
            rejects.add(reject);
        }
    };

    @Test
    void shouldReadInsertAndCopyData_whenTheDumpHasPgDumpHeaders() throws IOException {
        String dump = "--\n-- PostgreSQL database dump\n--\nSET statement_timeout = 0;\n"
                + "SELECT pg_catalog.set_config('search_path', '', false);\n"
                + "INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES "
                + "('P-1', 'IDN1001', '2024-05-01 10:00:00+00', '120.5'), ('P-1', 'IDN7001', "
                + "'2024-05-01 10:00:00+00'::timestamptz, '{\"position\":[1]}');\n"
                + "INSERT INTO landing_scada_data VALUES ('P-2', 'IDN1001', '2024-05-01 11:00:00+00', -3.5);\n"
                + "COPY stage.tbl_pozo_maestra (well_id, campo, radio_pozo) FROM stdin;\n"
                + "P-1\tNorte\\tSur\t0.328\nP-2\t\\N\t0.33\n\\.\n"
                + "SELECT pg_catalog.setval('stage.seq', 42, true);\n";

        long count = READER.read("d.sql", new StringReader(dump), sink);

        assertThat(count).isEqualTo(5);
        assertThat(rejects).isEmpty();
        assertThat(rows).containsExactly(
                "landing_scada_data@6:[well_id, var_id, timestamp_lectura, measure]=[P-1, IDN1001, 2024-05-01 10:00:00+00, 120.5]",
                "landing_scada_data@6:[well_id, var_id, timestamp_lectura, measure]=[P-1, IDN7001, 2024-05-01 10:00:00+00, {\"position\":[1]}]",
                "landing_scada_data@7:[well_id, var_id, timestamp_lectura, measure]=[P-2, IDN1001, 2024-05-01 11:00:00+00, -3.5]",
                "tbl_pozo_maestra@9:[well_id, campo, radio_pozo]=[P-1, Norte\tSur, 0.328]",
                "tbl_pozo_maestra@10:[well_id, campo, radio_pozo]=[P-2, null, 0.33]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE stage.landing_scada_data;",
            "INSERT INTO stage.landing_scada_data VALUES ('a','b','c','d'); DROP SCHEMA stage CASCADE;",
            "INSERT INTO public.users (name) VALUES ('x');",
            "COPY referencial.tbl_var_scada_map (var_id_scada) FROM stdin;\nX\n\\.\n",
            "INSERT INTO stage.landing_scada_data VALUES ('a', 'b', now(), 'd');",
            "SELECT pg_catalog.set_config('x', (SELECT 'y'), false);",
            "SET ROLE postgres;",
            "SET SESSION AUTHORIZATION postgres;",
            "CREATE FUNCTION stage.f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;",
            "COPY stage.landing_scada_data (well_id) TO PROGRAM 'rm -rf /';",
            "INSERT INTO stage.landing_scada_data SELECT * FROM pg_shadow;",
    })
    void shouldRefuseTheWholeDump_whenItHoldsAnythingButStageData(String statement) {
        String dump = "INSERT INTO stage.landing_scada_data VALUES ('P-1', 'IDN1001', '2024-05-01T10:00:00Z', '1');\n"
                + statement + "\n";

        assertThatThrownBy(() -> READER.check("evil.sql", new StringReader(dump)))
                .isInstanceOf(Bp010Exception.class)
                .hasMessageContaining("refused whole")
                .satisfies(e -> assertThat(((Bp010Exception) e).detail("file")).isEqualTo("evil.sql"));
    }

    @Test
    void shouldRejectTheRow_whenItHasTheWrongNumberOfValues() throws IOException {
        String dump = "COPY stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) FROM stdin;\n"
                + "P-1\tIDN1001\t2024-05-01 10:00:00+00\n\\.\n";

        READER.read("d.sql", new StringReader(dump), sink);

        assertThat(rows).isEmpty();
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo(RejectReason.BAD_ROW);
        });
    }
}

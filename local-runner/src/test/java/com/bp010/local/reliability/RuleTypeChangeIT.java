package com.bp010.local.reliability;

import com.bp010.db.Env;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.referencial.LoadReferencialHandler;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TableChecksums;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DQ rule switched between a reading rule and a well-master rule by a catalogue load (docs/AGGREGATION.md,
 * "Incremental runs", marks): the next incremental run must leave what one full recomputation of the same readings
 * under the new catalogue leaves, on a fresh database. Without the load's mark, the days that run did not touch kept
 * the old reading rule's hourly and daily counts (and its failures), and lacked the new reading rule's.
 */
class RuleTypeChangeIT {
    /**
     * Left out: what records which runs happened (as in {@link IncrementalRunIT}: run logs, scopes, marks, per-run
     * counts), the catalogue's load log (two loads here, one there), and the all-wells limits with the targets
     * phase 6 copies from them into reporting.dim_pozo: a second load rewrites those rows although the limits file is
     * the same (found by this test; no DQ rule reads them).
     */
    private static final Set<String> NOT_COMPARED = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "reporting.pipeline_run_alcance", "reporting.recalculo_pendiente",
            "stage.tbl_dq_run_summary", "reporting.dataset_dq_score_pozo", "reporting.fact_alertas",
            "stage.tbl_consistency_results", "reporting.huella_paso", "reporting.dimensiones_pendientes",
            "referencial.config_loads", "referencial.tbl_limites_pozo", "reporting.dim_pozo");
    /** reporting.fact_dq_diaria is a view: compared on its own, without the writing run and time. */
    private static final String DAILY_COUNTS = "SELECT coalesce(string_agg(concat_ws(' ', well_id, fecha, rule_id,"
            + " evaluated, passed, failed, not_evaluated), E'\\n' ORDER BY well_id, fecha, rule_id), '')"
            + " FROM reporting.fact_dq_diaria";
    private static final String MASTER = """
            INSERT INTO stage.tbl_pozo_maestra (well_id, campo, profundidad_bomba, profundidad_media_perforados,
                   profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
            VALUES ('RTC-1', 'C1', 5000, 5200, 5300, 35, 1.07, 1.5, 9350),
                   ('RTC-2', 'C1', 800, 5000, 5100, 55, 1.05, 1.75, 9000)""";
    /** Two days and 20 hours of readings every 20 minutes, some oil rates out of range. */
    private static final String READINGS = """
            INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate, bsw)
            SELECT w, t, CASE WHEN extract(minute FROM t) = 20 AND extract(hour FROM t)::int %% 5 = 0 THEN -7 ELSE 50 END,
                   70, 55
              FROM unnest(ARRAY['RTC-1', 'RTC-2']) w
             CROSS JOIN generate_series(timestamptz '%s', timestamptz '%s', interval '20 minutes') t""";

    @Test
    void shouldLeaveWhatAFullRunLeaves_whenACatalogueLoadSwitchesRulesBetweenReadingAndMaster(@TempDir Path tmp)
            throws IOException {
        // DQ-013 (oil_rate, a reading rule) becomes a well-master rule on api_gravity; DQ-033 (api_gravity, master)
        // becomes a reading rule on oil_rate
        Path changed = catalogue(tmp.resolve("config"), Map.of(
                "DQ-013,", "DQ-013,api_gravity,MAESTRA,10-50,,,HIGH,Gravedad API entre 10 y 50",
                "DQ-033,", "DQ-033,oil_rate,REPRESENTATIVIDAD,0-5000,,,MEDIUM,Caudal de petróleo físicamente posible"));
        try (TestDatabase incremental = TestDatabase.migrated(); TestDatabase fresh = TestDatabase.migrated()) {
            PipelineV4Handler runs = new PipelineV4Handler(Env.of(incremental.env()));
            load(incremental, null);
            incremental.execute(MASTER);
            incremental.execute(String.format(READINGS, "2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
            run(runs, "{\"asOf\":\"2026-05-02T19:00:00Z\"}");
            assertThat(incremental.count("SELECT count(*) FROM reporting.fact_dq_diaria"
                    + " WHERE rule_id = 'DQ-013' AND fecha = '2026-05-01' AND failed > 0"))
                    .as("the reading rule counted failures on the first day").isPositive();

            load(incremental, changed);
            incremental.execute(String.format(READINGS, "2026-05-02T19:00:00Z", "2026-05-02T19:40:00Z"));
            run(runs, "{\"asOf\":\"2026-05-02T20:00:00Z\"}");

            load(fresh, changed);
            fresh.execute(MASTER);
            fresh.execute(String.format(READINGS, "2026-05-01T00:00:00Z", "2026-05-02T19:40:00Z"));
            run(new PipelineV4Handler(Env.of(fresh.env())),
                    "{\"fechaInicio\":\"2026-04-30\",\"fechaFin\":\"2026-05-02\",\"asOf\":\"2026-05-02T20:00:00Z\"}");

            assertThat(incremental.queryValue(DAILY_COUNTS)).as("reporting.fact_dq_diaria")
                    .isEqualTo(fresh.queryValue(DAILY_COUNTS));
            assertThat(TableChecksums.differences(TableChecksums.of(fresh, NOT_COMPARED),
                    TableChecksums.of(incremental, NOT_COMPARED)))
                    .as("tables where the incremental run after the catalogue load differs from one full run").isEmpty();
            assertThat(incremental.count("SELECT count(*) FROM reporting.fact_dq_diaria WHERE rule_id = 'DQ-033'"
                    + " AND fecha = '2026-05-01' AND evaluated = 72"))
                    .as("the new reading rule counted on the day the last run had no new reading").isEqualTo(2);
        }
    }

    /** The catalogue of the repository in {@code dir}, each rule line starting with a key replaced by its value. */
    private static Path catalogue(Path dir, Map<String, String> rules) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(RepoPaths.config())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        Path file = dir.resolve("02_reglas_calidad.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> rules.entrySet().stream().filter(e -> l.startsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(l))
                .toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
        return dir;
    }

    private static void load(TestDatabase db, Path config) {
        JsonNode r = Invocation.invoke(new LoadReferencialHandler(Env.of(db.env())),
                config == null ? "{}" : "{\"configLocation\": \"" + config.toUri() + "\"}");
        assertThat(r.path("counts").path("tbl_dq_rules").asInt()).as("%s", r).isPositive();
    }

    private static void run(PipelineV4Handler handler, String event) {
        JsonNode r = Invocation.invoke(handler, event);
        assertThat(r.path("status").asText()).as("%s", r).isEqualTo("OK");
    }
}

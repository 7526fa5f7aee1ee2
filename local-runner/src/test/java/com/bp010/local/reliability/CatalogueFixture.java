package com.bp010.local.reliability;

import com.bp010.db.Env;
import com.bp010.pipeline.PipelineV4Handler;
import com.bp010.referencial.ConfigBundle;
import com.bp010.referencial.LoadReferencialHandler;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TableChecksums;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the catalogue-change tests share (docs/AGGREGATION.md, "Incremental runs", marks): two wells with a master
 * and readings every 20 minutes, the repository's catalogue with some lines replaced, a load, a run, and the
 * comparison of every written table and of the daily DQ counts (a view) between two databases.
 */
final class CatalogueFixture {
    /**
     * Left out: what records which runs happened (as in {@link IncrementalRunIT}: run logs, scopes, marks, per-run
     * counts) and the catalogue's load log.
     */
    static final Set<String> NOT_COMPARED = Set.of("reporting.pipeline_runs", "reporting.pipeline_run_phases",
            "reporting.pipeline_lease", "reporting.pipeline_run_alcance", "reporting.recalculo_pendiente",
            "stage.tbl_dq_run_summary", "reporting.dataset_dq_score_pozo", "reporting.fact_alertas",
            "stage.tbl_consistency_results", "reporting.huella_paso", "reporting.dimensiones_pendientes",
            "referencial.config_loads");
    /** reporting.fact_dq_diaria is a view: compared on its own, without the writing run and time. */
    static final String DAILY_COUNTS = "SELECT coalesce(string_agg(concat_ws(' ', well_id, fecha, rule_id,"
            + " evaluated, passed, failed, not_evaluated), E'\\n' ORDER BY well_id, fecha, rule_id), '')"
            + " FROM reporting.fact_dq_diaria";
    static final String MASTER = """
            INSERT INTO stage.tbl_pozo_maestra (well_id, campo, profundidad_bomba, profundidad_media_perforados,
                   profundidad_yacimiento, api_gravity, sg_agua, diametro_piston, peso_varillas_aire)
            VALUES ('RTC-1', 'C1', 5000, 5200, 5300, 35, 1.07, 1.5, 9350),
                   ('RTC-2', 'C1', 800, 5000, 5100, 55, 1.05, 1.75, 9000)""";
    /** Readings every 20 minutes from the first instant to the second, some oil rates out of range. */
    static final String READINGS = """
            INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, water_rate, bsw)
            SELECT w, t, CASE WHEN extract(minute FROM t) = 20 AND extract(hour FROM t)::int %% 5 = 0 THEN -7 ELSE 50 END,
                   70, 55
              FROM unnest(ARRAY['RTC-1', 'RTC-2']) w
             CROSS JOIN generate_series(timestamptz '%s', timestamptz '%s', interval '20 minutes') t""";

    private CatalogueFixture() {
    }

    /** Readings of both wells from {@code from} to {@code to} (instants, both included). */
    static String readings(String from, String to) {
        return String.format(READINGS, from, to);
    }

    /** The catalogue of the repository in {@code dir}, each rule line starting with a key replaced by its value. */
    static Path catalogue(Path dir, Map<String, String> rules) throws IOException {
        return catalogue(dir, rules, Map.of());
    }

    /**
     * As above; a rule whose value is empty is left out of the file, a key absent from the file is added as a line,
     * and each {@code limits} key (a text of the limits file) is replaced by its value once.
     */
    static Path catalogue(Path dir, Map<String, String> rules, Map<String, String> limits) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(RepoPaths.config())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        Path file = dir.resolve("02_reglas_calidad.csv");
        Map<String, String> toAdd = new LinkedHashMap<>(rules);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String replaced = line;
            for (Map.Entry<String, String> e : rules.entrySet()) {
                if (line.startsWith(e.getKey())) {
                    replaced = e.getValue();
                    toAdd.remove(e.getKey());
                }
            }
            if (!replaced.isEmpty()) {
                lines.add(replaced);
            }
        }
        lines.addAll(toAdd.values());
        Files.write(file, lines, StandardCharsets.UTF_8);
        Path seed = dir.resolve(ConfigBundle.LIMITS_SEED_NAME);
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : limits.entrySet()) {
            assertThat(text).as("limits file").contains(e.getKey());
            text = text.replaceFirst(java.util.regex.Pattern.quote(e.getKey()),
                    java.util.regex.Matcher.quoteReplacement(e.getValue()));
        }
        Files.writeString(seed, text, StandardCharsets.UTF_8);
        return dir;
    }

    /** Loads the catalogue in {@code config} (null: the repository's). */
    static JsonNode load(TestDatabase db, Path config) {
        JsonNode r = Invocation.invoke(new LoadReferencialHandler(Env.of(db.env())),
                config == null ? "{}" : "{\"configLocation\": \"" + config.toUri() + "\"}");
        assertThat(r.path("counts").path("tbl_dq_rules").asInt()).as("%s", r).isPositive();
        return r;
    }

    /** One pipeline run, every phase; its answer. */
    static JsonNode run(TestDatabase db, String event, String... statuses) {
        JsonNode r = Invocation.invoke(new PipelineV4Handler(Env.of(db.env())), event);
        assertThat(r.path("status").asText()).as("%s", r).isIn((Object[]) (statuses.length == 0
                ? new String[] {"OK"} : statuses));
        return r;
    }

    /** Both databases' daily DQ counts and every written table are the same. */
    static void assertSameTables(TestDatabase expected, TestDatabase actual, String what) {
        assertThat(actual.queryValue(DAILY_COUNTS)).as("reporting.fact_dq_diaria: " + what)
                .isEqualTo(expected.queryValue(DAILY_COUNTS));
        assertThat(TableChecksums.differences(TableChecksums.of(expected, NOT_COMPARED),
                TableChecksums.of(actual, NOT_COMPARED))).as("tables that differ: " + what).isEmpty();
    }
}

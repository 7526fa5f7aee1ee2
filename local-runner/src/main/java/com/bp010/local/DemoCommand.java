package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.FieldTimeZone;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.Fault;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.db.Json;
import com.bp010.report.Language;
import com.bp010.report.SurveillanceReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code bp010 demo [--wells N] [--days D] [--jdbc-url URL]}: the whole pipeline on generated data through the real
 * handlers — init (migrate, never reset), reference load, telemetry for DEMO- wells ending at the current hour (with a
 * few planted faults), ingest, phases 3-7 — then a summary on stdout and an HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on generated telemetry and write an HTML report.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--wells", defaultValue = "20", description = "number of DEMO- wells (default ${DEFAULT-VALUE})")
    int wells;

    @Option(names = "--days", defaultValue = "7", description = "days of hourly readings (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--faults", defaultValue = "all", paramLabel = "LIST",
            description = "faults to plant: all, none, or a comma-separated list of out-of-range, late-receipt,"
                    + " bad-card, bad-master-data, bad-rows, pump-problems, half-day-downtime, counter-glitch"
                    + " (default ${DEFAULT-VALUE})")
    String faults;

    @Option(names = "--report", defaultValue = "bp010-report.html", paramLabel = "FILE",
            description = "where to write the HTML report (default ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--lang", defaultValue = "es", paramLabel = "es|en",
            description = "language of the report (default ${DEFAULT-VALUE}, the catalogue's)")
    String lang;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where to write the generated files (default: a temporary folder)")
    Path dataDir;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long start = System.nanoTime();
        OptionChecks.atLeast(spec, "--wells", wells, 1, 5_000);
        OptionChecks.atLeast(spec, "--days", days, 1, 366);
        java.util.Set<Fault> planted = OptionChecks.faults(spec, faults);
        if (System.getenv("BP010_LOG_LEVEL") == null) {
            // The demo shows its own progress; the handlers' JSON logs (stderr) only when something goes wrong.
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.WARN); // Flyway's INFO logger too
        }
        Language language;
        try {
            language = Language.parse(lang);
        } catch (Bp010Exception e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lang: " + e.reason());
        }
        if (dataDir != null) {
            OutputFolder.create("--data-dir", dataDir); // before any database work
        }
        if (report.toAbsolutePath().getParent() != null) {
            OutputFolder.create("--report", report.toAbsolutePath().getParent()); // as bp010 report --out does
        }
        try (LocalDatabase db = database.open(true)) {
            Env env = DatabaseOptions.env(db);
            Progress progress = new Progress(6);

            progress.step("Migrating the schema (init, mode migrate)");
            JsonNode init = LocalInvoker.invoke(LambdaFunction.INIT, env, "{\"mode\": \"migrate\"}");
            progress.done(init.path("applied").size() + " migration(s) applied");

            progress.step("Loading the reference catalogue (referencial)");
            JsonNode ref = LocalInvoker.invoke(LambdaFunction.REFERENCIAL, env, "{}");
            progress.done(ref.path("counts").path("tbl_maestra_variables").asInt() + " variables, "
                    + ref.path("counts").path("tbl_dq_rules").asInt() + " DQ rules");

            progress.step("Generating " + wells + " wells x " + days + " days of hourly telemetry");
            Path dir = dataDir != null ? dataDir : Files.createTempDirectory("bp010-demo-");
            // the controllers keep the field's clock: their daily counters restart at its midnight
            GeneratorOptions options = new GeneratorOptions(wells, days, Instant.now().truncatedTo(ChronoUnit.HOURS),
                    seed, "DEMO", planted, true, true,
                    FieldTimeZone.parse("BP010_TIMEZONE", env.get("BP010_TIMEZONE", "UTC")).zone());
            GeneratedSet set = new DemoDataGenerator().generate(options, dir);
            progress.done(set.readings() + " readings in " + dir);

            progress.step("Ingesting the files (stage ingest)");
            ObjectNode fileEvent = Json.mapper().createObjectNode().put("source", "file").put("path", dir.toString());
            JsonNode ingest = LocalInvoker.invoke(LambdaFunction.STAGE, env, fileEvent.toString());
            progress.done(ingest.path("rowsInserted").asLong() + " inserted, " + ingest.path("rowsDuplicate").asLong()
                    + " duplicate, " + ingest.path("rowsRejected").asLong() + " rejected, "
                    + ingest.path("pivotedRows").asLong() + " production rows");

            progress.step("Running phases 3-7 (pipeline)");
            JsonNode run = LocalInvoker.invoke(LambdaFunction.PIPELINE, env, "{}");
            progress.done(run.path("status").asText() + " in " + run.path("durationMs").asLong() + " ms");

            progress.step("Writing the report");
            ReportData data;
            SurveillanceReport.Result page;
            DqConsole quality;
            String title = language == Language.EN ? "BP010 demo: " + wells + " wells, " + days + " days"
                    : "BP010 demo: " + wells + " pozos, " + days + " días";
            FieldTimeZone field = FieldTimeZone.parse("BP010_TIMEZONE", env.get("BP010_TIMEZONE", "UTC"));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                 java.sql.Statement zone = c.createStatement()) {
                // the report's days are the field's days, as the handlers' sessions see them
                zone.execute(field.sessionSql());
                data = ReportData.load(c);
                page = SurveillanceReport.generate(c, new SurveillanceReport.Request(null, null, null, language,
                        field.zone(), title, SurveillanceReport.DEFAULT_MAX_WELL_SECTIONS), Instant.now());
                quality = DqConsole.load(c, page.from(), page.to(), field.zone());
            }
            Path file = report.toAbsolutePath();
            Files.writeString(file, page.html(), StandardCharsets.UTF_8);
            progress.done(page.exceptions() + " of " + page.wells() + " wells need attention: " + file);

            out.print(DemoSummary.text(data, ingest, quality, set.planted(), field.zone()));
            out.println("Report: " + file);
            out.printf("Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            return Set.of("OK", "NOTHING_TO_DO", "DIMENSIONS_SYNCED").contains(run.path("status").asText()) ? 0 : 1;
        } catch (Bp010Exception failure) {
            Bp010Exception e = database.naming(failure);
            System.err.println(CliErrors.line("demo", e));
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e.failureReport()));
            return 1;
        }
    }

    /** Step lines on stderr, so stdout keeps the summary. */
    private static final class Progress {
        private final int total;
        private int current;
        private long stepStart;

        Progress(int total) {
            this.total = total;
        }

        void step(String what) {
            current++;
            stepStart = System.nanoTime();
            System.err.printf("[%d/%d] %s ...%n", current, total, what);
        }

        void done(String result) {
            System.err.printf("      %s (%.1f s)%n", result, (System.nanoTime() - stepStart) / 1e9);
        }
    }
}

package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.FieldTimeZone;
import com.bp010.report.Language;
import com.bp010.report.SurveillanceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code bp010 report [--from D] [--to D] [--well ID] [--lang es|en] [--out FILE]}: the surveillance report of any
 * database, read from the reporting views only (a {@code bp010_reader} URL is enough). Never migrates or writes.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the surveillance report (one self-contained HTML file) from the reporting views.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "first day (default: 6 days before --to, or the first day with data when later)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
            description = "last day, inclusive (default: the latest day with data)")
    String to;

    @Option(names = "--well", paramLabel = "ID", description = "only this well (default: every well)")
    String well;

    @Option(names = "--lang", defaultValue = "es", paramLabel = "es|en",
            description = "language of the report (default ${DEFAULT-VALUE}, the catalogue's)")
    String lang;

    @Option(names = "--out", defaultValue = "bp010-report.html", paramLabel = "FILE",
            description = "where to write it (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "title of the page")
    String title;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        try {
            SurveillanceReport.Request request = new SurveillanceReport.Request(day(from, "--from"), day(to, "--to"),
                    well, Language.parse(lang), zone(), title, SurveillanceReport.DEFAULT_MAX_WELL_SECTIONS);
            SurveillanceReport.Result result;
            try (LocalDatabase db = database.open(); Connection c = DriverManager.getConnection(db.jdbcUrl())) {
                result = SurveillanceReport.generate(c, request, Instant.now());
            } catch (SQLException e) {
                // the error contract's advice where it has one (a missing database: createdb; refused credentials)
                Bp010Exception failure = com.bp010.db.DatabaseErrors.translate(e, "Could not connect");
                if (failure.detail("setting") != null || failure.detail("next") != null) {
                    throw failure;
                }
                String driver = String.valueOf(e.getMessage()).strip().replaceAll("\\.+$", "");
                throw new Bp010Exception(ErrorCode.DATABASE, "Could not connect: " + driver
                        + ". Check --jdbc-url (a bp010_reader URL is enough).", e);
            }
            Path file = out.toAbsolutePath();
            if (file.getParent() != null) {
                OutputFolder.create("--out", file.getParent());
            }
            Files.writeString(file, result.html(), StandardCharsets.UTF_8);
            if (result.noData()) {
                // a page was written (it says the same), but nothing was reported: a script must not take it for one
                System.err.println("bp010 report: no data between " + result.from() + " and " + result.to() + "; "
                        + whatTheDatabaseHas(result) + " (the page written to " + file + " says the same)");
                return 1;
            }
            System.out.printf("Report %s to %s: %d well(s), %d needing attention: %s%n", result.from(), result.to(),
                    result.wells(), result.exceptions(), file);
            return 0;
        } catch (Bp010Exception e) {
            System.err.println(CliErrors.line("report", e));
            return 1;
        } catch (IOException e) {
            System.err.println(CliErrors.line("report", new Bp010Exception(ErrorCode.BAD_INPUT, "could not write " + out
                    + ": " + OutputFolder.reason(e) + ": check --out")));
            return 1;
        }
    }

    /** What to ask for instead of an empty window: the days that have data, or that there are none yet. */
    static String whatTheDatabaseHas(SurveillanceReport.Result result) {
        if (result.dataFirstDay() == null || result.dataLastDay() == null) {
            return "the database has no daily facts yet: run the pipeline first (bp010 invoke pipeline, or bp010 demo)";
        }
        return "the database has days " + result.dataFirstDay() + " to " + result.dataLastDay() + ": give --from and --to"
                + " within them, or leave both out for the 7 days ending on the latest day with data";
    }

    private static LocalDate day(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Bp010Exception(ErrorCode.BAD_INPUT, option + " '" + text + "' is not a date: use YYYY-MM-DD,"
                    + " e.g. 2026-03-01").with("field", option);
        }
    }

    /** The field's time zone: BP010_TIMEZONE, as the pipeline reads it (default UTC). */
    private static ZoneId zone() {
        return FieldTimeZone.parse("BP010_TIMEZONE", System.getenv().getOrDefault("BP010_TIMEZONE", "UTC")).zone();
    }
}

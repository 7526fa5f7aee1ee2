package com.bp010.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mistake on the command line gets a short message that says what to do, before any database work, and no
 * stack trace unless --debug. None of these needs a database: the checks run first.
 */
class CliErrorsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long lines(String text, String startingWith) {
        return text.lines().filter(l -> l.startsWith(startingWith)).count();
    }

    /** As bp010 report does: the driver names a host and port, the user needs to know which option to fix. */
    @Test
    void shouldNameTheJdbcUrlOption_whenDemoOrInvokeCannotReachTheServer() {
        String down = "jdbc:postgresql://127.0.0.1:1/bp010?user=postgres"; // nothing listens on port 1

        int invoke = Bp010.run("invoke", "init", "--jdbc-url", down);
        String invokeErr = stderr();
        err.reset();
        int demo = Bp010.run("demo", "--wells", "1", "--days", "1", "--jdbc-url", down,
                "--data-dir", dir.resolve("data").toString(), "--report", dir.resolve("r.html").toString());
        String demoErr = stderr();

        assertThat(invoke).isEqualTo(1);
        assertThat(invokeErr.lines().filter(l -> l.startsWith("bp010 invoke init: ")).findFirst().orElse(invokeErr))
                .contains("127.0.0.1:1").contains("Check the host and port in --jdbc-url");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"setting\" : \"--jdbc-url\"");
        assertThat(demo).isEqualTo(1);
        assertThat(demoErr.lines().filter(l -> l.startsWith("bp010 demo: ")).findFirst().orElse(demoErr))
                .contains("127.0.0.1:1").contains("Check the host and port in --jdbc-url");
    }

    /** The generator writes hourly readings: an --end inside an hour is rounded down, and the user is told so. */
    @Test
    void shouldSayTheEndWasRoundedToTheHour_andPrintTheEndUsed_whenEndIsNotAWholeHour() throws Exception {
        int exit = Bp010.run("generate", "--wells", "1", "--days", "1", "--end", "2026-03-10T14:37:00Z",
                "--out", dir.resolve("set").toString());

        assertThat(exit).isZero();
        assertThat(com.bp010.db.Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).path("to").asText())
                .isEqualTo("2026-03-10T14:00:00Z");
        assertThat(stderr()).contains("bp010 generate: --end 2026-03-10T14:37:00Z is not a whole hour: the"
                + " generator writes hourly readings, so they end at 2026-03-10T14:00:00Z");
    }

    @Test
    void shouldNameTheMissingEventFile_withoutAStackTrace() {
        int exit = Bp010.run("invoke", "stage", "--event", dir.resolve("no-such-event.json").toString(),
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/never-reached");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).contains("--event: no readable file").contains("no-such-event.json").contains("events/")
                .doesNotContain("\tat ").doesNotContain("NoSuchFileException");
    }

    @Test
    void shouldSayTheOutputFolderCannotBeCreatedAndWhy_whenAFileStandsInItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path folder = file.resolve("telemetry");

        int generate = Bp010.run("generate", "--wells", "1", "--days", "1", "--out", folder.toString());
        String generateErr = stderr();
        err.reset();
        int demo = Bp010.run("demo", "--data-dir", folder.toString(), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/never-reached");

        assertThat(generate).isEqualTo(1);
        assertThat(generateErr).contains("bp010 generate: BAD_INPUT: cannot create the folder " + folder + " (--out): "
                        + file + " is a file, not a folder; give --out a folder you can create and write to")
                .doesNotContain("no file", "check the path", "INTERNAL", "\tat ");
        assertThat(demo).isEqualTo(1);
        assertThat(stderr()).contains("bp010 demo: BAD_INPUT: cannot create the folder " + folder + " (--data-dir): "
                + file + " is a file, not a folder").doesNotContain("[1/6]", "INTERNAL");
        assertThat(dir.resolve("a-file")).hasContent("x");
        err.reset();
        int report = Bp010.run("demo", "--report", folder.resolve("r.html").toString(), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/never-reached");
        assertThat(report).isEqualTo(1);
        assertThat(stderr()).contains("bp010 demo: BAD_INPUT: cannot create the folder " + folder + " (--report): "
                + file + " is a file, not a folder").doesNotContain("[1/6]");
    }

    @Test
    void shouldBeAUsageErrorNamingTheCommands_whenNoCommandIsGiven() {
        int bare = Bp010.run(new String[0]);
        String bareErr = stderr();
        err.reset();
        int cards = Bp010.run("cards");

        assertThat(bare).isEqualTo(2);
        assertThat(bareErr).contains("Missing command: give one of demo, report, invoke, generate, bench, cards")
                .contains("Usage: bp010");
        assertThat(cards).isEqualTo(2);
        assertThat(stderr()).contains("Missing command: give one of diagnose").contains("Usage: bp010 cards");
    }

    @Test
    void shouldRefuseAReservesFormatItDoesNotWrite_insteadOfWritingXlsx() {
        int exit = Bp010.run("generate", "--wells", "1", "--days", "1", "--out", dir.resolve("set").toString(),
                "--reserves", "pdf");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).contains("--reserves must be xlsx or csv, got 'pdf'");
        assertThat(dir.resolve("set")).doesNotExist();
    }

    @Test
    void shouldRefuseZeroWells_beforeTouchingADatabase() {
        int exit = Bp010.run("demo", "--wells", "0", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/never-reached");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).contains("--wells must be between 1 and").contains("got 0").doesNotContain("\tat ")
                .doesNotContain("[1/6]");
    }

    /** bench's options are usage errors too (exit 2, the option named), not a BAD_EVENT: they are no Lambda event. */
    @Test
    void shouldRefuseBenchOptionsOutOfRange_asAUsageError() {
        int wells = Bp010.run("bench", "--wells", "0", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/never-reached");
        String wellsErr = stderr();
        err.reset();
        int coldStarts = Bp010.run("bench", "--cold-starts-only", "--no-cold-starts", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/never-reached");

        assertThat(wells).isEqualTo(2);
        assertThat(wellsErr).contains("--wells must be between 1 and").contains("got 0").doesNotContain("BAD_EVENT")
                .doesNotContain("\tat ");
        assertThat(coldStarts).isEqualTo(2);
        assertThat(stderr()).contains("--cold-starts-only cannot go with --no-cold-starts").doesNotContain("\tat ");
    }

    @Test
    void shouldListTheValidFaults_whenOneIsUnknown() {
        int demo = Bp010.run("demo", "--faults", "bogus", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");
        String demoErr = stderr();
        err.reset();
        int generate = Bp010.run("generate", "--faults", "late", "--out", dir.toString());

        assertThat(demo).isEqualTo(2);
        assertThat(generate).isEqualTo(2);
        assertThat(demoErr).contains("unknown fault 'bogus'").contains("out-of-range, late-receipt, bad-card,"
                + " bad-master-data, bad-rows, pump-problems, half-day-downtime, counter-glitch, all or none")
                .doesNotContain("\tat ");
        assertThat(stderr()).contains("unknown fault 'late'").contains("late-receipt").doesNotContain("\tat ");
    }

    @Test
    void shouldNameTheOptionAndAZone_whenGenerateIsGivenAnUnknownZone() {
        int exit = Bp010.run("generate", "--zone", "Mars/Base", "--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).contains("--zone 'Mars/Base' is not a time zone name of the IANA database: use a name"
                + " such as America/Bogota").doesNotContain("\tat ").doesNotContain("{\"status\"");
    }

    @Test
    void shouldSayWhatAJdbcUrlLooksLike_whenItLacksJdbc() throws Exception {
        int exit = Bp010.run("invoke", "init", "--jdbc-url", "postgresql://127.0.0.1:5432/bp010");

        assertThat(exit).isEqualTo(1);
        assertThat(lines(stderr(), "bp010 ")).isEqualTo(1);
        assertThat(stderr()).contains("bp010 invoke init: CONFIGURATION: --jdbc-url (or BP010_JDBC_URL) must start with"
                + " jdbc:postgresql://").doesNotContain("INTERNAL").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"code\" : \"CONFIGURATION\"");
    }

    @Test
    void shouldPrintTheStackTraceOnlyWithDebug() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[] args = {"generate", "--wells", "1", "--days", "1", "--out", file.resolve("sub").toString()};

        int plain = Bp010.run(args);
        String quiet = stderr();
        err.reset();
        String[] withDebug = java.util.Arrays.copyOf(args, args.length + 1);
        withDebug[args.length] = "--debug";
        int debug = Bp010.run(withDebug);

        assertThat(plain).isEqualTo(1);
        assertThat(debug).isEqualTo(1);
        assertThat(lines(quiet, "bp010 generate: ")).isEqualTo(1);
        assertThat(quiet.lines().count()).isLessThanOrEqualTo(2);
        // a BAD_INPUT (the folder cannot be created) says what to do: no hint about --debug, no stack trace
        assertThat(quiet).contains("cannot create the folder").doesNotContain("\tat ");
        assertThat(stderr()).contains("\tat ");
    }
}

package com.bp010.local;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps in the wrong order are refused with a message naming the step to run: a function on an unmigrated database
 * says run init, an ingest before the catalogue says run referencial, a missing database says how to create it.
 */
class CliPreconditionsIT {
    private static TestDatabase empty;
    private static TestDatabase migrated;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @TempDir
    Path dir;

    @BeforeAll
    static void databases() {
        empty = TestDatabase.create();
        migrated = TestDatabase.migrated();
    }

    @AfterAll
    static void drop() {
        empty.close();
        migrated.close();
    }

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

    private String summary() {
        return err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("bp010 ")).findFirst()
                .orElse("(no summary line) " + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSayRunInit_whenThePipelineRunsOnAnUnmigratedDatabase() {
        int exit = Bp010.run("invoke", "pipeline", "--jdbc-url", empty.jdbcUrl());

        assertThat(exit).isEqualTo(1);
        assertThat(summary()).contains("run init first");
    }

    @Test
    void shouldSayRunInit_whenTheIngestRunsOnAnUnmigratedDatabase() {
        int exit = Bp010.run("invoke", "stage", "--event-json", "{\"source\": \"file\", \"path\": \"" + dir + "\"}",
                "--jdbc-url", empty.jdbcUrl());

        assertThat(exit).isEqualTo(1);
        assertThat(summary()).contains("run init first");
    }

    @Test
    void shouldSayRunInit_notBlameAConfigFile_whenReferencialRunsOnAnUnmigratedDatabase() {
        int exit = Bp010.run("invoke", "referencial", "--jdbc-url", empty.jdbcUrl());

        assertThat(exit).isEqualTo(1);
        assertThat(summary()).contains("DATABASE").contains("run init first").doesNotContain("BAD_INPUT")
                .doesNotContain(".sql, line");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"next\" : \"init\"");
    }

    @Test
    void shouldSayRunInit_whenTheReportReadsAnUnmigratedDatabase() {
        Path page = dir.resolve("report.html");

        int exit = Bp010.run("report", "--jdbc-url", empty.jdbcUrl(), "--out", page.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(summary()).startsWith("bp010 report: DATABASE: ").contains("run init first");
        assertThat(page).doesNotExist();
    }

    @Test
    void shouldSayRunReferencial_whenTheIngestRunsBeforeTheCatalogue() {
        int exit = Bp010.run("invoke", "stage", "--event-json", "{\"source\": \"file\", \"path\": \"" + dir + "\"}",
                "--jdbc-url", migrated.jdbcUrl());

        assertThat(exit).isEqualTo(1);
        assertThat(summary()).contains("REFUSED").contains("run referencial first");
    }

    @Test
    void shouldSayHowToCreateIt_whenTheDatabaseDoesNotExist() {
        String missing = LocalDatabase.withDatabase(empty.jdbcUrl(), "bp010_cli_no_such_db");

        int exit = Bp010.run("invoke", "init", "--jdbc-url", missing);
        String invoke = summary();
        err.reset();
        int report = Bp010.run("report", "--jdbc-url", missing, "--out", dir.resolve("r.html").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(invoke).contains("does not exist").contains("createdb");
        assertThat(report).isEqualTo(1);
        assertThat(summary()).startsWith("bp010 report: DATABASE: ").contains("does not exist").contains("createdb");
    }

    @Test
    void shouldNameTheMisspelledField_andDoNothing_whenInitOrReferencialGetsOne() {
        int init = Bp010.run("invoke", "init", "--event-json", "{\"mdoe\": \"info\"}", "--jdbc-url", empty.jdbcUrl());
        String first = summary();
        err.reset();
        int referencial = Bp010.run("invoke", "referencial", "--event-json",
                "{\"configLocaton\": \"s3://bucket/config/\"}", "--jdbc-url", migrated.jdbcUrl());

        assertThat(init).isEqualTo(1);
        assertThat(first).contains("BAD_EVENT").contains("\"mdoe\"").contains("did you mean \"mode\"");
        assertThat(empty.count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'stage'"))
                .as("a misspelled info must not migrate").isZero();
        assertThat(referencial).isEqualTo(1);
        assertThat(summary()).contains("BAD_EVENT").contains("did you mean \"configLocation\"");
        assertThat(migrated.count("SELECT count(*) FROM referencial.tbl_var_scada_map"))
                .as("nor load the default catalogue in its place").isZero();
    }

    @Test
    void shouldExitOne_andSayHowToReplay_whenNoRowOfAFileCanBeLoaded() throws Exception {
        try (TestDatabase loaded = TestDatabase.migrated()) {
            assertThat(Bp010.run("invoke", "referencial", "--jdbc-url", loaded.jdbcUrl())).isZero();
            java.nio.file.Files.writeString(dir.resolve("landing_scada_data.csv"), "well_id,var_id,timestamp_lectura,measure\n"
                    + "NO-SUCH-WELL,IDN1001,2024-06-01T10:00:00Z,1\n" + "NO-SUCH-WELL,IDN1001,2024-06-01T11:00:00Z,2\n");
            err.reset();

            int exit = Bp010.run("invoke", "stage", "--event-json", "{\"source\": \"file\", \"path\": \"" + dir
                    + "\"}", "--jdbc-url", loaded.jdbcUrl());

            assertThat(exit).isEqualTo(1);
            Object batch = loaded.queryValue("SELECT batch_id FROM stage.ingest_batches WHERE status = 'REJECTED'");
            assertThat(summary()).startsWith("bp010 invoke stage: REJECTED: no row of landing_scada_data.csv")
                    .contains("2 rejected", "UNKNOWN_WELL", "stage.landing_rejects", "\"batchId\": \"" + batch + "\"");
        }
    }

    @Test
    void shouldNameTheMisspelledField_andTheUnknownWell() {
        int misspelled = Bp010.run("invoke", "pipeline", "--event-json", "{\"fechainicio\": \"2024-05-01\"}",
                "--jdbc-url", migrated.jdbcUrl());
        String first = summary();
        err.reset();
        int unknownWell = Bp010.run("invoke", "pipeline", "--event-json", "{\"wellId\": \"NO-SUCH-WELL\"}",
                "--jdbc-url", migrated.jdbcUrl());

        assertThat(misspelled).isEqualTo(1);
        assertThat(first).contains("BAD_EVENT").contains("\"fechainicio\"").contains("did you mean \"fechaInicio\"");
        assertThat(unknownWell).isEqualTo(1);
        assertThat(summary()).contains("BAD_EVENT").contains("NO-SUCH-WELL");
    }
}

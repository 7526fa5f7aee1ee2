package com.bp010.local;

import com.bp010.testsupport.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of the README's first command ({@code bp010 demo}, 7 wells x 2 days, every fault planted: the five pump
 * problems on the first five wells, a full pump on the sixth, the wrong master on the last) shared by the ITs
 * that read its database or its report, so the demo runs once per test JVM. The database is dropped and its folder deleted at JVM exit.
 */
final class DemoRun {
    static final int WELLS = 7;
    private static DemoRun instance;

    final TestDatabase db;
    final Path dir;
    final Path report;
    final int exit;
    final String stdout;

    private DemoRun(TestDatabase db, Path dir, Path report, int exit, String stdout) {
        this.db = db;
        this.dir = dir;
        this.report = report;
        this.exit = exit;
        this.stdout = stdout;
    }

    /** Removes the demo's files (its generated data and report) at JVM exit; a leftover file is harmless. */
    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the folder is under the system's temporary directory
        }
    }

    /** The demo's id of the well at {@code index} (0-based). */
    static String wellId(int index) {
        return String.format("DEMO-%04d", index + 1);
    }

    static synchronized DemoRun get() {
        if (instance == null) {
            instance = run();
            DemoRun run = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                run.db.close();
                deleteTree(run.dir);
            }));
        }
        return instance;
    }

    private static DemoRun run() {
        try {
            Path dir = Files.createTempDirectory("bp010-demo-it-");
            Path report = dir.resolve("reports").resolve("report.html"); // a folder the demo creates, as report does
            TestDatabase db = TestDatabase.create();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream original = System.out;
            int exit;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                exit = Bp010.run("demo", "--wells", String.valueOf(WELLS), "--days", "2", "--jdbc-url", db.jdbcUrl(),
                        "--report", report.toString(), "--data-dir", dir.resolve("data").toString());
            } finally {
                System.setOut(original);
            }
            return new DemoRun(db, dir, report, exit, out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;
import com.bp010.demo.GeneratedSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The hourly steady state of {@code bp010 bench} ({@code "size": "hourly"}): {@code wells} wells whose first 23 hours
 * of a day are ingested and processed by a default-window run, then the day's last hour is ingested and phases 3-7
 * run again with the default window, as the hourly schedule runs them. Only that last run is timed; it recomputes
 * what the new hour touches (docs/AGGREGATION.md, "Incremental runs"). Works best in a database of its own: the
 * first run takes everything pivoted before it.
 */
final class HourlyBench {
    private final Path work;
    private final int wells;
    private final LocalDate day;

    HourlyBench(Path work, int wells, LocalDate day) {
        this.work = work;
        this.wells = wells;
        this.day = day;
    }

    void run(Env env, BenchReport report) throws IOException {
        BenchCommand.progress(String.format("pipeline size hourly: %d wells, 23 hours processed, then one new hour",
                wells));
        GeneratedSet set = BenchCommand.generate(work.resolve("BENCHH"), "BENCHH", wells, 1, day);
        Path before = Files.createDirectories(work.resolve("BENCHH-23h"));
        Path last = Files.createDirectories(work.resolve("BENCHH-last"));
        Files.copy(set.wellMasterFile(), before.resolve(set.wellMasterFile().getFileName()));
        String lastHour = day.atTime(23, 0).toInstant(ZoneOffset.UTC).toString().replace("Z", "");
        long newReadings = split(set.telemetryFile(), before.resolve("landing_scada_data_benchh_first_23h.csv"),
                last.resolve("landing_scada_data_benchh_last_hour.csv"), lastHour);

        ingest(env, before);
        String setupAsOf = day.atTime(23, 0).toInstant(ZoneOffset.UTC).toString();
        JsonNode setup = LocalInvoker.invoke(LambdaFunction.PIPELINE, env, "{\"asOf\": \"" + setupAsOf + "\"}");
        expectOk("the run over the first 23 hours", setup);

        ingest(env, last);
        BenchCommand.progress("pipeline size hourly: phases 3-7 with the default window after the new hour");
        String asOf = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        JsonNode result = LocalInvoker.invoke(LambdaFunction.PIPELINE, env, "{\"asOf\": \"" + asOf + "\"}");
        expectOk("the hourly run", result);
        report.pipeline("hourly", wells, 1, newReadings, wells, result);
    }

    /** Copies the header and every reading before {@code lastHour} to {@code before}, that hour's to {@code last}. */
    private static long split(Path telemetry, Path before, Path last, String lastHour) throws IOException {
        long lastCount = 0;
        try (BufferedReader in = Files.newBufferedReader(telemetry, StandardCharsets.UTF_8);
             BufferedWriter a = Files.newBufferedWriter(before, StandardCharsets.UTF_8);
             BufferedWriter b = Files.newBufferedWriter(last, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            a.write(header);
            a.newLine();
            b.write(header);
            b.newLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", 4);
                boolean inLastHour = f.length > 2 && f[2].startsWith(lastHour);
                (inLastHour ? b : a).write(line);
                (inLastHour ? b : a).newLine();
                lastCount += inLastHour ? 1 : 0;
            }
        }
        if (lastCount == 0) {
            throw new Bp010Exception(ErrorCode.INTERNAL, "bench: no reading at " + lastHour + " in " + telemetry);
        }
        return lastCount;
    }

    private static void ingest(Env env, Path dir) {
        String event = Json.mapper().createObjectNode().put("source", "file").put("path", dir.toString()).toString();
        JsonNode r = LocalInvoker.invoke(LambdaFunction.STAGE, env, event);
        expectOk("the ingest of " + dir.getFileName(), r);
    }

    private static void expectOk(String what, JsonNode r) {
        if (!"OK".equals(r.path("status").asText())) {
            throw new Bp010Exception(ErrorCode.INTERNAL, "bench: " + what + " ended " + r.path("status").asText()
                    + ": " + r);
        }
    }
}

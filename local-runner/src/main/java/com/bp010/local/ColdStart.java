package com.bp010.local;

import com.bp010.db.Env;
import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Lambda JAR's local cold start: a new JVM ({@code java -cp <jar>:<dir of ColdStartMain>}) that builds the handler
 * and answers one event; the time from starting the process to reading its response line, and the first
 * invocation's own time. Primed, the JVM runs the handler's SnapStart hooks before that invocation, as Lambda does
 * before the snapshot it restores containers from: what priming saves shows as a shorter first invocation (a JVM
 * restored from a checkpoint cannot be made here).
 */
final class ColdStart {
    /**
     * Milliseconds to the first response, the handler's status (or why there was none); the first invocation alone
     * (wall clock, and CPU of the invoking thread, which other load on the machine barely changes); the hooks' time.
     */
    record Result(long millis, String status, long firstInvocationMs, long firstInvocationCpuMs, long hooksMs) {
    }

    private ColdStart() {
    }

    static Result measure(Path jar, String handlerClass, String functionName, String eventJson, Env env, Path work,
                          boolean primed) throws IOException {
        Path classes = mainClassDir(work);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-cp", jar + File.pathSeparator + classes,
                ColdStartMain.class.getName(), handlerClass, functionName, eventJson, primed ? "primed" : "unprimed"));
        pb.environment().clear();
        pb.environment().putAll(env.asMap());
        Path log = work.resolve(functionName + "-cold-start.log");
        pb.redirectError(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String response = null;
        JsonNode timing = Json.mapper().createObjectNode();
        long millis = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(ColdStartMain.MARKER)) {
                    millis = (System.nanoTime() - t0) / 1_000_000;
                    response = line.substring(ColdStartMain.MARKER.length());
                } else if (line.startsWith(ColdStartMain.TIMING)) {
                    timing = Json.mapper().readTree(line.substring(ColdStartMain.TIMING.length()));
                    break;
                }
            }
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        if (response == null) {
            return new Result(-1, "no response (exit " + (p.isAlive() ? "?" : p.exitValue()) + "): "
                    + lastLine(log), -1, -1, -1);
        }
        JsonNode body = Json.mapper().readTree(response);
        String status = body.hasNonNull("status") ? body.get("status").asText()
                : body.hasNonNull("errorCode") ? "ERROR " + body.get("errorCode").asText() : "OK";
        return new Result(millis, status, timing.path("firstInvocationMs").asLong(-1),
                timing.path("firstInvocationCpuMs").asLong(-1), timing.path("hooksMs").asLong(-1));
    }

    /** The median of each figure over runs; the status of the first run that got no response, if one did not. */
    static Result median(List<Result> runs) {
        String status = runs.stream().filter(r -> r.millis() < 0).map(Result::status).findFirst()
                .orElse(runs.get(0).status());
        return new Result(median(runs, Result::millis), status, median(runs, Result::firstInvocationMs),
                median(runs, Result::firstInvocationCpuMs), median(runs, Result::hooksMs));
    }

    private static long median(List<Result> runs, java.util.function.ToLongFunction<Result> figure) {
        long[] v = runs.stream().mapToLong(figure).sorted().toArray();
        return v.length == 0 ? -1 : v[(v.length - 1) / 2];
    }

    /** A folder holding ColdStartMain.class alone (copied out of this JAR or classes folder). */
    private static Path mainClassDir(Path work) throws IOException {
        Path dir = work.resolve("cold-start-main");
        Path file = dir.resolve(ColdStartMain.class.getName().replace('.', '/') + ".class");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            try (InputStream in = ColdStartMain.class.getResourceAsStream("ColdStartMain.class")) {
                if (in == null) {
                    throw new IOException("ColdStartMain.class is not on the classpath");
                }
                Files.copy(in, file);
            }
        }
        return dir;
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "no log";
        }
    }
}

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
 * and answers one event; the time from starting the process to reading its response line.
 */
final class ColdStart {
    /** Milliseconds to the first response, the handler's status (or why there was none). */
    record Result(long millis, String status) {
    }

    private ColdStart() {
    }

    static Result measure(Path jar, String handlerClass, String functionName, String eventJson, Env env, Path work)
            throws IOException {
        Path classes = mainClassDir(work);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-cp", jar + File.pathSeparator + classes,
                ColdStartMain.class.getName(), handlerClass, functionName, eventJson));
        pb.environment().clear();
        pb.environment().putAll(env.asMap());
        Path log = work.resolve(functionName + "-cold-start.log");
        pb.redirectError(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String response = null;
        long millis = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(ColdStartMain.MARKER)) {
                    millis = (System.nanoTime() - t0) / 1_000_000;
                    response = line.substring(ColdStartMain.MARKER.length());
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
                    + lastLine(log));
        }
        JsonNode body = Json.mapper().readTree(response);
        String status = body.hasNonNull("status") ? body.get("status").asText()
                : body.hasNonNull("errorCode") ? "ERROR " + body.get("errorCode").asText() : "OK";
        return new Result(millis, status);
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

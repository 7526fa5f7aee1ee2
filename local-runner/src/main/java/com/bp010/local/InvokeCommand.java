package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code bp010 invoke <init|referencial|stage|pipeline> [--event FILE | --event-json JSON] [--jdbc-url URL]}: the
 * real handler with a Lambda event; the response JSON on stdout. Exit 0 on success (OK, NOTHING_TO_DO,
 * DIMENSIONS_SYNCED, SKIPPED_LOCKED), 1 otherwise (a REJECTED ingest included), with the failure report on stdout and its one-line
 * summary (code, message, what to do) on stderr; 2 for a wrong option, before any database work.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Invoke one Lambda handler locally with an event; prints its JSON response.")
final class InvokeCommand implements Callable<Integer> {
    private static final Set<String> SUCCESS = Set.of("OK", "NOTHING_TO_DO", "DIMENSIONS_SYNCED", "SKIPPED_LOCKED");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "init, referencial, stage or pipeline")
    LambdaFunction function;

    @ArgGroup(exclusive = true)
    EventSource event = new EventSource();

    @Mixin
    DatabaseOptions database;

    static final class EventSource {
        @Option(names = "--event", paramLabel = "FILE", description = "JSON event file")
        Path file;

        @Option(names = "--event-json", paramLabel = "JSON", description = "JSON event text")
        String json;

        byte[] bytes() throws IOException {
            if (file != null) {
                return Files.readAllBytes(file);
            }
            return (json == null ? "{}" : json).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (event.file != null && !Files.isReadable(event.file)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--event: no readable file "
                    + event.file.toAbsolutePath() + " (samples are in the repository's events/ folder)");
        }
        byte[] bytes = event.bytes();
        JsonNode body;
        try (LocalDatabase db = database.open()) {
            body = LocalInvoker.invoke(function, DatabaseOptions.env(db), bytes);
        } catch (Bp010Exception failure) {
            Bp010Exception e = database.naming(failure);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e.failureReport()));
            System.err.println(CliErrors.line("invoke " + function.name().toLowerCase(java.util.Locale.ROOT), e));
            return 1;
        }
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
        JsonNode status = body == null ? null : body.get("status");
        if (status == null || SUCCESS.contains(status.asText())) {
            return 0;
        }
        System.err.println("bp010 invoke " + function.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + status.asText() + ": " + whatToDo(body));
        return 1;
    }

    /** For a response that is not a success: what happened and what to do, on one line. */
    static String whatToDo(JsonNode body) {
        if (!"REJECTED".equals(body.path("status").asText())) {
            return "the response above says what happened";
        }
        java.util.List<String> files = new java.util.ArrayList<>();
        String batch = null;
        for (JsonNode f : body.path("files")) {
            if ("REJECTED".equals(f.path("status").asText())) {
                files.add(f.path("file").asText(f.path("location").asText()));
                batch = batch != null ? batch : f.path("batchId").asText();
            }
        }
        // a row refused for what the catalogue or the well master lacks loads on a replay once they hold it; a row
        // malformed in the file (a broken quote, too many fields, a bad number) loads only from a corrected file
        java.util.List<String> malformed = new java.util.ArrayList<>();
        java.util.List<String> missed = new java.util.ArrayList<>();
        body.path("rejectsByReason").fieldNames().forEachRemaining(r -> (replayable(r) ? missed : malformed).add(r));
        String replay = "fix the catalogue (bp010 invoke referencial) or the well master, then replay them with"
                + " {\"source\": \"rejects\", \"batchId\": \"" + batch + "\"}";
        String correct = "correct them in the file and ingest it again";
        // an offset-less time in the hour the clock repeats that landing cannot place: only its offset tells which
        // pass it is, so neither a replay nor another catalogue helps
        boolean ambiguous = malformed.remove(com.bp010.ingest.RejectReason.AMBIGUOUS_TIME.name());
        String resend = "the rows whose time has no UTC offset and falls in the hour the clock repeats when daylight"
                + " saving time ends (AMBIGUOUS_TIME; each is in stage.landing_rejects with its line and time): send"
                + " them again with their UTC offset (e.g. 2026-11-01T01:30:00-05:00), which says which pass of the"
                + " hour they are; a replay cannot place them";
        if (ambiguous && malformed.isEmpty() && missed.isEmpty()) {
            return "no row of " + String.join(", ", files) + " could be loaded (" + body.path("rowsRejected").asLong()
                    + " rejected: " + body.path("rejectsByReason") + "); " + resend;
        }
        String next = malformed.isEmpty() ? "the rows wait in stage.landing_rejects: " + replay
                : missed.isEmpty() ? "the rows cannot load as written (" + String.join(", ", malformed) + "; each is in"
                        + " stage.landing_rejects with its line and reason): " + correct
                : "the rows that cannot load as written (" + String.join(", ", malformed) + "; each is in"
                        + " stage.landing_rejects with its line and reason): " + correct + "; the others ("
                        + String.join(", ", missed) + "): " + replay;
        return "no row of " + String.join(", ", files) + " could be loaded (" + body.path("rowsRejected").asLong()
                + " rejected: " + body.path("rejectsByReason") + "); " + next + (ambiguous ? "; " + resend : "");
    }

    private static boolean replayable(String reason) {
        try {
            return com.bp010.ingest.RejectReason.valueOf(reason).replayable();
        } catch (IllegalArgumentException unknown) {
            return true; // a reason this build does not know: the replay is the advice that loses nothing
        }
    }
}

package com.bp010.local;

import com.bp010.cards.CardAnalyzer;
import com.bp010.cards.CardInputException;
import com.bp010.cards.CardKind;
import com.bp010.cards.Diagnosis;
import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bp010 cards diagnose --in FILE [--well FILE] [--kind surface|pump]}: one JSON line per card with its pattern,
 * severity, confidence, basis, fillage, fluid load, net stroke, intake pressure and features; a card that cannot be
 * read gets an error line. Exit 0 when at least one card was diagnosed, 1 when none could be, 2 when a file cannot be
 * read. Formats: README "bp010 cards diagnose" and docs/CARDS.md.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose dynamometer cards from a JSON file: one JSON object per card on stdout.")
final class CardsDiagnoseCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "{\"cards\": [{\"id\", \"position\", \"load\", \"kind\"?, \"spm\"?, \"time\"?}]} or one card")
    Path in;

    @Option(names = "--well", paramLabel = "FILE", description = "the well as JSON (pump depth, plunger, rod tapers ...)")
    Path well;

    @Option(names = "--kind", paramLabel = "surface|pump",
            description = "kind of every card that does not say (default surface)")
    String kind;

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    /** The file's text; a missing or unreadable one is named with its option, not by the JDK's bare path. */
    private static String readable(String option, java.nio.file.Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException(option + ": no readable file " + file.toAbsolutePath());
        }
        return Files.readString(file);
    }

    /** The file's JSON; text that is not JSON names the option, the file, the line and column, and the fix. */
    private static JsonNode json(String option, java.nio.file.Path file) throws IOException {
        String text = readable(option, file);
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new IOException(option + ": " + file.toAbsolutePath() + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage() + "; fix the file (its format: README, bp010 cards diagnose)");
        }
    }

    int run(PrintStream out, PrintStream err) {
        JsonNode root;
        com.bp010.cards.WellDescription description = null;
        CardKind defaultKind;
        try {
            defaultKind = CardKind.parse(kind, CardKind.SURFACE);
            root = json("--in", in);
            if (well != null) {
                description = CardJson.well(json("--well", well));
            }
        } catch (IOException | CardInputException e) {
            err.println("bp010 cards diagnose: " + e.getMessage());
            return 2;
        }
        JsonNode cards = root.has("cards") ? root.get("cards") : Json.mapper().createArrayNode().add(root);
        if (!cards.isArray()) {
            err.println("bp010 cards diagnose: \"cards\" in " + in + " is not an array");
            return 2;
        }
        CardAnalyzer analyzer = new CardAnalyzer();
        int diagnosed = 0;
        for (int i = 0; i < cards.size(); i++) {
            JsonNode node = cards.get(i);
            Object id = node.hasNonNull("id") ? node.get("id").isNumber() ? node.get("id").numberValue()
                    : node.get("id").asText() : i;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", id);
            try {
                Diagnosis d = analyzer.analyse(CardJson.card(node, defaultKind), description).diagnosis();
                line.putAll(CardJson.diagnosis(d));
                diagnosed++;
            } catch (CardInputException | IllegalArgumentException e) {
                line.put("error", e.getMessage());
            }
            try {
                out.println(Json.mapper().writeValueAsString(line));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return diagnosed > 0 ? 0 : 1;
    }
}

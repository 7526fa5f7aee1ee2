package com.bp010.report;

import com.bp010.db.Json;
import com.bp010.report.ReportModel.SurfaceCard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a card as the SCADA sent it ({@code {"position": [in, ...], "load": [lbf, ...]}}, docs/CONTRACTS.md §4.3) for drawing. A
 * card that cannot be drawn keeps its problem in words; the DQ verdict beside it says whether the pipeline accepted it.
 */
final class CardText {
    static final int MAX_POINTS = 5000;

    private CardText() {
    }

    static SurfaceCard surfaceCard(String wellId, Instant readAt, boolean validDq, String dqRule, String dqReason,
                                   String text) {
        try {
            JsonNode card = Json.mapper().readTree(text);
            double[] position = numbers(card, "position");
            double[] load = numbers(card, "load");
            if (position.length != load.length) {
                return new SurfaceCard(wellId, readAt, validDq, dqRule, dqReason, null, null,
                        "position has " + position.length + " points, load " + load.length);
            }
            if (position.length < 2) {
                return new SurfaceCard(wellId, readAt, validDq, dqRule, dqReason, null, null,
                        "fewer than 2 points");
            }
            return new SurfaceCard(wellId, readAt, validDq, dqRule, dqReason, position, load, null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? "not JSON: " + j.getOriginalMessage() : e.getMessage();
            return new SurfaceCard(wellId, readAt, validDq, dqRule, dqReason, null, null, why);
        }
    }

    /** The features a diagnosis stored ({@code {"fillagePct": 58.2, ...}}, nulls kept out); empty when unreadable. */
    static Map<String, Double> features(String json) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            JsonNode n = json == null ? null : Json.mapper().readTree(json);
            if (n != null && n.isObject()) {
                n.fields().forEachRemaining(e -> {
                    if (e.getValue().isNumber()) {
                        out.put(e.getKey(), e.getValue().asDouble());
                    }
                });
            }
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        return out;
    }

    /** The reasons a diagnosis stored (a JSON array of strings); empty when unreadable. */
    static List<String> reasons(String json) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode n = json == null ? null : Json.mapper().readTree(json);
            if (n != null && n.isArray()) {
                n.forEach(r -> out.add(r.asText()));
            }
        } catch (JsonProcessingException e) {
            return List.of();
        }
        return out;
    }

    private static double[] numbers(JsonNode card, String field) {
        JsonNode array = card == null ? null : card.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("no \"" + field + "\" array");
        }
        if (array.size() > MAX_POINTS) {
            throw new IllegalArgumentException("\"" + field + "\" has more than " + MAX_POINTS + " points");
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new IllegalArgumentException("\"" + field + "\"[" + i + "] is not a finite number");
            }
            values[i] = v.asDouble();
        }
        return values;
    }
}

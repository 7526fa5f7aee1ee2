package com.bp010.local;

import com.bp010.cards.Card;
import com.bp010.cards.CardInputException;
import com.bp010.cards.CardKind;
import com.bp010.cards.Diagnosis;
import com.bp010.cards.RodMaterial;
import com.bp010.cards.RodString;
import com.bp010.cards.Taper;
import com.bp010.cards.WellDescription;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON forms of {@code bp010 cards diagnose}: cards and a well in, a diagnosis out. */
final class CardJson {
    private CardJson() {
    }

    /** A card from {"position", "load", "kind"?, "spm"?, "time"?}; other fields are ignored. */
    static Card card(JsonNode node, CardKind defaultKind) {
        if (!node.isObject()) {
            throw new CardInputException("a card must be a JSON object with position and load arrays");
        }
        double[] position = numbers(node, "position", true);
        double[] load = numbers(node, "load", true);
        double[] time = numbers(node, "time", false);
        Double spm = node.hasNonNull("spm") ? node.get("spm").asDouble() : null;
        CardKind kind = CardKind.parse(node.hasNonNull("kind") ? node.get("kind").asText() : null, defaultKind);
        return new Card(position, load, time, spm, kind);
    }

    /**
     * A well from {"pump_depth_ft", "plunger_diameter_in", "rod_tapers": [{"diameter_in", "length_ft", "material"?}]
     * or "rod_string": "7/8 in x 40%, 3/4 in x 60%", "tubing_anchored"?, "tubing_od_in"?, "fluid_sg"?,
     * "tubing_pressure_psi"?, "spm"?, "damping_per_s"?, "measured_rate_bbl_d"?, "intake_pressure_psi"?}: with the
     * last two and no damping, the damping comes from the power balance.
     */
    static WellDescription well(JsonNode node) {
        double depth = required(node, "pump_depth_ft");
        double plunger = required(node, "plunger_diameter_in");
        RodString rods;
        if (node.has("rod_tapers")) {
            List<Taper> tapers = new ArrayList<>();
            for (JsonNode t : node.get("rod_tapers")) {
                tapers.add(Taper.of(required(t, "diameter_in"), required(t, "length_ft"),
                        RodMaterial.parse(t.hasNonNull("material") ? t.get("material").asText() : null)));
            }
            rods = new RodString(tapers);
        } else if (node.hasNonNull("rod_string")) {
            rods = RodString.parse(node.get("rod_string").asText(), depth);
        } else {
            throw new CardInputException("the well needs rod_tapers [{diameter_in, length_ft, material}] or rod_string");
        }
        return new WellDescription(depth, plunger, rods,
                node.hasNonNull("tubing_anchored") ? node.get("tubing_anchored").asBoolean() : null,
                optional(node, "tubing_od_in"), optional(node, "fluid_sg"), optional(node, "tubing_pressure_psi"),
                optional(node, "spm"), optional(node, "damping_per_s"), optional(node, "measured_rate_bbl_d"),
                optional(node, "intake_pressure_psi"));
    }

    /** The output fields of one diagnosed card (after its id). */
    static Map<String, Object> diagnosis(Diagnosis d) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Double> features = d.features().asMap();
        m.put("pattern", d.pattern().name());
        m.put("severity", d.severity().name());
        m.put("confidence", Math.round(d.confidence() * 100) / 100.0);
        m.put("basis", d.basis().name());
        m.put("fillagePct", features.get("fillagePct"));
        m.put("fluidLoadLbf", features.get("fluidLoadLbf"));
        m.put("netStrokeIn", features.get("netStrokeIn"));
        m.put("pipPsi", features.get("pipPsi"));
        m.put("features", features);
        m.put("reasons", d.reasons());
        m.put("modelVersion", Diagnosis.MODEL_VERSION);
        return m;
    }

    private static double[] numbers(JsonNode node, String field, boolean required) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            if (required) {
                throw new CardInputException("the card has no \"" + field + "\" array");
            }
            return null;
        }
        if (!array.isArray()) {
            throw new CardInputException("\"" + field + "\" must be an array of numbers");
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new CardInputException("\"" + field + "\"[" + i + "] is not a number: " + array.get(i));
            }
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static double required(JsonNode node, String field) {
        if (!node.hasNonNull(field) || !node.get(field).isNumber()) {
            throw new CardInputException("the well needs \"" + field + "\" as a number");
        }
        return node.get(field).asDouble();
    }

    private static Double optional(JsonNode node, String field) {
        return node.hasNonNull(field) && node.get(field).isNumber() ? node.get(field).asDouble() : null;
    }
}

package com.bp010.cards;

import java.util.List;

/**
 * One card's diagnosis: its pattern, how bad, how sure (0-1), what it read (the pump card or only the surface card),
 * the reasons in words an engineer can argue with, and the features they cite.
 */
public record Diagnosis(Pattern pattern, Severity severity, double confidence, Basis basis, List<String> reasons,
                        CardFeatures features) {
    /** The model version written next to every rules-based diagnosis. */
    public static final String MODEL_VERSION = "bp010-rules-1";

    public Diagnosis {
        reasons = List.copyOf(reasons);
    }

    /** The same diagnosis with one more reason (how the pump card was computed, e.g. its damping). */
    public Diagnosis withReason(String reason) {
        List<String> more = new java.util.ArrayList<>(reasons);
        more.add(reason);
        return new Diagnosis(pattern, severity, confidence, basis, more, features);
    }
}

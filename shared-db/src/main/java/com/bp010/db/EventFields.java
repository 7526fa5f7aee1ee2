package com.bp010.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of the project's own event fields: a field the event type does not know is a BAD_EVENT naming it
 * and the closest known field ({@code "fechainicio"} → did you mean {@code "fechaInicio"}), so a misspelling never
 * passes for an empty request. The envelopes AWS sends (S3 notifications, EventBridge and Scheduler events) are not
 * checked with it: AWS documents and adds their fields.
 */
public final class EventFields {
    private EventFields() {
    }

    /** Fails on the first field of {@code event} not in {@code known}; {@code what} names the event in the message. */
    public static void requireKnown(JsonNode event, Set<String> known, String what) {
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String closest = closest(name, known);
                throw new Bp010Exception(ErrorCode.BAD_EVENT, what + ": unknown field \"" + name + "\""
                        + (closest == null ? "" : " (did you mean \"" + closest + "\"?)") + "; the fields are "
                        + String.join(", ", new TreeSet<>(known)))
                        .with("field", name).with("closest", closest);
            }
        }
    }

    /** The known name nearest to {@code name} (case ignored, edit distance), or null when none is near. */
    public static String closest(String name, Set<String> known) {
        return within(name, known, Math.max(2, name.length() / 3));
    }

    /**
     * The known name within {@code maxDistance} edits of {@code name} (case ignored), the nearest, or null: for names a
     * person types in a file header, where a name near none is a column of its own and one edit away a misspelling.
     */
    public static String within(String name, Set<String> known, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String n = name.toLowerCase(Locale.ROOT);
        for (String k : new TreeSet<>(known)) {
            int d = distance(n, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= maxDistance ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

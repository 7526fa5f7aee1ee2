package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.EventFields;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The PIPELINE V4 event of docs/CONTRACTS.md §4.4: {@code {"fechaInicio", "fechaFin", "wellId", "phases": [...], "phase",
 * "runId", "asOf", "wellGroup"}}, all optional; or {@code {"phase": "GLOBAL", "groupRuns": [...], "asOf"}} after the
 * well groups of a run. {@code phases} selects several, {@code phase} exactly one; giving both is an error.
 * Any other field is a BAD_EVENT naming it and the closest known one. An EventBridge envelope (a schedule invoking the
 * function directly) is read by its {@code detail}. Without {@code fechaFin} the window ends on {@code asOf}'s day, or
 * on the clock's day without {@code asOf}, in the field's zone: the same event with the same {@code asOf} is the same
 * request whenever it runs.
 */
record PipelineRequest(RunWindow window, String wellId, Set<Phase> phases, boolean singlePhase, UUID runId,
                       Instant asOf, WellGroup wellGroup, boolean global, List<UUID> groupRuns) {
    private static final Pattern WELL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final Set<String> FIELDS = Set.of("fechaInicio", "fechaFin", "wellId", "phases", "phase", "runId", "asOf",
            "wellGroup", "groupRuns");
    /** The phases a well group runs (the others run once for all groups, after {@code "phase": "GLOBAL"}). */
    static final Set<Phase> GROUP_PHASES = EnumSet.of(Phase.DQ, Phase.TRANSFORM);
    /** The phases that join the run {@code "phase": "GLOBAL"} opens. */
    static final Set<Phase> GLOBAL_PHASES = EnumSet.of(Phase.ENRICH, Phase.DEFAULTS, Phase.CONSISTENCY);

    /** The request of one run over every well (no group): window, well, phases, run id, asOf. */
    PipelineRequest(RunWindow window, String wellId, Set<Phase> phases, boolean singlePhase, UUID runId, Instant asOf) {
        this(window, wellId, phases, singlePhase, runId, asOf, null, false, List.of());
    }

    static PipelineRequest from(JsonNode event, ZoneId zone, Clock clock) {
        if (event.has("detail-type") && event.has("detail")) {
            return from(event.get("detail").isObject() ? event.get("detail")
                    : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), zone, clock);
        }
        EventFields.requireKnown(event, FIELDS, "Pipeline event");
        Instant asOf = instant(event, "asOf", zone);
        if ("GLOBAL".equalsIgnoreCase(text(event, "phase"))) {
            return global(event, asOf);
        }
        if (event.hasNonNull("groupRuns")) {
            throw bad("\"groupRuns\" goes with \"phase\": \"GLOBAL\" (the step after every well group)", "groupRuns");
        }
        LocalDate from = date(event, "fechaInicio");
        LocalDate to = date(event, "fechaFin");
        RunWindow window = null;
        if (to != null && from == null) {
            throw bad("fechaFin needs fechaInicio", "fechaInicio");
        }
        if (from != null) {
            LocalDate end = to != null ? to : (asOf != null ? asOf : clock.instant()).atZone(zone).toLocalDate();
            if (end.isBefore(from)) {
                throw bad("fechaFin " + end + " is before fechaInicio " + from, "fechaFin");
            }
            window = new RunWindow(from, end);
        }
        String wellId = text(event, "wellId");
        if (wellId != null && !WELL_ID.matcher(wellId).matches()) {
            throw bad("wellId '" + wellId + "' is not a well id (letters, digits, '.', '_', '-')", "wellId");
        }
        boolean hasPhases = event.hasNonNull("phases");
        boolean hasPhase = event.hasNonNull("phase");
        if (hasPhases && hasPhase) {
            throw bad("Give either \"phases\" (several) or \"phase\" (exactly one), not both", "phase");
        }
        Set<Phase> phases = EnumSet.allOf(Phase.class);
        if (hasPhase) {
            phases = EnumSet.of(Phase.parse(event.get("phase").asText()));
        } else if (hasPhases) {
            JsonNode list = event.get("phases");
            if (!list.isArray() || list.isEmpty()) {
                throw bad("\"phases\" must be a non-empty array of phase names", "phases");
            }
            List<Phase> parsed = new ArrayList<>();
            list.forEach(p -> parsed.add(Phase.parse(p.asText())));
            phases = EnumSet.copyOf(parsed);
        }
        UUID runId = null;
        String runText = text(event, "runId");
        if (runText != null) {
            try {
                runId = UUID.fromString(runText);
            } catch (IllegalArgumentException e) {
                throw bad("runId '" + runText + "' is not a UUID", "runId");
            }
        }
        if (runId != null && window != null) {
            throw bad("A run joined by runId keeps its own window: drop fechaInicio/fechaFin", "runId");
        }
        WellGroup group = null;
        if (event.hasNonNull("wellGroup")) {
            group = WellGroup.parse(event.get("wellGroup"));
            if (runId != null) {
                throw bad("A run joined by runId keeps its own well group: drop wellGroup", "wellGroup");
            }
            if (window != null || wellId != null) {
                throw bad("A well group runs the incremental window of its own wells: drop fechaInicio/fechaFin and"
                        + " wellId (an explicit window runs without wellGroup)", "wellGroup");
            }
            if (!hasPhase && !hasPhases) {
                phases = EnumSet.copyOf(GROUP_PHASES);
            } else if (!GROUP_PHASES.containsAll(phases)) {
                throw bad("A well group runs DQ and TRANSFORM; ENRICH, DEFAULTS and CONSISTENCY run once for all"
                        + " groups, after {\"phase\": \"GLOBAL\", \"groupRuns\": [...]}", "phases");
            }
        }
        return new PipelineRequest(window, wellId, phases, hasPhase, runId, asOf, group, false, List.of());
    }

    /**
     * {@code {"phase": "GLOBAL", "groupRuns": [...], "asOf"}}: after every well group of a run, opens the run of the
     * global steps over the groups' scopes; ENRICH, DEFAULTS and CONSISTENCY then join it by its runId.
     */
    private static PipelineRequest global(JsonNode event, Instant asOf) {
        for (String field : List.of("fechaInicio", "fechaFin", "wellId", "phases", "runId", "wellGroup")) {
            if (event.hasNonNull(field)) {
                throw bad("\"phase\": \"GLOBAL\" takes \"groupRuns\" and \"asOf\" only: drop \"" + field + "\"", field);
            }
        }
        JsonNode list = event.get("groupRuns");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw bad("\"phase\": \"GLOBAL\" needs \"groupRuns\": the runIds the well groups answered", "groupRuns");
        }
        List<UUID> runs = new ArrayList<>();
        for (JsonNode r : list) {
            if (r.isNull()) {
                continue;   // a group that ended before opening a run (a Map iteration answers no runId)
            }
            try {
                UUID id = UUID.fromString(r.asText());
                if (!runs.contains(id)) {
                    runs.add(id);
                }
            } catch (IllegalArgumentException e) {
                throw bad("groupRuns: '" + r.asText() + "' is not a UUID", "groupRuns");
            }
        }
        return new PipelineRequest(null, null, EnumSet.copyOf(GLOBAL_PHASES), true, null, asOf, null, true,
                List.copyOf(runs));
    }

    private static String text(JsonNode event, String field) {
        JsonNode v = event.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    private static LocalDate date(JsonNode event, String field) {
        String v = text(event, field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw bad(field + " '" + v + "' is not a date (YYYY-MM-DD)", field);
        }
    }

    private static Instant instant(JsonNode event, String field, ZoneId zone) {
        String v = text(event, field);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw bad(field + " '" + v + "' is not an ISO-8601 time", field);
            }
        }
    }

    private static Bp010Exception bad(String message, String field) {
        return new Bp010Exception(ErrorCode.BAD_EVENT, message).with("field", field);
    }
}

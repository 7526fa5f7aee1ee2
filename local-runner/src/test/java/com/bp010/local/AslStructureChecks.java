package com.bp010.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of an Amazon States Language definition, which cfn-lint does not check inside a SAM {@code Definition}:
 * known fields per state type (and in retriers and catchers), Next or End on every non-terminal state, every
 * transition naming an existing state, every state reachable from StartAt; a Map state's ItemProcessor is checked
 * the same way, as a definition of its own.
 */
final class AslStructureChecks {
    private static final Set<String> COMMON_FIELDS = Set.of("Type", "Comment", "Next", "End", "InputPath",
            "OutputPath", "QueryLanguage", "Assign", "Output");
    /** The fields Amazon States Language allows per state type, besides the common ones. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Task", Set.of("Resource", "Parameters", "Arguments", "ResultPath", "ResultSelector", "Retry", "Catch",
                    "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
            "Pass", Set.of("Parameters", "Result", "ResultPath"),
            "Choice", Set.of("Choices", "Default"),
            "Wait", Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
            "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"),
            "Succeed", Set.of(),
            "Map", Set.of("ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters",
                    "MaxConcurrency", "MaxConcurrencyPath", "ResultPath", "ResultSelector", "Retry", "Catch",
                    "ToleratedFailureCount", "ToleratedFailurePercentage", "ItemReader", "ItemBatcher",
                    "ResultWriter", "Label"));
    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment", "Assign",
            "Output");

    private AslStructureChecks() {
    }

    static List<String> check(Map<String, Object> definition) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> states = SamTemplate.map(definition.get("States"), "States");
        String start = String.valueOf(definition.get("StartAt"));
        if (!states.containsKey(start)) {
            problems.add("StartAt names no state: " + start);
            return problems;
        }
        states.forEach((name, s) -> {
            checkFields(name, SamTemplate.map(s, name), problems);
            for (String next : successors(SamTemplate.map(s, name))) {
                if (!states.containsKey(next)) {
                    problems.add(name + ": moves to " + next + ", which is not a state");
                }
            }
        });
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (states.containsKey(name) && reached.add(name)) {
                todo.addAll(successors(SamTemplate.map(states.get(name), name)));
            }
        }
        states.keySet().stream().filter(n -> !reached.contains(n))
                .forEach(n -> problems.add(n + ": is not reachable from " + start));
        return problems;
    }

    private static void checkFields(String name, Map<String, Object> state, List<String> problems) {
        Set<String> allowed = FIELDS.get(String.valueOf(state.get("Type")));
        if (allowed == null) {
            problems.add(name + ": unknown state Type " + state.get("Type"));
            return;
        }
        unknown(name, state.keySet(), allowed, COMMON_FIELDS, problems);
        if ("Map".equals(state.get("Type"))) {
            Object processor = state.containsKey("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            if (processor == null) {
                problems.add(name + ": a Map state without ItemProcessor");
            } else {
                Map<String, Object> inner = SamTemplate.map(processor, name + ".ItemProcessor");
                unknown(name + ".ItemProcessor", inner.keySet(), Set.of("ProcessorConfig", "StartAt", "States",
                        "Comment", "QueryLanguage"), Set.of(), problems);
                check(inner).forEach(p -> problems.add(name + "." + p));
            }
        }
        for (Object r : SamTemplate.oneOrMany(state.get("Retry"))) {
            unknown(name + ".Retry", SamTemplate.map(r, name).keySet(), RETRIER_FIELDS, Set.of(), problems);
        }
        for (Object c : SamTemplate.oneOrMany(state.get("Catch"))) {
            unknown(name + ".Catch", SamTemplate.map(c, name).keySet(), CATCHER_FIELDS, Set.of(), problems);
        }
        boolean terminal = Set.of("Succeed", "Fail", "Choice").contains(String.valueOf(state.get("Type")))
                || Boolean.TRUE.equals(state.get("End"));
        if (terminal == state.containsKey("Next")) {
            problems.add(name + ": " + (terminal ? "ends but also has Next" : "has neither Next nor End"));
        }
    }

    private static void unknown(String where, Set<String> fields, Set<String> allowed, Set<String> common,
                                List<String> problems) {
        fields.stream().filter(f -> !allowed.contains(f) && !common.contains(f)).sorted()
                .forEach(f -> problems.add(where + ": unknown field " + f));
    }

    static List<String> successors(Map<String, Object> state) {
        List<String> next = new ArrayList<>();
        for (String key : List.of("Next", "Default")) {
            if (state.get(key) != null) {
                next.add(String.valueOf(state.get(key)));
            }
        }
        for (String key : List.of("Choices", "Catch")) {
            for (Object branch : SamTemplate.oneOrMany(state.get(key))) {
                Object n = SamTemplate.map(branch, key).get("Next");
                if (n != null) {
                    next.add(String.valueOf(n));
                }
            }
        }
        return next;
    }
}

package com.bp010.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the pipeline state machine of the template (docs/CONTRACTS.md §4.4, issue 8): a well-formed definition
 * ({@link AslStructureChecks}); one Task state per pipeline phase, in order, each invoking the pipeline function with
 * a Retry on Lambda service errors and on TransientDatabaseException (and, for the phases joined by runId, on
 * TimeBudgetException) and a Catch ending in a Fail state; the first
 * phase opens the run and every later one sends the runId the first one answered; NOTHING_TO_DO, DIMENSIONS_SYNCED and
 * SKIPPED_LOCKED end the execution successfully without the other phases.
 */
final class StateMachineChecks {
    static final List<String> PHASES = List.of("DQ", "TRANSFORM", "ENRICH", "DEFAULTS", "CONSISTENCY");
    static final String TRANSIENT = "com.bp010.db.TransientDatabaseException";
    static final String LAMBDA_SERVICE = "Lambda.ServiceException";
    static final String TIME_BUDGET = "com.bp010.db.TimeBudgetException";
    private static final Pattern PATH = Pattern.compile("\\$((?:\\.[A-Za-z0-9_]+)+)");

    private final String logicalId;

    StateMachineChecks(String logicalId) {
        this.logicalId = logicalId;
    }

    List<String> check(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = template.properties(logicalId);
        Map<String, Object> definition = SamTemplate.map(properties.get("Definition"), logicalId + ".Definition");
        Map<String, Object> states = SamTemplate.map(definition.get("States"), "States");
        Optional<String> pipelineArn = substitutionFor(properties, "PipelineV4Function");
        if (pipelineArn.isEmpty()) {
            problems.add("DefinitionSubstitutions names no alias of PipelineV4Function");
        }
        problems.addAll(AslStructureChecks.check(definition));

        Map<String, String> phaseStates = phaseStates(states, problems);
        for (String phase : PHASES) {
            String name = phaseStates.get(phase);
            if (name == null) {
                problems.add("no Task state runs phase " + phase);
                continue;
            }
            Map<String, Object> state = state(states, name);
            pipelineArn.ifPresent(arn -> {
                Object function = parameters(state).get("FunctionName");
                if (!("${" + arn + "}").equals(function)) {
                    problems.add(name + ": invokes " + function + ", not the pipeline function ${" + arn + "}");
                }
            });
            checkRetryAndCatch(name, state, states, problems);
            checkTimeBudgetRetry(phase, name, state, problems);
        }
        if (phaseStates.keySet().containsAll(PHASES)) {
            checkOrder(states, phaseStates, problems);
            checkRunId(states, phaseStates, problems);
        }
        return problems;
    }

    /**
     * The state that runs each phase, from its Payload: {@code {"phase": X}}, or an intrinsic expression reading a
     * path whose last field a Pass state set to a static {@code {"phase": X}}.
     */
    private static Map<String, String> phaseStates(Map<String, Object> states, List<String> problems) {
        Map<String, String> staticPhases = staticPhaseObjects(states);
        Map<String, String> byPhase = new LinkedHashMap<>();
        states.forEach((name, s) -> {
            Map<String, Object> state = SamTemplate.map(s, name);
            if (!"Task".equals(state.get("Type"))) {
                return;
            }
            Map<String, Object> parameters = parameters(state);
            List<String> phases = new ArrayList<>();
            if (parameters.get("Payload") instanceof Map<?, ?> payload && payload.get("phase") != null) {
                phases.add(String.valueOf(payload.get("phase")));
            }
            if (parameters.get("Payload.$") instanceof String expression) {
                Matcher m = PATH.matcher(expression);
                while (m.find()) {
                    String field = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
                    if (staticPhases.containsKey(field)) {
                        phases.add(staticPhases.get(field));
                    }
                }
            }
            for (String phase : phases) {
                if (byPhase.put(phase, name) != null) {
                    problems.add("phase " + phase + " is run by more than one state");
                }
            }
        });
        return byPhase;
    }

    /** Field name → phase, for every static {@code {"phase": X}} object a Pass state writes. */
    private static Map<String, String> staticPhaseObjects(Map<String, Object> states) {
        Map<String, String> found = new LinkedHashMap<>();
        states.forEach((name, s) -> {
            Map<String, Object> state = SamTemplate.map(s, name);
            if ("Pass".equals(state.get("Type"))) {
                for (String key : List.of("Parameters", "Result")) {
                    if (state.get(key) instanceof Map<?, ?> fields) {
                        fields.forEach((field, value) -> {
                            if (value instanceof Map<?, ?> object && object.get("phase") != null) {
                                found.put(String.valueOf(field), String.valueOf(object.get("phase")));
                            }
                        });
                    }
                }
            }
        });
        return found;
    }

    private static void checkRetryAndCatch(String name, Map<String, Object> state, Map<String, Object> states,
                                           List<String> problems) {
        List<String> retried = new ArrayList<>();
        for (Object r : SamTemplate.oneOrMany(state.get("Retry"))) {
            SamTemplate.oneOrMany(SamTemplate.map(r, name + ".Retry").get("ErrorEquals"))
                    .forEach(e -> retried.add(String.valueOf(e)));
        }
        for (String error : List.of(LAMBDA_SERVICE, TRANSIENT)) {
            if (!retried.contains(error)) {
                problems.add(name + ": no Retry on " + error);
            }
        }
        boolean caught = false;
        for (Object c : SamTemplate.oneOrMany(state.get("Catch"))) {
            Map<String, Object> catcher = SamTemplate.map(c, name + ".Catch");
            boolean all = SamTemplate.oneOrMany(catcher.get("ErrorEquals")).contains("States.ALL");
            Object next = catcher.get("Next");
            if (all && states.containsKey(String.valueOf(next))
                    && "Fail".equals(state(states, String.valueOf(next)).get("Type"))) {
                caught = true;
            }
        }
        if (!caught) {
            problems.add(name + ": no Catch of States.ALL ending in a Fail state");
        }
    }

    /**
     * A phase joined by runId retries TIME_BUDGET more than once (each retry resumes from the recorded chunk); DQ does
     * not retry it (its retry, without a runId, would open another run).
     */
    private static void checkTimeBudgetRetry(String phase, String name, Map<String, Object> state,
                                             List<String> problems) {
        int attempts = -1;
        for (Object r : SamTemplate.oneOrMany(state.get("Retry"))) {
            Map<String, Object> retrier = SamTemplate.map(r, name + ".Retry");
            if (SamTemplate.oneOrMany(retrier.get("ErrorEquals")).contains(TIME_BUDGET)) {
                attempts = retrier.get("MaxAttempts") == null ? 3 : Integer.parseInt(String.valueOf(retrier.get("MaxAttempts")));
            }
        }
        if ("DQ".equals(phase)) {
            if (attempts >= 0) {
                problems.add(name + ": retries " + TIME_BUDGET + ", but its retry would open another run");
            }
        } else if (attempts < 0) {
            problems.add(name + ": no Retry on " + TIME_BUDGET);
        } else if (attempts < 2) {
            problems.add(name + ": retries " + TIME_BUDGET + " " + attempts + " time(s): a long phase needs several");
        }
    }

    /** DQ → (a Choice on its status) → TRANSFORM → ENRICH → DEFAULTS → CONSISTENCY; the other statuses succeed. */
    private static void checkOrder(Map<String, Object> states, Map<String, String> phaseStates, List<String> problems) {
        String dq = phaseStates.get("DQ");
        Object afterDq = state(states, dq).get("Next");
        Map<String, Object> choice = states.containsKey(String.valueOf(afterDq))
                ? state(states, String.valueOf(afterDq)) : Map.of();
        if (!"Choice".equals(choice.get("Type"))) {
            problems.add(dq + ": is not followed by a Choice on the run's status");
        } else {
            expectChoice(choice, "OK", phaseStates.get("TRANSFORM"), states, phaseStates, problems);
            for (String status : List.of("NOTHING_TO_DO", "DIMENSIONS_SYNCED", "SKIPPED_LOCKED")) {
                expectChoice(choice, status, null, states, phaseStates, problems);
            }
        }
        for (int i = 1; i + 1 < PHASES.size(); i++) {
            String from = phaseStates.get(PHASES.get(i));
            String to = phaseStates.get(PHASES.get(i + 1));
            if (!to.equals(state(states, from).get("Next"))) {
                problems.add(from + ": Next is " + state(states, from).get("Next") + ", not " + to);
            }
        }
    }

    /** The Choice branch taken for this status leads to {@code target}, or (null) to a Succeed state without phases. */
    private static void expectChoice(Map<String, Object> choice, String status, String target,
                                     Map<String, Object> states, Map<String, String> phaseStates,
                                     List<String> problems) {
        String next = null;
        for (Object c : SamTemplate.oneOrMany(choice.get("Choices"))) {
            if (matchesStatus(SamTemplate.map(c, "Choices[]"), status)) {
                next = String.valueOf(SamTemplate.map(c, "Choices[]").get("Next"));
                break;
            }
        }
        if (next == null) {
            problems.add("the Choice after DQ has no branch for status " + status);
        } else if (target != null && !target.equals(next)) {
            problems.add("status " + status + " leads to " + next + ", not " + target);
        } else if (target == null && !reachesSucceedWithoutPhases(next, states, Set.copyOf(phaseStates.values()))) {
            problems.add("status " + status + " does not end in a Succeed state without the other phases");
        }
    }

    private static boolean matchesStatus(Map<String, Object> rule, String status) {
        if (status.equals(rule.get("StringEquals"))) {
            return true;
        }
        for (String combinator : List.of("Or", "And")) {
            for (Object inner : SamTemplate.oneOrMany(rule.get(combinator))) {
                if (matchesStatus(SamTemplate.map(inner, combinator), status)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean reachesSucceedWithoutPhases(String start, Map<String, Object> states, Set<String> phases) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name) || phases.contains(name) || !states.containsKey(name)) {
                continue;
            }
            if ("Succeed".equals(state(states, name).get("Type"))) {
                return true;
            }
            todo.addAll(AslStructureChecks.successors(state(states, name)));
        }
        return false;
    }

    /** DQ keeps the runId it answered somewhere; every later phase sends exactly that as "runId". */
    private static void checkRunId(Map<String, Object> states, Map<String, String> phaseStates, List<String> problems) {
        Map<String, Object> dq = state(states, phaseStates.get("DQ"));
        String resultPath = String.valueOf(dq.getOrDefault("ResultPath", "$"));
        Map<String, Object> selector = SamTemplate.map(dq.getOrDefault("ResultSelector", Map.of()), "ResultSelector");
        String runIdPath = null;
        for (Map.Entry<String, Object> e : selector.entrySet()) {
            if ("$.Payload.runId".equals(e.getValue()) && e.getKey().endsWith(".$")) {
                String key = e.getKey().substring(0, e.getKey().length() - 2);
                runIdPath = ("$".equals(resultPath) ? "$" : resultPath) + "." + key;
            }
        }
        if (runIdPath == null) {
            problems.add(phaseStates.get("DQ") + ": keeps no runId from its response ($.Payload.runId)");
            return;
        }
        for (String phase : PHASES.subList(1, PHASES.size())) {
            String name = phaseStates.get(phase);
            Object payload = parameters(state(states, name)).get("Payload");
            Object sent = payload instanceof Map<?, ?> m ? m.get("runId.$") : null;
            if (!runIdPath.equals(sent)) {
                problems.add(name + ": sends runId " + sent + ", not the run opened by DQ (" + runIdPath + ")");
            }
        }
        states.forEach((name, s) -> {
            String path = String.valueOf(SamTemplate.map(s, name).get("ResultPath"));
            boolean overwrites = "$".equals(path) || path.equals(resultPath) || path.startsWith(resultPath + ".");
            // GLOBAL opens the run on the well-groups path (DQ runs inside the Map there), so it keeps it at the same path
            boolean globalOpener = parameters(SamTemplate.map(s, name)).get("Payload") instanceof Map<?, ?> m
                    && "GLOBAL".equals(m.get("phase"));
            if (!name.equals(phaseStates.get("DQ")) && !globalOpener && SamTemplate.map(s, name).containsKey("ResultPath")
                    && overwrites) {
                problems.add(name + ": its ResultPath " + path + " overwrites the run kept by DQ");
            }
        });
    }





    private static Optional<String> substitutionFor(Map<String, Object> properties, String functionId) {
        Map<String, Object> substitutions = SamTemplate.map(properties.getOrDefault("DefinitionSubstitutions",
                Map.of()), "DefinitionSubstitutions");
        return substitutions.entrySet().stream()
                .filter(e -> e.getValue() instanceof Map<?, ?> m && (functionId + ".Alias").equals(m.get("Ref")))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Map<String, Object> state(Map<String, Object> states, String name) {
        return SamTemplate.map(states.get(name), "state " + name);
    }

    private static Map<String, Object> parameters(Map<String, Object> state) {
        return SamTemplate.map(state.getOrDefault("Parameters", Map.of()), "Parameters");
    }
}

package com.bp010.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to a SAM template as CloudFormation sees it before the transform: resources, Globals, properties. */
final class SamTemplate {
    static final String FUNCTION = "AWS::Serverless::Function";
    static final String STATE_MACHINE = "AWS::Serverless::StateMachine";

    private final Path file;
    private final Map<String, Object> root;

    private SamTemplate(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    static SamTemplate load(Path file) throws IOException {
        return new SamTemplate(file, CloudFormationYaml.load(file));
    }

    Path file() {
        return file;
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"), "Resources");
    }

    /** Logical id → resource, for every resource of this type, in template order. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            Map<String, Object> resource = map(r, id);
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = map(resources().get(logicalId), logicalId);
        return map(resource.getOrDefault("Properties", Map.of()), logicalId + ".Properties");
    }

    Map<String, Object> outputs() {
        return map(root.getOrDefault("Outputs", Map.of()), "Outputs");
    }

    Map<String, Object> parameters() {
        return map(root.getOrDefault("Parameters", Map.of()), "Parameters");
    }

    /** A function property, or the Globals one when the function does not set it. */
    Optional<Object> functionProperty(String logicalId, String name) {
        Object own = properties(logicalId).get(name);
        return Optional.ofNullable(own != null ? own : globalFunctionProperties().get(name));
    }

    /** The environment a function gets: Globals variables, then its own (SAM merges the two maps). */
    Map<String, Object> environment(String logicalId) {
        Map<String, Object> variables = new LinkedHashMap<>(variables(globalFunctionProperties(), "Globals"));
        variables.putAll(variables(properties(logicalId), logicalId));
        return variables;
    }

    private Map<String, Object> globalFunctionProperties() {
        Map<String, Object> globals = map(root.getOrDefault("Globals", Map.of()), "Globals");
        return map(globals.getOrDefault("Function", Map.of()), "Globals.Function");
    }

    private static Map<String, Object> variables(Map<String, Object> properties, String where) {
        Map<String, Object> environment = map(properties.getOrDefault("Environment", Map.of()), where + ".Environment");
        return map(environment.getOrDefault("Variables", Map.of()), where + ".Environment.Variables");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + " should be a mapping, got " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(where + " should be a list, got " + value);
    }

    /** A value CloudFormation accepts as "a string or a list of strings" (Action, Resource, ErrorEquals). */
    static List<Object> oneOrMany(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }
}

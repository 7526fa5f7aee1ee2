package com.bp010.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that each {@code AWS::Serverless::Function} of a template deploys what the code expects: its {@code Handler}
 * class exists (on this test's classpath, which holds the four Lambda modules) and is a stream handler, its
 * {@code CodeUri} is the shaded JAR of the module holding that class, and its environment sets every variable the
 * module's and shared-db's code reads, and nothing their code never names. Each finding is one readable line.
 */
final class FunctionChecks {
    /** Set by the template for the JVM, not read by our code. */
    static final Set<String> TEMPLATE_ONLY = Set.of("JAVA_TOOL_OPTIONS");
    static final String SHARED_MODULE = "shared-db";
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    private final Path repo;

    FunctionChecks(Path repo) {
        this.repo = repo;
    }

    List<String> checkAll(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        template.resourcesOfType(SamTemplate.FUNCTION).keySet().forEach(id -> problems.addAll(check(template, id)));
        return problems;
    }

    List<String> check(SamTemplate template, String id) {
        List<String> problems = new ArrayList<>();
        String handler = template.functionProperty(id, "Handler").map(Object::toString).orElse("");
        String codeUri = template.functionProperty(id, "CodeUri").map(Object::toString).orElse("");
        String[] parts = handler.split("::");
        if (parts.length != 2 || !parts[1].equals("handleRequest")) {
            problems.add(id + ": Handler '" + handler + "' is not <class>::handleRequest");
            return problems;
        }
        String className = parts[0];
        checkClass(id, className, problems);
        Optional<String> module = moduleHolding(className);
        if (module.isEmpty()) {
            problems.add(id + ": no module's src/main/java holds the source of Handler class " + className);
        } else {
            String expected = module.get() + "/target/" + module.get() + ".jar";
            if (!expected.equals(codeUri)) {
                problems.add(id + ": CodeUri is '" + codeUri + "' but " + className + " is built into " + expected);
            }
            if (!module.get().equals(artifactId(module.get()))) {
                problems.add(id + ": module folder " + module.get() + " has artifactId " + artifactId(module.get())
                        + ", so its shaded JAR is not " + expected);
            }
        }
        Optional<String> envModule = module.or(() -> moduleOfCodeUri(codeUri));
        envModule.ifPresent(m -> checkEnvironment(template, id, m, problems));
        return problems;
    }

    private static void checkClass(String id, String className, List<String> problems) {
        try {
            Class<?> type = Class.forName(className, false, FunctionChecks.class.getClassLoader());
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                problems.add(id + ": Handler class " + className + " is not a RequestStreamHandler");
            }
            try {
                type.getConstructor();
            } catch (NoSuchMethodException e) {
                problems.add(id + ": Handler class " + className + " has no public no-argument constructor");
            }
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(id + ": Handler class " + className + " is not on the classpath (not written yet, renamed,"
                    + " or its module is not a dependency of local-runner)");
        }
    }

    private void checkEnvironment(SamTemplate template, String id, String module, List<String> problems) {
        List<Path> sources = List.of(repo.resolve(module), repo.resolve(SHARED_MODULE));
        Set<String> read = EnvironmentReads.readBy(sources);
        Set<String> mentioned = EnvironmentReads.mentionedBy(sources);
        Set<String> set = new TreeSet<>(template.environment(id).keySet());
        for (String name : EnvironmentReads.requiredInTemplate(read)) {
            if (!set.contains(name)) {
                problems.add(id + ": sets no " + name + ", which the code of " + module + " or " + SHARED_MODULE
                        + " reads");
            }
        }
        for (String name : set) {
            if (EnvironmentReads.PROVIDED_BY_LAMBDA.contains(name)) {
                problems.add(id + ": sets " + name + ", which Lambda sets itself");
            } else if (!mentioned.contains(name) && !TEMPLATE_ONLY.contains(name)) {
                problems.add(id + ": sets " + name + ", which no code of " + module + " or " + SHARED_MODULE
                        + " names");
            }
        }
    }

    private Optional<String> moduleHolding(String className) {
        Path source = Path.of("src/main/java", className.replace('.', '/') + ".java");
        return modules().stream().filter(m -> Files.isRegularFile(repo.resolve(m).resolve(source))).findFirst();
    }

    private Optional<String> moduleOfCodeUri(String codeUri) {
        String first = codeUri.contains("/") ? codeUri.substring(0, codeUri.indexOf('/')) : codeUri;
        return modules().contains(first) ? Optional.of(first) : Optional.empty();
    }

    private List<String> modules() {
        try (Stream<Path> children = Files.list(repo)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String artifactId(String module) {
        try {
            Matcher m = ARTIFACT_ID.matcher(Files.readString(repo.resolve(module).resolve("pom.xml")));
            return m.find() ? m.group(1).trim() : "(none)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.bp010.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a module's main code reads, found in its sources. A read is a name given as a string
 * literal or a {@code static final String} constant of the module
 * <ul>
 *   <li>as the first argument of {@code get}/{@code require}/{@code getInt}/{@code getLong}/{@code getBoolean}/
 *       {@code getOrDefault}/{@code getenv} on any receiver ({@code env}, {@code overrides}, {@code System}...);</li>
 *   <li>right after an {@code Env} argument of a helper, e.g. {@code positive(env, "API_PAGE_LIMIT", 5000)};</li>
 *   <li>or in a {@code ${env:NAME}} lookup of a resource (log4j2.xml).</li>
 * </ul>
 * A name counts when it looks like an environment variable: upper case with at least one underscore. Commented-out
 * code does not count. {@link #mentionedBy} is looser: every such name written as a string literal anywhere.
 */
final class EnvironmentReads {
    /** Set by Lambda itself in every function (never in a template). */
    static final Set<String> PROVIDED_BY_LAMBDA = Set.of("AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_LOG_FORMAT", "AWS_LAMBDA_LOG_LEVEL",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_RUNTIME_API", "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_XRAY_CONTEXT_MISSING", "AWS_XRAY_DAEMON_ADDRESS",
            "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID");
    /** Documented as local-only (README: BP010_JDBC_URL instead of the secret; endpoint overrides for local servers). */
    static final Set<String> LOCAL_ONLY = Set.of("BP010_JDBC_URL", "BP010_DB_USER", "BP010_DB_PASSWORD",
            "AWS_ENDPOINT_URL");
    static final String LOCAL_ONLY_PREFIX = "AWS_ENDPOINT_URL_";

    private static final String NAME = "[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+";
    private static final String READ = "\\b(?:get|require|getInt|getLong|getBoolean|getDuration|getOrDefault|getenv)"
            + "\\s*\\(\\s*";
    private static final String HELPER = "\\b[A-Za-z_]*[eE]nv[A-Za-z0-9_]*\\s*,\\s*";
    private static final Pattern LITERAL_READ = Pattern.compile("(?:" + READ + "|" + HELPER + ")\"(" + NAME + ")\"");
    private static final Pattern CONSTANT_READ = Pattern.compile("(?:" + READ + "|" + HELPER + ")([A-Z][A-Z0-9_]*)"
            + "\\s*[,)]");
    private static final Pattern LITERAL = Pattern.compile("\"(" + NAME + ")\"");
    private static final Pattern CONSTANT = Pattern.compile(
            "\\bstatic\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"(" + NAME + ")\"\\s*;");
    private static final List<String> RESOURCE_KINDS = List.of(".xml", ".properties", ".json", ".yaml", ".yml");
    private static final Pattern RESOURCE_READ = Pattern.compile("\\$\\{env:(" + NAME + ")");

    private EnvironmentReads() {
    }

    /** Every variable the main code of these module folders reads. */
    static Set<String> readBy(List<Path> moduleDirs) {
        Map<String, String> constants = new HashMap<>();
        StringBuilder java = new StringBuilder();
        Set<String> names = new TreeSet<>();
        for (Path module : moduleDirs) {
            for (Path source : files(module.resolve("src/main/java"), ".java")) {
                String text = read(source);
                java.append(text).append('\n');
                collect(CONSTANT, text, m -> constants.put(m.group(1), m.group(2)));
            }
            for (String kind : RESOURCE_KINDS) {
                for (Path resource : files(module.resolve("src/main/resources"), kind)) {
                    collect(RESOURCE_READ, read(resource), m -> names.add(m.group(1)));
                }
            }
        }
        String code = withoutComments(java.toString());
        collect(LITERAL_READ, code, m -> names.add(m.group(1)));
        collect(CONSTANT_READ, code, m -> {
            String value = constants.get(m.group(1));
            if (value != null) {
                names.add(value);
            }
        });
        return names;
    }

    /** Every environment-variable-like name written as a string literal (or read in a resource) in these modules. */
    static Set<String> mentionedBy(List<Path> moduleDirs) {
        Set<String> names = new TreeSet<>(readBy(moduleDirs));
        for (Path module : moduleDirs) {
            for (Path source : files(module.resolve("src/main/java"), ".java")) {
                collect(LITERAL, withoutComments(read(source)), m -> names.add(m.group(1)));
            }
        }
        return names;
    }

    /** What a template must set: what the code reads, less what Lambda provides and what is local-only. */
    static Set<String> requiredInTemplate(Set<String> read) {
        Set<String> required = new TreeSet<>(read);
        required.removeAll(PROVIDED_BY_LAMBDA);
        required.removeAll(LOCAL_ONLY);
        required.removeIf(n -> n.startsWith(LOCAL_ONLY_PREFIX));
        return required;
    }

    /** Drops line comments and block comments that open a line (Javadoc), so commented-out reads do not count. */
    private static String withoutComments(String java) {
        return java.replaceAll("(?ms)^\\s*/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }

    private static void collect(Pattern pattern, String text, java.util.function.Consumer<Matcher> sink) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            sink.accept(m);
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}

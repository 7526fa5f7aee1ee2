package com.bp010.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform engineer checks before the template runs in production (issue 19), read from the template as written:
 * <ul>
 *   <li>every function is published with SnapStart behind the alias {@code live}, within SnapStart's 512 MB of
 *   ephemeral storage, traced by X-Ray;</li>
 *   <li>nothing targets a function's unqualified ARN: every invoke grant, schedule target and state machine
 *   substitution names {@code !Ref <Function>.Alias};</li>
 *   <li>the state machine logs its executions (data included) to a log group at a level a parameter sets, ERROR by
 *   default, and is traced; an alarm watches its failed and timed-out executions;</li>
 *   <li>every bucket's policy denies every {@code s3:*} request without TLS, on the bucket and its objects;</li>
 *   <li>every log group, queue and bucket says what happens to it when the stack is deleted or it is replaced.</li>
 * </ul>
 */
final class ProductionChecks {
    static final String ALIAS = "live";
    static final int SNAPSTART_MAX_EPHEMERAL_MB = 512;
    private static final Set<String> STATEFUL = Set.of("AWS::Logs::LogGroup", "AWS::SQS::Queue", "AWS::S3::Bucket");
    private static final Pattern SUB_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}");

    private final SamTemplate template;

    ProductionChecks(SamTemplate template) {
        this.template = template;
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        template.resourcesOfType(SamTemplate.FUNCTION).keySet().forEach(f -> problems.addAll(snapStart(f)));
        problems.addAll(aliasesOnly());
        problems.addAll(stateMachineLoggingAndTracing("PipelineStateMachine"));
        problems.addAll(tlsOnlyBuckets());
        problems.addAll(retentionPolicies());
        return problems;
    }

    /** SnapStart on published versions, the alias {@code live}, ephemeral storage within SnapStart's bound, X-Ray. */
    List<String> snapStart(String function) {
        List<String> problems = new ArrayList<>();
        if (!ALIAS.equals(template.functionProperty(function, "AutoPublishAlias").orElse(null))) {
            problems.add(function + ": AutoPublishAlias is " + template.functionProperty(function, "AutoPublishAlias")
                    .orElse("not set") + ", not " + ALIAS);
        }
        Object snapStart = template.functionProperty(function, "SnapStart").orElse(Map.of());
        if (!(snapStart instanceof Map<?, ?> s) || !"PublishedVersions".equals(s.get("ApplyOn"))) {
            problems.add(function + ": SnapStart is " + snapStart + ", not ApplyOn PublishedVersions");
        }
        Object storage = template.functionProperty(function, "EphemeralStorage").orElse(null);
        if (storage instanceof Map<?, ?> m && !(m.get("Size") instanceof Integer size
                && size <= SNAPSTART_MAX_EPHEMERAL_MB)) {
            problems.add(function + ": ephemeral storage " + m.get("Size") + " MB; SnapStart allows at most "
                    + SNAPSTART_MAX_EPHEMERAL_MB);
        }
        if (!"Active".equals(template.functionProperty(function, "Tracing").orElse(null))) {
            problems.add(function + ": Tracing is not Active (X-Ray)");
        }
        return problems;
    }

    /**
     * Every invoke grant names only alias ARNs, every schedule target and state machine substitution that names a
     * function names its alias, and no function's unqualified ARN ({@code !GetAtt F.Arn}, {@code ${F.Arn}}) appears.
     */
    List<String> aliasesOnly() {
        Set<String> functions = template.resourcesOfType(SamTemplate.FUNCTION).keySet();
        List<String> problems = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            unqualifiedArns(id, r, functions, problems);
            Map<String, Object> properties = template.properties(id);
            Object type = SamTemplate.map(r, id).get("Type");
            if ("AWS::Scheduler::Schedule".equals(type)) {
                Object arn = SamTemplate.map(properties.get("Target"), id + ".Target").get("Arn");
                if (!isAliasOfAny(arn, functions)) {
                    problems.add(id + ": targets " + arn + ", not a function's alias");
                }
            }
            if (SamTemplate.STATE_MACHINE.equals(type)) {
                Map<String, Object> substitutions = SamTemplate.map(properties.getOrDefault("DefinitionSubstitutions",
                        Map.of()), id + ".DefinitionSubstitutions");
                substitutions.forEach((key, value) -> {
                    // a template parameter (a number of well groups) is not a target; any resource must be an alias
                    boolean parameter = value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String ref
                            && !ref.contains(".") && !template.resources().containsKey(ref);
                    if (!parameter && !isAliasOfAny(value, functions)) {
                        problems.add(id + ": substitution " + key + " is " + value + ", not a function's alias");
                    }
                });
            }
            invokeGrants(id, r, functions, problems);
        });
        return problems;
    }

    /** Logging to a log group of this template, level from a parameter defaulting to ERROR and allowing ALL; tracing. */
    List<String> stateMachineLoggingAndTracing(String stateMachine) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = template.properties(stateMachine);
        if (!(properties.get("Logging") instanceof Map<?, ?> logging)) {
            return List.of(stateMachine + ": no Logging");
        }
        if (!Boolean.TRUE.equals(logging.get("IncludeExecutionData"))) {
            problems.add(stateMachine + ": Logging does not include execution data");
        }
        if (logging.get("Level") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String parameter
                && template.parameters().get(parameter) instanceof Map<?, ?> p) {
            if (!"ERROR".equals(p.get("Default"))) {
                problems.add(stateMachine + ": log level parameter " + parameter + " defaults to " + p.get("Default")
                        + ", not ERROR");
            }
            if (!(p.get("AllowedValues") instanceof List<?> allowed) || !allowed.contains("ALL")) {
                problems.add(stateMachine + ": log level parameter " + parameter + " does not allow ALL");
            }
        } else {
            problems.add(stateMachine + ": Logging.Level is " + logging.get("Level") + ", not a parameter");
        }
        String destinations = String.valueOf(logging.get("Destinations"));
        boolean toOwnGroup = template.resourcesOfType("AWS::Logs::LogGroup").keySet().stream()
                .anyMatch(group -> destinations.contains("Fn::GetAtt=[" + group + ", Arn]"));
        if (!toOwnGroup) {
            problems.add(stateMachine + ": Logging destinations " + destinations + " name no log group of the template");
        }
        if (!(properties.get("Tracing") instanceof Map<?, ?> tracing) || !Boolean.TRUE.equals(tracing.get("Enabled"))) {
            problems.add(stateMachine + ": Tracing is not enabled");
        }
        String alarms = String.valueOf(template.resourcesOfType("AWS::CloudWatch::Alarm").keySet().stream()
                .map(template::properties).toList());
        for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut")) {
            if (!alarms.contains("MetricName=" + metric + ", Dimensions=[{Name=StateMachineArn, Value={Ref="
                    + stateMachine + "}}]")) {
                problems.add(stateMachine + ": no alarm on " + metric);
            }
        }
        return problems;
    }

    /** Every bucket has a policy denying {@code s3:*} to everyone without TLS, on the bucket ARN and its objects. */
    List<String> tlsOnlyBuckets() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> policies = template.resourcesOfType("AWS::S3::BucketPolicy");
        for (String bucket : template.resourcesOfType("AWS::S3::Bucket").keySet()) {
            boolean covered = policies.keySet().stream()
                    .filter(p -> Map.of("Ref", bucket).equals(template.properties(p).get("Bucket")))
                    .flatMap(p -> SamTemplate.oneOrMany(SamTemplate.map(template.properties(p).get("PolicyDocument"),
                            p).get("Statement")).stream())
                    .anyMatch(s -> deniesEverythingWithoutTls(SamTemplate.map(s, bucket), bucket));
            if (!covered) {
                problems.add(bucket + ": no bucket policy denies s3:* without TLS on the bucket and its objects");
            }
        }
        return problems;
    }

    /** Log groups, queues and buckets carry an explicit DeletionPolicy and UpdateReplacePolicy. */
    List<String> retentionPolicies() {
        List<String> problems = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            Map<String, Object> resource = SamTemplate.map(r, id);
            if (STATEFUL.contains(String.valueOf(resource.get("Type")))) {
                for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
                    if (!resource.containsKey(policy)) {
                        problems.add(id + ": no " + policy);
                    }
                }
            }
        });
        return problems;
    }

    private static boolean deniesEverythingWithoutTls(Map<String, Object> statement, String bucket) {
        String condition = String.valueOf(statement.get("Condition"));
        List<String> resources = SamTemplate.oneOrMany(statement.get("Resource")).stream().map(String::valueOf).toList();
        return "Deny".equals(statement.get("Effect"))
                && "*".equals(String.valueOf(statement.get("Principal")))
                && SamTemplate.oneOrMany(statement.get("Action")).equals(List.of("s3:*"))
                && condition.equals("{Bool={aws:SecureTransport=false}}")
                && resources.contains("{Fn::GetAtt=[" + bucket + ", Arn]}")
                && resources.contains("{Fn::Sub=${" + bucket + ".Arn}/*}");
    }

    private static boolean isAliasOfAny(Object value, Set<String> functions) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String ref
                && ref.endsWith(".Alias") && functions.contains(ref.substring(0, ref.length() - ".Alias".length()));
    }

    /** Every statement that grants lambda:InvokeFunction names alias ARNs only. */
    private static void invokeGrants(String id, Object node, Set<String> functions, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            boolean invoke = SamTemplate.oneOrMany(m.get("Action")).stream()
                    .anyMatch(a -> String.valueOf(a).toLowerCase(Locale.ROOT).equals("lambda:invokefunction"));
            if (invoke && "Allow".equals(m.get("Effect"))) {
                for (Object resource : SamTemplate.oneOrMany(m.get("Resource"))) {
                    if (!isAliasOfAny(resource, functions)) {
                        problems.add(id + ": grants lambda:InvokeFunction on " + resource + ", not a function's alias");
                    }
                }
            }
            m.values().forEach(v -> invokeGrants(id, v, functions, problems));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> invokeGrants(id, v, functions, problems));
        }
    }

    private static void unqualifiedArns(String id, Object node, Set<String> functions, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2 && functions.contains(att.get(0))
                    && "Arn".equals(att.get(1))) {
                problems.add(id + ": uses the unqualified ARN of " + att.get(0) + " (its $LATEST), not its alias");
            }
            m.values().forEach(v -> unqualifiedArns(id, v, functions, problems));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> unqualifiedArns(id, v, functions, problems));
        } else if (node instanceof String s) {
            Matcher matcher = SUB_ARN.matcher(s);
            while (matcher.find()) {
                if (functions.contains(matcher.group(1))) {
                    problems.add(id + ": uses the unqualified ARN of " + matcher.group(1) + " (its $LATEST), not its"
                            + " alias");
                }
            }
        }
    }
}

package com.bp010.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Least privilege, as the template states it: every policy of a function, state machine or IAM role is an inline
 * statement list (no managed policy or SAM policy template whose scope this check cannot see); no action is a service
 * wildcard ({@code s3:*}, {@code secretsmanager:*}) or {@code *}; and every statement granting a Secrets Manager or
 * S3 action names concrete resources: never {@code *}, never all secrets ({@code :secret:*}) nor all buckets
 * ({@code arn:aws:s3:::*}). Both branches of an {@code Fn::If} are checked.
 */
final class PolicyChecks {
    private static final List<String> DATA_SERVICES = List.of("secretsmanager:", "s3:");

    List<String> checkAll(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            Object type = SamTemplate.map(r, id).get("Type");
            Map<String, Object> properties = template.properties(id);
            if (SamTemplate.FUNCTION.equals(type) || SamTemplate.STATE_MACHINE.equals(type)) {
                for (Object policy : SamTemplate.oneOrMany(properties.get("Policies"))) {
                    samPolicy(id, policy, problems);
                }
            } else if ("AWS::IAM::Role".equals(type)) {
                for (Object policy : SamTemplate.oneOrMany(properties.get("Policies"))) {
                    Map<String, Object> named = SamTemplate.map(policy, id + ".Policies[]");
                    document(id, named.get("PolicyDocument"), problems);
                }
                if (properties.containsKey("ManagedPolicyArns")) {
                    problems.add(id + ": attaches managed policies; state its permissions inline");
                }
            } else if ("AWS::IAM::Policy".equals(type) || "AWS::IAM::ManagedPolicy".equals(type)) {
                document(id, properties.get("PolicyDocument"), problems);
            }
        });
        return problems;
    }

    private void samPolicy(String id, Object policy, List<String> problems) {
        if (policy instanceof Map<?, ?> m && m.containsKey("Fn::If")) {
            List<Object> branches = SamTemplate.list(m.get("Fn::If"), id + ".Policies[].Fn::If");
            branches.subList(1, branches.size()).forEach(b -> samPolicy(id, b, problems));
        } else if (policy instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Ref")) {
            if (!"AWS::NoValue".equals(m.get("Ref"))) {
                problems.add(id + ": policy " + policy + " is not an inline statement list");
            }
        } else if (policy instanceof Map<?, ?> m && m.containsKey("Statement")) {
            document(id, m, problems);
        } else {
            problems.add(id + ": policy " + policy + " is a managed policy or SAM policy template; state it inline");
        }
    }

    private void document(String id, Object document, List<String> problems) {
        Map<String, Object> doc = SamTemplate.map(document, id + " policy document");
        for (Object s : SamTemplate.oneOrMany(doc.get("Statement"))) {
            statement(id, SamTemplate.map(s, id + " statement"), problems);
        }
    }

    private void statement(String id, Map<String, Object> statement, List<String> problems) {
        String where = id + (statement.containsKey("Sid") ? " (" + statement.get("Sid") + ")" : "");
        if (!"Allow".equals(statement.get("Effect"))) {
            return;
        }
        if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
            problems.add(where + ": NotAction/NotResource in an Allow grants more than it names");
        }
        boolean dataAccess = false;
        for (Object a : SamTemplate.oneOrMany(statement.get("Action"))) {
            String action = String.valueOf(a).toLowerCase(Locale.ROOT);
            if (action.equals("*") || action.endsWith(":*")) {
                problems.add(where + ": grants the wildcard action " + a);
            }
            dataAccess |= DATA_SERVICES.stream().anyMatch(action::startsWith);
        }
        if (!dataAccess) {
            return;
        }
        List<Object> resources = SamTemplate.oneOrMany(statement.get("Resource"));
        if (resources.isEmpty()) {
            problems.add(where + ": grants " + statement.get("Action") + " without naming a resource");
        }
        for (Object resource : resources) {
            for (String arn : ResourceText.alternatives(resource)) {
                if (arn.equals("*") || arn.contains(":secret:*") || arn.matches(".*:s3:::\\*.*")) {
                    problems.add(where + ": grants " + statement.get("Action") + " on " + arn);
                }
            }
        }
    }

    /** A Resource value as text, with intrinsic functions written as CloudFormation would substitute them. */
    static final class ResourceText {
        private ResourceText() {
        }

        static List<String> alternatives(Object value) {
            if (value instanceof String s) {
                return List.of(s);
            }
            Map<String, Object> m = SamTemplate.map(value, "Resource");
            if (m.containsKey("Fn::Sub")) {
                Object sub = m.get("Fn::Sub");
                return List.of(sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub));
            }
            if (m.containsKey("Ref")) {
                return List.of("${" + m.get("Ref") + "}");
            }
            if (m.containsKey("Fn::GetAtt")) {
                return List.of("${" + String.join(".", SamTemplate.list(m.get("Fn::GetAtt"), "Fn::GetAtt")
                        .stream().map(String::valueOf).toList()) + "}");
            }
            if (m.containsKey("Fn::If")) {
                List<Object> branches = SamTemplate.list(m.get("Fn::If"), "Fn::If");
                List<String> all = new ArrayList<>();
                branches.subList(1, branches.size()).forEach(b -> all.addAll(alternatives(b)));
                return all;
            }
            return List.of(String.valueOf(value));
        }
    }
}

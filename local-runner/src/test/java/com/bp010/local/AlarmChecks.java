package com.bp010.local;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Json;
import com.bp010.db.PublishedMetric;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The alarms of template.yaml against the metrics the code publishes. CloudWatch matches an alarm to a metric by
 * namespace, name and the exact set of dimensions with their values: an alarm on {@code BP010/DqScore} without a
 * dimension never sees the {@code Function}-dimensioned metric the functions write, and stays OK forever. So:
 * <ul>
 *   <li>every metric an alarm watches in namespace {@code BP010} (a plain alarm, or a {@code MetricStat} of a metric
 *   math alarm) is one an EMF document of {@link EmbeddedMetrics} declares, dimensions and values equal;</li>
 *   <li>every {@link PublishedMetric} that needs attention ({@code unwatched()} null) is watched by an alarm;</li>
 *   <li>an {@code AWS/*} metric's dimension names a resource of the template of the right kind (a function, the state
 *   machine, the queue), and every function's name is what the metrics' {@code Function} dimension says;</li>
 *   <li>every alarm says what missing data means ({@code TreatMissingData}) and notifies the alarm topic.</li>
 * </ul>
 */
final class AlarmChecks {
    static final String ALARM = "AWS::CloudWatch::Alarm";

    /** A metric as CloudWatch identifies it. */
    record MetricId(String namespace, String name, Map<String, String> dimensions) {
        @Override
        public String toString() {
            return namespace + "/" + name + " " + dimensions;
        }
    }

    private final SamTemplate template;

    AlarmChecks(SamTemplate template) {
        this.template = template;
    }

    /** Each published metric, as its EMF document declares it (one id per dimension set). */
    static Map<MetricId, PublishedMetric> published() {
        Map<MetricId, PublishedMetric> ids = new LinkedHashMap<>();
        for (PublishedMetric metric : PublishedMetric.values()) {
            JsonNode doc;
            try {
                doc = Json.mapper().readTree(EmbeddedMetrics.document(Map.of(metric, 1), Map.of(), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode directive : doc.path("_aws").path("CloudWatchMetrics")) {
                for (JsonNode set : directive.path("Dimensions")) {
                    Map<String, String> dimensions = new TreeMap<>();
                    set.forEach(d -> dimensions.put(d.asText(), doc.path(d.asText()).asText()));
                    for (JsonNode m : directive.path("Metrics")) {
                        ids.put(new MetricId(directive.path("Namespace").asText(), m.path("Name").asText(),
                                dimensions), metric);
                    }
                }
            }
        }
        return ids;
    }

    /** Alarm logical id → the metrics it reads (one for a plain alarm, each MetricStat of a metric math one). */
    Map<String, List<MetricId>> watched() {
        Map<String, List<MetricId>> watched = new LinkedHashMap<>();
        template.resourcesOfType(ALARM).keySet().forEach(id -> {
            Map<String, Object> p = template.properties(id);
            List<MetricId> metrics = new ArrayList<>();
            if (p.containsKey("MetricName")) {
                metrics.add(metricId(p));
            }
            for (Object query : SamTemplate.oneOrMany(p.get("Metrics"))) {
                Object stat = SamTemplate.map(query, id + ".Metrics").get("MetricStat");
                if (stat != null) {
                    metrics.add(metricId(SamTemplate.map(SamTemplate.map(stat, id + ".MetricStat").get("Metric"),
                            id + ".MetricStat.Metric")));
                }
            }
            watched.put(id, metrics);
        });
        return watched;
    }

    private MetricId metricId(Map<String, Object> metric) {
        Map<String, String> dimensions = new TreeMap<>();
        for (Object d : SamTemplate.oneOrMany(metric.get("Dimensions"))) {
            Map<String, Object> dimension = SamTemplate.map(d, "Dimensions");
            dimensions.put(String.valueOf(dimension.get("Name")), value(dimension.get("Value")));
        }
        return new MetricId(String.valueOf(metric.get("Namespace")), String.valueOf(metric.get("MetricName")),
                dimensions);
    }

    /** A dimension value: text as is; {@code !Ref} of a function its FunctionName; any other intrinsic as written. */
    private String value(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String ref
                && template.resources().containsKey(ref)
                && SamTemplate.FUNCTION.equals(SamTemplate.map(template.resources().get(ref), ref).get("Type"))) {
            Object name = template.properties(ref).get("FunctionName");
            return name instanceof String s ? s : "Ref " + ref;
        }
        return value instanceof String s ? s : String.valueOf(value);
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        Map<MetricId, PublishedMetric> published = published();
        Map<String, List<MetricId>> watched = watched();
        Set<MetricId> alarmed = new LinkedHashSet<>();
        watched.values().forEach(alarmed::addAll);
        Set<String> functionNames = new LinkedHashSet<>();
        template.resourcesOfType(SamTemplate.FUNCTION).keySet()
                .forEach(f -> functionNames.add(String.valueOf(template.properties(f).get("FunctionName"))));

        watched.forEach((alarm, metrics) -> {
            Map<String, Object> p = template.properties(alarm);
            if (metrics.isEmpty()) {
                problems.add(alarm + ": watches no metric");
            }
            for (MetricId metric : metrics) {
                if (metric.namespace().equals(EmbeddedMetrics.NAMESPACE)) {
                    if (!published.containsKey(metric)) {
                        problems.add(alarm + ": watches " + metric + ", which no function publishes"
                                + closest(metric, published.keySet()));
                    }
                } else {
                    problems.addAll(awsMetric(alarm, metric));
                }
            }
            if (!p.containsKey("TreatMissingData")) {
                problems.add(alarm + ": does not say what missing data means (TreatMissingData)");
            }
            if (!String.valueOf(p.get("AlarmActions")).contains("Ref=AlarmTopic")) {
                problems.add(alarm + ": does not notify AlarmTopic");
            }
        });
        published.forEach((metric, what) -> {
            if (what.unwatched() == null && !alarmed.contains(metric)) {
                problems.add(what + ": " + metric + " needs attention, but no alarm watches it");
            }
            if (!functionNames.contains(what.function())) {
                problems.add(what + ": published for function " + what.function() + ", which the template does not"
                        + " deploy (its functions: " + functionNames + ")");
            }
        });
        return problems;
    }

    private List<String> awsMetric(String alarm, MetricId metric) {
        Map<String, String> kinds = Map.of("FunctionName", SamTemplate.FUNCTION,
                "StateMachineArn", SamTemplate.STATE_MACHINE, "QueueName", "AWS::SQS::Queue");
        List<String> problems = new ArrayList<>();
        if (!metric.namespace().startsWith("AWS/")) {
            return List.of(alarm + ": watches " + metric + ", a namespace nothing writes to");
        }
        if (metric.dimensions().isEmpty()) {
            problems.add(alarm + ": watches " + metric + " without a dimension: every resource of the account");
        }
        metric.dimensions().forEach((name, value) -> {
            String kind = kinds.get(name);
            boolean names = kind != null && template.resourcesOfType(kind).keySet().stream().anyMatch(r ->
                    value.equals(String.valueOf(template.properties(r).get("FunctionName")))
                            || value.equals("{Ref=" + r + "}") || value.equals("{Fn::GetAtt=[" + r + ", QueueName]}"));
            if (!names) {
                problems.add(alarm + ": dimension " + name + " = " + value + " names no " + kind + " of the template");
            }
        });
        return problems;
    }

    private static String closest(MetricId metric, Set<MetricId> published) {
        return published.stream().filter(p -> p.name().equalsIgnoreCase(metric.name()))
                .map(p -> " (published: " + p + ")").findFirst().orElse("");
    }
}

package com.bp010.db;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.Map;

/**
 * CloudWatch metrics in the embedded metric format: one JSON object on stdout per publication, in namespace
 * {@code BP010} with the dimension {@code Function}. Only inside Lambda (where stdout is the log stream); locally
 * stdout belongs to the response, so nothing is written.
 */
public final class EmbeddedMetrics {
    public static final String NAMESPACE = "BP010";

    private final PrintStream out;

    private EmbeddedMetrics(PrintStream out) {
        this.out = out;
    }

    public static EmbeddedMetrics fromEnv(Env env) {
        return new EmbeddedMetrics(env.get("AWS_LAMBDA_FUNCTION_NAME").isPresent() ? System.out : null);
    }

    public static EmbeddedMetrics to(PrintStream out) {
        return new EmbeddedMetrics(out);
    }

    public static EmbeddedMetrics disabled() {
        return new EmbeddedMetrics(null);
    }

    public void publish(Map<PublishedMetric, Number> values) {
        publish(values, Map.of());
    }

    /** With {@code properties} (e.g. {@code RunId}): searchable fields of the log line, not dimensions. */
    public void publish(Map<PublishedMetric, Number> values, Map<String, String> properties) {
        if (out == null || values.isEmpty()) {
            return;
        }
        out.println(document(values, properties, System.currentTimeMillis()));
    }

    /**
     * One EMF document: every metric of {@code values} in namespace {@link #NAMESPACE} with the one dimension set
     * {@code [Function]} (the alarms of template.yaml name exactly that dimension), all of one function.
     */
    public static String document(Map<PublishedMetric, Number> values, Map<String, String> properties,
                                  long timestampMillis) {
        if (values.keySet().stream().map(PublishedMetric::function).distinct().count() != 1) {
            throw new IllegalArgumentException("one document holds the metrics of one function: " + values.keySet());
        }
        String function = values.keySet().iterator().next().function();
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Function");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("Function", function);
        properties.forEach(root::put);
        values.forEach((metric, value) -> {
            ObjectNode m = metrics.addObject();
            m.put("Name", metric.metricName());
            m.put("Unit", metric.unit());
            root.putPOJO(metric.metricName(), value);
        });
        return root.toString();
    }
}

package com.bp010.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.AwsClients;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.Json;
import com.bp010.db.JsonRequestHandler;
import com.bp010.db.Lazy;
import com.bp010.db.LazyDatabase;
import com.bp010.db.LazyResource;
import com.bp010.db.PublishedMetric;
import com.bp010.db.SnapStartPriming;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lambda PIPELINE V4 (phases 3-7). Event and response: docs/CONTRACTS.md §4.4 (see README). Environment: the database variables of
 * shared-db (TARGET_SECRET_NAME = the bp010_etl secret), {@code LOOKBACK_DAYS}, {@code LEASE_TTL_SECONDS},
 * {@code BP010_TIMEZONE}; {@code REPORT_BUCKET}, {@code REPORT_PREFIX}, {@code REPORT_LANG} for the report each
 * completed run writes to S3 ({@link ReportPublisher}).
 */
public class PipelineV4Handler extends JsonRequestHandler {
    private final LazyDatabase database;
    private final PipelineSettings settings;
    private final EmbeddedMetrics metrics;
    private final Env env;
    private final Lazy<S3Client> s3;
    private final ReportPublisher reports;
    private final Clock clock;

    /** Lambda entry point: reads the environment once per container; SnapStart calls its hooks. */
    public PipelineV4Handler() {
        this(Env.system());
        registerSnapStartHooks();
    }

    public PipelineV4Handler(Env env) {
        this(env, PipelineSettings.fromEnv(env));
    }

    /** The pool holds at least one connection per bucket of the wells (PIPELINE_PARALLELISM). */
    private PipelineV4Handler(Env env, PipelineSettings settings) {
        this(LazyDatabase.fromEnv(env, settings.parallelism()), settings, EmbeddedMetrics.fromEnv(env), env);
    }

    PipelineV4Handler(LazyDatabase database, PipelineSettings settings, EmbeddedMetrics metrics) {
        this(database, settings, metrics, Env.of(Map.of()));
    }

    /** Reports written with {@code reportEnv}'s REPORT_* and S3 settings (tests: S3Mock). */
    PipelineV4Handler(LazyDatabase database, PipelineSettings settings, EmbeddedMetrics metrics, Env reportEnv) {
        this(database, settings, metrics, reportEnv, Clock.systemUTC());
    }

    /** With the clock that dates a run without {@code asOf} and ends a window without {@code fechaFin} (tests). */
    PipelineV4Handler(LazyDatabase database, PipelineSettings settings, EmbeddedMetrics metrics, Env reportEnv,
                      Clock clock) {
        this.clock = clock;
        this.database = database;
        this.settings = settings;
        this.metrics = metrics;
        this.env = reportEnv;
        this.s3 = Lazy.of(() -> AwsClients.s3(reportEnv));
        this.reports = new ReportPublisher(ReportPublisher.Settings.fromEnv(reportEnv), s3, settings.zone());
    }

    @Override
    protected String functionName() {
        return "bp010-pipeline-v4";
    }

    @Override
    protected List<LazyResource> lazyResources() {
        return List.of(database, s3);
    }

    /** The event (a Step Functions phase step) and response types, and this JAR's classes. */
    @Override
    protected void prime() {
        PipelineRequest.from(SnapStartPriming.json("{\"phase\": \"TRANSFORM\", \"runId\": "
                + "\"00000000-0000-0000-0000-000000000000\", \"asOf\": \"2024-01-01T00:00:00Z\"}", PipelineResult.class),
                settings.zone(), clock);
        SnapStartPriming.loadClasses(List.of("com/bp010/"), PipelineV4Handler.class);
        if (env.get("TARGET_SECRET_NAME").isPresent()) {
            SnapStartPriming.awsSdk(env, reports.enabled());
        }
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        PipelineRequest request = PipelineRequest.from(event, settings.zone(), clock);
        String holder = functionName() + "/" + (context == null ? "local" : context.getAwsRequestId());
        PipelineResult result;
        PipelineRunner runner;
        try {
            runner = new PipelineRunner(database.get(), settings, clock, TimeBudget.of(context, settings));
            result = runner.run(request, holder);
        } catch (com.bp010.db.Bp010Exception e) {
            publishFailure(request, e);
            throw e;
        }
        ObjectNode response = Json.mapper().valueToTree(result);
        ObjectNode report = null;
        if (reports.enabled() && completesARun(request, result)) {
            report = reports.publish(database.get(), result.asOf());
            response.set("report", report);
        }
        if (endsARun(request, result)) {
            publishMetrics(result, report, runner.attention());
        } else if (!runner.attention().isEmpty()) {
            // a step in the middle of a run (Step Functions) whose answer asks for a rerun: nobody reads it there
            metrics.publish(Map.of(PublishedMetric.PIPELINE_NEEDS_ATTENTION, runner.attention().size()),
                    attentionProperties(result, runner.attention()));
        }
        return response;
    }

    /**
     * Metrics are per run, not per invocation: under Step Functions each phase is one invocation of the same run, so
     * only the step that ends it publishes (the last phase, NOTHING_TO_DO, DIMENSIONS_SYNCED, SKIPPED_LOCKED; a failure
     * publishes from
     * {@link #publishFailure}).
     */
    static boolean endsARun(PipelineRequest request, PipelineResult result) {
        if (request.global()) {
            return !"OK".equals(result.status());   // OK: ENRICH, DEFAULTS and CONSISTENCY follow
        }
        return !"OK".equals(result.status()) || !request.singlePhase()
                || request.phases().contains(Phase.CONSISTENCY);
    }

    private void publishFailure(PipelineRequest request, com.bp010.db.Bp010Exception e) {
        Object runId = e.detail("runId") != null ? e.detail("runId") : request.runId();
        Map<String, String> properties = new LinkedHashMap<>();
        if (runId != null) {
            properties.put("RunId", runId.toString());
        }
        properties.put("Status", "FAILED");
        metrics.publish(Map.of(PublishedMetric.PIPELINE_RUNS, 1, PublishedMetric.PIPELINE_FAILED, 1), properties);
    }

    /**
     * A run that ended well: OK with its last phase done (a single-phase step ends the run at CONSISTENCY),
     * NOTHING_TO_DO (no new data, but staleness was re-judged, so the page changes), or DIMENSIONS_SYNCED (no new data,
     * an edit of the dimensions applied).
     */
    static boolean completesARun(PipelineRequest request, PipelineResult result) {
        if (result.wellGroup() != null) {
            return false;   // a well group's run: the report follows the global run
        }
        if (request.global()) {
            return noNewReadings(result);
        }
        return noNewReadings(result) || "OK".equals(result.status())
                && (!request.singlePhase() || request.phases().contains(Phase.CONSISTENCY));
    }

    /** NOTHING_TO_DO or DIMENSIONS_SYNCED: the run found no new readings (the no-new-data alarm counts it idle). */
    private static boolean noNewReadings(PipelineResult result) {
        return "NOTHING_TO_DO".equals(result.status()) || PipelineRunner.DIMENSIONS_SYNCED.equals(result.status());
    }

    private void publishMetrics(PipelineResult result, ObjectNode report, Set<Attention> attention) {
        Map<PublishedMetric, Number> values = new EnumMap<>(PublishedMetric.class);
        values.put(PublishedMetric.PIPELINE_RUNS, 1);
        values.put(PublishedMetric.PIPELINE_FAILED, 0);
        // an OK run that only aggregated again the periods that ended (the first run after midnight in an outage)
        // found no new readings either
        boolean idle = noNewReadings(result) || "OK".equals(result.status()) && result.runId() != null
                && database.get().withConnection("metrics", c -> RunScope.onlyEndedPeriods(c, result.runId()));
        values.put(PublishedMetric.PIPELINE_NOTHING_TO_DO, idle ? 1 : 0);
        values.put(PublishedMetric.PIPELINE_SKIPPED_LOCKED, "SKIPPED_LOCKED".equals(result.status()) ? 1 : 0);
        values.put(PublishedMetric.PIPELINE_NEEDS_ATTENTION, attention.size());
        values.put(PublishedMetric.PIPELINE_DURATION_MS, result.durationMs());
        if (result.dq() != null && result.dq().score() != null) {
            values.put(PublishedMetric.DQ_SCORE, result.dq().score());
            values.put(PublishedMetric.DQ_FAILED, result.dq().failed());
        }
        if (result.consistency() != null) {
            values.put(PublishedMetric.CONSISTENCY_VIOLATIONS, result.consistency().violations());
        }
        if (report != null) {
            boolean written = "WRITTEN".equals(report.path("status").asText());
            values.put(PublishedMetric.REPORT_WRITTEN, written ? 1 : 0);
            values.put(PublishedMetric.REPORT_FAILED, written ? 0 : 1);
        }
        metrics.publish(values, attention.isEmpty()
                ? Map.of("RunId", String.valueOf(result.runId()), "Status", result.status())
                : attentionProperties(result, attention));
    }

    /** RunId, Status, and what needs attention with the message saying what to do (Logs Insights finds them). */
    private static Map<String, String> attentionProperties(PipelineResult result, Set<Attention> attention) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("RunId", String.valueOf(result.runId()));
        properties.put("Status", result.status());
        properties.put("Attention", attention.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        properties.put("Message", String.valueOf(result.message()));
        return properties;
    }
}

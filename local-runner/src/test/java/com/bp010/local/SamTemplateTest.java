package com.bp010.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.bp010.testsupport.RepoPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml deploys exactly what the code expects (issue 8). No AWS account is reachable from here, so this reads
 * the template and the sources; cfn-lint (in .ci/run) checks the template's CloudFormation side.
 */
class SamTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path repo;
    private static SamTemplate template;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTemplate() throws IOException {
        repo = RepoPaths.root();
        template = SamTemplate.load(repo.resolve("template.yaml"));
    }

    static Stream<String> functions() throws IOException {
        readTemplate();
        return template.resourcesOfType(SamTemplate.FUNCTION).keySet().stream();
    }

    // --- functions: handler, JAR, environment ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void shouldDeployTheHandlersShadedJarWithEveryVariableItsCodeReads_whenReadingTheFunction(String function) {
        assertThat(new FunctionChecks(repo).check(template, function)).isEmpty();
    }

    @Test
    void shouldReportTheRenamedHandlerAndTheRemovedVariable_whenTheTemplateCopyIsBroken() throws IOException {
        assertThat(new FunctionChecks(repo).check(template, "InitRdsFunction")).isEmpty();
        SamTemplate broken = brokenCopy(
                edit("Handler: com.bp010.init.InitRdsHandler::handleRequest",
                        "Handler: com.bp010.init.InitRdsHandlr::handleRequest", 1),
                edit("          SQL_PREFIX: sql/\n", "", 1));

        List<String> problems = new FunctionChecks(repo).check(broken, "InitRdsFunction");

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("com.bp010.init.InitRdsHandlr")
                .contains("not on the classpath"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sets no SQL_PREFIX"));
    }

    @Test
    void shouldReportTheWrongJarAndAStrayVariable_whenTheTemplateCopyPointsElsewhere() throws IOException {
        SamTemplate broken = brokenCopy(
                edit("CodeUri: lambda-init-rds/target/lambda-init-rds.jar",
                        "CodeUri: lambda-pipeline-v4/target/lambda-pipeline-v4.jar", 1),
                edit("          SQL_PREFIX: sql/\n", "          SQL_PREFIX: sql/\n          SQL_PREFX: sql/\n", 1));

        List<String> problems = new FunctionChecks(repo).check(broken, "InitRdsFunction");

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("CodeUri is 'lambda-pipeline-v4/target/")
                .contains("lambda-init-rds/target/lambda-init-rds.jar"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sets SQL_PREFX, which no code"));
    }

    @Test
    void shouldNameTheFunctionsAsTheLocalRunnerAndTheLogsDo_whenReadingFunctionNames() {
        Set<Object> names = template.resourcesOfType(SamTemplate.FUNCTION).keySet().stream()
                .map(id -> template.properties(id).get("FunctionName")).collect(Collectors.toSet());

        assertThat(names).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(LambdaFunction.values()).map(LambdaFunction::functionName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void shouldRunJava21OnArm64WithJsonLogsKeptForAPeriod_whenReadingTheFunction(String function) {
        assertThat(template.functionProperty(function, "Runtime")).contains("java21");
        assertThat(template.functionProperty(function, "Architectures")).contains(List.of("arm64"));
        Map<String, Object> logging = SamTemplate.map(template.properties(function).get("LoggingConfig"), function);
        assertThat(logging).containsEntry("LogFormat", "JSON").containsEntry("ApplicationLogLevel", "TRACE");
        String logGroup = String.valueOf(SamTemplate.map(logging.get("LogGroup"), "LogGroup").get("Ref"));
        Map<String, Object> group = template.properties(logGroup);
        assertThat(group.get("LogGroupName")).isEqualTo("/aws/lambda/" + template.properties(function).get("FunctionName"));
        assertThat(group).containsKey("RetentionInDays");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void shouldOrderStatementBelowSocketBelowFunctionTimeout_whenReadingTheFunction(String function) {
        Map<String, Object> env = template.environment(function);
        int statement = Integer.parseInt(String.valueOf(env.get("DB_STATEMENT_TIMEOUT_SECONDS")));
        int socket = Integer.parseInt(String.valueOf(env.get("DB_SOCKET_TIMEOUT_SECONDS")));
        int timeout = (Integer) template.functionProperty(function, "Timeout").orElseThrow();

        assertThat(statement).isPositive().isLessThan(socket);
        assertThat(socket).isLessThan(timeout);
    }

    @Test
    void shouldGiveThePipelineAtLeast120Seconds_whenReadingItsTimeout() {
        assertThat((Integer) template.functionProperty("PipelineV4Function", "Timeout").orElseThrow())
                .isGreaterThanOrEqualTo(120);
    }

    @Test
    void shouldSendFailedAsyncEventsToAQueueAndCapIngestConcurrency_whenReadingAsyncFunctions() {
        for (String function : List.of("StageIngestFunction", "PipelineV4Function")) {
            Map<String, Object> config = SamTemplate.map(template.properties(function).get("EventInvokeConfig"), function);
            Map<String, Object> onFailure = SamTemplate.map(
                    SamTemplate.map(config.get("DestinationConfig"), "DestinationConfig").get("OnFailure"), "OnFailure");
            assertThat(onFailure.get("Destination")).isEqualTo(Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn")));
        }
        assertThat(template.properties("StageIngestFunction")).containsKey("ReservedConcurrentExecutions");
        Map<String, Object> drop = SamTemplate.map(SamTemplate.map(
                template.properties("StageIngestFunction").get("Events"), "Events").get("FileDrop"), "FileDrop");
        assertThat(drop.get("Type")).isEqualTo("S3");
        assertThat(String.valueOf(drop.get("Properties"))).contains("s3:ObjectCreated:*").contains("IngestPrefix");
    }

    // --- least privilege ---------------------------------------------------------------------------------------------

    @Test
    void shouldGrantOnlyNamedSecretsAndBuckets_whenReadingEveryPolicy() {
        assertThat(new PolicyChecks().checkAll(template)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void shouldLetTheFunctionReadTheSecretItsTargetSecretNameNames_whenReadingItsPolicy(String function) {
        Object secretParameter = SamTemplate.map(template.environment(function).get("TARGET_SECRET_NAME"),
                "TARGET_SECRET_NAME").get("Ref");

        assertThat(String.valueOf(template.properties(function).get("Policies")))
                .contains("secretsmanager:GetSecretValue")
                .contains(":secret:${" + secretParameter + "}-??????");
    }

    @Test
    void shouldReportWildcards_whenThePolicyCopyGrantsThem() throws IOException {
        SamTemplate broken = brokenCopy(
                edit("              Action: s3:GetObject\n              Resource: !Sub \"arn:${AWS::Partition}:s3:::bp010-config",
                        "              Action: s3:*\n              Resource: !Sub \"arn:${AWS::Partition}:s3:::bp010-config", 1),
                edit("Resource: !Sub \"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${EtlSecretName}-??????\"",
                        "Resource: \"*\"", 1));

        List<String> problems = new PolicyChecks().checkAll(broken);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("InitRdsFunction").contains("wildcard action s3:*"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("LoadReferencialFunction (ReadEtlSecret)")
                .contains("on *"));
    }

    // --- orchestration ------------------------------------------------------------------------------------------------

    @Test
    void shouldRunOnePhasePerStateWithRetryCatchAndTheRunId_whenReadingTheStateMachine() {
        assertThat(new StateMachineChecks("PipelineStateMachine").check(template)).isEmpty();
    }

    @Test
    void shouldReportTheMissingRetryTheLostRunIdAndTheSkippedPhase_whenTheStateMachineCopyIsBroken() throws IOException {
        SamTemplate broken = brokenCopy(
                // occurrences in order: Ingest, DQ, TRANSFORM, ENRICH, DEFAULTS, CONSISTENCY
                edit("- ErrorEquals: [com.bp010.db.TransientDatabaseException, TransientDatabaseException]",
                        "- ErrorEquals: [States.Timeout]", 5),
                // occurrences in order: TRANSFORM, ENRICH, DEFAULTS, CONSISTENCY
                edit("runId.$: $.run.runId", "runId.$: $.runId", 2),
                edit("            Next: ENRICH\n", "            Next: CONSISTENCY\n", 1),
                // occurrences in order: the Defaults Pass state, the DEFAULTS phase
                edit("            ResultPath: $.defaults\n", "            ResultPaht: $.defaults\n", 2),
                // occurrences in order: TRANSFORM, ENRICH, DEFAULTS, CONSISTENCY
                edit("- ErrorEquals: [com.bp010.db.TimeBudgetException, TimeBudgetException]",
                        "- ErrorEquals: [States.TaskFailed]", 4));

        List<String> problems = new StateMachineChecks("PipelineStateMachine").check(broken);

        assertThat(problems).contains("DEFAULTS: no Retry on com.bp010.db.TransientDatabaseException",
                "ENRICH: sends runId $.runId, not the run opened by DQ ($.run.runId)",
                "TRANSFORM: Next is CONSISTENCY, not ENRICH",
                "DEFAULTS: unknown field ResultPaht",
                "CONSISTENCY: no Retry on com.bp010.db.TimeBudgetException");
    }

    @Test
    void shouldStartTheStateMachineOnAScheduleInTheConfiguredTimeZone_whenReadingItsEvents() {
        Map<String, Object> events = SamTemplate.map(template.properties("PipelineStateMachine").get("Events"), "Events");
        List<Map<String, Object>> schedules = events.values().stream().map(e -> SamTemplate.map(e, "event"))
                .filter(e -> "ScheduleV2".equals(e.get("Type"))).toList();

        assertThat(schedules).hasSize(1);
        Map<String, Object> properties = SamTemplate.map(schedules.get(0).get("Properties"), "Properties");
        assertThat(properties.get("ScheduleExpressionTimezone")).isEqualTo(Map.of("Ref", "ScheduleTimezone"));
        assertThat(properties).containsKey("DeadLetterConfig");
    }

    @Test
    void shouldOfferTheDirectScheduleAlternative_whenReadingTheOrchestrationParameter() {
        assertThat(SamTemplate.map(template.parameters().get("Orchestration"), "Orchestration").get("AllowedValues"))
                .isEqualTo(List.of("StepFunctions", "DirectSchedule"));
        Map<String, Object> resources = template.resources();
        assertThat(SamTemplate.map(resources.get("PipelineStateMachine"), "sm").get("Condition"))
                .isEqualTo("UseStepFunctions");
        assertThat(SamTemplate.map(resources.get("DirectPipelineSchedule"), "schedule").get("Condition"))
                .isEqualTo("UseDirectSchedule");
        Map<String, Object> target = SamTemplate.map(template.properties("DirectPipelineSchedule").get("Target"), "Target");
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "PipelineV4Function.Alias"));
    }

    @Test
    void shouldSendTheSampleEventsTheHandlersAreTestedWith_whenReadingScheduledPayloads() throws IOException {
        Map<String, Object> states = SamTemplate.map(SamTemplate.map(
                template.properties("PipelineStateMachine").get("Definition"), "Definition").get("States"), "States");
        Object ingestPayload = SamTemplate.map(SamTemplate.map(states.get("Ingest"), "Ingest").get("Parameters"),
                "Parameters").get("Payload");
        Object joinPayload = SamTemplate.map(SamTemplate.map(states.get("TRANSFORM"), "TRANSFORM").get("Parameters"),
                "Parameters").get("Payload");

        JsonNode ingestEvent = JSON.valueToTree(ingestPayload);
        assertThat((Object) ingestEvent).isEqualTo(event("stage-scheduler-api.json"));
        assertThat(JSON.readTree(targetInput("DirectIngestSchedule"))).isEqualTo(event("stage-scheduler-api.json"));
        assertThat(JSON.readTree(targetInput("DirectPipelineSchedule"))).isEqualTo(event("pipeline-all-phases.json"));
        Set<String> joinKeys = new TreeSet<>();
        event("pipeline-phase-join.json").fieldNames().forEachRemaining(joinKeys::add);
        Set<String> sentKeys = SamTemplate.map(joinPayload, "Payload").keySet().stream()
                .map(k -> k.replace(".$", "")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(sentKeys).isEqualTo(joinKeys);
    }

    @Test
    void shouldHaveAJsonSampleEventForEveryFunction_whenListingEvents() throws IOException {
        for (LambdaFunction function : LambdaFunction.values()) {
            String prefix = function.name().toLowerCase() + "-";
            try (Stream<Path> files = Files.list(repo.resolve("events"))) {
                List<Path> samples = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
                assertThat(samples).as(prefix + "*.json").isNotEmpty();
                for (Path sample : samples) {
                    assertThat(JSON.readTree(sample.toFile()).isObject()).as(sample.toString()).isTrue();
                }
            }
        }
    }

    // --- production: SnapStart, aliases, logs and traces, TLS, retention (issue 19) -----------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void shouldPublishWithSnapStartBehindTheAliasLiveAndTrace_whenReadingTheFunction(String function) {
        assertThat(new ProductionChecks(template).snapStart(function)).isEmpty();
    }

    @Test
    void shouldMeetEveryProductionCheck_whenReadingTheWholeTemplate() {
        assertThat(new ProductionChecks(template).all()).isEmpty();
    }

    @Test
    void shouldReportLatestTargetsAndAMissingSnapStart_whenTheCopyInvokesTheFunctionItself() throws IOException {
        SamTemplate broken = brokenCopy(
                edit("        Arn: !Ref StageIngestFunction.Alias\n", "        Arn: !GetAtt StageIngestFunction.Arn\n", 1),
                edit("        PipelineV4AliasArn: !Ref PipelineV4Function.Alias\n",
                        "        PipelineV4AliasArn: !Sub \"${PipelineV4Function.Arn}\"\n", 1),
                edit("                - !Ref StageIngestFunction.Alias\n", "                - \"*\"\n", 1),
                edit("    SnapStart:\n      ApplyOn: PublishedVersions\n", "", 1),
                edit("      Size: 512\n", "      Size: 2048\n", 1));

        ProductionChecks checks = new ProductionChecks(broken);
        List<String> problems = checks.all();

        assertThat(problems).contains(
                "DirectIngestSchedule: targets {Fn::GetAtt=[StageIngestFunction, Arn]}, not a function's alias",
                "DirectIngestSchedule: uses the unqualified ARN of StageIngestFunction (its $LATEST), not its alias",
                "PipelineStateMachine: uses the unqualified ARN of PipelineV4Function (its $LATEST), not its alias",
                "PipelineStateMachine: grants lambda:InvokeFunction on *, not a function's alias");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("PipelineStateMachine: substitution "
                + "PipelineV4AliasArn"));
        assertThat(checks.snapStart("PipelineV4Function")).contains(
                "PipelineV4Function: SnapStart is {}, not ApplyOn PublishedVersions",
                "PipelineV4Function: ephemeral storage 2048 MB; SnapStart allows at most 512");
    }

    @Test
    void shouldReportTheLostLogsTracesTlsAndRetention_whenTheCopyDropsThem() throws IOException {
        SamTemplate broken = brokenCopy(
                edit("        IncludeExecutionData: true\n", "        IncludeExecutionData: false\n", 1),
                edit("      Tracing:\n        Enabled: true\n", "      Tracing:\n        Enabled: false\n", 1),
                edit("            Action: s3:*\n            Resource: [!GetAtt IngestBucket.Arn",
                        "            Action: s3:GetObject\n            Resource: [!GetAtt IngestBucket.Arn", 1),
                edit("    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Properties:\n      QueueName",
                        "    Properties:\n      QueueName", 1),
                edit("    Default: ERROR\n", "    Default: ALL\n", 1));

        List<String> problems = new ProductionChecks(broken).all();

        assertThat(problems).contains(
                "PipelineStateMachine: Logging does not include execution data",
                "PipelineStateMachine: Tracing is not enabled",
                "PipelineStateMachine: log level parameter StateMachineLogLevel defaults to ALL, not ERROR",
                "IngestBucket: no bucket policy denies s3:* without TLS on the bucket and its objects",
                "FailedEventsQueue: no DeletionPolicy", "FailedEventsQueue: no UpdateReplacePolicy");
    }

    @Test
    void shouldRunTheInitFunctionAgainstTheWriterAndTheOthersThroughTheProxyWhenThereIsOne_whenReadingDbHost() {
        Object shared = template.environment("PipelineV4Function").get("DB_HOST");
        Object init = template.environment("InitRdsFunction").get("DB_HOST");

        assertThat(String.valueOf(shared)).contains("UseProxy").contains("DatabaseProxy, Endpoint")
                .contains("AuroraClusterEndpoint").contains("DatabaseHost");
        assertThat(String.valueOf(init)).doesNotContain("DatabaseProxy").contains("AuroraClusterEndpoint")
                .contains("DatabaseHost");
    }

    // --- surveillance report -----------------------------------------------------------------------------------------

    @Test
    void shouldKeepReportsInAPrivateEncryptedTlsOnlyBucketWithARetentionRule_whenReadingTheReportBucket() {
        Map<String, Object> bucket = template.properties("ReportBucket");
        assertThat(SamTemplate.map(template.resources().get("ReportBucket"), "ReportBucket"))
                .containsEntry("DeletionPolicy", "Retain");
        assertThat(SamTemplate.map(bucket.get("PublicAccessBlockConfiguration"), "PublicAccessBlockConfiguration"))
                .containsEntry("BlockPublicAcls", true).containsEntry("BlockPublicPolicy", true)
                .containsEntry("IgnorePublicAcls", true).containsEntry("RestrictPublicBuckets", true);
        assertThat(String.valueOf(bucket.get("BucketEncryption"))).contains("SSEAlgorithm=AES256");
        List<Object> rules = SamTemplate.list(SamTemplate.map(bucket.get("LifecycleConfiguration"),
                "LifecycleConfiguration").get("Rules"), "Rules");
        assertThat(rules).anySatisfy(r -> assertThat(SamTemplate.map(r, "rule")).containsEntry("Status", "Enabled")
                .containsEntry("Prefix", "reports/").containsEntry("ExpirationInDays", Map.of("Ref", "ReportRetentionDays")));

        Map<String, Object> policy = template.properties("ReportBucketPolicy");
        assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "ReportBucket"));
        List<Object> statements = SamTemplate.list(SamTemplate.map(policy.get("PolicyDocument"), "PolicyDocument")
                .get("Statement"), "Statement");
        assertThat(statements).anySatisfy(st -> {
            Map<String, Object> deny = SamTemplate.map(st, "statement");
            assertThat(deny).containsEntry("Effect", "Deny").containsEntry("Principal", "*").containsEntry("Action", "s3:*")
                    .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
            // the bucket itself and every object in it
            assertThat(deny.get("Resource")).isEqualTo(List.of(Map.of("Fn::GetAtt", List.of("ReportBucket", "Arn")),
                    Map.of("Fn::Sub", "${ReportBucket.Arn}/*")));
        });
    }

    @Test
    void shouldLetThePipelineOnlyWriteReports_whenReadingItsEnvironmentAndPolicy() {
        Map<String, Object> env = template.environment("PipelineV4Function");
        assertThat(env).containsEntry("REPORT_BUCKET", Map.of("Ref", "ReportBucket"))
                .containsEntry("REPORT_PREFIX", "reports/").containsEntry("REPORT_LANG", Map.of("Ref", "ReportLanguage"));
        assertThat(SamTemplate.map(template.parameters().get("ReportLanguage"), "ReportLanguage").get("AllowedValues"))
                .isEqualTo(List.of("es", "en"));

        List<Map<String, Object>> s3 = new ArrayList<>();
        for (Object policy : SamTemplate.oneOrMany(template.properties("PipelineV4Function").get("Policies"))) {
            if (policy instanceof Map<?, ?> m && m.containsKey("Statement")) {
                for (Object st : SamTemplate.oneOrMany(m.get("Statement"))) {
                    Map<String, Object> statement = SamTemplate.map(st, "statement");
                    if (String.valueOf(statement.get("Action")).startsWith("s3:")) {
                        s3.add(statement);
                    }
                }
            }
        }
        assertThat(s3).hasSize(1);
        assertThat(s3.get(0)).containsEntry("Action", "s3:PutObject")
                .containsEntry("Resource", Map.of("Fn::Sub", "${ReportBucket.Arn}/reports/*"));
        assertThat(template.properties("ReportFailedAlarm")).containsEntry("Namespace", "BP010")
                .containsEntry("MetricName", "ReportFailed");
        assertThat(String.valueOf(template.outputs().get("ReportLinkCommand")))
                .contains("aws s3 presign s3://${ReportBucket}/reports/latest.html");
    }

    // --- operations ---------------------------------------------------------------------------------------------------

    @Test
    void shouldAlarmOnFailedExecutionsFunctionErrorsAndMissingData_whenReadingAlarms() {
        Map<String, Map<String, Object>> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        List<String> described = new ArrayList<>();
        alarms.forEach((id, alarm) -> {
            Map<String, Object> p = template.properties(id);
            assertThat(p.get("AlarmActions")).as(id).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
            described.add(p.getOrDefault("Namespace", "") + "/" + p.getOrDefault("MetricName", "") + " "
                    + p.getOrDefault("Dimensions", "") + " " + p.getOrDefault("Metrics", ""));
        });
        String all = String.join("\n", described);

        assertThat(all).contains("AWS/States", "MetricName=ExecutionsFailed", "AWS/SQS/ApproximateNumberOfMessagesVisible",
                "MetricName=PipelineNothingToDo", "BP010/DqScore", "BP010/ConsistencyViolations");
        for (String function : template.resourcesOfType(SamTemplate.FUNCTION).keySet()) {
            assertThat(all).contains("AWS/Lambda/Errors [{Name=FunctionName, Value={Ref=" + function + "}}]");
        }
        assertThat(template.properties("AlarmEmailSubscription").get("Endpoint")).isEqualTo(Map.of("Ref", "AlarmEmail"));
    }

    @Test
    void shouldWatchEveryMetricThatNeedsAttention_andOnlyMetricsTheCodePublishes_whenReadingAlarms() {
        AlarmChecks checks = new AlarmChecks(template);

        assertThat(checks.all()).isEmpty();
        // the conditions an operator must hear of without looking, each by its alarm (docs/DEPLOY.md, alarms)
        Map<String, List<AlarmChecks.MetricId>> watched = checks.watched();
        Map<String, String> byName = new java.util.TreeMap<>();
        watched.forEach((id, metrics) -> metrics.forEach(m -> byName.merge(m.name(),
                String.valueOf(template.properties(id).get("AlarmName")), (a, b) -> a + "," + b)));
        assertThat(byName).containsEntry("PipelineNeedsAttention", "bp010-pipeline-needs-attention")
                .containsEntry("FilesSkipped", "bp010-stage-ingest-files-skipped")
                .containsEntry("PipelineSkippedLocked", "bp010-no-new-data,bp010-pipeline-lease-held")
                .containsEntry("RowsRejected", "bp010-stage-ingest-rows-rejected")
                .containsEntry("ReportFailed", "bp010-report-failed");
        assertThat(template.properties("PipelineNeedsAttentionAlarm")).containsEntry("TreatMissingData", "notBreaching")
                .containsEntry("Statistic", "Sum").containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        assertThat(template.properties("PipelineLeaseHeldAlarm")).containsEntry("EvaluationPeriods", 3)
                .containsEntry("DatapointsToAlarm", 3).containsEntry("TreatMissingData", "notBreaching");
    }

    @Test
    void shouldReportSilentAlarms_whenTheCopyWatchesMetricsAsNobodyPublishesThem() throws IOException {
        SamTemplate broken = brokenCopy(
                // the classic: the metric published with the dimension Function, the alarm without it
                edit("      MetricName: DqScore\n      Dimensions: [{Name: Function, Value: bp010-pipeline-v4}]\n",
                        "      MetricName: DqScore\n", 1),
                // a misspelt name
                edit("      MetricName: ReportFailed\n", "      MetricName: ReportsFailed\n", 1),
                // the Lambda dimension on a custom metric
                edit("      MetricName: FilesSkipped\n      Dimensions: [{Name: Function, Value: bp010-stage-ingest}]",
                        "      MetricName: FilesSkipped\n      Dimensions: [{Name: FunctionName, Value: !Ref StageIngestFunction}]",
                        1),
                edit("      MetricName: PipelineNeedsAttention\n", "      MetricName: PipelineRuns\n", 1),
                edit("      Dimensions: [{Name: QueueName, Value: !GetAtt FailedEventsQueue.QueueName}]\n",
                        "      Dimensions: [{Name: QueueName, Value: bp010-failed-event}]\n", 1),
                edit("      TreatMissingData: notBreaching\n      AlarmActions: [!Ref AlarmTopic]\n      OKActions: [!Ref AlarmTopic]\n\n  # FilesSkipped",
                        "      AlarmActions: [!Ref AlarmTopic]\n      OKActions: [!Ref AlarmTopic]\n\n  # FilesSkipped", 1));

        List<String> problems = new AlarmChecks(broken).all();

        assertThat(problems).contains(
                "DqScoreAlarm: watches BP010/DqScore {}, which no function publishes (published: BP010/DqScore"
                        + " {Function=bp010-pipeline-v4})",
                "DQ_SCORE: BP010/DqScore {Function=bp010-pipeline-v4} needs attention, but no alarm watches it",
                "ReportFailedAlarm: watches BP010/ReportsFailed {Function=bp010-pipeline-v4}, which no function publishes",
                "REPORT_FAILED: BP010/ReportFailed {Function=bp010-pipeline-v4} needs attention, but no alarm watches it",
                "StageIngestFilesSkippedAlarm: watches BP010/FilesSkipped {FunctionName=bp010-stage-ingest}, which no"
                        + " function publishes (published: BP010/FilesSkipped {Function=bp010-stage-ingest})",
                "PIPELINE_NEEDS_ATTENTION: BP010/PipelineNeedsAttention {Function=bp010-pipeline-v4} needs attention,"
                        + " but no alarm watches it",
                "FailedEventsAlarm: dimension QueueName = bp010-failed-event names no AWS::SQS::Queue of the template",
                "StageIngestRowsRejectedAlarm: does not say what missing data means (TreatMissingData)");
        assertThat(new AlarmChecks(template).all()).as("the template itself").isEmpty();
    }

    @Test
    void shouldOverrideOnlyParametersTheTemplateDeclares_whenReadingSamconfig() throws IOException {
        String samconfig = Files.readString(repo.resolve("samconfig.toml"));
        Matcher m = Pattern.compile("^\\s*\"(\\w+)=", Pattern.MULTILINE).matcher(samconfig);
        Set<String> overridden = new TreeSet<>();
        while (m.find()) {
            overridden.add(m.group(1));
        }

        assertThat(overridden).isNotEmpty();
        assertThat(template.parameters().keySet()).containsAll(overridden);
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    private record Edit(String target, String replacement, int occurrence) {
    }

    private static Edit edit(String target, String replacement, int occurrence) {
        return new Edit(target, replacement, occurrence);
    }

    /** A copy of template.yaml with each edit applied to the n-th occurrence of its text (which must exist). */
    private SamTemplate brokenCopy(Edit... edits) throws IOException {
        String text = Files.readString(repo.resolve("template.yaml"));
        for (Edit e : edits) {
            int at = -1;
            for (int i = 0; i < e.occurrence(); i++) {
                at = text.indexOf(e.target(), at + 1);
                assertThat(at).as("occurrence " + (i + 1) + " of " + e.target()).isNotNegative();
            }
            text = text.substring(0, at) + e.replacement() + text.substring(at + e.target().length());
        }
        Path copy = tmp.resolve("template-broken.yaml");
        Files.writeString(copy, text);
        return SamTemplate.load(copy);
    }

    private static JsonNode event(String name) throws IOException {
        return JSON.readTree(repo.resolve("events").resolve(name).toFile());
    }

    private static String targetInput(String schedule) {
        return String.valueOf(SamTemplate.map(template.properties(schedule).get("Target"), "Target").get("Input"));
    }
}

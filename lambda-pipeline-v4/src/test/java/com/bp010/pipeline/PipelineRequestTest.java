package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineRequestTest {
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-06-20T15:00:00Z"), ZoneOffset.UTC);

    private static PipelineRequest parse(String json, Clock clock) throws Exception {
        return PipelineRequest.from(Json.mapper().readTree(json), BOGOTA, clock);
    }

    @Test
    void shouldEndTheWindowOnAsOfsDay_whateverDayTheRerunHappens() throws Exception {
        String event = "{\"fechaInicio\": \"2024-06-01\", \"asOf\": \"2024-06-13T03:00:00Z\"}";
        PipelineRequest today = parse(event, NOW);
        PipelineRequest weekLater = parse(event, Clock.offset(NOW, java.time.Duration.ofDays(7)));

        assertThat(today.window()).isEqualTo(new RunWindow(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-12")))
                .as("03:00 UTC is the evening before in Bogota");
        assertThat(weekLater).isEqualTo(today);
    }

    @Test
    void shouldEndTheWindowOnTheClocksDay_withoutAsOf() throws Exception {
        assertThat(parse("{\"fechaInicio\": \"2024-06-01\"}", NOW).window().to()).isEqualTo(LocalDate.parse("2024-06-20"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"fechainicio\": \"2024-05-01\"}|fechainicio|fechaInicio",
            "{\"wellID\": \"W-1\"}|wellID|wellId",
            "{\"phases\": [\"DQ\"], \"asof\": \"2024-05-01T00:00:00Z\"}|asof|asOf",
            "{\"fecha_fin\": \"2024-05-01\"}|fecha_fin|fechaFin",
            "{\"window\": \"2024-05\"}|window|"})
    void shouldRefuseAnUnknownField_namingItAndTheClosestKnown(String event, String field, String closest) {
        assertThatThrownBy(() -> parse(event, NOW)).isInstanceOfSatisfying(Bp010Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT);
            assertThat(e.detail("field")).isEqualTo(field);
            assertThat(e.detail("closest")).isEqualTo(closest);
        });
    }

    @Test
    void shouldReadAnEventBridgeScheduleByItsDetail() throws Exception {
        PipelineRequest r = parse("{\"version\": \"0\", \"id\": \"53dc4d37\", \"detail-type\": \"Scheduled Event\","
                + " \"source\": \"aws.events\", \"account\": \"123456789012\", \"time\": \"2024-05-01T10:00:00Z\","
                + " \"region\": \"us-east-1\", \"resources\": [\"arn:aws:events:us-east-1:1:rule/r\"], \"detail\": {}}",
                NOW);
        assertThat(r.window()).isNull();
        assertThat(r.phases()).containsExactlyInAnyOrder(Phase.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pipeline-all-phases.json", "pipeline-phase-dq.json", "pipeline-phase-join.json",
            "pipeline-window.json"})
    void shouldReadEverySampleEvent(String fixture) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("events"))) {
            root = root.getParent();
        }
        assertThat(parse(Files.readString(root.resolve("events").resolve(fixture)), NOW)).isNotNull();
    }

    @Test
    void shouldRunDqAndTransformOfItsWells_whenGivenAWellGroup() throws Exception {
        PipelineRequest bucket = parse("{\"wellGroup\": {\"bucket\": 2, \"of\": 3}}", NOW);
        assertThat(bucket.wellGroup().setting()).isEqualTo("2/3");
        assertThat(bucket.phases()).containsExactly(Phase.DQ, Phase.TRANSFORM);
        PipelineRequest list = parse("{\"wellGroup\": {\"wells\": [\"W-2\", \"W-1\"]}, \"phase\": \"DQ\"}", NOW);
        assertThat(list.wellGroup().setting()).isEqualTo("{W-1,W-2}");
        assertThat(WellGroup.leaseName("2/3")).isEqualTo("pipeline-v4/group 2/3");
        assertThat(WellGroup.leaseName("{W-1,W-2}")).startsWith("pipeline-v4/group wells:").hasSize(24 + 32);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"wellGroup\": {\"bucket\": 3, \"of\": 3}}|bucket must be 0-2",
            "{\"wellGroup\": {\"bucket\": 0, \"of\": 0}}|of must be 1-1024",
            "{\"wellGroup\": {\"bucket\": 0}}|needs integers",
            "{\"wellGroup\": {\"wells\": []}}|non-empty array",
            "{\"wellGroup\": {\"wells\": [\"a b\"]}}|is not a well id",
            "{\"wellGroup\": {\"bucket\": 0, \"of\": 2}, \"phase\": \"ENRICH\"}|run once for all groups",
            "{\"wellGroup\": {\"bucket\": 0, \"of\": 2}, \"fechaInicio\": \"2024-06-01\"}|incremental window",
            "{\"phase\": \"GLOBAL\"}|needs \"groupRuns\"",
            "{\"phase\": \"GLOBAL\", \"groupRuns\": [\"x\"]}|is not a UUID",
            "{\"phase\": \"GLOBAL\", \"groupRuns\": [\"00000000-0000-0000-0000-000000000001\"], \"wellId\": \"W\"}|drop \"wellId\"",
            "{\"groupRuns\": [\"00000000-0000-0000-0000-000000000001\"]}|goes with"})
    void shouldRefuseAMalformedWellGroupOrGlobalStep_sayingWhatToDo(String event, String message) {
        assertThatThrownBy(() -> parse(event, NOW)).isInstanceOfSatisfying(Bp010Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT);
            assertThat(e.reason()).contains(message);
        });
    }

    @Test
    void shouldOpenTheGlobalRun_whenGivenTheGroupsRunIds() throws Exception {
        PipelineRequest global = parse("{\"phase\": \"global\", \"groupRuns\": [\"00000000-0000-0000-0000-000000000001\","
                + " null, \"00000000-0000-0000-0000-000000000001\"]}", NOW);
        assertThat(global.global()).isTrue();
        assertThat(global.groupRuns()).hasSize(1);
        assertThat(global.phases()).containsExactly(Phase.ENRICH, Phase.DEFAULTS, Phase.CONSISTENCY);
    }

    @Test
    void shouldNameTheNearestPhase_whenAPhaseIsMisspelled() {
        assertThatThrownBy(() -> parse("{\"phase\": \"TRANSFROM\"}", NOW))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT))
                .hasMessageContaining("Unknown phase 'TRANSFROM' (did you mean TRANSFORM?)")
                .hasMessageContaining("use DQ, TRANSFORM, ENRICH, DEFAULTS or CONSISTENCY");
        assertThatThrownBy(() -> parse("{\"phases\": [\"DQ\", \"consistancy\"]}", NOW))
                .hasMessageContaining("(did you mean CONSISTENCY?)");
        assertThatThrownBy(() -> parse("{\"phase\": \"BOGUS\"}", NOW))
                .hasMessageContaining("Unknown phase 'BOGUS': use DQ"); // no suggestion when no phase is near
    }
}

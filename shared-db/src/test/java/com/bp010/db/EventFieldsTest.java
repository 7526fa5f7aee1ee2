package com.bp010.db;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventFieldsTest {
    private static final Set<String> PIPELINE = Set.of("fechaInicio", "fechaFin", "wellId", "phases", "phase",
            "runId", "asOf");

    @Test
    void shouldNameTheUnknownFieldAndTheClosestKnown() throws Exception {
        assertThatThrownBy(() -> EventFields.requireKnown(Json.mapper().readTree(
                "{\"fechainicio\": \"2024-05-01\", \"wellID\": \"W-1\"}"), PIPELINE, "Pipeline event"))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT);
                    assertThat(e.detail("field")).isEqualTo("fechainicio");
                    assertThat(e.detail("closest")).isEqualTo("fechaInicio");
                    assertThat(e.reason()).contains("did you mean \"fechaInicio\"");
                });
        assertThat(EventFields.closest("wellID", PIPELINE)).isEqualTo("wellId");
        assertThat(EventFields.closest("fecha_fin", PIPELINE)).isEqualTo("fechaFin");
        assertThat(EventFields.closest("as_of", PIPELINE)).isEqualTo("asOf");
        assertThat(EventFields.closest("completelyUnrelated", PIPELINE)).isNull();
    }

    @Test
    void shouldAcceptKnownFields() throws Exception {
        EventFields.requireKnown(Json.mapper().readTree("{\"phase\": \"DQ\", \"runId\": \"x\"}"), PIPELINE, "p");
    }
}

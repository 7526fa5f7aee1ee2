package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestSettingsTest {
    @Test
    void shouldReadOffsetLessTimesInTheFieldsZone_whenSourceTimezoneIsUnset() {
        assertThat(IngestSettings.fromEnv(Env.of(Map.of("BP010_TIMEZONE", "America/Bogota"))).sourceZone())
                .isEqualTo(ZoneId.of("America/Bogota"));
        assertThat(IngestSettings.fromEnv(Env.of(Map.of("BP010_TIMEZONE", "America/Bogota", "SOURCE_TIMEZONE", " ")))
                .sourceZone()).isEqualTo(ZoneId.of("America/Bogota"));
        assertThat(IngestSettings.fromEnv(Env.of(Map.of())).sourceZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void shouldUseSourceTimezone_whenTheSourceWritesAnotherZone() {
        assertThat(IngestSettings.fromEnv(Env.of(Map.of("BP010_TIMEZONE", "America/Bogota",
                "SOURCE_TIMEZONE", "UTC"))).sourceZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void shouldFailNamingTheVariable_whenTheZoneIsUnknown() {
        assertThatThrownBy(() -> IngestSettings.fromEnv(Env.of(Map.of("SOURCE_TIMEZONE", "Mars/Olympus"))))
                .isInstanceOf(Bp010Exception.class).hasMessageContaining("SOURCE_TIMEZONE").hasMessageContaining("Mars/Olympus");
    }
}

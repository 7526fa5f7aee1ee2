package com.bp010.db;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldTimeZoneTest {
    @Test
    void shouldSetTheZoneOnEverySession_whenBp010TimezoneNamesAnIanaZone() {
        DbConfig config = DbConfig.fromEnv(Map.of("BP010_JDBC_URL", "jdbc:postgresql://h/d",
                "BP010_TIMEZONE", "America/Bogota"));

        assertThat(config.timeZone().name()).isEqualTo("America/Bogota");
        assertThat(config.timeZone().sessionSql()).isEqualTo("SET TIME ZONE 'America/Bogota'");
    }

    @Test
    void shouldDefaultToUtc_whenBp010TimezoneIsUnset() {
        assertThat(DbConfig.fromEnv(Map.of("BP010_JDBC_URL", "jdbc:postgresql://h/d")).timeZone().name())
                .isEqualTo("UTC");
    }

    @Test
    void shouldFailNamingTheValue_whenBp010TimezoneIsNotAZoneName() {
        assertThatThrownBy(() -> DbConfig.fromEnv(Map.of("BP010_JDBC_URL", "jdbc:postgresql://h/d",
                "BP010_TIMEZONE", "America/Bogata")))
                .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).contains("BP010_TIMEZONE", "America/Bogata", "America/Bogota");
                });
    }

    @Test
    void shouldRefuseOffsets_becausePostgresqlReadsPosixOffsetsWithTheOppositeSign() {
        for (String offset : new String[] {"+05:00", "UTC+5", "GMT-05:00", "'; DROP TABLE x; --"}) {
            assertThatThrownBy(() -> FieldTimeZone.parse("BP010_TIMEZONE", offset))
                    .as(offset).isInstanceOf(Bp010Exception.class);
        }
    }
}

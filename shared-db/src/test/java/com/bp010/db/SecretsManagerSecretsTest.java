package com.bp010.db;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-container secret cache: one read per TTL, a re-read after invalidate, errors that name the secret. */
class SecretsManagerSecretsTest {

    /** A Secrets Manager that serves a map and counts its calls. */
    static final class CountingClient implements SecretsManagerClient {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            calls.add(request.secretId());
            String value = values.get(request.secretId());
            if (value == null) {
                throw ResourceNotFoundException.builder().message("not found").build();
            }
            return GetSecretValueResponse.builder().secretString(value).versionId("v" + calls.size()).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountingClient client = new CountingClient();
    private final MovableClock clock = new MovableClock();
    private final SecretsManagerSecrets secrets = new SecretsManagerSecrets(client, Duration.ofMinutes(15), clock);

    @Test
    void shouldReadOnce_whileTheCopyIsFresh() {
        client.values.put("bp010/etl", "{\"password\":\"one\"}");
        assertThat(secrets.secretString("bp010/etl")).contains("one");
        client.values.put("bp010/etl", "{\"password\":\"two\"}");
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(secrets.secretString("bp010/etl")).contains("one");
        assertThat(client.calls).hasSize(1);
    }

    @Test
    void shouldReadAgain_whenTheCopyIsOlderThanTheTtl() {
        client.values.put("bp010/etl", "{\"password\":\"one\"}");
        secrets.secretString("bp010/etl");
        client.values.put("bp010/etl", "{\"password\":\"two\"}");
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(secrets.secretString("bp010/etl")).contains("two");
        assertThat(client.calls).hasSize(2);
    }

    @Test
    void shouldReadAgain_afterInvalidate_andOnlyThatSecret() {
        client.values.put("bp010/etl", "{\"password\":\"one\"}");
        client.values.put("bp010/api", "{\"token\":\"t\"}");
        secrets.secretString("bp010/etl");
        secrets.secretString("bp010/api");
        client.values.put("bp010/etl", "{\"password\":\"rotated\"}");
        secrets.invalidate("bp010/etl");
        assertThat(secrets.secretString("bp010/etl")).contains("rotated");
        secrets.secretString("bp010/api");
        assertThat(client.calls).containsExactly("bp010/etl", "bp010/api", "bp010/etl");
    }

    @Test
    void shouldNameTheSecretAndThePermission_whenItDoesNotExist() {
        assertThatThrownBy(() -> secrets.secretString("bp010/missing")).isInstanceOfSatisfying(Bp010Exception.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SECRETS);
                    assertThat(e.detail("secret")).isEqualTo("bp010/missing");
                    assertThat(e.reason()).contains("secretsmanager:GetSecretValue");
                });
    }

    @Test
    void shouldOverrideTheSecretWithDbHostNameAndPort() {
        DbConfig overrides = DbConfig.fromEnv(Map.of("TARGET_SECRET_NAME", "s", "DB_HOST", "proxy.local",
                "DB_PORT", "6432"));
        RdsSecret secret = RdsSecret.parse("s", "{\"host\":\"db\",\"port\":5432,\"dbname\":\"bp010\","
                + "\"username\":\"bp010_etl\",\"password\":\"p\"}", overrides);
        assertThat(secret.host()).isEqualTo("proxy.local");
        assertThat(secret.port()).isEqualTo(6432);
        assertThat(secret.dbname()).isEqualTo("bp010");
        assertThat(secret.toString()).doesNotContain("\"p\"").contains("****");
        assertThatThrownBy(() -> RdsSecret.parse("s", "{\"username\":\"u\",\"password\":\"p\"}", overrides))
                .hasMessageContaining("lacks dbname (or DB_NAME)");
        assertThatThrownBy(() -> RdsSecret.parse("s", "{\"host\":\"h\",\"dbname\":\"d\",\"username\":\"u\","
                + "\"password\":\"p\",\"port\":\"99999\"}", DbConfig.fromEnv(Map.of("TARGET_SECRET_NAME", "s"))))
                .hasMessageContaining("not a TCP port");
    }
}

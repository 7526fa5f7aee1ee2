package com.bp010.db;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pool against the test server ({@code BP010_TEST_JDBC_URL}): a refused login re-reads the secret once (rotation),
 * and the refusals no retry can heal are final and name the setting to check.
 */
class DatabaseIT {
    private static String host;
    private static int port;

    @BeforeAll
    static void server() {
        String url = System.getenv("BP010_TEST_JDBC_URL");
        assumeTrue(url != null && !url.isBlank(), "BP010_TEST_JDBC_URL is not set");
        URI uri = URI.create(url.substring("jdbc:".length()));
        host = uri.getHost();
        port = uri.getPort() < 0 ? 5432 : uri.getPort();
    }

    /** A secret whose first value names a role the server refuses, and whose re-read names the right one. */
    static final class RotatedSecret implements SecretsProvider {
        final List<String> events = new ArrayList<>();
        private String user = "bp010_rotated_away_role";

        @Override
        public String secretString(String name) {
            events.add("read " + user);
            return "{\"host\":\"" + host + "\",\"port\":" + port + ",\"dbname\":\"postgres\",\"username\":\"" + user
                    + "\",\"password\":\"unused-with-trust-auth\"}";
        }

        @Override
        public void invalidate(String name) {
            events.add("invalidate " + name);
            user = "postgres";
        }
    }

    private static DbConfig secretConfig() {
        return DbConfig.builder().secretName("bp010/etl").sslMode("disable").build();
    }

    @Test
    void shouldReReadTheSecretOnce_whenTheServerRefusesItsCredentials() {
        RotatedSecret secrets = new RotatedSecret();
        try (Database db = Database.open(secretConfig(), secrets)) {
            String user = db.withConnection("probe", c -> {
                try (var rs = c.createStatement().executeQuery("SELECT current_user")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(user).isEqualTo("postgres");
        }
        assertThat(secrets.events).containsExactly("read bp010_rotated_away_role", "invalidate bp010/etl",
                "read postgres");
    }

    @Test
    void shouldFailOnce_whenTheReReadSecretIsRefusedToo() {
        SecretsProvider stale = new SecretsProvider() {
            int reads;

            @Override
            public String secretString(String name) {
                reads++;
                if (reads > 2) {
                    throw new AssertionError("the secret was re-read more than once");
                }
                return "{\"host\":\"" + host + "\",\"port\":" + port + ",\"dbname\":\"postgres\","
                        + "\"username\":\"bp010_no_such_role\",\"password\":\"x\"}";
            }
        };
        assertThatThrownBy(() -> Database.open(secretConfig(), stale)).isInstanceOfSatisfying(Bp010Exception.class,
                e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.detail("sqlState")).isEqualTo("28000");
                    assertThat(e.detail("setting")).isEqualTo("BP010_DB_USER");
                });
    }

    @Test
    void shouldBeFinalNamingDbSsl_whenSslIsRequiredOfAServerWithout() throws Exception {
        Boolean serverHasSsl;
        try (Database plain = Database.open(DbConfig.builder().jdbcUrl(url("postgres")).user("postgres")
                .sslMode("disable").build(), name -> null)) {
            serverHasSsl = plain.withConnection("probe", c -> {
                try (var rs = c.createStatement().executeQuery("SHOW ssl")) {
                    rs.next();
                    return "on".equals(rs.getString(1));
                }
            });
        }
        assumeTrue(!serverHasSsl, "the test server has TLS on");
        DbConfig requireSsl = DbConfig.builder().jdbcUrl(url("postgres")).user("postgres").sslMode("require").build();
        assertThatThrownBy(() -> Database.open(requireSsl, name -> null)).isInstanceOfSatisfying(
                Bp010Exception.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.detail("sqlState")).isEqualTo("08004");
                    assertThat(e.detail("setting")).isEqualTo("DB_SSL");
                    assertThat(e.reason()).contains("check DB_SSL");
                });
    }

    @Test
    void shouldNameTheDatabaseSetting_whenTheDatabaseDoesNotExist() {
        DbConfig missing = DbConfig.builder().jdbcUrl(url("bp010_no_such_database")).user("postgres")
                .sslMode("disable").build();
        assertThatThrownBy(() -> Database.open(missing, name -> null)).isInstanceOfSatisfying(Bp010Exception.class,
                e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.detail("sqlState")).isEqualTo("3D000");
                    assertThat(e.detail("setting")).isEqualTo("DB_NAME");
                });
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}

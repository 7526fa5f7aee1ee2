package com.bp010.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DbConfig is checked whole when built: every invalid setting fails at start naming its variable. */
class DbConfigTest {
    private static final String URL = "jdbc:postgresql://localhost:5432/bp010";

    @TempDir
    static Path dir;

    private static String bundle() throws Exception {
        Path pem = dir.resolve("global-bundle.pem");
        if (!Files.exists(pem)) {
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    private static Map<String, String> local(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("BP010_JDBC_URL", URL));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Map<String, String> aws(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("TARGET_SECRET_NAME", "bp010/etl"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static void assertInvalid(Map<String, String> env, String variable, String fragment) {
        assertThatThrownBy(() -> DbConfig.fromEnv(env)).isInstanceOfSatisfying(Bp010Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e.detail("variable")).isEqualTo(variable);
            assertThat(e.reason()).contains(fragment);
        });
    }

    @Test
    void shouldApplyDefaults_whenOnlyTheUrlIsSet() {
        DbConfig c = DbConfig.fromEnv(local());
        assertThat(c.poolSize()).isEqualTo(2);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.statementTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.socketTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.sslMode()).isEqualTo("prefer");
        assertThat(c.timeZone().name()).isEqualTo("UTC");
        assertThat(c.port()).isEmpty();
    }

    @Test
    void shouldFailNamingTheSecret_whenNoDatabaseIsConfigured() {
        assertInvalid(Map.of(), "TARGET_SECRET_NAME", "BP010_JDBC_URL");
    }

    @ParameterizedTest
    @CsvSource({"postgresql://localhost/bp010", "localhost:5432/bp010", "jdbc:mysql://localhost/bp010"})
    void shouldRefuseAUrlThatIsNotAPostgresqlJdbcUrl(String url) {
        assertInvalid(Map.of("BP010_JDBC_URL", url), "BP010_JDBC_URL", "must start with jdbc:postgresql://");
    }

    @ParameterizedTest
    @CsvSource({"DB_PORT,abc,an integer", "DB_PORT,0,between 1 and 65535", "DB_PORT,70000,between 1 and 65535",
            "DB_POOL_SIZE,0,between 1 and 10", "DB_POOL_SIZE,11,between 1 and 10", "DB_POOL_SIZE,two,an integer",
            "DB_CONNECT_TIMEOUT_MS,0,positive", "DB_STATEMENT_TIMEOUT_SECONDS,-1,0 (no limit)",
            "DB_SOCKET_TIMEOUT_SECONDS,30,longer than DB_STATEMENT_TIMEOUT_SECONDS",
            "DB_SOCKET_TIMEOUT_SECONDS,-5,longer than DB_STATEMENT_TIMEOUT_SECONDS",
            "BP010_TIMEZONE,Mars/Olympus,IANA", "BP010_TIMEZONE,+05:00,IANA", "DB_SSL,maybe,must be verify-full"})
    void shouldFailAtStartNamingTheVariable_whenASettingIsInvalid(String variable, String value, String fragment) {
        assertInvalid(aws(variable, value), variable, fragment);
        assertInvalid(local(variable, value), variable, fragment);
    }

    @Test
    void shouldParseThePortOverrideAtStart() {
        DbConfig c = DbConfig.fromEnv(aws("DB_PORT", "6432", "DB_HOST", "proxy", "DB_NAME", "bp010"));
        assertThat(c.port()).contains(6432);
        assertThat(c.host()).contains("proxy");
        assertThat(c.databaseName()).contains("bp010");
    }

    @ParameterizedTest(name = "{0}: DB_SSL={1}, root cert {2} -> {3}")
    @CsvSource({
            "local,,false,prefer", "local,,true,prefer", "local,disable,false,disable", "local,off,false,disable",
            "local,require,false,require", "local,on,false,require", "local,on,true,verify-full",
            "local,verify-full,true,verify-full", "local,verify-ca,true,verify-ca",
            "aws,,false,require", "aws,,true,verify-full", "aws,true,false,require", "aws,true,true,verify-full",
            "aws,false,false,disable", "aws,REQUIRE,false,require", "aws,allow,false,allow",
            "aws,verify-full,true,verify-full"})
    void shouldResolveTheSslMode(String where, String ssl, boolean rootCert, String expected) throws Exception {
        Map<String, String> env = "local".equals(where) ? local() : aws();
        if (ssl != null) {
            env.put("DB_SSL", ssl);
        }
        if (rootCert) {
            env.put("DB_SSL_ROOT_CERT", bundle());
        }
        DbConfig c = DbConfig.fromEnv(env);
        assertThat(c.sslMode()).isEqualTo(expected);
        assertThat(c.sslRootCert().isPresent()).isEqualTo(rootCert);
    }

    @ParameterizedTest
    @CsvSource({"verify-full", "verify-ca"})
    void shouldRequireTheRootCert_whenTheServerIsVerified(String mode) {
        assertInvalid(aws("DB_SSL", mode), "DB_SSL_ROOT_CERT", "needs DB_SSL_ROOT_CERT");
        assertInvalid(local("DB_SSL", mode), "DB_SSL_ROOT_CERT", "needs DB_SSL_ROOT_CERT");
    }

    @Test
    void shouldRefuseARootCertThatIsNotAReadableFile() {
        assertInvalid(aws("DB_SSL_ROOT_CERT", "/opt/missing/global-bundle.pem"), "DB_SSL_ROOT_CERT",
                "is not a readable file");
    }

    @Test
    void shouldCheckTheBuilderAsTheEnvironment() throws Exception {
        DbConfig ok = DbConfig.builder().jdbcUrl(URL).sslMode("verify-full").sslRootCert(bundle()).build();
        assertThat(ok.sslMode()).isEqualTo("verify-full");
        assertThatThrownBy(() -> DbConfig.builder().jdbcUrl(URL).sslMode("verify-full").build())
                .hasMessageContaining("DB_SSL_ROOT_CERT");
        assertThatThrownBy(() -> DbConfig.builder().jdbcUrl(URL).sslMode("bogus").build())
                .hasMessageContaining("DB_SSL must be");
        assertThatThrownBy(() -> DbConfig.builder().secretName("s").port(0).build())
                .hasMessageContaining("DB_PORT");
        assertThatThrownBy(() -> DbConfig.builder().jdbcUrl(URL).poolSize(20).build())
                .hasMessageContaining("DB_POOL_SIZE");
        assertThatThrownBy(() -> DbConfig.builder().jdbcUrl(URL).timeZone(null).build())
                .hasMessageContaining("BP010_TIMEZONE");
        assertThatThrownBy(() -> DbConfig.builder().jdbcUrl("localhost/bp010").build())
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> ok.toBuilder().statementTimeout(Duration.ofSeconds(60))
                .socketTimeout(Duration.ofSeconds(10)).build()).hasMessageContaining("DB_SOCKET_TIMEOUT_SECONDS");
    }

    @Test
    void shouldNeverShowThePassword() {
        DbConfig c = DbConfig.fromEnv(Map.of("BP010_JDBC_URL", URL + "?user=u&password=hunter2",
                "BP010_DB_PASSWORD", "hunter2"));
        assertThat(c.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> DbConfig.fromEnv(Map.of("BP010_JDBC_URL", "postgresql://h/d?password=hunter2")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}

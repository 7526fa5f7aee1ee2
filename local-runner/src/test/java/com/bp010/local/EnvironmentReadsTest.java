package com.bp010.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The source scan behind SamTemplateTest's environment check, on small modules written here. */
class EnvironmentReadsTest {
    @TempDir
    Path module;

    @Test
    void shouldFindEveryWayTheCodeReadsAVariable_whenScanningAModule() throws IOException {
        java("Settings.java", """
                package x;
                final class Settings {
                    static final String LEASE = "LEASE_TTL_SECONDS";
                    static Settings fromEnv(Env env, Env overrides) {
                        int lookback = env.getInt("LOOKBACK_DAYS", 3650);
                        int lease = env.getInt(LEASE, 900);
                        String bucket = env.require( "INGEST_BUCKET" );
                        boolean on = env.getBoolean("FEATURE_ON", false);
                        String host = overrides.get("DB_HOST").orElse(null);
                        String home = System.getenv("BP010_HOME");
                        int limit = positive(env, "API_PAGE_LIMIT", 5000);
                        int chunk = positive(environment, LEASE_CHUNK, 24);
                        return null;
                    }
                    static final String LEASE_CHUNK = "API_CHUNK_HOURS";
                }
                """);
        resource("log4j2.xml", "<Root level=\"${env:BP010_LOG_LEVEL:-INFO}\"/>");

        Set<String> read = EnvironmentReads.readBy(List.of(module));

        assertThat(read).containsExactlyInAnyOrder("LOOKBACK_DAYS", "LEASE_TTL_SECONDS", "INGEST_BUCKET", "FEATURE_ON",
                "DB_HOST", "BP010_HOME", "API_PAGE_LIMIT", "API_CHUNK_HOURS", "BP010_LOG_LEVEL");
    }

    @Test
    void shouldIgnoreCommentsMessagesAndJsonFields_whenScanningAModule() throws IOException {
        java("Quiet.java", """
                package x;
                /**
                 * Reads {@code env.get("DOCUMENTED_ONLY")} in the docs only.
                 */
                final class Quiet {
                    void run(Env env, JsonNode node) {
                        // env.get("COMMENTED_OUT")
                        String phase = node.get("phase").asText();
                        String code = counts.get("RC-001");
                        throw new Bp010Exception("LOOKBACK_DAYS must be at least 1").with("variable", "SOME_NAME");
                    }
                }
                """);

        assertThat(EnvironmentReads.readBy(List.of(module))).isEmpty();
        assertThat(EnvironmentReads.mentionedBy(List.of(module))).containsExactly("SOME_NAME");
    }

    @Test
    void shouldLeaveOutWhatLambdaSetsAndWhatIsLocalOnly_whenListingWhatATemplateMustSet() {
        Set<String> read = Set.of("AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME", "AWS_ACCESS_KEY_ID", "BP010_JDBC_URL",
                "BP010_DB_PASSWORD", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "TARGET_SECRET_NAME", "DB_SSL");

        assertThat(EnvironmentReads.requiredInTemplate(read)).containsExactly("DB_SSL", "TARGET_SECRET_NAME");
    }

    private void java(String name, String text) throws IOException {
        Path dir = Files.createDirectories(module.resolve("src/main/java/x"));
        Files.writeString(dir.resolve(name), text);
    }

    private void resource(String name, String text) throws IOException {
        Path dir = Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(dir.resolve(name), text);
    }
}

package com.bp010.referencial;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.bp010.db.AwsClients;
import com.bp010.db.Env;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.LocalS3;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same files from S3 (S3Mock), from a folder, re-saved with ';' and decimal commas, or Latin-1 behind a BOM. */
class ConfigSourcesIT {
    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension();

    private static Map<String, List<String>> jar;

    @BeforeAll
    static void loadFromTheJar() {
        jar = loaded(Map.of(), "{}");
    }

    private static Map<String, List<String>> loaded(Map<String, String> extraEnv, String event) {
        try (TestDatabase db = TestDatabase.migrated()) {
            JsonNode response = Invocation.invoke(Handlers.on(db, extraEnv), event);
            assertThat(response.get("counts").get("tbl_maestra_variables").asLong()).isEqualTo(130);
            return CatalogueSnapshot.of(db);
        }
    }

    private static Map<String, List<String>> fromJar() {
        return jar;
    }

    @Test
    void shouldLoadTheSameRowsFromS3AsFromTheJar_whenTheEventNamesAConfigLocation() throws IOException {
        Map<String, String> s3env = LocalS3.env(S3);
        LocalS3.uploadDirectory(AwsClients.s3(Env.of(s3env)), "bp010-config", "config/", RepoPaths.config());
        Map<String, List<String>> s3 = loaded(s3env, LoadReferencialHandlerIT.event("referencial-s3.json"));
        assertThat(s3).isEqualTo(fromJar());
    }

    @Test
    void shouldReadTheBucketOfTheEnvironment_whenTheEventIsEmpty() {
        Map<String, String> env = new HashMap<>(LocalS3.env(S3));
        LocalS3.uploadDirectory(AwsClients.s3(Env.of(env)), "bp010-env-config", "referencia/", RepoPaths.config());
        env.put("S3_BUCKET_CONFIG", "bp010-env-config");
        env.put("CONFIG_PREFIX", "referencia/");
        assertThat(loaded(env, "{}")).isEqualTo(fromJar());
    }

    @Test
    void shouldLoadTheSameRows_whenTheFilesAreSavedWithSemicolonsAndDecimalCommas(@TempDir Path tmp) {
        Path dir = ConfigVariants.semicolonsAndDecimalCommas(tmp.resolve("semicolons"));
        assertThat(loaded(Map.of(), "{\"configLocation\": \"" + dir.toUri() + "\"}")).isEqualTo(fromJar());
    }

    @Test
    void shouldLoadTheSameRows_whenTheFilesAreLatin1BehindAByteOrderMark(@TempDir Path tmp) {
        Path dir = ConfigVariants.latin1WithBom(tmp.resolve("latin1"));
        assertThat(loaded(Map.of(), "{\"configLocation\": \"" + dir.toUri() + "\"}")).isEqualTo(fromJar());
    }
}

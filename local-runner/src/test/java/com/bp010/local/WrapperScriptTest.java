package com.bp010.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's {@code ./bp010} wrapper, as a new developer meets it before the first build. */
class WrapperScriptTest {
    @TempDir
    Path checkout;

    @Test
    void shouldSayBuildFirst_whenTheJarIsNotBuiltYet() throws Exception {
        // the wrapper in a checkout without local-runner/target/bp010.jar (a fresh clone before mvn package)
        Path script = checkout.resolve("bp010");
        Files.copy(repositoryRoot().resolve("bp010"), script);

        Process p = new ProcessBuilder("sh", script.toString(), "report").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output).contains("not built yet", "mvn -q -DskipTests package")
                .doesNotContain("Unable to access jarfile");
    }

    private static Path repositoryRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bp010"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root holding ./bp010").isNotNull();
        return dir;
    }
}

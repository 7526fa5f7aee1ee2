package com.bp010.local;

import com.bp010.testsupport.RepoPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/DEPLOY.md, the deploy guide, names every parameter a deployer may answer and every output they will read. */
class DeployDocTest {
    @Test
    void shouldNameEveryParameterAndOutputOfTheTemplate_whenReadingTheDeployGuide() throws IOException {
        SamTemplate template = SamTemplate.load(RepoPaths.root().resolve("template.yaml"));
        String guide = Files.readString(RepoPaths.root().resolve("docs/DEPLOY.md"));

        List<String> parameters = template.parameters().keySet().stream()
                .filter(p -> !guide.contains("`" + p + "`") && !guide.contains("`" + p + "=")).toList();
        List<String> outputs = template.outputs().keySet().stream().filter(o -> !guide.contains("`" + o + "`")).toList();

        assertThat(parameters).as("template parameters DEPLOY.md does not name").isEmpty();
        assertThat(outputs).as("template outputs DEPLOY.md does not name").isEmpty();
        assertThat(template.parameters()).isNotEmpty();
        assertThat(template.outputs()).isNotEmpty();
    }
}

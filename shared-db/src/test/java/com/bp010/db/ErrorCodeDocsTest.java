package com.bp010.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Errors" section lists every code a failure report can carry, and no other. */
class ErrorCodeDocsTest {
    @Test
    void shouldListEveryErrorCode_inTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("Every failure is a `Bp010Exception` with a code \\(([^)]*)\\)").matcher(readme);
        assertThat(m.find()).as("README's Errors section").isTrue();
        Set<String> listed = new TreeSet<>();
        Matcher code = Pattern.compile("`([A-Z_]+)`").matcher(m.group(1));
        while (code.find()) {
            listed.add(code.group(1));
        }

        assertThat(listed).isEqualTo(Arrays.stream(ErrorCode.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}

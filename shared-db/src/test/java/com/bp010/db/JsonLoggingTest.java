package com.bp010.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLoggingTest.class);

    @Test
    void shouldWriteOneJsonObjectPerLine_withContextAndMaskedSecrets() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            MDC.put("function", "bp010-pipeline");
            MDC.put("runId", "r-1");
            LOG.info("connecting to jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true");
            LOG.warn("payload {\"username\":\"etl\",\"password\":\"s3cr3t-value\"} and Authorization: Bearer abc.def",
                    new IllegalStateException("token=tok123 leaked in an exception"));
        } finally {
            MDC.clear();
            System.setErr(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = Json.mapper().readTree(lines[0]);
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("function").asText()).isEqualTo("bp010-pipeline");
        assertThat(first.get("runId").asText()).isEqualTo("r-1");
        assertThat(first.get("message").asText()).contains("password=****").contains("ssl=true");
        String all = captured.toString(StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("hunter2", "s3cr3t-value", "abc.def", "tok123");
        JsonNode second = Json.mapper().readTree(lines[1]);
        assertThat(second.get("error").asText()).contains("IllegalStateException");
    }
}

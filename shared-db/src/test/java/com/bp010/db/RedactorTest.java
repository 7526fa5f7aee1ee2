package com.bp010.db;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://h:5432/db?user=a&password=p4ss&sslmode=require|p4ss|sslmode=require",
            "{\"password\": \"hunter2\", \"host\": \"h\"}|hunter2|\"host\"",
            "Authorization: Bearer eyJabc.def|eyJabc.def|Authorization",
            "{\"base_url\":\"https://x\",\"token\":\"t0k3n\"}|t0k3n|base_url",
    })
    void shouldMaskSecretValues_whenTextCarriesThem(String text, String secret, String kept) {
        String redacted = Redactor.redact(text);
        assertThat(redacted).doesNotContain(secret).contains(kept).contains("****");
    }
}

package com.bp010.ingest.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {
    @ParameterizedTest(name = "{0} (semicolon file: {1}) -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "12.5|false|NUMBER|12.5",
            " -3 |false|NUMBER|-3",
            "1e3|false|NUMBER|1e3",
            ".5|false|NUMBER|.5",
            "12,5|false|NUMBER|12.5",
            "12,5|true|NUMBER|12.5",
            "1,234|false|AMBIGUOUS|1,234",
            "1,234|true|NUMBER|1.234",
            "1.234,5|false|NUMBER|1234.5",
            "1,234.5|false|NUMBER|1234.5",
            "1,234,567|false|NUMBER|1234567",
            "1.234.567|true|NUMBER|1234567",
            "0,125|false|NUMBER|0.125",
            "NaN|false|NOT_FINITE|NaN",
            "-Infinity|false|NOT_FINITE|-Infinity",
            "1e999|false|NOT_FINITE|1e999",
            "12.3.4|false|TEXT|12.3.4",
            "abc|false|TEXT|abc",
    })
    void shouldReadFieldNumbers_whenTheSeparatorIsUnambiguous(String text, boolean semicolon, NumberText.Kind kind,
                                                              String normalized) {
        NumberText.Result r = NumberText.read(text, semicolon);

        assertThat(r.kind()).isEqualTo(kind);
        assertThat(r.normalized()).isEqualTo(normalized);
    }

    @org.junit.jupiter.api.Test
    void shouldKeepACardAsText_whenTheValueIsJson() {
        NumberText.Result r = NumberText.read("{\"position\":[1,2],\"load\":[3,4]}", true);

        assertThat(r.kind()).isEqualTo(NumberText.Kind.TEXT);
        assertThat(r.normalized()).isEqualTo("{\"position\":[1,2],\"load\":[3,4]}");
    }
}

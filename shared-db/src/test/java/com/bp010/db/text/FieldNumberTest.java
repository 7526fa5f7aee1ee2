package com.bp010.db.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNumberTest {
    @ParameterizedTest(name = "{0} (semicolon file: {1}) -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "12.5|false|NUMBER|12.5",
            " -3 |false|NUMBER|-3",
            "+7|false|NUMBER|7",
            "1e3|false|NUMBER|1e3",
            "2E-2|false|NUMBER|2E-2",
            ".5|false|NUMBER|.5",
            "5.|false|NUMBER|5.",
            "12,5|false|NUMBER|12.5",
            "12,5|true|NUMBER|12.5",
            "12,5e2|true|NUMBER|12.5e2",
            "1,234|false|AMBIGUOUS|1,234",
            "1,234|true|NUMBER|1.234",
            "0,125|false|NUMBER|0.125",
            "1234,567|false|NUMBER|1234.567",
            "1.234|false|NUMBER|1.234",
            "1.234,5|false|NUMBER|1234.5",
            "1,234.5|false|NUMBER|1234.5",
            "1 234,5|true|NUMBER|1234.5",
            "1\u00a0234.5|false|NUMBER|1234.5",
            "-1 234 567|false|NUMBER|-1234567",
            "1,234,567|false|NUMBER|1234567",
            "1.234.567|true|NUMBER|1234567",
            "NaN|false|NOT_FINITE|NaN",
            "-Infinity|false|NOT_FINITE|-Infinity",
            "1e999|false|NOT_FINITE|1e999",
            "1e-999|false|NOT_FINITE|1e-999",
            "0e-999|false|NUMBER|0e-999",
            "12.3.4|false|TEXT|12.3.4",
            "1.234.5|false|TEXT|1.234.5",
            "1,2,3|false|TEXT|1,2,3",
            "1 2|false|TEXT|1 2",
            "1,234e3|true|NUMBER|1.234e3",
            "1.234,5e3|false|TEXT|1.234,5e3",
            "144 psi|false|TEXT|144 psi",
            "abc|false|TEXT|abc",
            "-|false|TEXT|-",
    })
    void shouldReadFieldNumbers_whenTheSeparatorIsUnambiguous(String text, boolean semicolon, FieldNumber.Kind kind,
                                                              String normalized) {
        FieldNumber.Result r = FieldNumber.read(text, semicolon);

        assertThat(r.kind()).isEqualTo(kind);
        assertThat(r.normalized()).isEqualTo(normalized);
        assertThat(r.reason() == null).isEqualTo(kind == FieldNumber.Kind.NUMBER);
    }

    @Test
    void shouldKeepACardAsText_whenTheValueIsJson() {
        FieldNumber.Result r = FieldNumber.read("{\"position\":[1,2],\"load\":[3,4]}", true);

        assertThat(r.kind()).isEqualTo(FieldNumber.Kind.TEXT);
        assertThat(r.normalized()).isEqualTo("{\"position\":[1,2],\"load\":[3,4]}");
    }
}

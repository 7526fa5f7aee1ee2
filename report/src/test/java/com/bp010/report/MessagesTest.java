package com.bp010.report;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {
    @Test
    void shouldDefineEveryTextInBothLanguages() throws Exception {
        assertThat(keys("es").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys("en").stringPropertyNames());
    }

    @Test
    void shouldFillArgumentsAndRefuseAMissingKey() {
        Messages es = new Messages(Language.ES);
        assertThat(es.get("exceptions.count", "3", "20")).isEqualTo("3 de 20 pozos");
        assertThat(new Messages(Language.EN).get("why.since", "2026-03-01 10:00", "2 h")).isEqualTo("since 2026-03-01 10:00 (2 h)");
        assertThatThrownBy(() -> es.get("no.such.key")).hasMessageContaining("no es text for 'no.such.key'");
    }

    @Test
    void shouldRefuseALanguageItDoesNotSpeak() {
        assertThat(Language.parse("EN")).isEqualTo(Language.EN);
        assertThat(Language.parse(null)).isEqualTo(Language.ES);
        assertThatThrownBy(() -> Language.parse("fr")).hasMessageContaining("use es or en");
    }

    private static Properties keys(String lang) throws Exception {
        Properties p = new Properties();
        try (var in = Messages.class.getResourceAsStream("messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

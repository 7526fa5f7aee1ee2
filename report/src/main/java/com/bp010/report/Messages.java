package com.bp010.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/**
 * The report's own words in one language ({@code messages_es.properties}, {@code messages_en.properties}, UTF-8).
 * A missing key is a programming error and fails at once rather than printing a key to the reader.
 */
final class Messages {
    private final Properties text = new Properties();
    private final Language lang;

    Messages(Language lang) {
        this.lang = lang;
        String file = "messages_" + lang.tag() + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String key) {
        String value = text.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + lang.tag() + " text for '" + key + "'");
        }
        return value;
    }

    /** The text of {@code key} if defined, else {@code fallback}. */
    String getOr(String key, String fallback) {
        return text.getProperty(key, fallback);
    }

    /** {@code key}'s text with {0}, {1}... replaced by the already formatted arguments. */
    String get(String key, Object... args) {
        return new MessageFormat(get(key).replace("'", "''"), lang.locale()).format(args);
    }
}

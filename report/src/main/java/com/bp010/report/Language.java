package com.bp010.report;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

import java.util.Locale;

/** One language per report: Spanish (the catalogue's, the default) or English (the project's names). */
public enum Language {
    ES(Locale.forLanguageTag("es-CO")),
    EN(Locale.forLanguageTag("en-US"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code es} or {@code en} (any case); anything else is a mistake the caller must hear about. */
    public static Language parse(String text) {
        if (text == null || text.isBlank()) {
            return ES;
        }
        for (Language l : values()) {
            if (l.tag().equalsIgnoreCase(text.strip())) {
                return l;
            }
        }
        throw new Bp010Exception(ErrorCode.BAD_INPUT, "Report language '" + text + "' is not known: use es or en")
                .with("field", "lang");
    }
}

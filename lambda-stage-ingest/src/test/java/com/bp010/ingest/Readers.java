package com.bp010.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Test helpers: validators and byte streams. */
final class Readers {
    private Readers() {
    }

    static ReadingValidator validator(ZoneId zone) {
        return new ReadingValidator(new TimestampParser(zone), new TimestampParser(zone), false);
    }

    static ReadingValidator utc() {
        return validator(ZoneOffset.UTC);
    }

    static InputStream bytes(String text) {
        return bytes(text, StandardCharsets.UTF_8);
    }

    static InputStream bytes(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }
}

package com.bp010.ingest;

import com.bp010.db.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Telemetry JSON in the SCADA API's page format, {@code {"items": [{"well_id", "var_id", "timestamp", "value",
 * "received_at"}], "next_cursor": ...}}, or a bare array of items. Streams item by item; a value that is a JSON
 * object (a card sent as an object rather than as text) is kept as its JSON text.
 */
final class TelemetryJsonReader implements ReadingsReader {
    /** An item naming a field twice is ambiguous (which value?): refused rather than last-one-wins. */
    private static final ObjectReader ITEMS = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final ReadingValidator validator;

    public TelemetryJsonReader(ReadingValidator validator) {
        this.validator = validator.withCommaDecimal(false);
    }

    /** One page (a file, or a SCADA API response body). */
    @Override
    public ReadSummary read(String file, InputStream in, ReadingSink sink) throws IOException {
        try {
            return readPage(file, in, sink);
        } catch (CharConversionException e) {
            // the bytes are no Unicode text JSON allows (Jackson detects UTF-8, UTF-16 or UTF-32 from the first bytes)
            throw InputErrors.badInput(file, 1, null, null, "not JSON text: " + e.getMessage()
                    + "; a JSON page is UTF-8 text");
        }
    }

    private ReadSummary readPage(String file, InputStream in, ReadingSink sink) throws IOException {
        JsonParser parser = Json.mapper().getFactory().createParser(in);
        // the caller owns the stream (it digests the rest of the file after the page)
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        try (JsonParser p = parser) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw InputErrors.badInput(file, 1, null, null, "the file is empty: a JSON page "
                        + "{\"items\": [...], \"next_cursor\": ...} is expected");
            }
            if (first == JsonToken.START_ARRAY) {
                ReadSummary items = new ReadSummary(readItems(file, p, sink), null);
                requireEnd(file, p);
                return items;
            }
            if (first != JsonToken.START_OBJECT) {
                throw InputErrors.badInput(file, line(p), null, p.getText(),
                        "a JSON page must be an object with \"items\" or an array of items");
            }
            long count = 0;
            String cursor = null;
            boolean items = false;
            java.util.List<String> keys = new java.util.ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                keys.add(name);
                long keyLine = line(p);
                JsonToken t = p.nextToken();
                if ("items".equals(name)) {
                    if (t != JsonToken.START_ARRAY) {
                        // a page whose items are not an array would load nothing and answer OK
                        throw InputErrors.badInput(file, keyLine, "items", p.getText(), "\"items\" must be an array"
                                + " of readings; nothing of the file was loaded");
                    }
                    items = true;
                    count += readItems(file, p, sink);
                } else if ("next_cursor".equals(name) || "nextCursor".equals(name)) {
                    cursor = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    if (cursor != null && cursor.isBlank()) {
                        cursor = null;
                    }
                } else {
                    p.skipChildren();
                }
            }
            requireEnd(file, p);
            if (!items) {
                // {"data": [...]} or {"readings": [...]}: read as a page, it loaded nothing and answered OK
                throw InputErrors.badInput(file, 1, "items", String.join(",", keys), "a JSON page without \"items\""
                        + " (its keys: " + (keys.isEmpty() ? "none" : String.join(", ", keys)) + "): the page format is"
                        + " {\"items\": [{\"well_id\", \"var_id\", \"timestamp\", \"value\"}], \"next_cursor\": ...}"
                        + " or a bare array of items; nothing of the file was loaded");
            }
            return new ReadSummary(count, cursor);
        } catch (JsonProcessingException e) {
            // a bound exceeded (nesting, string or number length) carries no location: take the parser's
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw InputErrors.badInput(file, at.getLineNr(), "char " + at.getColumnNr(), null,
                    "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Anything after the page (a second page, stray text) would be lost unread: the file is refused instead. */
    private static void requireEnd(String file, JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw InputErrors.badInput(file, line(p), "char " + p.currentTokenLocation().getColumnNr(), p.getText(),
                    "content after the JSON page: one page per file");
        }
    }

    private long readItems(String file, JsonParser p, ReadingSink sink) throws IOException {
        long count = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = line(p);
            JsonNode item = ITEMS.readTree(p);
            count++;
            if (item == null || !item.isObject()) {
                sink.reject(new RowReject(file, line, null, item == null ? null : item.toString(), RejectReason.BAD_ROW,
                        "an item must be a JSON object", null, null, null, null, null));
                continue;
            }
            validator.validate(file, line, null, text(item, "well_id"), text(item, "var_id"),
                    text(item, "timestamp", "timestamp_lectura"), value(item), text(item, "received_at",
                            "source_received_at"), new RawOnReject(sink, item));
        }
        return count;
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String text(JsonNode item, String... names) {
        for (String n : names) {
            JsonNode v = item.get(n);
            if (v != null && !v.isNull()) {
                return v.isValueNode() ? v.asText() : v.toString();
            }
        }
        return null;
    }

    private static String value(JsonNode item) {
        JsonNode v = item.get("value");
        if (v == null || v.isNull()) {
            v = item.get("measure");
        }
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isContainerNode() ? v.toString() : v.asText();
    }

    private record RawOnReject(ReadingSink sink, JsonNode item) implements ReadingSink {
        @Override
        public void accept(Reading reading) {
            sink.accept(reading);
        }

        @Override
        public void reject(RowReject r) {
            sink.reject(new RowReject(r.file(), r.line(), r.field(), item.toString(), r.reason(), r.detail(),
                    r.wellId(), r.varId(), r.timestampText(), r.measure(), r.receivedText()));
        }
    }
}

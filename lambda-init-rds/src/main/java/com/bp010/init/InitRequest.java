package com.bp010.init;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.EventFields;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;

/** The INIT event: {@code {"mode": "migrate" | "info" | "reset", "confirm": "<text>"}}; mode defaults to migrate. */
record InitRequest(Mode mode, String confirm) {
    /** The text a reset must carry, exactly. */
    static final String RESET_CONFIRMATION = "DROP BP010 SCHEMAS";

    enum Mode { MIGRATE, INFO, RESET }

    /** The event's fields: any other is a misspelling (a "mdoe" must not pass for a migrate). */
    static final Set<String> FIELDS = Set.of("mode", "confirm");

    static InitRequest from(JsonNode event) {
        if (event.isObject()) {
            EventFields.requireKnown(event, FIELDS, "Init event");
        }
        JsonNode modeNode = event.path("mode");
        Mode mode;
        if (modeNode.isMissingNode() || modeNode.isNull() || modeNode.asText().isBlank()) {
            mode = Mode.MIGRATE;
        } else {
            try {
                mode = Mode.valueOf(modeNode.asText().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Bp010Exception(ErrorCode.BAD_EVENT, "Unknown mode '" + modeNode.asText()
                        + "': use migrate, info or reset").with("field", "mode");
            }
        }
        JsonNode confirm = event.path("confirm");
        return new InitRequest(mode, confirm.isTextual() ? confirm.asText() : null);
    }
}

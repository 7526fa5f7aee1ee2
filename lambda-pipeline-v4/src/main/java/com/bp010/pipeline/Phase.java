package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.EventFields;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The pipeline's phases, in the order they run (the seed's FASE 3 to FASE 7, docs/SEED.md). */
enum Phase {
    DQ(3),
    TRANSFORM(4),
    ENRICH(5),
    DEFAULTS(6),
    CONSISTENCY(7);

    private final int number;

    Phase(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    boolean isLast() {
        return this == CONSISTENCY;
    }

    /** By name (any case) or by the seed's number ("3" .. "7"); an unknown name is refused with the nearest phase. */
    static Phase parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Phase p : values()) {
            if (p.name().equals(t) || String.valueOf(p.number).equals(t)) {
                return p;
            }
        }
        Set<String> names = Arrays.stream(values()).map(Phase::name).collect(Collectors.toSet());
        String near = t.isEmpty() ? null : EventFields.closest(t, names);
        throw new Bp010Exception(ErrorCode.BAD_EVENT, "Unknown phase '" + text + "'"
                + (near == null ? "" : " (did you mean " + near + "?)")
                + ": use DQ, TRANSFORM, ENRICH, DEFAULTS or CONSISTENCY").with("field", "phase");
    }
}

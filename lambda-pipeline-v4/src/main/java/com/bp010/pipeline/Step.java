package com.bp010.pipeline;

import java.util.Arrays;
import java.util.List;

/**
 * One call a phase makes: the name reported in the response and the statement with its bound parameters; {@code chunk}
 * is the part of the window a chunked call covers (null: the phase's whole window, or none).
 */
record Step(String call, String sql, List<Object> params, RunWindow chunk) {
    static Step of(String call, String sql, Object... params) {
        return new Step(call, sql, Arrays.asList(params), null);
    }

    static Step ofChunk(RunWindow chunk, String call, String sql, Object... params) {
        return new Step(call, sql, Arrays.asList(params), chunk);
    }
}

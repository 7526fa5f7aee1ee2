package com.bp010.pipeline;

import java.util.Arrays;
import java.util.List;

/** One call a phase makes: the name reported in the response and the statement with its bound parameters. */
record Step(String call, String sql, List<Object> params) {
    static Step of(String call, String sql, Object... params) {
        return new Step(call, sql, Arrays.asList(params));
    }
}

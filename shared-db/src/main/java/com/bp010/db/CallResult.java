package com.bp010.db;

import java.util.List;

/** One SQL call as the response and logs report it: what ran, how long it took, the notices it raised. */
public record CallResult(String call, long durationMs, List<String> notices, long updateCount) {
    public CallResult {
        notices = List.copyOf(notices);
    }
}

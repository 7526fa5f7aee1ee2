package com.bp010.db;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.MDC;

/**
 * The fields every JSON log line carries ({@code function}, {@code requestId}, and where known {@code runId},
 * {@code phase}, {@code batchId}). Opened by the handler for one invocation and cleared when it closes.
 */
public final class LogContext implements AutoCloseable {
    private LogContext() {
    }

    public static LogContext open(String function, Context context) {
        MDC.clear();
        MDC.put("function", function);
        if (context != null && context.getAwsRequestId() != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        return new LogContext();
    }

    /** Sets (or with null, removes) one field for the rest of the invocation. */
    public static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        MDC.clear();
    }
}

package com.bp010.db;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one root exception of the project. It carries an {@link ErrorCode} and named details (phase, call, sqlState,
 * file, line, ...). Its {@link #getMessage()} is the JSON failure report of docs/CONTRACTS.md §3, so that a Lambda failure
 * keeps the whole report in {@code errorMessage} for Step Functions and CloudWatch; {@link #reason()} is the plain
 * sentence.
 */
public class Bp010Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String reason;
    private final Map<String, Object> details = Collections.synchronizedMap(new LinkedHashMap<>());

    public Bp010Exception(ErrorCode code, String reason) {
        this(code, reason, null);
    }

    public Bp010Exception(ErrorCode code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.reason = Redactor.redact(reason);
    }

    public ErrorCode code() {
        return code;
    }

    /** The human sentence: what failed and what to do. */
    public String reason() {
        return reason;
    }

    /** Adds a detail (kept in insertion order; null values are ignored). Returns this, for chaining. */
    public Bp010Exception with(String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
        return this;
    }

    /** Adds a detail only if absent: inner layers know more precisely what failed than outer ones. */
    public Bp010Exception withIfAbsent(String key, Object value) {
        if (value != null) {
            details.putIfAbsent(key, value);
        }
        return this;
    }

    public Object detail(String key) {
        return details.get(key);
    }

    public Map<String, Object> details() {
        synchronized (details) {
            return Map.copyOf(details);
        }
    }

    /** True when retrying the same request may succeed. */
    public boolean isRetryable() {
        return false;
    }

    /** {@code {"status":"FAILED","code":...,<details>...,"message":...}}. */
    public ObjectNode failureReport() {
        ObjectNode report = Json.mapper().createObjectNode();
        report.put("status", "FAILED");
        report.put("code", code.name());
        synchronized (details) {
            details.forEach((k, v) -> report.set(k, Json.mapper().valueToTree(v)));
        }
        report.put("retryable", isRetryable());
        report.put("message", reason);
        return report;
    }

    @Override
    public String getMessage() {
        return failureReport().toString();
    }
}

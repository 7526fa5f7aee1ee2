package com.bp010.db;

/**
 * A phase stopped because the invocation's time budget ran out, after committing part of its work and recording where
 * to resume ({@code reporting.pipeline_run_phases}). Retrying the same step resumes from that point, so the
 * orchestration retries this type by name ({@code com.bp010.db.TimeBudgetException}); docs/CONTRACTS.md §3.
 */
public class TimeBudgetException extends Bp010Exception {
    private static final long serialVersionUID = 1L;

    public TimeBudgetException(String reason, Throwable cause) {
        super(ErrorCode.TIME_BUDGET, reason, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

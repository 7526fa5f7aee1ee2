package com.bp010.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.LocalContext;
import com.bp010.db.TimeBudgetException;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time a phase's statements may still take in this invocation: the Lambda context's remaining time minus a margin
 * (for the commit, the run log and the response), read afresh before every statement. A local run (no context, or the
 * {@code bp010} command's {@link LocalContext}) has no budget unless {@code PHASE_TIME_BUDGET_SECONDS} sets one.
 * Each statement of a phase runs under {@code SET LOCAL statement_timeout} = {@link #statementMillis} (never above the
 * configured statement timeout); below {@link #MIN_STATEMENT_MILLIS} left, the phase stops with TIME_BUDGET. A step
 * that commits chunks of its own with Java work between its statements (the card step) is paced by a
 * {@link ChunkPace}: no chunk is started or written that the longest chunk so far says would not fit.
 */
final class TimeBudget {
    /** Less than this left: no statement is started (it could not do useful work). */
    static final long MIN_STATEMENT_MILLIS = 1_000;

    private final LongSupplier remainingMillis;
    private final long marginMillis;

    private TimeBudget(LongSupplier remainingMillis, long marginMillis) {
        this.remainingMillis = remainingMillis;
        this.marginMillis = marginMillis;
    }

    static TimeBudget unlimited() {
        return new TimeBudget(null, 0);
    }

    /** From the invocation's context: Lambda's remaining time, or the local budget (none by default). */
    static TimeBudget of(Context context, PipelineSettings settings) {
        if (context == null || context instanceof LocalContext) {
            Duration local = settings.localTimeBudget();
            if (local == null || local.isZero()) {
                return unlimited();
            }
            long deadline = System.nanoTime() + local.toNanos();
            return new TimeBudget(() -> (deadline - System.nanoTime()) / 1_000_000, 0);
        }
        return new TimeBudget(() -> context.getRemainingTimeInMillis(), settings.budgetMargin().toMillis());
    }

    boolean limited() {
        return remainingMillis != null;
    }

    /** What is left for statements now (Long.MAX_VALUE without a budget). */
    long leftMillis() {
        return limited() ? remainingMillis.getAsLong() - marginMillis : Long.MAX_VALUE;
    }

    /**
     * The statement timeout for the next statement, or a TIME_BUDGET failure when too little is left. {@code progress}
     * says whether this invocation committed work of the phase already: only then does a retry move on (the failure is
     * retryable); a phase whose first chunk does not fit in a whole invocation would fail the same way forever.
     */
    long statementMillis(String phase, String where, boolean progress) {
        long left = leftMillis();
        if (left < MIN_STATEMENT_MILLIS) {
            throw exhausted(phase, where, progress, left, null);
        }
        return left;
    }

    /** The pace of a step that commits chunks of its own between its statements (the card step), on the JVM's clock. */
    ChunkPace chunks(String phase, String call) {
        return chunks(phase, call, System::nanoTime);
    }

    /** As {@link #chunks(String, String)}, timing the chunks by {@code nanoTime}. */
    ChunkPace chunks(String phase, String call, LongSupplier nanoTime) {
        return new ChunkPace(phase, call, nanoTime);
    }

    static Bp010Exception exhausted(String phase, String where, boolean progress, long leftMillis, Throwable cause) {
        if (progress) {
            return new TimeBudgetException("Phase " + phase + " ran out of the function's time at " + where
                    + " (" + Math.max(0, leftMillis) + " ms left): what it committed is kept and the retry resumes"
                    + " from there", cause).with("phase", phase).with("resumeAt", where);
        }
        return new Bp010Exception(ErrorCode.TIME_BUDGET, "Phase " + phase + " could not commit anything within the"
                + " function's time (" + where + " does not fit): raise the function timeout, or run a shorter"
                + " window (fechaInicio/fechaFin)", cause).with("phase", phase).with("resumeAt", where);
    }

    /**
     * The budget of a step that commits chunks of its own, whose Java work between statements no statement timeout
     * bounds (the card step: a chunk's cards are analysed in Java, then written). Before a chunk starts, and again
     * before its rows are written (its analysis may have taken long), what is left ({@link #leftMillis}: the margin
     * kept) must hold the longest chunk of this invocation so far, and at least {@link #MIN_STATEMENT_MILLIS}; else
     * the phase stops there with TIME_BUDGET, retryable: the chunks before are committed and the retry resumes after
     * them. The first chunk always starts (nothing measured yet; the phase has just begun). Without a budget nothing
     * is read or checked.
     */
    final class ChunkPace {
        private final String phase;
        private final String call;
        private final LongSupplier nanoTime;
        private long startedAt;
        private long longestMillis;
        private int committed;

        private ChunkPace(String phase, String call, LongSupplier nanoTime) {
            this.phase = phase;
            this.call = call;
            this.nanoTime = nanoTime;
        }

        /** Before a chunk's work: stops the phase when the longest chunk so far would not fit. */
        void starting(String where) {
            check(where);
            startedAt = nanoTime.getAsLong();
        }

        /** Before a chunk's rows are written: stops the phase (none of them written) when they would not fit. */
        void writing(String where) {
            check(where);
        }

        /** The chunk committed: its time, from {@link #starting}, is measured. */
        void committed() {
            longestMillis = Math.max(longestMillis, (nanoTime.getAsLong() - startedAt) / 1_000_000);
            committed++;
        }

        private void check(String where) {
            if (!limited() || committed == 0) {
                return;
            }
            long left = leftMillis();
            if (left < Math.max(longestMillis, MIN_STATEMENT_MILLIS)) {
                throw exhausted(phase, call + " (" + where + ")", true, left, null).with("call", call)
                        .with("chunkMillis", longestMillis);
            }
        }
    }
}

package com.bp010.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.bp010.db.Bp010Exception;
import com.bp010.db.DatabaseErrors;
import com.bp010.db.ErrorCode;
import com.bp010.db.LocalContext;
import com.bp010.db.TimeBudgetException;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The time a phase's statements may still take in this invocation: the Lambda context's remaining time minus a margin
 * (for the commit, the run log and the response), read afresh before every statement. A local run (no context, or the
 * {@code bp010} command's {@link LocalContext}) has no budget unless {@code PHASE_TIME_BUDGET_SECONDS} sets one.
 * Each statement of a phase runs under {@code SET LOCAL statement_timeout} = {@link #statementMillis} (never above the
 * configured statement timeout); below {@link #MIN_STATEMENT_MILLIS} left, the phase stops with TIME_BUDGET. A step
 * that commits chunks of its own with Java work between its statements (the card step) is paced and bounded by a
 * {@link ChunkPace}: no chunk is started or written that would not fit (the first judged by an estimate from its
 * size, the others by the longest chunk so far), and its statements and its wait for the Java work are bounded by
 * what is left.
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

    /**
     * The pace of a step that commits chunks of its own between its statements (the card step), on the JVM's clock;
     * {@code capMillis} is the configured statement timeout (0: none), which its statements never exceed.
     */
    ChunkPace chunks(String phase, String call, long capMillis) {
        return chunks(phase, call, capMillis, System::nanoTime);
    }

    /** As {@link #chunks(String, String, long)}, timing the chunks and statements by {@code nanoTime}. */
    ChunkPace chunks(String phase, String call, long capMillis, LongSupplier nanoTime) {
        return new ChunkPace(phase, call, capMillis, nanoTime);
    }

    static Bp010Exception exhausted(String phase, String where, boolean progress, long leftMillis, Throwable cause) {
        return exhausted(phase, where, progress, leftMillis, cause, "run a shorter window (fechaInicio/fechaFin)");
    }

    /** As above; {@code remedy} is what the failure that committed nothing advises besides a longer timeout. */
    static Bp010Exception exhausted(String phase, String where, boolean progress, long leftMillis, Throwable cause,
                                    String remedy) {
        if (progress) {
            return new TimeBudgetException("Phase " + phase + " ran out of the function's time at " + where
                    + " (" + Math.max(0, leftMillis) + " ms left): what it committed is kept and the retry resumes"
                    + " from there", cause).with("phase", phase).with("resumeAt", where);
        }
        return new Bp010Exception(ErrorCode.TIME_BUDGET, "Phase " + phase + " could not commit anything within the"
                + " function's time (" + where + " does not fit, " + Math.max(0, leftMillis) + " ms left): raise the"
                + " function timeout, or " + remedy, cause).with("phase", phase).with("resumeAt", where);
    }

    /**
     * The budget of a step that commits chunks of its own, whose Java work between statements no statement timeout
     * bounds (the card step: a chunk's cards are read, analysed in Java, then written). The budget is read when the
     * step begins, before a chunk starts and again before its rows are written (its analysis may have taken long);
     * each time what is left ({@link #leftMillis}: the margin kept) must hold the chunk, and at least
     * {@link #MIN_STATEMENT_MILLIS}: after a committed chunk, the longest chunk of this invocation so far; before the
     * first, an estimate from its size ({@link #FIRST_CHUNK_MILLIS_PER_CARD} a card). Every statement of the step runs
     * under {@code SET LOCAL statement_timeout} = what the last read left less the time since (never above the
     * configured statement timeout), and the wait for a chunk's analysis is bounded the same way, so no part of a
     * chunk outlasts the budget: a statement the budget cancels (SQLSTATE 57014) or an analysis that does not end in
     * time stops the phase as a chunk that would not fit does. The stop is TIME_BUDGET, retryable when a chunk of
     * the step committed in this invocation (the retry resumes after it), else not (a retry would stop at the same
     * place). Without a budget nothing is read, bounded or checked.
     */
    final class ChunkPace {
        /**
         * The first chunk's estimate: 1 ms a card, two to five times the whole step's pace on the 2-core bench
         * machines (24,000 cards read, analysed and written in 5 to 10.5 s: docs/BENCHMARKS.md); the default chunk of
         * 2,000 cards is judged at 2 s. Too low an estimate costs nothing but the chunk's work: its statements and
         * its analysis are bounded by what is left all the same.
         */
        static final long FIRST_CHUNK_MILLIS_PER_CARD = 1;
        private static final String REMEDY = "lower CARD_CHUNK (the cards of one chunk must fit in one invocation)";

        private final String phase;
        private final String call;
        private final long capMillis;
        private final LongSupplier nanoTime;
        private long startedAt;
        private long longestMillis;
        private int committed;
        /** The last read of the budget: what was left, and when (nanoTime). */
        private long leftAtRead;
        private long readAt;
        /** Whether the last statement's timeout was the budget's (below the configured one). */
        private boolean budgetBound;

        private ChunkPace(String phase, String call, long capMillis, LongSupplier nanoTime) {
            this.phase = phase;
            this.call = call;
            this.capMillis = capMillis;
            this.nanoTime = nanoTime;
        }

        /** The step begins (before its first statement): stops the phase when less than a statement needs is left. */
        void begin(String where) {
            if (limited()) {
                read();
                check(where, MIN_STATEMENT_MILLIS);
            }
        }

        /** Before a chunk of {@code cards} cards: stops the phase when the chunk would not fit. */
        void starting(String where, int cards) {
            if (limited()) {
                read();
                check(where, expectedMillis(cards));
            }
            startedAt = nanoTime.getAsLong();
        }

        /** Before a chunk's rows are written: stops the phase (none of them written) when they would not fit. */
        void writing(String where, int cards) {
            if (limited()) {
                read();
                check(where, expectedMillis(cards));
            }
        }

        /** The chunk committed: its time, from {@link #starting}, is measured. */
        void committed() {
            longestMillis = Math.max(longestMillis, (nanoTime.getAsLong() - startedAt) / 1_000_000);
            committed++;
        }

        /**
         * The statement timeout of the step's next statement: what the last read of the budget left less the time
         * since, never above the configured one; 0 when the budget does not bound it (none, or more left than the
         * configured timeout: the session's own applies). Stops the phase when less than a statement needs is left.
         */
        long statementMillis(String where) {
            budgetBound = false;
            if (!limited()) {
                return 0;
            }
            long left = left();
            if (left < MIN_STATEMENT_MILLIS) {
                throw stop(where, left, null);
            }
            budgetBound = capMillis <= 0 || left < capMillis;
            return budgetBound ? left : 0;
        }

        /**
         * What a failure of the step's last statement means: TIME_BUDGET when the budget bounded it and cancelled it
         * (SQLSTATE 57014), else the failure as it was.
         */
        RuntimeException failed(String where, RuntimeException e) {
            if (budgetBound && "57014".equals(DatabaseErrors.sqlState(e))) {
                return stop(where, left(), e);
            }
            return e;
        }

        /**
         * A stop met before a chunk committed (the pipelined read of the next chunk, made before the chunk's write)
         * and thrown after it: retryable then, as any stop after a committed chunk; other failures as they were.
         */
        RuntimeException afterCommit(String where, RuntimeException e) {
            if (committed > 0 && e instanceof Bp010Exception b && b.code() == ErrorCode.TIME_BUDGET
                    && !(b instanceof TimeBudgetException)) {
                return stop(where, left(), b.getCause() != null ? b.getCause() : b);
            }
            return e;
        }

        /**
         * A chunk's analysis, waited for no longer than what is left less a statement's minimum (for its write); when
         * it does not end by then, the phase stops (the analysis is cancelled by the caller).
         */
        <T> T await(Future<T> analysis, String where) throws InterruptedException, ExecutionException {
            if (!limited()) {
                return analysis.get();
            }
            long wait = left() - MIN_STATEMENT_MILLIS;
            try {
                return analysis.get(Math.max(0, wait), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw stop(where, left(), e);
            }
        }

        private long expectedMillis(int cards) {
            long expected = committed == 0 ? cards * FIRST_CHUNK_MILLIS_PER_CARD : longestMillis;
            return Math.max(expected, MIN_STATEMENT_MILLIS);
        }

        private void read() {
            leftAtRead = leftMillis();
            readAt = nanoTime.getAsLong();
        }

        /** What the last read left, less the time since. */
        private long left() {
            return leftAtRead - (nanoTime.getAsLong() - readAt) / 1_000_000;
        }

        private void check(String where, long expected) {
            if (leftAtRead < expected) {
                throw stop(where, leftAtRead, null);
            }
        }

        private Bp010Exception stop(String where, long left, Throwable cause) {
            return exhausted(phase, call + " (" + where + ")", committed > 0, left, cause, REMEDY).with("call", call)
                    .with("chunkMillis", committed > 0 ? longestMillis : null);
        }
    }
}

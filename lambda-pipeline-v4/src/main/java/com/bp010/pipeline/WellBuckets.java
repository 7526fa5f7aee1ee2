package com.bp010.pipeline;

import com.bp010.db.CallResult;
import com.bp010.db.Database;
import org.slf4j.MDC;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Intra-run parallelism (docs/SCALE.md §6, {@code PIPELINE_PARALLELISM}): one call of a run over every well worked as
 * K hash buckets of the wells ({@code k/K}, the well groups' buckets: {@code reporting.fnc_en_grupo}) on K pool
 * connections at once, each bucket in its own transaction with {@code bp010.grupo} = its bucket and
 * {@code bp010.parte} = on (a bucket of one run, not a well group's run). Reported as one call: the step's wall time,
 * every bucket's notices in bucket order, the sum of their rows.
 */
final class WellBuckets {
    /** One bucket's work in its transaction; {@code bucket} is the run with the bucket as its well group. */
    @FunctionalInterface
    interface Work {
        CallResult run(Connection c, RunContext bucket) throws SQLException;
    }

    private final Database database;
    private final int count;

    WellBuckets(Database database, int count) {
        this.database = database;
        this.count = count;
    }

    /**
     * Whether the run's calls are split: more than one bucket, and a run over every well (a well group's run is one
     * bucket already; a single well's run has nothing to split).
     */
    boolean splits(RunContext run) {
        return count > 1 && run.group() == null && run.wellId() == null;
    }

    /**
     * Runs {@code work} once per bucket, all at once, and waits for every bucket to end (committed or rolled back);
     * the first failure, in bucket order, is thrown once all have ended.
     */
    CallResult run(String phase, String call, RunContext run, Work work) {
        long start = System.nanoTime();
        Map<String, String> logFields = MDC.getCopyOfContextMap();
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<CallResult>> buckets = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                RunContext bucket = new RunContext(run.runId(), run.window(), null, run.asOf(), k + "/" + count);
                buckets.add(threads.submit(() -> {
                    if (logFields != null) {
                        MDC.setContextMap(logFields);
                    }
                    try {
                        return database.inTransaction(phase, c -> {
                            markPart(c);
                            return work.run(c, bucket);
                        });
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            List<CallResult> results = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<CallResult> bucket : buckets) {
                try {
                    results.add(bucket.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = unchecked(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (failure == null) {
                        failure = new IllegalStateException("Interrupted waiting for the buckets of " + call, e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            List<String> notices = new ArrayList<>();
            long rows = 0;
            for (CallResult r : results) {
                notices.addAll(r.notices());
                rows += r.updateCount();
            }
            return new CallResult(call, (System.nanoTime() - start) / 1_000_000, notices, rows);
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@code bp010.parte}: this transaction is one bucket of a run over every well (R__31 adds its run counts). */
    private static void markPart(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('bp010.parte', 'on', true)")) {
            ps.execute();
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }
}

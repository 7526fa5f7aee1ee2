package com.bp010.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The records of a {@link CsvRecordReader}, tokenized ahead on a thread of their own while the caller checks and lands
 * the ones before: decoding and tokenizing (about 40 % of the reader's time, JFR in docs/BENCHMARKS.md) overlap the
 * checks, the binary {@code COPY} and the wait for the input. Records come in the reader's order, in batches through a
 * bounded queue (memory stays bounded by a few batches). A failure of the tokenizing thread is thrown by
 * {@link #next()} where the reader itself would have thrown it; {@link #close()} stops the thread, after which the
 * caller may close the input.
 */
final class CsvReadAhead implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final int BATCHES_AHEAD = 8;
    private static final CsvRecord[] END = new CsvRecord[0];

    private final BlockingQueue<CsvRecord[]> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;
    private CsvRecord[] batch;
    private int at;

    /** Starts tokenizing the records after those already read from {@code csv}; the caller reads no more from it. */
    CsvReadAhead(CsvRecordReader csv) {
        thread = new Thread(() -> run(csv), "csv-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(CsvRecordReader csv) {
        CsvRecord[] b = new CsvRecord[BATCH];
        int n = 0;
        try {
            for (CsvRecord r = csv.next(); r != null && !closed; r = csv.next()) {
                b[n++] = r;
                if (n == BATCH) {
                    if (!put(b)) {
                        return;
                    }
                    b = new CsvRecord[BATCH];
                    n = 0;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e; // thrown by next() after the records read before it
        }
        if (n > 0 && !put(Arrays.copyOf(b, n))) {
            return;
        }
        put(END);
    }

    /** Hands a batch over; false when the reader was closed meanwhile. */
    private boolean put(CsvRecord[] b) {
        try {
            while (!closed) {
                if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next record, or null at the end of the input. */
    CsvRecord next() throws IOException {
        if (batch != null && at < batch.length) {
            return batch[at++];
        }
        if (batch == END) {
            return null;
        }
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the CSV");
        }
        at = 0;
        if (batch == END) {
            Throwable f = failure;
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            return null;
        }
        return batch[at++];
    }

    /** Stops the tokenizing thread (at once when the records were not all read) and waits for it. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // blocked reading the input: closing the input (the caller's next step) ends it
            throw new UncheckedIOException(new IOException("the CSV read-ahead thread did not stop"));
        }
    }
}

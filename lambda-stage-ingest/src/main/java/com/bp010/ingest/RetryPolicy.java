package com.bp010.ingest;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter (a random wait between half and all of base·2^attempt, capped), or the server's
 * {@code Retry-After} when it gives one (capped too).
 * <p>
 * The jitter comes from a generator of this policy's own, drawn from the operating system's entropy: under SnapStart
 * the policy is built on the first poll after the restore, so containers restored from one snapshot never share a
 * seed (a JVM-wide generator such as {@code ThreadLocalRandom} may have been seeded before the snapshot, and then
 * every container would wait the same "random" times and retry in step).
 */
final class RetryPolicy {
    private final int maxRetries;
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator jitter;

    public RetryPolicy(int maxRetries, Duration base, Duration cap, RandomGenerator jitter) {
        this.maxRetries = maxRetries;
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
    }

    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(200), Duration.ofSeconds(20), new SecureRandom());
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(jitter.nextLong(ceiling / 2, ceiling + 1));
    }

    /** {@code Retry-After} in seconds (HTTP dates are rare on APIs and are ignored), or null. */
    public static Duration parseRetryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

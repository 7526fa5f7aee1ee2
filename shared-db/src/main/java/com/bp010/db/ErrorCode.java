package com.bp010.db;

/**
 * What kind of failure a {@link Bp010Exception} reports. The code travels in the JSON failure report, so Step
 * Functions, logs and the {@code bp010} command can tell them apart without parsing prose.
 */
public enum ErrorCode {
    /** A required environment variable or setting is missing or invalid. Fix the deployment. */
    CONFIGURATION,
    /** The event given to a handler is malformed. Fix the caller. */
    BAD_EVENT,
    /** An input file or API payload cannot be read. The message names file, line, field and value. */
    BAD_INPUT,
    /** A migration failed; the database is left as it was before the failing file. */
    MIGRATION,
    /** A database error that retrying will not fix (constraint, syntax, permission, timeout of a statement). */
    DATABASE,
    /** A database error that a retry may fix (connection lost, serialization failure, deadlock, too many clients). */
    TRANSIENT_DATABASE,
    /** The secret could not be read or does not hold what the function needs. */
    SECRETS,
    /** An S3 object could not be listed or read. */
    STORAGE,
    /** The SCADA API refused the request or kept failing. */
    SOURCE_API,
    /** A bug or an unexpected failure: the report keeps the exception type; please file it. */
    INTERNAL,
    /**
     * A phase ran out of the function's time (the Lambda context's remaining time minus a margin) between or inside
     * its committed chunks; its resume point is recorded and the retry of the same step continues from it.
     */
    TIME_BUDGET,
    /** A refusal the caller asked for: a reset without its confirmation, a run already holding the lease. */
    REFUSED
}

package com.bp010.db;

/**
 * A database failure that a retry may fix: the connection was lost (SQLSTATE class 08, except the refusals no retry
 * heals: 08004, 08P01, TLS failures), a serialization failure (40001), a deadlock (40P01), too many connections
 * (53300), an administrator shutdown or a server starting up (57P01, 57P03). The orchestration retries on this type by name; everything else is final.
 */
public class TransientDatabaseException extends Bp010Exception {
    private static final long serialVersionUID = 1L;

    public TransientDatabaseException(String reason, Throwable cause) {
        super(ErrorCode.TRANSIENT_DATABASE, reason, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

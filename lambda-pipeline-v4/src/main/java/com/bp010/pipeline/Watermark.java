package com.bp010.pipeline;

import java.time.OffsetDateTime;

/**
 * Where a default-window run stands: {@code snapshot}, the {@code pg_snapshot} in which it looked for new production
 * rows (the next run takes the rows whose {@code pivot_xid} it could not see), and the newest {@code pivoted_at} it
 * saw (for people reading the log).
 */
record Watermark(String snapshot, OffsetDateTime pivotedAt) {
}

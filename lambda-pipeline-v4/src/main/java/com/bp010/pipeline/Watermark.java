package com.bp010.pipeline;

import java.time.OffsetDateTime;

/**
 * Where a default-window run stands: {@code xmin}, the snapshot xmin when it looked for new rows (the next run looks
 * at rows with {@code pivot_xid >= xmin}), and the newest {@code pivoted_at} it saw (for people reading the log).
 */
record Watermark(String xmin, OffsetDateTime pivotedAt) {
}

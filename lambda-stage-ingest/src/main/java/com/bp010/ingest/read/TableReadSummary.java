package com.bp010.ingest.read;

import java.util.List;

/** Rows met by a table reader, and the header names that match no column (reported, not loaded). */
public record TableReadSummary(long rowsRead, List<String> ignoredColumns) {
}

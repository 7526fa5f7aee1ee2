package com.bp010.ingest;

import java.util.List;

/** Rows met by a table reader, and the header names that match no column (reported, not loaded). */
record TableReadSummary(long rowsRead, List<String> ignoredColumns) {
}

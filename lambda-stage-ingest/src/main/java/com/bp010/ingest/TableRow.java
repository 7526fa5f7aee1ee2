package com.bp010.ingest;

import java.util.Map;

/** One typed row for a stage table (values are String, Double or LocalDate; absent columns are not in the map). */
record TableRow(String file, long line, Map<String, Object> values) {
}

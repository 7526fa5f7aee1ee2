package com.bp010.ingest.read;

import java.util.Map;

/** One typed row for a stage table (values are String, Double or LocalDate; absent columns are not in the map). */
public record TableRow(String file, long line, Map<String, Object> values) {
}

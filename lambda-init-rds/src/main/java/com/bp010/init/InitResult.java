package com.bp010.init;

import com.bp010.db.migration.AppliedMigration;

import java.util.List;
import java.util.Map;

/** The INIT response of docs/CONTRACTS.md §4.1. */
record InitResult(String mode, List<AppliedMigration> applied, int pending,
                  Map<String, SchemaInventory.Counts> schemas, String source, long durationMs) {
}

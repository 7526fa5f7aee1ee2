package com.bp010.db.migration;

/** One migration as the INIT response lists it: version (null for repeatables), description, type, file name. */
public record AppliedMigration(String version, String description, String type, String script) {
}

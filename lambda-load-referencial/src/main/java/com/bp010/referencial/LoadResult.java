package com.bp010.referencial;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The response of docs/CONTRACTS.md §4.2: {@code counts} per table (in the order of docs/CONTRACTS.md §4.2), {@code seedDefaults}, {@code warnings},
 * {@code loadId}, {@code durationMs}; plus where the files came from, each file's SHA-256 and the notices of
 * {@code sp_seed_defaults}.
 */
@JsonPropertyOrder({"counts", "seedDefaults", "warnings", "loadId", "durationMs", "location", "files", "seedNotices"})
public record LoadResult(Map<String, Long> counts, String seedDefaults, List<String> warnings, UUID loadId,
                         long durationMs, String location, Map<String, String> files, List<String> seedNotices) {
}

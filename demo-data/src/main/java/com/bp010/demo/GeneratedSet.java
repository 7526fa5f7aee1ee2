package com.bp010.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the generator wrote: the three files, the wells, the reading window, how many readings (good ones, and the
 * planted unreadable rows apart) and the faults it planted.
 */
public record GeneratedSet(Path telemetryFile, Path wellMasterFile, Path reservesFile, List<String> wellIds,
                           Instant firstReading, Instant lastReading, long readings, long badRows,
                           List<PlantedFault> planted) {

    /** Distinct (well, timestamp) pairs: the production rows a pivot of the whole set yields. */
    public long wellHours() {
        return (long) wellIds.size() * ((lastReading.getEpochSecond() - firstReading.getEpochSecond()) / 3600 + 1);
    }
}

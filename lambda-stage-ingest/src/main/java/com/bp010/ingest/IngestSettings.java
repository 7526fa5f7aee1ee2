package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.FieldTimeZone;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The ingest function's environment, read once, with every default in one place.
 *
 * @param sourceZone      SOURCE_TIMEZONE (default BP010_TIMEZONE, else UTC): the zone of reading times written without
 *                        an offset
 * @param retentionDays   LANDING_RETENTION_DAYS (30): a landing month whose readings all ended more than this many days
 *                        ago (by reading time) and are all pivoted is dropped whole; 0 keeps all
 * @param apiChunk        API_CHUNK_HOURS (24): an API poll commits (and moves the watermark) per chunk of this size
 * @param apiFirstLookback API_INITIAL_LOOKBACK_HOURS (24): where a source without a watermark starts
 * @param apiOverlap      API_OVERLAP_MINUTES (60): re-read before the watermark, for readings the vendor posts late
 */
public record IngestSettings(ZoneId sourceZone, Optional<String> ingestBucket, String ingestPrefix,
                             Optional<String> apiSecretName, int retentionDays, int apiPageLimit, Duration apiChunk,
                             Duration apiFirstLookback, Duration apiOverlap, Duration apiConnectTimeout,
                             Duration apiReadTimeout, int apiMaxRetries) {

    public static IngestSettings fromEnv(Env env) {
        ZoneId zone;
        Optional<String> source = env.get("SOURCE_TIMEZONE");
        if (source.isEmpty()) {
            zone = FieldTimeZone.parse("BP010_TIMEZONE", env.get("BP010_TIMEZONE", "UTC")).zone();
        } else {
            try {
                zone = ZoneId.of(source.get().strip());
            } catch (DateTimeException e) {
                throw new Bp010Exception(ErrorCode.CONFIGURATION, "SOURCE_TIMEZONE must be a time zone id such as UTC"
                        + " or America/Bogota, got '" + source.get() + "'").with("variable", "SOURCE_TIMEZONE");
            }
        }
        int retention = env.getInt("LANDING_RETENTION_DAYS", 30);
        if (retention < 0) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "LANDING_RETENTION_DAYS must be 0 (keep all) or more")
                    .with("variable", "LANDING_RETENTION_DAYS");
        }
        String prefix = env.get("INGEST_PREFIX", "ingest/");
        return new IngestSettings(zone, env.get("INGEST_BUCKET"), prefix, env.get("API_SECRET_NAME"), retention,
                positive(env, "API_PAGE_LIMIT", 5000), Duration.ofHours(positive(env, "API_CHUNK_HOURS", 24)),
                Duration.ofHours(positive(env, "API_INITIAL_LOOKBACK_HOURS", 24)),
                Duration.ofMinutes(env.getInt("API_OVERLAP_MINUTES", 60)),
                Duration.ofSeconds(positive(env, "API_CONNECT_TIMEOUT_SECONDS", 5)),
                Duration.ofSeconds(positive(env, "API_READ_TIMEOUT_SECONDS", 30)),
                env.getInt("API_MAX_RETRIES", 5));
    }

    private static int positive(Env env, String name, int defaultValue) {
        int v = env.getInt(name, defaultValue);
        if (v <= 0) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, name + " must be positive, got " + v)
                    .with("variable", name);
        }
        return v;
    }
}

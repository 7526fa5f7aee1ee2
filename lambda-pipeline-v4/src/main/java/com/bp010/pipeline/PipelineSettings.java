package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.FieldTimeZone;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The pipeline's settings, read once: {@code LOOKBACK_DAYS} (default 3650, the seed's value: docs/SEED.md), {@code LEASE_TTL_SECONDS}
 * (default 900: longer than any invocation, so only a dead holder's lease expires), {@code BP010_TIMEZONE} (UTC).
 */
record PipelineSettings(int lookbackDays, Duration leaseTtl, ZoneId zone) {
    static PipelineSettings fromEnv(Env env) {
        int lookback = env.getInt("LOOKBACK_DAYS", 3650);
        if (lookback < 1) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "LOOKBACK_DAYS must be at least 1, got " + lookback)
                    .with("variable", "LOOKBACK_DAYS");
        }
        int ttl = env.getInt("LEASE_TTL_SECONDS", 900);
        if (ttl < 30) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "LEASE_TTL_SECONDS must be at least 30, got " + ttl)
                    .with("variable", "LEASE_TTL_SECONDS");
        }
        ZoneId zone = FieldTimeZone.parse("BP010_TIMEZONE", env.get("BP010_TIMEZONE", "UTC")).zone();
        return new PipelineSettings(lookback, Duration.ofSeconds(ttl), zone);
    }
}

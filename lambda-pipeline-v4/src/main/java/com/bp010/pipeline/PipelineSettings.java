package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.DbConfig;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.FieldTimeZone;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The pipeline's settings, read once: {@code LOOKBACK_DAYS} (default 3650, the seed's value: docs/SEED.md), {@code LEASE_TTL_SECONDS}
 * (default 900: longer than any invocation, so only a dead holder's lease expires), {@code BP010_TIMEZONE} (UTC),
 * {@code CARD_LOOKBACK_DAYS} (default 7: how far back the card step of an incremental run reads cards) and
 * {@code CARD_CHUNK} (default 2000: cards per committed chunk; docs/CARDS.md), {@code CARD_DAMPING} ({@code default}:
 * ν = 0.05; {@code power-balance}: from each reading's liquid rate and pump intake pressure, for wells whose measured
 * rate is what the pump displaces; docs/CARDS.md), {@code TIME_BUDGET_MARGIN_SECONDS} (default 30: what a phase leaves
 * of the Lambda's remaining time for its commit, run log and response) and {@code PHASE_TIME_BUDGET_SECONDS} (default
 * 0 = none: the time budget of a local run, the {@code bp010} command) and {@code PIPELINE_PARALLELISM} (default 1,
 * at most {@value DbConfig#MAX_POOL_SIZE}: the hash buckets of the wells a run over every well works its DQ call in, on
 * as many pool connections at once; 1 = one connection, the serial path; docs/SCALE.md §6).
 */
record PipelineSettings(int lookbackDays, Duration leaseTtl, ZoneId zone, int cardLookbackDays, int cardChunk,
                        boolean cardPowerBalance, Duration budgetMargin, Duration localTimeBudget, int parallelism) {
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
        int cardLookback = env.getInt("CARD_LOOKBACK_DAYS", 7);
        if (cardLookback < 1) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "CARD_LOOKBACK_DAYS must be at least 1, got "
                    + cardLookback).with("variable", "CARD_LOOKBACK_DAYS");
        }
        int cardChunk = env.getInt("CARD_CHUNK", 2000);
        if (cardChunk < 1 || cardChunk > 100_000) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "CARD_CHUNK must be 1-100000, got " + cardChunk)
                    .with("variable", "CARD_CHUNK");
        }
        String damping = env.get("CARD_DAMPING", "default").strip().toLowerCase(java.util.Locale.ROOT);
        if (!damping.equals("default") && !damping.equals("power-balance")) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "CARD_DAMPING must be default or power-balance, got '"
                    + damping + "'").with("variable", "CARD_DAMPING");
        }
        int margin = env.getInt("TIME_BUDGET_MARGIN_SECONDS", 30);
        if (margin < 1 || margin > 600) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "TIME_BUDGET_MARGIN_SECONDS must be 1-600, got "
                    + margin).with("variable", "TIME_BUDGET_MARGIN_SECONDS");
        }
        int local = env.getInt("PHASE_TIME_BUDGET_SECONDS", 0);
        if (local < 0) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "PHASE_TIME_BUDGET_SECONDS must be 0 (no budget) or more,"
                    + " got " + local).with("variable", "PHASE_TIME_BUDGET_SECONDS");
        }
        int parallelism = env.getInt("PIPELINE_PARALLELISM", 1);
        if (parallelism < 1 || parallelism > DbConfig.MAX_POOL_SIZE) {
            throw new Bp010Exception(ErrorCode.CONFIGURATION, "PIPELINE_PARALLELISM must be 1-" + DbConfig.MAX_POOL_SIZE
                    + " (1: one connection), got " + parallelism).with("variable", "PIPELINE_PARALLELISM");
        }
        return new PipelineSettings(lookback, Duration.ofSeconds(ttl), zone, cardLookback, cardChunk,
                damping.equals("power-balance"), Duration.ofSeconds(margin), Duration.ofSeconds(local), parallelism);
    }
}

package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Polls a {@link TelemetrySource}: from its watermark (minus an overlap, for readings posted late) or an explicit
 * window, in chunks; each chunk is one batch and one transaction, and the watermark moves to the chunk's end in that
 * transaction, so it only ever advances past committed readings. A failure leaves the watermark after the last chunk
 * that committed; the next run goes on from there and the overlap is absorbed as duplicates.
 */
final class ApiIngester {
    private static final Logger LOG = LoggerFactory.getLogger(ApiIngester.class);

    private final Database db;
    private final IngestSettings settings;
    private final TelemetrySource source;

    public ApiIngester(Database db, IngestSettings settings, TelemetrySource source) {
        this.db = db;
        this.settings = settings;
        this.source = source;
    }

    /** Polls {@code [from, to)}; with {@code from} null, from the watermark; with {@code to} null, up to now. */
    public List<FileResult> poll(Instant from, Instant to, Instant now) {
        Instant end = to != null ? to : now.truncatedTo(ChronoUnit.SECONDS);
        Instant start = from != null ? from : startFromWatermark(end);
        List<FileResult> chunks = new ArrayList<>();
        for (Instant a = start; a.isBefore(end); ) {
            Instant b = min(a.plus(settings.apiChunk()), end);
            chunks.add(chunk(a, b));
            a = b;
        }
        if (chunks.isEmpty()) {
            LOG.info("SCADA API: nothing to poll ({} is not before {})", start, end);
        }
        return chunks;
    }

    private Instant startFromWatermark(Instant end) {
        Instant watermark = db.withConnection("read watermark", c -> Watermarks.read(c, source.name()));
        if (watermark == null) {
            return end.minus(settings.apiFirstLookback());
        }
        return watermark.minus(settings.apiOverlap());
    }

    private FileResult.Origin origin(String location) {
        return new FileResult.Origin(null, location, "TELEMETRY_JSON", source.name());
    }

    private FileResult chunk(Instant from, Instant to) {
        long t0 = System.nanoTime();
        UUID batchId = UUID.randomUUID();
        String location = source.name() + ":" + from + "/" + to;
        try {
            return db.inTransaction("ingest " + location, c -> {
                try (RejectLog rejects = new RejectLog(batchId, source.name(), location)) {
                    Landing landing = Landing.open(c, batchId, source.name(), false, rejects);
                    long rows;
                    try {
                        rows = source.fetch(from, to, landing);
                    } catch (RuntimeException e) {
                        landing.abort();
                        throw e;
                    }
                    landing.endRead(c, List.of());
                    MergeLock.take(c);
                    Landing.Outcome m = landing.land(c, to);
                    FileResult r = new FileResult(origin(location), batchId, BatchStatus.OK,
                            new FileResult.Counts(rows, m.inserted(), m.duplicate(), m.revised(), m.rejected(),
                                    m.pivoted(), m.rejectsByReason()),
                            new FileResult.Notes(null, List.of(), null, m.watermark().toString(), null),
                            FileIngester.millis(t0));
                    BatchLog.record(c, r, null);
                    LOG.info("SCADA API {}: read {}, inserted {}, duplicate {}, revised {}, rejected {}; watermark {}",
                            location, rows, m.inserted(), m.duplicate(), m.revised(), m.rejected(), m.watermark());
                    return r;
                }
            });
        } catch (Bp010Exception e) {
            e.withIfAbsent("window", location);
            FileResult failed = FileResult.failed(origin(location), batchId, e.failureReport(),
                    FileIngester.millis(t0));
            try {
                db.withConnection("record batch", c -> {
                    BatchLog.record(c, failed, null);
                    return null;
                });
            } catch (RuntimeException ignored) {
                // the failure itself is what the caller must see
            }
            throw e;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> window(Instant from, Instant to, Duration chunk) {
        return Map.of("from", from.toString(), "to", to.toString(), "chunk", chunk.toString());
    }
}

package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import com.bp010.db.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ingests one file in one transaction: open it once, tell the format from its first bytes, read it with its format's
 * reader (table rows, then readings along the one landing road), refuse a redelivered object, write well master /
 * reserves rows, land the readings, log the batch. A file that cannot be read is reported FAILED (with file, line,
 * column) and the database keeps nothing of it but its batch log row; the caller then fails the invocation.
 */
public final class FileIngester {
    private static final Logger LOG = LoggerFactory.getLogger(FileIngester.class);
    private static final int HEAD_BYTES = 16 * 1024;
    private static final int MAX_TABLE_ROWS = 500_000;

    private final Database db;
    private final IngestSettings settings;

    public FileIngester(Database db, IngestSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    public FileResult ingest(IngestInput input) {
        long t0 = System.nanoTime();
        UUID batchId = UUID.randomUUID();
        String format = null;
        try (OpenedInput content = OpenedInput.open(input, HEAD_BYTES)) {
            IngestFormat detected = FormatDetector.detect(input.name(), content.head());
            format = detected.name();
            FileResult result = db.inTransaction("ingest " + input.name(),
                    c -> load(c, input, detected, batchId, content, t0));
            LOG.info("Ingested {} ({}): read {}, inserted {}, duplicate {}, revised {}, rejected {}, pivoted {}",
                    input.location(), format, result.counts().rowsRead(), result.counts().rowsInserted(),
                    result.counts().rowsDuplicate(), result.counts().rowsRevised(), result.counts().rowsRejected(),
                    result.counts().pivotedRows());
            return result;
        } catch (DuplicateContent d) {
            FileResult r = new FileResult(origin(input, format), batchId, BatchStatus.DUPLICATE_OBJECT,
                    FileResult.Counts.allDuplicate(d.rowsRead),
                    new FileResult.Notes(null, List.of(), d.loadedBy, null, null), millis(t0));
            recordQuietly(r, d.sha256);
            LOG.info("{} holds the same content batch {} loaded: nothing re-read", input.location(), d.loadedBy);
            return r;
        } catch (Bp010Exception e) {
            if (e.isRetryable()) {
                throw e;
            }
            e.withIfAbsent("file", input.name());
            FileResult r = FileResult.failed(origin(input, format), batchId, e.failureReport(), millis(t0));
            LOG.warn("Ingest of {} failed: {}", input.location(), e.getMessage());
            recordQuietly(r, null);
            return r;
        } catch (IOException | UncheckedIOException e) {
            // a download cut mid-read may succeed when tried again; a local file that cannot be read will not
            FileResult r = FileResult.failed(origin(input, format), batchId,
                    new IngestFailure(ErrorCode.STORAGE, "Could not read " + input.location() + ": "
                            + e.getMessage() + " - nothing of it was kept", "s3".equals(input.source()), e)
                            .with("file", input.name()).failureReport(), millis(t0));
            recordQuietly(r, null);
            return r;
        }
    }

    private static FileResult.Origin origin(IngestInput input, String format) {
        return new FileResult.Origin(input.name(), input.location(), format, input.source());
    }

    private FileResult load(Connection c, IngestInput input, IngestFormat format, UUID batchId, OpenedInput content,
                            long t0) throws SQLException {
        InputReader reader = InputReaders.forFormat(format, c, validator());
        List<TableRow> master = new ArrayList<>();
        List<TableRow> reserves = new ArrayList<>();
        try (RejectLog rejects = new RejectLog(batchId, input.source(), input.name())) {
            Landing landing = reader.holdsReadings()
                    ? Landing.open(c, batchId, input.source(), reader.holdsWells(), rejects) : null;
            InputReader.Summary read;
            try {
                read = reader.read(content, new InputReader.Sinks(landing != null ? landing : rejectAll(rejects),
                        collect(master, rejects), collect(reserves, rejects)));
            } catch (IOException | RuntimeException e) {
                if (landing != null) {
                    landing.abort();
                }
                throw e;
            }
            if (landing != null) {
                landing.endRead(c, wellIds(master));
            }
            long rowsRead = read.rowsRead();
            String digest = content.sha256();
            // the merge lock first: a concurrent delivery of the same object waits here and then sees this batch's log
            MergeLock.take(c);
            UUID before = BatchLog.loadedBefore(c, input.location(), digest);
            if (before != null) {
                throw new DuplicateContent(before, rowsRead, digest);
            }
            FileResult.TableCounts table = null;
            if (!master.isEmpty()) {
                table = TableUpserter.upsert(c, TableShape.WELL_MASTER, master, batchId);
            }
            if (!reserves.isEmpty()) {
                table = TableUpserter.upsert(c, TableShape.RESERVES, reserves, batchId);
            }
            Landing.Outcome m = landing != null ? landing.land(c, null) : Landing.tablesOnly(c, rejects, input.source());
            long inserted = m.inserted() + (table == null ? 0 : table.inserted());
            long revised = m.revised() + (table == null ? 0 : table.updated());
            long duplicate = m.duplicate() + (table == null ? 0 : table.unchanged());
            boolean nothingLoaded = rowsRead > 0 && m.rejected() > 0 && inserted + revised + duplicate == 0;
            FileResult r = new FileResult(origin(input, format.name()), batchId,
                    nothingLoaded ? BatchStatus.REJECTED : BatchStatus.OK,
                    new FileResult.Counts(rowsRead, inserted, duplicate, revised, m.rejected(), m.pivoted(),
                            m.rejectsByReason()),
                    new FileResult.Notes(table, read.ignoredColumns(), null,
                            m.watermark() == null ? null : m.watermark().toString(), null),
                    millis(t0));
            long accounted = master.size() + reserves.size() + m.inserted() + m.duplicate() + m.revised()
                    + m.rejected();
            if (accounted < rowsRead) {
                LOG.warn("{}: {} rows read but only {} accounted for", input.name(), rowsRead, accounted);
            }
            BatchLog.record(c, r, digest);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> wellIds(List<TableRow> master) {
        Set<String> ids = new LinkedHashSet<>();
        for (TableRow r : master) {
            Object id = r.values().get("well_id");
            if (id != null) {
                ids.add(id.toString());
            }
        }
        return ids;
    }

    /** A format without readings: a reading cannot arrive, a refused row is kept. */
    private static ReadingSink rejectAll(RejectLog rejects) {
        return new ReadingSink() {
            @Override
            public void accept(Reading reading) {
                throw new IllegalStateException("a reading from a format without readings, line " + reading.line());
            }

            @Override
            public void reject(RowReject reject) {
                rejects.add(reject, null);
            }
        };
    }

    private static TableRowSink collect(List<TableRow> rows, RejectLog rejects) {
        return new TableRowSink() {
            @Override
            public void accept(TableRow row) {
                if (rows.size() >= MAX_TABLE_ROWS) {
                    throw new Bp010Exception(ErrorCode.BAD_INPUT, row.file() + ": more than " + MAX_TABLE_ROWS
                            + " well master or reserves rows in one file").with("file", row.file())
                            .with("line", row.line());
                }
                rows.add(row);
            }

            @Override
            public void reject(RowReject reject) {
                rejects.add(reject, null);
            }
        };
    }

    ReadingValidator validator() {
        return new ReadingValidator(new TimestampParser(settings.sourceZone()),
                new TimestampParser(settings.sourceZone()), false);
    }

    private void recordQuietly(FileResult r, String sha) {
        try {
            db.withConnection("record batch", c -> {
                BatchLog.record(c, r, sha);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record batch {} in stage.ingest_batches: {}", r.batchId(), e.getMessage());
        }
    }

    static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

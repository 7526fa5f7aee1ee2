package com.bp010.ingest.load;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import com.bp010.db.ErrorCode;
import com.bp010.ingest.read.DumpRouter;
import com.bp010.ingest.read.FormatDetector;
import com.bp010.ingest.read.IngestFormat;
import com.bp010.ingest.read.LenientTextReader;
import com.bp010.ingest.read.PgDumpReader;
import com.bp010.ingest.read.ProductionCsvReader;
import com.bp010.ingest.read.ProductionRowSplitter;
import com.bp010.ingest.read.ReadingValidator;
import com.bp010.ingest.read.ReservesXlsxReader;
import com.bp010.ingest.read.RowReject;
import com.bp010.ingest.read.TableCsvReader;
import com.bp010.ingest.read.TableReadSummary;
import com.bp010.ingest.read.TableRow;
import com.bp010.ingest.read.TableRowSink;
import com.bp010.ingest.read.TableShape;
import com.bp010.ingest.read.TelemetryCsvReader;
import com.bp010.ingest.read.TelemetryJsonReader;
import com.bp010.ingest.read.TimestampParser;
import com.bp010.ingest.read.ZipBombGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ingests one file in one transaction: detect the format, stream-parse it into the staging table (rejects included),
 * refuse a redelivered object, write well master / reserves rows, merge readings into landing, pivot, log the batch.
 * A file that cannot be read is reported FAILED (with file, line, column) and the database keeps nothing of it.
 */
public final class FileIngester {
    private static final Logger LOG = LoggerFactory.getLogger(FileIngester.class);
    private static final int HEAD_BYTES = 16 * 1024;
    private static final int MAX_TABLE_ROWS = 500_000;
    private static final ZipBombGuard WORKBOOK_GUARD = ZipBombGuard.defaults();

    private final Database db;
    private final IngestSettings settings;
    private final boolean bulkPath;
    private final Map<String, Long> lastSteps = new java.util.LinkedHashMap<>();

    public FileIngester(Database db, IngestSettings settings) {
        this(db, settings, true);
    }

    /**
     * @param bulkPath false sends every telemetry reading through the set-based merge (the reference the bulk path
     *                 is tested against); true lands certainly-new readings directly ({@link BulkLanding})
     */
    public FileIngester(Database db, IngestSettings settings, boolean bulkPath) {
        this.db = db;
        this.settings = settings;
        this.bulkPath = bulkPath;
    }

    /** Milliseconds of each step of the last successful ingest of this instance, in order (for benchmarks). */
    public Map<String, Long> lastStepMillis() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastSteps));
    }

    public FileResult ingest(IngestInput input) {
        long t0 = System.nanoTime();
        UUID batchId = UUID.randomUUID();
        String format = null;
        Path temp = null;
        try {
            IngestFormat detected = detect(input);
            format = detected.name();
            Path local = input.localPath();
            if (local == null && detected == IngestFormat.RESERVES_XLSX) {
                // a zip is read from its end: the workbook goes to /tmp, never more than the guard accepts
                temp = Files.createTempFile("bp010-ingest-", "-" + input.name().replaceAll("[^A-Za-z0-9._-]", "_"));
                copyWorkbook(input, temp, WORKBOOK_GUARD);
                local = temp;
            }
            Path file = local;
            FileResult result;
            try {
                result = db.inTransaction("ingest " + input.name(),
                        c -> load(c, input, detected, batchId, file, t0, bulkPath));
            } catch (BulkLanding.Fallback f) {
                LOG.info("{}: loaded through the merge alone ({})", input.location(), f.getMessage());
                result = db.inTransaction("ingest " + input.name(),
                        c -> load(c, input, detected, batchId, file, t0, false));
            }
            LOG.info("Ingested {} ({}): read {}, inserted {}, duplicate {}, revised {}, rejected {}, pivoted {}",
                    input.location(), format, result.rowsRead(), result.rowsInserted(), result.rowsDuplicate(),
                    result.rowsRevised(), result.rowsRejected(), result.pivotedRows());
            return result;
        } catch (DuplicateContent d) {
            FileResult r = new FileResult(input.name(), input.location(), format, batchId, input.source(),
                    "DUPLICATE_OBJECT", d.rowsRead, 0, d.rowsRead, 0, 0, 0, Map.of(), null, List.of(), d.loadedBy,
                    null, null, millis(t0));
            recordQuietly(r, d.sha256);
            LOG.info("{} holds the same content batch {} loaded: nothing re-read", input.location(), d.loadedBy);
            return r;
        } catch (Bp010Exception e) {
            if (e.isRetryable()) {
                throw e;
            }
            e.withIfAbsent("file", input.name());
            FileResult r = FileResult.failed(input.name(), input.location(), format, batchId, input.source(),
                    e.failureReport(), millis(t0));
            LOG.warn("Ingest of {} failed: {}", input.location(), e.getMessage());
            recordQuietly(r, null);
            return r;
        } catch (IOException | UncheckedIOException e) {
            FileResult r = FileResult.failed(input.name(), input.location(), format, batchId, input.source(),
                    new Bp010Exception(ErrorCode.STORAGE, "Could not read " + input.location() + ": "
                            + e.getMessage(), e).with("file", input.name()).failureReport(), millis(t0));
            recordQuietly(r, null);
            return r;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // /tmp is cleaned with the container
                }
            }
        }
    }

    private static IngestFormat detect(IngestInput input) throws IOException {
        byte[] head;
        try (InputStream in = input.opener().open()) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return FormatDetector.detect(input.name(), head);
    }

    private FileResult load(Connection c, IngestInput input, IngestFormat format, UUID batchId, Path local, long t0,
                            boolean tryBulk) throws SQLException {
        lastSteps.clear();
        long tStart = System.nanoTime();
        MessageDigest sha = sha256();
        // catalogue reads first: once the COPY is open the connection takes nothing else until it ends
        Map<String, String> varByColumn = varIdByColumn(c);
        Map<String, List<String>> dumpColumns = format == IngestFormat.PG_DUMP ? DumpColumns.defaults(c) : Map.of();
        PgDumpReader dump = new PgDumpReader(dumpColumns);
        boolean bulkFormat = format == IngestFormat.TELEMETRY_CSV || format == IngestFormat.TELEMETRY_JSON
                || format == IngestFormat.PRODUCTION_CSV;
        StagingWriter staging;
        BulkLanding bulk = null;
        if (tryBulk && bulkFormat) {
            // the time-span probe and the direct landing need the merge lock from here to commit
            BatchOutcome.lock(c);
            staging = StagingWriter.deferred(c, input.name());
            bulk = BulkLanding.open(c, staging, batchId, input.source());
        } else {
            staging = StagingWriter.open(c, input.name());
        }
        com.bp010.ingest.read.ReadingSink readings = bulk != null ? bulk : staging;
        long tOpen = System.nanoTime();
        List<TableRow> master = new ArrayList<>();
        List<TableRow> reserves = new ArrayList<>();
        long rowsRead;
        List<String> ignored = List.of();
        ReadingValidator validator = validator(false);
        try {
            switch (format) {
                case TELEMETRY_CSV -> rowsRead = read(input, sha, in -> new TelemetryCsvReader(validator)
                        .read(input.name(), in, readings).rowsRead());
                case TELEMETRY_JSON -> rowsRead = read(input, sha, in -> new TelemetryJsonReader(validator)
                        .read(input.name(), in, readings).rowsRead());
                case PRODUCTION_CSV -> {
                    ProductionRowSplitter splitter = new ProductionRowSplitter(varByColumn, validator);
                    rowsRead = read(input, sha, in -> new ProductionCsvReader(splitter)
                            .read(input.name(), in, readings).rowsRead());
                }
                case WELL_MASTER_CSV, RESERVES_CSV -> {
                    boolean isMaster = format == IngestFormat.WELL_MASTER_CSV;
                    TableShape shape = isMaster ? TableShape.WELL_MASTER : TableShape.RESERVES;
                    TableRowSink sink = collect(isMaster ? master : reserves, staging);
                    TableReadSummary s = readTable(input, sha, shape, sink);
                    rowsRead = s.rowsRead();
                    ignored = s.ignoredColumns();
                }
                case RESERVES_XLSX -> {
                    digestFile(local, sha);
                    TableReadSummary s = new ReservesXlsxReader(TableShape.RESERVES, WORKBOOK_GUARD)
                            .read(input.name(), local, collect(reserves, staging));
                    rowsRead = s.rowsRead();
                    ignored = s.ignoredColumns();
                }
                case PG_DUMP -> rowsRead = readDump(input, sha, staging, master, reserves,
                        new ProductionRowSplitter(varByColumn, validator), dump, validator);
                default -> throw new IllegalStateException("format " + format);
            }
        } catch (IOException e) {
            abort(bulk, staging);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            abort(bulk, staging);
            throw e;
        }
        long tRead = System.nanoTime();
        long[] landed = bulk == null ? null : bulk.finish();
        long tLanded = System.nanoTime();
        staging.finish();
        long tStaged = System.nanoTime();
        String digest = HexFormat.of().formatHex(sha.digest());
        // the merge lock first: a concurrent delivery of the same object waits here and then sees this batch's log
        BatchOutcome.lock(c);
        UUID before = BatchLog.loadedBefore(c, input.location(), digest);
        if (before != null) {
            throw new DuplicateContent(before, rowsRead, digest);
        }
        FileResult.TableCounts table = null;
        if (!master.isEmpty()) {
            long[] n = TableUpserter.upsert(c, TableShape.WELL_MASTER, master, batchId);
            table = new FileResult.TableCounts(TableShape.WELL_MASTER.table(), n[0], n[1], n[2]);
        }
        if (!reserves.isEmpty()) {
            long[] n = TableUpserter.upsert(c, TableShape.RESERVES, reserves, batchId);
            table = new FileResult.TableCounts(TableShape.RESERVES.table(), n[0], n[1], n[2]);
        }
        long tTables = System.nanoTime();
        BatchOutcome out = BatchOutcome.finish(c, staging, batchId, input.source(), null);
        if (landed != null) {
            out = out.plusLanded(landed[0], landed[1]);
        }
        long tMerged = System.nanoTime();
        step("catalogue and probe", tStart, tOpen);
        step(bulk == null ? "parse and COPY to staging" : "parse and COPY to landing", tOpen, tRead);
        step("pivot and COPY to production", tRead, tLanded);
        step("COPY to staging", tLanded, tStaged);
        step("well master and reserves", tStaged, tTables);
        step("merge, rejects, pivot, watermark", tTables, tMerged);
        LOG.info("{}: {}", input.name(), lastSteps);
        MergeCounts m = out.merge;
        long tableRows = master.size() + reserves.size();
        long inserted = m.inserted() + (table == null ? 0 : table.inserted());
        long revised = m.revised() + (table == null ? 0 : table.updated());
        long duplicate = m.duplicate() + (table == null ? 0 : table.unchanged());
        FileResult r = new FileResult(input.name(), input.location(), format.name(), batchId, input.source(), "OK",
                rowsRead, inserted, duplicate, revised, m.rejected(), out.pivoted, m.rejectsByReason(), table,
                ignored, null, out.watermark == null ? null : out.watermark.toString(), null, millis(t0));
        if (tableRows + m.inserted() + m.duplicate() + m.revised() + m.rejected() < rowsRead) {
            LOG.warn("{}: {} rows read but only {} accounted for", input.name(), rowsRead,
                    tableRows + m.inserted() + m.duplicate() + m.revised() + m.rejected());
        }
        BatchLog.record(c, r, digest);
        step("batch log", tMerged, System.nanoTime());
        return r;
    }

    private void step(String name, long from, long to) {
        lastSteps.put(name, (to - from) / 1_000_000);
    }

    private static void abort(BulkLanding bulk, StagingWriter staging) {
        if (bulk != null) {
            bulk.abort();
        }
        staging.abort();
    }

    /**
     * One pass over the dump, streamed (never copied to /tmp, so its size is not bounded by the function's ephemeral
     * storage): a forbidden statement anywhere throws, and the transaction it was staged in rolls back, so a refused
     * dump leaves nothing, as if it had been checked whole first.
     */
    private long readDump(IngestInput input, MessageDigest sha, StagingWriter staging, List<TableRow> master,
                          List<TableRow> reserves, ProductionRowSplitter splitter, PgDumpReader dump,
                          ReadingValidator validator) throws IOException {
        DumpRouter router = new DumpRouter(input.name(), validator, splitter, staging, collect(master, staging),
                collect(reserves, staging));
        try (InputStream in = new DigestInputStream(new BufferedInputStream(input.opener().open(), 1 << 16), sha)) {
            long rows = dump.read(input.name(), new LenientTextReader(in), router);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return rows;
        }
    }

    /** Copies a workbook to {@code target}, refusing it as soon as it passes the guard's size bound. */
    static void copyWorkbook(IngestInput input, Path target, ZipBombGuard guard) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = input.opener().open(); var out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                guard.checkSize(input.name(), copied);
                out.write(buffer, 0, n);
            }
        }
    }

    private interface StreamRead {
        long read(InputStream in) throws IOException;
    }

    private static long read(IngestInput input, MessageDigest sha, StreamRead reader) throws IOException {
        try (InputStream in = new DigestInputStream(new BufferedInputStream(input.opener().open(), 1 << 16), sha)) {
            long n = reader.read(in);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return n;
        }
    }

    private static TableReadSummary readTable(IngestInput input, MessageDigest sha, TableShape shape,
                                              TableRowSink sink) throws IOException {
        try (InputStream in = new DigestInputStream(new BufferedInputStream(input.opener().open()), sha)) {
            return new TableCsvReader(shape).read(input.name(), in, sink);
        }
    }

    private static void digestFile(Path file, MessageDigest sha) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static TableRowSink collect(List<TableRow> rows, StagingWriter staging) {
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
                staging.reject(reject);
            }
        };
    }

    ReadingValidator validator(boolean commaDecimal) {
        return new ReadingValidator(new TimestampParser(settings.sourceZone()),
                new TimestampParser(settings.sourceZone()), commaDecimal);
    }

    static Map<String, String> varIdByColumn(Connection c) throws SQLException {
        Map<String, String> map = new java.util.HashMap<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT columna_stage, var_id_scada FROM referencial.tbl_var_scada_map WHERE activa")) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getString(2));
            }
        }
        return map;
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import com.bp010.db.ErrorCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code {"source": "rejects", "batchId"}}: replays the rows of a batch that were refused for a reason that can go
 * away (an unknown well or SCADA id: the well master or the map may hold it now) through the same bulk path. Rows that
 * load are marked replayed (with the new batch); rows still refused stay pending, not duplicated.
 */
final class RejectReplayer {
    private final Database db;
    private final FileIngester files;

    public RejectReplayer(Database db, FileIngester files) {
        this.db = db;
        this.files = files;
    }

    private record Pending(long id, String file, long line, String raw, String well, String var, String ts,
                           String measure, String received) {
    }

    public FileResult replay(UUID fromBatch) {
        long t0 = System.nanoTime();
        UUID batchId = UUID.randomUUID();
        String location = "rejects:" + fromBatch;
        return db.inTransaction("replay " + location, c -> {
            requireBatch(c, fromBatch);
            List<Pending> pending = pending(c, fromBatch);
            Landing.Outcome m;
            long replayed;
            try (RejectLog rejects = new RejectLog(batchId, "rejects", location)) {
                Landing landing = Landing.open(c, batchId, "rejects", false, rejects);
                ReadingValidator validator = files.validator();
                for (Pending p : pending) {
                    validator.validate(p.file, p.line, p.raw, p.well, p.var, p.ts, p.measure, p.received,
                            new ReadingSink() {
                                @Override
                                public void accept(Reading r) {
                                    landing.accept(r, p.id);
                                }

                                @Override
                                public void reject(RowReject r) {
                                    landing.reject(r, p.id);
                                }
                            });
                }
                landing.endRead(c, List.of());
                MergeLock.take(c);
                // every staged reading of a replay loads (new, duplicate or revision): its reject is replayed
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE stage.landing_rejects r SET replayed_at = now(), replay_batch_id = ?
                          FROM pg_temp.ingest_staging s
                         WHERE s.replay_of = r.reject_id""")) {
                    ps.setObject(1, batchId);
                    replayed = ps.executeUpdate();
                }
                m = landing.land(c, null);
            }
            FileResult r = new FileResult(new FileResult.Origin(null, location, "REJECTS", "rejects"), batchId,
                    BatchStatus.OK, new FileResult.Counts(pending.size(), m.inserted(), m.duplicate(), m.revised(),
                            m.rejected(), m.pivoted(), m.rejectsByReason()),
                    new FileResult.Notes(null, List.of(), null,
                            m.watermark() == null ? null : m.watermark().toString(), null),
                    FileIngester.millis(t0));
            BatchLog.record(c, r, null);
            if (replayed != m.inserted() + m.duplicate() + m.revised()) {
                throw new Bp010Exception(ErrorCode.INTERNAL, "replay marked " + replayed + " rejects but loaded "
                        + (m.inserted() + m.duplicate() + m.revised()));
            }
            return r;
        });
    }

    /** An unknown batch id is a mistake in the event, not an empty replay. */
    private static void requireBatch(Connection c, UUID batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM stage.ingest_batches WHERE batch_id = ?")) {
            ps.setObject(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new Bp010Exception(ErrorCode.BAD_EVENT, "Stage ingest event: batchId " + batch
                            + " is not a batch of stage.ingest_batches: take the batchId of the ingest response (or"
                            + " SELECT batch_id FROM stage.ingest_batches WHERE rows_rejected > 0)")
                            .with("field", "batchId").with("value", batch.toString());
                }
            }
        }
    }

    private static List<Pending> pending(Connection c, UUID batch) throws SQLException {
        List<Pending> rows = new ArrayList<>();
        String[] replayable = Arrays.stream(RejectReason.values()).filter(RejectReason::replayable)
                .map(Enum::name).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT reject_id, file_name, line_number, raw_text, well_id, var_id, timestamp_text, measure,
                       source_received_text
                  FROM stage.landing_rejects
                 WHERE batch_id = ? AND replayed_at IS NULL AND reason_code = ANY (?)
                 ORDER BY reject_id""")) {
            ps.setObject(1, batch);
            ps.setArray(2, c.createArrayOf("text", replayable));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Pending(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return rows;
    }
}

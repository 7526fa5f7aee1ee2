package com.bp010.ingest.load;

import com.bp010.ingest.read.Reading;
import com.bp010.ingest.read.ReadingSink;
import com.bp010.ingest.read.RowReject;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Streams readings and refused rows, as they are read, into a temporary staging table with one {@code COPY}: the bulk
 * path of SPEC 4.3. Nothing is held in memory; the batch's set-based statements take it from there.
 */
final class StagingWriter implements ReadingSink {
    static final String TABLE = "pg_temp.ingest_staging";

    private static final String COPY_SQL = "COPY " + TABLE + " (seq, line, well_id, var_id, ts, measure, is_number, "
            + "received, reject_code, reject_field, reject_detail, raw_text, ts_text, received_text, file_name, "
            + "replay_of) FROM STDIN";

    private final String pivotStatement;
    private final Writer out;
    private final PGCopyOutputStream copy;
    /** Deferred mode: rows kept here and copied on {@link #finish()} (another COPY holds the connection meanwhile). */
    private final SpillBuffer spill;
    private final Connection connection;
    private final String fileName;
    private final StringBuilder line = new StringBuilder(256);
    private long seq;
    private long accepted;
    private long rejected;
    private Instant minTime;
    private Instant maxTime;

    private StagingWriter(PGCopyOutputStream copy, String fileName, String pivotStatement) {
        this.pivotStatement = pivotStatement;
        this.copy = copy;
        this.spill = null;
        this.connection = null;
        this.fileName = fileName;
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    private StagingWriter(Connection c, SpillBuffer spill, String fileName, String pivotStatement) {
        this.pivotStatement = pivotStatement;
        this.copy = null;
        this.spill = spill;
        this.connection = c;
        this.fileName = fileName;
        this.out = new BufferedWriter(new OutputStreamWriter(spill, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Reads the catalogue's pivot statement (the connection takes nothing else once the COPY is open), creates the
     * staging table (dropped at commit) and opens the COPY into it.
     */
    static StagingWriter open(Connection c, String fileName) throws SQLException {
        String pivot = prepare(c);
        PGConnection pg = c.unwrap(PGConnection.class);
        PGCopyOutputStream copy = new PGCopyOutputStream(pg, COPY_SQL, 1 << 16);
        return new StagingWriter(copy, fileName, pivot);
    }

    /**
     * Like {@link #open}, but the rows are kept (in memory, then a temporary file) and copied into the staging table
     * by {@link #finish()}: the bulk path holds the connection with its own COPY while it reads.
     */
    static StagingWriter deferred(Connection c, String fileName) throws SQLException {
        String pivot = prepare(c);
        return new StagingWriter(c, new SpillBuffer(), fileName, pivot);
    }

    private static String prepare(Connection c) throws SQLException {
        String pivot;
        try (Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT stage.fnc_pivot_statement('up')")) {
            rs.next();
            pivot = rs.getString(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE ingest_staging (seq bigint, line bigint, well_id text, var_id text, "
                    + "ts timestamptz, measure text, is_number boolean, received timestamptz, reject_code text, "
                    + "reject_field text, reject_detail text, raw_text text, ts_text text, received_text text, "
                    + "file_name text, replay_of bigint) ON COMMIT DROP");
        }
        return pivot;
    }

    @Override
    public void accept(Reading r) {
        accept(r, null);
    }

    /** A reading replayed from {@code stage.landing_rejects} row {@code replayOf}. */
    void accept(Reading r, Long replayOf) {
        line.setLength(0);
        line.append(++seq).append('\t').append(r.line()).append('\t');
        text(r.wellId());
        text(r.varId());
        line.append(r.timestamp()).append('\t');
        text(r.measure());
        line.append(r.numeric() ? 't' : 'f').append('\t');
        if (r.receivedAt() == null) {
            line.append("\\N\t");
        } else {
            line.append(r.receivedAt()).append('\t');
        }
        line.append("\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t");
        text(replayOf == null ? fileName : null);
        line.append(replayOf == null ? "\\N" : replayOf.toString()).append('\n');
        write();
        accepted++;
        noteTime(r.timestamp());
    }

    /** A reading the bulk path landed itself: it still counts for the batch's time range (the watermark). */
    void noteTime(Instant t) {
        if (minTime == null || t.isBefore(minTime)) {
            minTime = t;
        }
        if (maxTime == null || t.isAfter(maxTime)) {
            maxTime = t;
        }
    }

    @Override
    public void reject(RowReject r) {
        reject(r, null);
    }

    void reject(RowReject r, Long replayOf) {
        line.setLength(0);
        line.append(++seq).append('\t').append(r.line()).append('\t');
        text(r.wellId());
        text(r.varId());
        line.append("\\N\t");
        text(r.measure());
        line.append("\\N\t\\N\t");
        text(r.reason().name());
        text(r.field());
        text(r.detail());
        text(r.rawText());
        text(r.timestampText());
        text(r.receivedText());
        text(r.file() != null ? r.file() : fileName);
        line.append(replayOf == null ? "\\N" : replayOf.toString()).append('\n');
        write();
        rejected++;
    }

    /** Ends the COPY; returns the rows staged. */
    long finish() throws SQLException {
        try {
            out.flush();
            if (spill == null) {
                copy.endCopy();
            } else {
                try (spill; java.io.InputStream in = spill.open()) {
                    if (spill.size() > 0) {
                        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, in, 1 << 16);
                    }
                }
            }
        } catch (IOException e) {
            throw new SQLException("COPY into the staging table failed: " + e.getMessage(), "08006", e);
        }
        return seq;
    }

    /** Rows staged for the set-based merge (deferred mode: rows kept so far). */
    boolean isEmpty() {
        return accepted + rejected == 0;
    }

    /** Abandons the COPY after a failure (the transaction rolls back). */
    void abort() {
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException ignored) {
                // a temporary file; /tmp is cleaned with the container
            }
            return;
        }
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is already broken; the rollback that follows reports it
        }
    }

    /** The pivot of the rows a merge returns as {@code up}, or null when the SCADA map is empty. */
    String pivotStatement() {
        return pivotStatement;
    }

    long accepted() {
        return accepted;
    }

    long rejectedByReader() {
        return rejected;
    }

    Instant minTime() {
        return minTime;
    }

    Instant maxTime() {
        return maxTime;
    }

    private void text(String value) {
        CopyText.field(line, value);
    }

    private void write() {
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into the staging table failed: " + e.getMessage(), e);
        }
    }
}

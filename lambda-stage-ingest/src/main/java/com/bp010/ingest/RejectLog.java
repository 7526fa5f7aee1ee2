package com.bp010.ingest;

import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The refused rows of one batch, in input order, kept (in memory, then a temporary file) while the input is read and
 * copied into {@code stage.landing_rejects} with the batch, source, file, line, raw text and reason at the end.
 * Nothing refused is dropped; a replayed reject still refused stays pending instead of being copied again.
 */
final class RejectLog implements AutoCloseable {
    private static final String COPY_SQL = "COPY stage.landing_rejects (batch_id, source, file_name, line_number, "
            + "raw_text, reason, reason_code, well_id, var_id, timestamp_text, measure, source_received_text) FROM STDIN";

    private final SpillBuffer spill = new SpillBuffer();
    private final Writer out = new BufferedWriter(new OutputStreamWriter(spill, StandardCharsets.UTF_8), 1 << 16);
    private final String head;
    private final String fileName;
    private final Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
    private final StringBuilder line = new StringBuilder(256);
    private long kept;

    RejectLog(UUID batchId, String source, String fileName) {
        StringBuilder h = new StringBuilder();
        CopyText.field(h, batchId.toString());
        CopyText.field(h, source);
        this.head = h.toString();
        this.fileName = fileName;
    }

    /** A refused row; {@code replayOf} is the reject it replays (then it is counted, not copied again). */
    void add(RowReject r, Long replayOf) {
        byReason.merge(r.reason(), 1L, Long::sum);
        if (replayOf != null) {
            return;
        }
        line.setLength(0);
        line.append(head);
        CopyText.field(line, r.file() != null ? r.file() : fileName);
        line.append(r.line()).append('\t');
        CopyText.field(line, r.rawText() != null ? r.rawText() : joinNonNull(r.wellId(), r.varId(), r.timestampText(),
                r.measure(), r.receivedText()));
        CopyText.field(line, r.message());
        CopyText.field(line, r.reason().name());
        CopyText.field(line, r.wellId());
        CopyText.field(line, r.varId());
        CopyText.field(line, r.timestampText());
        CopyText.field(line, r.measure());
        CopyText.field(line, r.receivedText());
        line.setCharAt(line.length() - 1, '\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("keeping a refused row failed: " + e.getMessage(), e);
        }
        kept++;
    }

    long count() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Refused rows by reason code, sorted by code. */
    Map<String, Long> byReason() {
        Map<String, Long> m = new TreeMap<>();
        byReason.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    /** Copies the kept rows into {@code stage.landing_rejects}. */
    void copy(Connection c) throws SQLException {
        try {
            out.flush();
            if (kept > 0) {
                try (InputStream in = spill.open()) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, in, 1 << 16);
                }
            }
        } catch (IOException e) {
            throw new SQLException("COPY into stage.landing_rejects failed: " + e.getMessage(), "08006", e);
        }
    }

    @Override
    public void close() {
        try {
            spill.close();
        } catch (IOException ignored) {
            // a temporary file; /tmp is cleaned with the container
        }
    }

    private static String joinNonNull(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                if (!b.isEmpty()) {
                    b.append(',');
                }
                b.append(p);
            }
        }
        return b.toString();
    }
}

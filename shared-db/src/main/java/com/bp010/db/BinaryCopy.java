package com.bp010.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One {@code COPY ... FROM STDIN WITH (FORMAT binary)}: tuples written field by field into a buffer sent in 64 KB
 * pieces. Times go as microseconds since PostgreSQL's epoch, rounded as PostgreSQL rounds a finer text time; numbers
 * go as their IEEE bits, so a {@code double} arrives in a {@code float8} column bit for bit, with no text between.
 * Used by the ingest (readings into its staging table) and by the card step (strokes).
 */
public final class BinaryCopy {
    /** 2000-01-01T00:00:00Z, PostgreSQL's binary timestamp epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int BUFFER = 64 * 1024;

    private final CopyIn copy;
    private final String table;
    private byte[] buf = new byte[BUFFER];
    private int pos;

    private BinaryCopy(CopyIn copy, String table) {
        this.copy = copy;
        this.table = table;
        put(new byte[]{'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        putInt(0);
        putInt(0);
    }

    /** Opens {@code COPY table (columns) FROM STDIN binary}; the connection takes nothing else until it ends. */
    public static BinaryCopy open(Connection c, String table, String columns) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT binary)");
        return new BinaryCopy(in, table);
    }

    /** Microseconds since 1970 of {@code t}, the sub-microsecond part rounded half to even as PostgreSQL does. */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L),
                (long) Math.rint(t.getNano() / 1000.0));
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    public BinaryCopy tuple(int fields) {
        ensure(2);
        putShort(fields);
        return this;
    }

    public BinaryCopy int4(int v) {
        ensure(8);
        putInt(4);
        putInt(v);
        return this;
    }

    public BinaryCopy int8(long v) {
        ensure(12);
        putInt(8);
        putLong(v);
        return this;
    }

    public BinaryCopy int8OrNull(Long v) {
        return v == null ? nullField() : int8(v);
    }

    public BinaryCopy float8(double v) {
        return int8(Double.doubleToLongBits(v));
    }

    public BinaryCopy timestamp(long micros) {
        return int8(micros - PG_EPOCH_MICROS);
    }

    public BinaryCopy timestampOrNull(Instant t) {
        return t == null ? nullField() : timestamp(micros(t));
    }

    public BinaryCopy uuid(long msb, long lsb) {
        ensure(20);
        putInt(16);
        putLong(msb);
        putLong(lsb);
        return this;
    }

    /** OID of {@code float8}, the element type a binary {@code float8[]} names. */
    private static final int FLOAT8_OID = 701;

    /** A one-dimensional {@code float8[]} (lower bound 1, no NULL elements) from the values as they are. */
    public BinaryCopy float8Array(double[] values) {
        int n = values.length;
        ensure(4 + 20 + 12 * n);
        putInt(20 + 12 * n);
        putInt(1);          // dimensions
        putInt(0);          // no NULL elements
        putInt(FLOAT8_OID);
        putInt(n);          // length of the dimension
        putInt(1);          // its lower bound
        for (double v : values) {
            putInt(8);
            putLong(Double.doubleToLongBits(v));
        }
        return this;
    }

    public BinaryCopy nullField() {
        ensure(4);
        putInt(-1);
        return this;
    }

    /** A text field; a NUL, which PostgreSQL text cannot hold, is dropped (as the text COPY format does). */
    public BinaryCopy text(String s) {
        if (s == null) {
            return nullField();
        }
        int n = s.length();
        ensure(4 + n);
        int lenAt = pos;
        pos += 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                pos = lenAt;
                byte[] b = s.replace("\0", "").getBytes(StandardCharsets.UTF_8);
                ensure(4 + b.length);
                putInt(b.length);
                put(b);
                return this;
            }
            buf[pos++] = (byte) c;
        }
        int end = pos;
        pos = lenAt;
        putInt(n);
        pos = end;
        return this;
    }

    /** Ends the COPY; returns the rows PostgreSQL took. */
    public long end() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
        return copy.endCopy();
    }

    /** Abandons the COPY after a failure (the transaction rolls back). */
    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is already broken; the rollback that follows reports it
        }
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void putShort(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putInt(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putLong(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    private void ensure(int n) {
        if (pos + n <= buf.length) {
            return;
        }
        flush();
        if (n > buf.length) {
            buf = new byte[Math.max(n, buf.length * 2)];
        }
    }

    private void flush() {
        if (pos == 0) {
            return;
        }
        try {
            copy.writeToCopy(buf, 0, pos);
        } catch (SQLException e) {
            throw new UncheckedIOException("COPY into " + table + " failed: " + e.getMessage(),
                    new java.io.IOException(e));
        }
        pos = 0;
    }
}

package com.bp010.ingest.load;

import com.bp010.ingest.read.Reading;
import com.bp010.ingest.read.ReadingSink;
import com.bp010.ingest.read.RowReject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The fast half of the bulk path. While the file is read, a reading that is certainly new goes straight into
 * {@code stage.landing_scada_data} with one binary {@code COPY}, and its (well, timestamp) row is pivoted here, in
 * memory, from the catalogue; those production rows are copied into {@code stage.tbl_pozo_produccion} at the end.
 * Everything else (rejects, unknown well or SCADA id, a value of the wrong type, a reading whose well already has
 * readings at or around that time) goes to the {@link StagingWriter} and through the set-based merge, unchanged.
 *
 * <p>"Certainly new": the well's reading times already stored (production rows, and landing rows not yet pivoted) span
 * [first, last]; a reading outside that span cannot collide with a stored key. The probe runs under the merge lock,
 * so no other ingest adds keys meanwhile. Whatever the fast path cannot decide exactly as the merge would (the same
 * reading twice in the file, two SCADA ids of one column at one time, a stored key outside the probed span) throws
 * {@link Fallback}: the caller rolls the transaction back and loads the file through the merge alone.
 */
final class BulkLanding implements ReadingSink {
    /** The fast path cannot give the merge's result for this file: load it through the merge. */
    static final class Fallback extends RuntimeException {
        Fallback(String why) {
            super(why, null, false, false);
        }
    }

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Production rows held for the pivot before the file is sent through the merge instead (memory bound). */
    private static final int MAX_GROUPS = 250_000;
    /** 2000-01-01T00:00:00Z, PostgreSQL's binary timestamp epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int BUFFER = 64 * 1024;
    private static final String LANDING_COPY = "COPY stage.landing_scada_data (well_id, var_id, timestamp_lectura, "
            + "measure, moddate, source_received_at, batch_id, source, pivoted_at) FROM STDIN WITH (FORMAT binary)";

    private record Var(int column, byte[] id) {
    }

    private record GroupKey(int well, long micros) {
    }

    private final Connection connection;
    private final StagingWriter slow;
    private final Map<String, Integer> wells;
    private final String[] wellIds;
    private final byte[][] wellBytes;
    private final long[] first;
    private final long[] last;
    private final Map<String, Var> numericVars;
    private final Map<String, Var> textVars;
    private final List<String> columns;
    /** Indexes in {@link #columns} of the card columns a FORMATO rule checks: their verdicts are stored. */
    private final int[] cardColumns;
    private final byte[] batch;
    private final byte[] source;
    private final long nowMicros;
    private final Instant now;
    private final String xid;
    private final CopyIn copy;
    private final Map<GroupKey, String[]> groups = new HashMap<>();
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private GroupKey lastKey;
    private String[] lastCells;
    private long landed;

    private BulkLanding(Connection c, StagingWriter slow, Catalogue cat, UUID batchId, String source, long nowMicros,
                        String xid) throws SQLException {
        this.connection = c;
        this.slow = slow;
        this.wells = cat.wells;
        this.wellIds = cat.wellIds.toArray(String[]::new);
        this.wellBytes = new byte[wellIds.length][];
        for (int i = 0; i < wellIds.length; i++) {
            wellBytes[i] = wellIds[i].getBytes(StandardCharsets.UTF_8);
        }
        this.first = cat.first;
        this.last = cat.last;
        this.numericVars = cat.numericVars;
        this.textVars = cat.textVars;
        this.columns = cat.columns;
        this.cardColumns = cat.cardColumns;
        this.batch = uuidBytes(batchId);
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.nowMicros = nowMicros;
        this.now = Instant.ofEpochSecond(Math.floorDiv(nowMicros, 1_000_000L), Math.floorMod(nowMicros, 1_000_000L) * 1000);
        this.xid = xid;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(LANDING_COPY);
        // binary COPY header: signature, flags, header extension length
        put(new byte[]{'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        putInt(0);
        putInt(0);
    }

    /**
     * Reads the catalogue and the stored time span of every well (the caller holds the merge lock), then opens the
     * COPY into landing: from here until {@link #finish()} the connection takes nothing else.
     */
    static BulkLanding open(Connection c, StagingWriter slow, UUID batchId, String source) throws SQLException {
        Catalogue cat = Catalogue.read(c);
        long nowMicros;
        String xid;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (extract(epoch FROM now()) * 1000000)::bigint, pg_current_xact_id()::text")) {
            rs.next();
            nowMicros = rs.getLong(1);
            xid = rs.getString(2);
        }
        return new BulkLanding(c, slow, cat, batchId, source, nowMicros, xid);
    }

    @Override
    public void accept(Reading r) {
        Integer w = wells.get(r.wellId());
        Var v = (r.numeric() ? numericVars : textVars).get(r.varId());
        Instant ts = r.timestamp();
        Instant received = r.receivedAt();
        if (w == null || v == null) {
            slow.accept(r); // refused by the merge, with the catalogue's reason
            return;
        }
        if (ts.getNano() % 1000 != 0 || (received != null && received.getNano() % 1000 != 0)
                || r.measure().indexOf('\0') >= 0) {
            // PostgreSQL rounds the time and drops the NUL: only the merge sees the reading exactly as stored
            throw new Fallback("line " + r.line() + " has a time finer than a microsecond or a NUL in its value");
        }
        long micros = micros(ts);
        int well = w;
        if (micros >= first[well] && micros <= last[well]) {
            slow.accept(r);
            return;
        }
        String[] cells = group(well, micros);
        if (cells[v.column] != null) {
            throw new Fallback("well " + r.wellId() + " at " + ts + " has two readings for column "
                    + columns.get(v.column));
        }
        cells[v.column] = r.measure();
        writeTuple(well, v, micros, r.measure(), received);
        slow.noteTime(ts);
        landed++;
    }

    @Override
    public void reject(RowReject reject) {
        slow.reject(reject);
    }

    /**
     * Ends the landing COPY and copies the pivoted production rows. A stored key the probe did not see (a landing
     * row whose production row was deleted by hand) makes the COPY fail on the unique key: {@link Fallback}.
     *
     * @return {readings landed, production rows written}
     */
    long[] finish() throws SQLException {
        putShort(-1);
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw uniqueViolation(e);
        }
        if (!groups.isEmpty()) {
            copyProduction();
            if (cardColumns.length > 0) {
                copyCardVerdicts();
            }
        }
        return new long[]{landed, groups.size()};
    }

    /** Abandons the COPY after a failure (the transaction rolls back). */
    void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is already broken; the rollback that follows reports it
        }
    }

    private String[] group(int well, long micros) {
        if (lastKey != null && lastKey.well() == well && lastKey.micros() == micros) {
            return lastCells;
        }
        GroupKey key = new GroupKey(well, micros);
        String[] cells = groups.get(key);
        if (cells == null) {
            if (groups.size() >= MAX_GROUPS) {
                throw new Fallback("more than " + MAX_GROUPS + " (well, timestamp) rows to pivot in memory");
            }
            cells = new String[columns.size()];
            groups.put(key, cells);
        }
        lastKey = key;
        lastCells = cells;
        return cells;
    }

    private void copyProduction() throws SQLException {
        StringBuilder sql = new StringBuilder("COPY stage.tbl_pozo_produccion (well_id, timestamp_lectura");
        for (String col : columns) {
            sql.append(", \"").append(col).append('"');
        }
        sql.append(", pivoted_at, pivot_xid) FROM STDIN");
        String tail = now + "\t" + xid + "\n";
        StringBuilder text = new StringBuilder(BUFFER + 4096);
        CopyIn production = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
        try {
            for (Map.Entry<GroupKey, String[]> e : groups.entrySet()) {
                CopyText.field(text, wellIds[e.getKey().well()]);
                text.append(instant(e.getKey().micros())).append('\t');
                for (String cell : e.getValue()) {
                    CopyText.field(text, cell);
                }
                text.append(tail);
                if (text.length() >= BUFFER) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    production.writeToCopy(bytes, 0, bytes.length);
                    text.setLength(0);
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            production.writeToCopy(bytes, 0, bytes.length);
            production.endCopy();
        } catch (SQLException e) {
            if (production.isActive()) {
                production.cancelCopy();
            }
            throw uniqueViolation(e);
        }
    }

    /**
     * The cards just pivoted that {@link CardClosure} vouches for, with their closure, into
     * {@code stage.tbl_carta_verificada}: the DQ card check passes them without parsing them again.
     */
    private void copyCardVerdicts() throws SQLException {
        java.security.MessageDigest md5;
        try {
            md5 = java.security.MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
        StringBuilder text = new StringBuilder(BUFFER + 4096);
        CopyIn verdicts = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY stage.tbl_carta_verificada (well_id, timestamp_lectura, columna, carta_md5, cierre) FROM STDIN");
        try {
            for (Map.Entry<GroupKey, String[]> e : groups.entrySet()) {
                for (int col : cardColumns) {
                    String card = e.getValue()[col];
                    java.util.OptionalDouble closure = CardClosure.of(card);
                    if (closure.isEmpty()) {
                        continue;
                    }
                    String hex = java.util.HexFormat.of().formatHex(md5.digest(card.getBytes(StandardCharsets.UTF_8)));
                    CopyText.field(text, wellIds[e.getKey().well()]);
                    text.append(instant(e.getKey().micros())).append('\t').append(columns.get(col)).append('\t')
                            .append(hex, 0, 8).append('-').append(hex, 8, 12).append('-').append(hex, 12, 16)
                            .append('-').append(hex, 16, 20).append('-').append(hex, 20, 32).append('\t')
                            .append(closure.getAsDouble()).append('\n');
                    if (text.length() >= BUFFER) {
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        verdicts.writeToCopy(bytes, 0, bytes.length);
                        text.setLength(0);
                    }
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            verdicts.writeToCopy(bytes, 0, bytes.length);
            verdicts.endCopy();
        } catch (SQLException e) {
            if (verdicts.isActive()) {
                verdicts.cancelCopy();
            }
            throw uniqueViolation(e);
        }
    }

    private static SQLException uniqueViolation(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            throw new Fallback("a stored reading the time-span probe did not see: " + e.getMessage());
        }
        return e;
    }

    private void writeTuple(int well, Var v, long micros, String measure, Instant received) {
        byte[] wb = wellBytes[well];
        ensure(2 + 4 + wb.length + 4 + v.id().length + 12 + 12 + 12 + 20 + 4 + source.length + 12 + 4);
        putShort(9);
        putBytes(wb);
        putBytes(v.id());
        putTimestamp(micros);
        putText(measure);
        ensure(12 + 12 + 20 + 4 + source.length + 12);
        putTimestamp(nowMicros);
        if (received == null) {
            putInt(-1);
        } else {
            putTimestamp(micros(received));
        }
        putInt(16);
        put(batch);
        putBytes(source);
        putTimestamp(nowMicros);
    }

    private void putText(String s) {
        int n = s.length();
        ensure(4 + n);
        int lenAt = pos;
        pos += 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                pos = lenAt;
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                ensure(4 + b.length);
                putBytes(b);
                return;
            }
            buf[pos++] = (byte) c;
        }
        int at = pos;
        pos = lenAt;
        putInt(n);
        pos = at;
    }

    private void putBytes(byte[] b) {
        ensure(4 + b.length);
        putInt(b.length);
        put(b);
    }

    private void putTimestamp(long micros) {
        putInt(8);
        putLong(micros - PG_EPOCH_MICROS);
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void putShort(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putLong(long v) {
        ensure(8);
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
            throw new java.io.UncheckedIOException("COPY into stage.landing_scada_data failed: " + e.getMessage(),
                    new IOException(e));
        }
        pos = 0;
    }

    private static long micros(Instant t) {
        return Math.multiplyExact(t.getEpochSecond(), 1_000_000L) + t.getNano() / 1000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    private static byte[] uuidBytes(UUID u) {
        byte[] b = new byte[16];
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (msb >>> (56 - 8 * i));
            b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return b;
    }

    /** The SCADA map as the pivot reads it, the known wells and each well's stored time span. */
    private static final class Catalogue {
        final Map<String, Integer> wells = new HashMap<>();
        final List<String> wellIds = new ArrayList<>();
        final Map<String, Var> numericVars = new HashMap<>();
        final Map<String, Var> textVars = new HashMap<>();
        final List<String> columns = new ArrayList<>();
        int[] cardColumns = new int[0];
        long[] first;
        long[] last;

        static Catalogue read(Connection c) throws SQLException {
            Catalogue cat = new Catalogue();
            Map<String, Integer> columnIndex = new HashMap<>();
            // the columns stage.fnc_pivot_statement writes, and every SCADA id mapped to one of them
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT m.var_id_scada, m.columna_stage, m.tipo_dato = 'numeric'
                      FROM referencial.tbl_var_scada_map m
                      JOIN information_schema.columns c
                        ON c.table_schema = 'stage' AND c.table_name = 'tbl_pozo_produccion'
                       AND c.column_name = m.columna_stage
                     WHERE c.column_name NOT IN ('well_id', 'timestamp_lectura', 'pivoted_at', 'pivot_xid')
                       -- types whose COPY input equals the pivot's cast of the text (an integer or numeric column
                       -- would round differently): readings of other columns take the merge
                       AND c.data_type IN ('double precision', 'text', 'character varying', 'json', 'jsonb')
                     ORDER BY m.columna_stage, m.var_id_scada""")) {
                while (rs.next()) {
                    String col = rs.getString(2);
                    if (!COLUMN.matcher(col).matches()) {
                        continue; // the merge path refuses it with the catalogue's own message
                    }
                    int idx = columnIndex.computeIfAbsent(col, k -> {
                        cat.columns.add(k);
                        return cat.columns.size() - 1;
                    });
                    Var v = new Var(idx, rs.getString(1).getBytes(StandardCharsets.UTF_8));
                    (rs.getBoolean(3) ? cat.numericVars : cat.textVars).put(rs.getString(1), v);
                }
            }
            // the columns a FORMATO (card) rule checks, among those pivoted here
            List<Integer> cards = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT DISTINCT columna FROM stage.vw_dq_reglas_resueltas
                     WHERE tabla = 'tbl_pozo_produccion' AND tipo = 'FORMATO' AND columna IS NOT NULL""")) {
                while (rs.next()) {
                    Integer idx = columnIndex.get(rs.getString(1));
                    if (idx != null) {
                        cards.add(idx);
                    }
                }
            }
            cat.cardColumns = cards.stream().mapToInt(Integer::intValue).sorted().toArray();
            List<long[]> spans = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT m.well_id,
                           (extract(epoch FROM LEAST(
                               (SELECT min(p.timestamp_lectura) FROM stage.tbl_pozo_produccion p WHERE p.well_id = m.well_id),
                               (SELECT min(l.timestamp_lectura) FROM stage.landing_scada_data l
                                 WHERE l.well_id = m.well_id AND l.pivoted_at IS NULL))) * 1000000)::bigint,
                           (extract(epoch FROM GREATEST(
                               (SELECT max(p.timestamp_lectura) FROM stage.tbl_pozo_produccion p WHERE p.well_id = m.well_id),
                               (SELECT max(l.timestamp_lectura) FROM stage.landing_scada_data l
                                 WHERE l.well_id = m.well_id AND l.pivoted_at IS NULL))) * 1000000)::bigint
                      FROM stage.tbl_pozo_maestra m""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cat.wells.put(rs.getString(1), cat.wellIds.size());
                    cat.wellIds.add(rs.getString(1));
                    long lo = rs.getLong(2);
                    boolean none = rs.wasNull();
                    long hi = rs.getLong(3);
                    // no stored reading: an empty span (first > last) lets every time through
                    spans.add(none ? new long[]{Long.MAX_VALUE, Long.MIN_VALUE} : new long[]{lo, hi});
                }
            }
            cat.first = new long[spans.size()];
            cat.last = new long[spans.size()];
            for (int i = 0; i < spans.size(); i++) {
                cat.first[i] = spans.get(i)[0];
                cat.last[i] = spans.get(i)[1];
            }
            return cat;
        }
    }
}

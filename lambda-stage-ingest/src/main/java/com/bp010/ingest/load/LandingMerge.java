package com.bp010.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The set-based half of the bulk path, on the staged rows of one batch: refuse what the catalogue does not know (well,
 * SCADA id, a value of the wrong type for its column), keep every refused row in {@code stage.landing_rejects}, then
 * upsert the rest into {@code stage.landing_scada_data} under its unique key. An identical reading is a duplicate,
 * and readings compare as numbers ({@code stage.fnc_misma_medida}: {@code 144.0} and {@code 144.00} are one reading);
 * a changed value replaces the old one, which the landing trigger keeps in {@code stage.landing_revisions}.
 */
final class LandingMerge {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LandingMerge.class);
    private static final String CLASSIFY = """
            UPDATE pg_temp.ingest_staging s
               SET reject_code = x.code, reject_field = x.field, reject_detail = x.detail
              FROM (SELECT st.seq,
                           CASE WHEN m.well_id IS NULL THEN 'UNKNOWN_WELL'
                                WHEN v.var_id_scada IS NULL THEN 'UNKNOWN_VARIABLE'
                                ELSE 'WRONG_TYPE' END AS code,
                           CASE WHEN m.well_id IS NULL THEN 'well_id'
                                WHEN v.var_id_scada IS NULL THEN 'var_id'
                                ELSE 'measure' END AS field,
                           CASE WHEN m.well_id IS NULL
                                    THEN 'well ' || st.well_id || ' is not in stage.tbl_pozo_maestra (replay the batch once the well master holds it)'
                                WHEN v.var_id_scada IS NULL
                                    THEN 'SCADA id ' || st.var_id || ' is not in referencial.tbl_var_scada_map'
                                WHEN v.tipo_dato = 'numeric'
                                    THEN '''' || left(st.measure, 200) || ''' is not a number, and ' || v.columna_stage || ' is numeric'
                                ELSE 'a number where ' || v.columna_stage || ' expects text (a JSON card)' END AS detail
                      FROM pg_temp.ingest_staging st
                      LEFT JOIN stage.tbl_pozo_maestra m ON m.well_id = st.well_id
                      LEFT JOIN referencial.tbl_var_scada_map v ON v.var_id_scada = st.var_id
                     WHERE st.reject_code IS NULL
                       AND (m.well_id IS NULL OR v.var_id_scada IS NULL
                            OR (v.tipo_dato = 'numeric') IS DISTINCT FROM st.is_number)) x
             WHERE s.seq = x.seq""";

    private static final String INSERT_REJECTS = """
            INSERT INTO stage.landing_rejects (batch_id, source, file_name, line_number, raw_text, reason, reason_code,
                                               well_id, var_id, timestamp_text, measure, source_received_text)
            SELECT ?, ?, s.file_name, s.line,
                   coalesce(s.raw_text, concat_ws(',', s.well_id, s.var_id, coalesce(s.ts_text, s.ts::text),
                                                  s.measure, coalesce(s.received_text, s.received::text))),
                   s.reject_code || coalesce(' in ' || s.reject_field, '') || ': ' || s.reject_detail,
                   s.reject_code, s.well_id, s.var_id, coalesce(s.ts_text, s.ts::text), s.measure,
                   coalesce(s.received_text, s.received::text)
              FROM pg_temp.ingest_staging s
             WHERE s.reject_code IS NOT NULL AND s.replay_of IS NULL
             ORDER BY s.seq""";

    /**
     * Lands and pivots in one statement: the upsert returns the rows it inserted or changed, and the catalogue's pivot
     * statement ({@code stage.fnc_pivot_statement('up')}) writes their (well, timestamp) rows into production. The
     * landing rows are written already pivoted: no second pass over them, no update of every row.
     */
    private static final String UPSERT = """
            WITH up AS (
                INSERT INTO stage.landing_scada_data AS l (well_id, var_id, timestamp_lectura, measure, moddate,
                                                           source_received_at, batch_id, source, pivoted_at)
                SELECT s.well_id, s.var_id, s.ts, s.measure, now(), s.received, ?, ?, %s
                  FROM %s
                ON CONFLICT ON CONSTRAINT landing_scada_data_uk DO UPDATE
                   SET measure = EXCLUDED.measure, moddate = EXCLUDED.moddate,
                       source_received_at = EXCLUDED.source_received_at, batch_id = EXCLUDED.batch_id,
                       source = EXCLUDED.source, pivoted_at = EXCLUDED.pivoted_at
                 WHERE NOT stage.fnc_misma_medida(l.measure, EXCLUDED.measure)
                RETURNING l.well_id, l.var_id, l.timestamp_lectura, l.measure, (xmax = 0) AS inserted)%s
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), %s FROM up""";

    private static final String GOOD_ROWS = "pg_temp.ingest_staging s WHERE s.reject_code IS NULL";

    /** The last line of a batch wins when it holds the same reading twice. */
    private static final String GOOD_ROWS_DEDUPED = """
            (SELECT DISTINCT ON (well_id, var_id, ts) * FROM pg_temp.ingest_staging
              WHERE reject_code IS NULL ORDER BY well_id, var_id, ts, seq DESC) s""";

    /** Earlier lines of a batch whose value a later line of the same batch changed: kept as revisions too. */
    private static final String INTRA_BATCH_REVISIONS = """
            INSERT INTO stage.landing_revisions (well_id, var_id, timestamp_lectura, measure_anterior, measure_nuevo,
                                                 batch_id_anterior, batch_id_nuevo, source_received_at_anterior)
            SELECT e.well_id, e.var_id, e.ts, e.measure, w.measure, ?, ?, e.received
              FROM pg_temp.ingest_staging e
              JOIN (SELECT DISTINCT ON (well_id, var_id, ts) well_id, var_id, ts, seq, measure
                      FROM pg_temp.ingest_staging WHERE reject_code IS NULL
                     ORDER BY well_id, var_id, ts, seq DESC) w
                ON w.well_id = e.well_id AND w.var_id = e.var_id AND w.ts = e.ts AND w.seq <> e.seq
             WHERE e.reject_code IS NULL AND NOT stage.fnc_misma_medida(e.measure, w.measure)""";

    private LandingMerge() {
    }

    static MergeCounts run(Connection c, UUID batchId, String source, String pivot) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE pg_temp.ingest_staging");
            st.executeUpdate(CLASSIFY);
        }
        LOG.debug("classify {} ms", (System.nanoTime() - t0) / 1_000_000);
        try (PreparedStatement ps = c.prepareStatement(INSERT_REJECTS)) {
            ps.setObject(1, batchId);
            ps.setString(2, source);
            ps.executeUpdate();
        }
        Map<String, Long> byReason = new TreeMap<>();
        long rejected = 0;
        long good = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT reject_code, count(*) FROM pg_temp.ingest_staging GROUP BY reject_code")) {
            while (rs.next()) {
                if (rs.getString(1) == null) {
                    good = rs.getLong(2);
                } else {
                    byReason.put(rs.getString(1), rs.getLong(2));
                    rejected += rs.getLong(2);
                }
            }
        }
        if (good == 0) {
            return new MergeCounts(0, 0, 0, rejected, 0, byReason);
        }
        long t1 = System.nanoTime();
        long[] upserted = upsert(c, batchId, source, pivot);
        LOG.debug("rejects and counts {} ms, upsert and pivot {} ms", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        return new MergeCounts(upserted[0], good - upserted[0] - upserted[1], upserted[1], rejected, upserted[2],
                byReason);
    }

    /** Fast path without dedupe; a batch that holds a reading twice makes PostgreSQL refuse it (21000): dedupe. */
    private static long[] upsert(Connection c, UUID batchId, String source, String pivot) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try {
            long[] counts = upsert(c, batchId, source, GOOD_ROWS, pivot);
            c.releaseSavepoint(sp);
            return counts;
        } catch (SQLException e) {
            if (!"21000".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(sp);
        }
        try (PreparedStatement ps = c.prepareStatement(INTRA_BATCH_REVISIONS)) {
            ps.setObject(1, batchId);
            ps.setObject(2, batchId);
            ps.executeUpdate();
        }
        return upsert(c, batchId, source, GOOD_ROWS_DEDUPED, pivot);
    }

    private static long[] upsert(Connection c, UUID batchId, String source, String rows, String pivot)
            throws SQLException {
        String sql = pivot == null ? UPSERT.formatted("NULL::timestamptz", rows, "", "0")
                : UPSERT.formatted("now()", rows, ", pv AS (" + pivot + " RETURNING 1)", "(SELECT count(*) FROM pv)");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, batchId);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }
}

package com.bp010.local;

import com.bp010.db.Database;
import com.bp010.ingest.FileIngester;
import com.bp010.ingest.FileResult;
import com.bp010.ingest.IngestInput;
import com.bp010.ingest.IngestSettings;
import org.postgresql.PGConnection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The ingest benchmark of docs/CONTRACTS.md §8 on one telemetry CSV: readings per second end to end (parse, COPY, dedupe, pivot) against
 * the ceiling (a raw server-side {@code COPY} of the same file into an unindexed table) and, optionally, against
 * batched row-by-row {@code INSERT ... ON CONFLICT} (what a simple script does). The well master must be loaded first.
 */
final class IngestBenchmark {
    /** Seconds and readings/s of each way; {@code endToEndVsCopy} is the fraction of the ceiling reached. */
    public record Result(long readings, double copySeconds, double endToEndSeconds, double insertSeconds,
                         long copyRowsPerSecond, long endToEndRowsPerSecond, long insertRowsPerSecond,
                         double endToEndVsCopy, FileResult ingest) {
    }

    private IngestBenchmark() {
    }

    public static Result run(Database db, IngestSettings settings, Path telemetryCsv, boolean withInserts) {
        RawCopy raw = rawCopy(db, telemetryCsv);
        long copyRows = raw.rows();
        double copySeconds = raw.seconds();
        long t0 = System.nanoTime();
        FileResult ingest = new FileIngester(db, settings).ingest(IngestInput.localFile(telemetryCsv));
        double e2e = (System.nanoTime() - t0) / 1e9;
        double insertSeconds = withInserts ? batchedInserts(db, telemetryCsv) : 0;
        return new Result(copyRows, copySeconds, e2e, insertSeconds, rate(copyRows, copySeconds),
                rate(ingest.counts().rowsRead(), e2e), withInserts ? rate(copyRows, insertSeconds) : 0,
                Math.round(copySeconds / e2e * 1000) / 1000.0, ingest);
    }

    private record RawCopy(long rows, double seconds) {
    }

    private static RawCopy rawCopy(Database db, Path csv) {
        return db.withConnection("benchmark raw COPY", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS public.bp010_bench_raw");
                st.execute("CREATE TABLE public.bp010_bench_raw (well_id text, var_id text, timestamp_lectura "
                        + "timestamptz, measure text, source_received_at timestamptz)");
            }
            try (InputStream in = Files.newInputStream(csv)) {
                String header = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(csv),
                        StandardCharsets.UTF_8)).readLine();
                String columns = header.contains("source_received_at") ? "" : " (well_id, var_id, timestamp_lectura, measure)";
                long t0 = System.nanoTime();
                long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY public.bp010_bench_raw" + columns
                        + " FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
                return new RawCopy(rows, (System.nanoTime() - t0) / 1e9);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS public.bp010_bench_raw");
                }
            }
        });
    }

    /** Row-by-row INSERT in batches of 1000 into a copy of the landing table (same unique key), ON CONFLICT DO NOTHING. */
    private static double batchedInserts(Database db, Path csv) {
        return db.withConnection("benchmark batched INSERT", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS public.bp010_bench_insert");
                st.execute("CREATE TABLE public.bp010_bench_insert (well_id text, var_id text, timestamp_lectura timestamptz, measure text, moddate timestamptz NOT NULL DEFAULT now(), source_received_at timestamptz, batch_id uuid NOT NULL, source text NOT NULL, pivoted_at timestamptz, UNIQUE (well_id, var_id, timestamp_lectura))");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 PreparedStatement ps = c.prepareStatement("INSERT INTO public.bp010_bench_insert (well_id, var_id, "
                         + "timestamp_lectura, measure, batch_id, source) VALUES (?, ?, ?, ?, gen_random_uuid(), 'bench') "
                         + "ON CONFLICT DO NOTHING")) {
                r.readLine();
                int n = 0;
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split(",", 4);
                    String measure = f[3];
                    if (measure.startsWith("\"")) {
                        measure = measure.substring(1, measure.lastIndexOf('"')).replace("\"\"", "\"");
                    } else if (measure.indexOf(',') >= 0) {
                        measure = measure.substring(0, measure.indexOf(','));
                    }
                    ps.setString(1, f[0]);
                    ps.setString(2, f[1]);
                    ps.setTimestamp(3, Timestamp.from(Instant.parse(f[2])));
                    ps.setString(4, measure);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                c.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS public.bp010_bench_insert");
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        });
    }

    private static long rate(long rows, double seconds) {
        return seconds <= 0 ? 0 : Math.round(rows / seconds);
    }
}

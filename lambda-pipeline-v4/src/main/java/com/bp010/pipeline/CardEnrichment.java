package com.bp010.pipeline;

import com.bp010.cards.Card;
import com.bp010.cards.CardAnalysis;
import com.bp010.cards.CardAnalyzer;
import com.bp010.cards.CardInputException;
import com.bp010.cards.CardKind;
import com.bp010.cards.Diagnosis;
import com.bp010.cards.RodString;
import com.bp010.cards.WellDescription;
import com.bp010.db.BinaryCopy;
import com.bp010.db.CallResult;
import com.bp010.db.Database;
import com.bp010.db.Json;
import com.bp010.db.SqlWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card step (docs/CARDS.md; first in TRANSFORM, so the hourly facts are written with their diagnosis, its
 * fillage feed first in ENRICH): every surface card whose diagnosis may have changed (an incremental run: the cards of
 * its scope's new hours; an explicit window: all of its cards; in either, those this run has not diagnosed yet when a
 * phase joins or resumes it by runId; see {@link #pending}) becomes a pump card and a
 * diagnosis. Set-based: the window's pending cards are found by one query, then each
 * chunk of {@code chunk} of them is read by key, analysed in Java, and written in a transaction of its own (the surface
 * and pump strokes to {@code universal.stroke}: by binary {@code COPY} straight into it when none of the chunk's
 * readings has a stroke yet, else by binary {@code COPY} to a session table and one upsert; the diagnoses to
 * {@code universal.diagnostico} under (stroke, model version), by binary {@code COPY} to a session table and one
 * upsert), then committed, so a long backlog makes progress. Pipelined: the next chunk is read and analysed on
 * another thread while one is written; the chunks are written one after the other, in order, on one connection.
 * An incremental run (its scope) looks back at most {@code CARD_LOOKBACK_DAYS} from asOf; an explicit window, in one
 * invocation or joined phase by phase, reads every card of its days. Under the invocation's time budget
 * ({@link TimeBudget.ChunkPace}), a chunk is started (and written) only while what is left holds the longest chunk so
 * far (the first: an estimate from its size), every statement of the step runs under a {@code statement_timeout} of
 * what is left, and the wait for a chunk's analysis is bounded by it: else the phase stops with TIME_BUDGET after the
 * chunks committed, and its retry (same runId) resumes after them.
 */
final class CardEnrichment {
    static final String CALL = "bp010.card_analysis";
    /**
     * ENRICH's first call when the run's TRANSFORM analysed the cards: the fillage feed alone, under a name of its own
     * so the bench counts it with phases 3-7 (only the card analysis has its own bench line, docs/CONTRACTS.md §8).
     */
    static final String FILLAGE_CALL = "bp010.card_fillage";
    private static final Logger LOG = LoggerFactory.getLogger(CardEnrichment.class);

    /** Every card of the run's window (and well, if any): what the two window rules below start from. */
    private static final String IN_WINDOW = """
            SELECT p.well_id, p.timestamp_lectura
              FROM stage.tbl_pozo_produccion p
             WHERE p.dynacard IS NOT NULL
               AND p.timestamp_lectura >= ? AND p.timestamp_lectura < ?
               AND (?::text IS NULL OR p.well_id = ?::text)
            """;
    private static final String IN_ORDER = "ORDER BY p.well_id, p.timestamp_lectura";

    /**
     * What a run that goes on where it stopped leaves out: the cards this run has diagnosed already from their present
     * text, i.e. with a surface stroke of the same md5 written since the run opened (the stroke's {@code created_at},
     * set by every write of it, against the run's start; the chunk's stroke and diagnoses commit together). The run's
     * start is its {@code reporting.pipeline_runs.started_at}, or for the global run of well groups its GLOBAL phase's
     * start: RunScope.union dates that run from its earliest group (for the recomputation marks), but the groups write
     * no cards, and until the global run took the pipeline's lease another run (a backfill, the previous hour's global
     * run) may have, from readings as they were then. From the run's start on, only the run writes strokes (it holds
     * the lease); every earlier writer committed before, so its strokes are older. A run with no run log row (the step
     * called alone): nothing is left out. One parameter, the run. Shared by {@link #PENDING_FOR_RUN} and
     * {@link #PENDING_IN_SCOPE}.
     */
    private static final String NOT_DIAGNOSED_BY_RUN = """
               AND NOT EXISTS (SELECT 1 FROM universal.stroke s
                                WHERE s.well_id = p.well_id AND s.timestamp_lectura = p.timestamp_lectura
                                  AND s.tipo_carta = 'SUPERFICIE' AND s.carta_md5 = md5(p.dynacard)::uuid
                                  AND s.created_at >= (SELECT coalesce(g.started_at, r.started_at)
                                                         FROM reporting.pipeline_runs r
                                                         LEFT JOIN reporting.pipeline_run_phases g
                                                           ON g.run_id = r.run_id AND g.fase = 'GLOBAL'
                                                        WHERE r.run_id = ?))
            """;

    /**
     * A run without scope joined or resumed by its runId (an explicit window phase by phase under Step Functions, the
     * retry of a phase): every card of the window this run has not diagnosed yet ({@link #NOT_DIAGNOSED_BY_RUN}). An
     * earlier run's diagnosis is read again, as in one invocation ({@link #PENDING_IN_WINDOW}): the reading or the
     * master may have changed since; the chunks this run committed are not, so a retry goes on where it stopped. In
     * the order they are worked, one pass per call. A run with no run log row (the step called alone): every card of
     * the window. The last parameter is the run.
     */
    private static final String PENDING_FOR_RUN = IN_WINDOW + NOT_DIAGNOSED_BY_RUN + IN_ORDER;

    /**
     * An explicit window: every card of the window, analysed or not. A diagnosis depends on the reading around its
     * card (strokes per minute, WHP, BSW, liquid rate, PIP) and on the well master, not on the card's text alone, and
     * an explicit window recomputes the window exactly.
     */
    private static final String PENDING_IN_WINDOW = IN_WINDOW + IN_ORDER;

    /**
     * The cards of an incremental run's scope (its rows in {@code reporting.pipeline_run_alcance}): of the scope's new
     * hours, the hours holding readings written since the last complete run, and of the days a well-master change
     * marked, whole (docs/AGGREGATION.md, "Incremental runs"). Each hour range is an index range of the well's readings
     * (a lateral subquery kept apart by {@code OFFSET 0}: joined plainly, the planner read each well's readings from
     * the card floor on and filtered the ranges after, 168 a well for one new hour at a week of history, 50 ms against
     * 2.4 ms at 100 wells): an hourly run reads its new hour, not the days around it. Parameters: the run, then the
     * well (NULL: all).
     */
    private static final String SCOPE_CARDS = """
              FROM reporting.pipeline_run_alcance a
             CROSS JOIN LATERAL unnest(coalesce(a.horas_nuevas, tstzmultirange(tstzrange(a.desde, a.hasta)))) h(r)
             CROSS JOIN LATERAL (SELECT p.well_id, p.timestamp_lectura, p.dynacard
                                   FROM stage.tbl_pozo_produccion p
                                  WHERE p.well_id = a.well_id
                                    AND p.timestamp_lectura >= lower(h.r) AND p.timestamp_lectura < upper(h.r)
                                    AND p.dynacard IS NOT NULL
                                 OFFSET 0) p
             WHERE a.run_id = ?
               AND (?::text IS NULL OR p.well_id = ?::text)
            """;

    /**
     * An incremental run: every card of its scope from its card floor on that this run has not diagnosed yet
     * ({@link #NOT_DIAGNOSED_BY_RUN}). The last complete run diagnosed every other card from the reading and master it
     * has now, so these are exactly the cards whose diagnosis may change, whether or not their text did; a retry of
     * the run (after TIME_BUDGET or a failure) goes on after the chunks it committed. The scope's cards are found
     * first ({@code OFFSET 0} keeps the planner from probing the strokes before the hour ranges are applied: one probe
     * of the strokes' key per scope card, not per reading from the floor on; at 1,000 wells with a day of history the
     * hourly run's 1,000 cards, not 24,000 readings). Parameters: the run, the well (twice), the floor and the
     * window's end, the run.
     */
    private static final String PENDING_IN_SCOPE = "SELECT p.well_id, p.timestamp_lectura"
            + " FROM (SELECT p.well_id, p.timestamp_lectura, p.dynacard" + SCOPE_CARDS + """
               AND p.timestamp_lectura >= ? AND p.timestamp_lectura < ?
             OFFSET 0) p
             WHERE true
            """ + NOT_DIAGNOSED_BY_RUN + IN_ORDER;

    /**
     * The cards of an incremental run's scope that lie before its card floor (CARD_LOOKBACK_DAYS before asOf):
     * {@link #PENDING_IN_SCOPE} leaves them out, so a late delivery or a first run's backfill keeps them undiagnosed.
     */
    private static final String BEFORE_FLOOR = "SELECT count(*), min(p.timestamp_lectura), max(p.timestamp_lectura)"
            + SCOPE_CARDS + "   AND p.timestamp_lectura < ?";

    /** A chunk's cards with their well master, by key, in the chunk's order. */
    private static final String READ = """
            SELECT p.well_id, p.timestamp_lectura, p.dynacard, md5(p.dynacard)::uuid AS carta_md5,
                   p.strokes_per_minute, p.well_head_pressure, p.bsw, p.liquid_rate, p.pump_intake_pressure,
                   m.profundidad_bomba, m.diametro_piston, m.descripcion_sarta_varillas, m.diametro_tubing,
                   m.api_gravity, m.sg_agua
              FROM unnest(?::text[], ?::timestamptz[]) WITH ORDINALITY k(well_id, timestamp_lectura, i)
              JOIN stage.tbl_pozo_produccion p
                ON p.well_id = k.well_id AND p.timestamp_lectura = k.timestamp_lectura
              LEFT JOIN stage.tbl_pozo_maestra m ON m.well_id = p.well_id
             WHERE p.dynacard IS NOT NULL
             ORDER BY k.i""";

    /** The chunk's strokes, sent by binary {@code COPY} (each number's bits as they are, no text in between). */
    private static final String STROKE_STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS bp010_card_strokes (seq integer, well_id text,
                   timestamp_lectura timestamptz, position double precision[], load double precision[],
                   spm double precision, tipo_carta text, carta_md5 uuid) ON COMMIT DELETE ROWS""";
    private static final String STROKE_COLUMNS =
            "seq, well_id, timestamp_lectura, position, load, spm, tipo_carta, carta_md5";

    /** The stroke columns a first write sends straight to {@code universal.stroke} (the id and defaults as the upsert's). */
    private static final String STROKE_TABLE_COLUMNS =
            "well_id, timestamp_lectura, position, load, spm, tipo_carta, carta_md5";

    /** Every card chunk's write takes it: the check for stored strokes holds until the chunk commits. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('bp010.card_analysis'))";

    /** Whether any of the readings (well, time) has a stroke, of either kind. */
    private static final String ANY_STORED = """
            SELECT EXISTS (SELECT 1 FROM unnest(?::text[], ?::timestamptz[]) k(well_id, timestamp_lectura)
                             JOIN universal.stroke s
                               ON s.well_id = k.well_id AND s.timestamp_lectura = k.timestamp_lectura)""";

    private static final String WRITE_STROKES = """
            INSERT INTO universal.stroke AS t (well_id, timestamp_lectura, position, load, spm, tipo_carta, carta_md5)
            SELECT e.well_id, e.timestamp_lectura, e.position, e.load, e.spm, e.tipo_carta, e.carta_md5
              FROM pg_temp.bp010_card_strokes e
             ORDER BY e.seq
            ON CONFLICT (well_id, timestamp_lectura, tipo_carta) DO UPDATE
               SET position = EXCLUDED.position, load = EXCLUDED.load, spm = EXCLUDED.spm,
                   carta_md5 = EXCLUDED.carta_md5, created_at = now()""";

    /** The chunk's diagnoses, sent by binary {@code COPY} like the strokes; features and reasons as JSON text. */
    private static final String DIAGNOSIS_STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS bp010_card_diagnoses (seq integer, well_id text,
                   timestamp_lectura timestamptz, clase text, probabilidad double precision, severidad text,
                   base text, llenado_pct double precision, carga_fluido_lbf double precision,
                   carrera_neta_in double precision, pip_psi double precision, caracteristicas text, razones text)
                   ON COMMIT DELETE ROWS""";
    private static final String DIAGNOSIS_COLUMNS = "seq, well_id, timestamp_lectura, clase, probabilidad, severidad,"
            + " base, llenado_pct, carga_fluido_lbf, carrera_neta_in, pip_psi, caracteristicas, razones";

    private static final String WRITE_DIAGNOSES = """
            INSERT INTO universal.diagnostico AS t (stroke_id, well_id, timestamp_lectura, clase, probabilidad,
                   modelo_version, patron_id, severidad, base, llenado_pct, carga_fluido_lbf, carrera_neta_in, pip_psi,
                   caracteristicas, razones)
            SELECT s.stroke_id, s.well_id, s.timestamp_lectura, e.clase, e.probabilidad, ?, pa.patron_id,
                   e.severidad, e.base, e.llenado_pct, e.carga_fluido_lbf, e.carrera_neta_in, e.pip_psi,
                   e.caracteristicas::jsonb, e.razones::jsonb
              FROM pg_temp.bp010_card_diagnoses e
              JOIN universal.stroke s ON s.well_id = e.well_id AND s.timestamp_lectura = e.timestamp_lectura
                                     AND s.tipo_carta = 'SUPERFICIE'
              LEFT JOIN universal.patron pa ON pa.clase_diagnostico = e.clase AND pa.fuente = ?
             ORDER BY e.seq
            ON CONFLICT (well_id, stroke_id, modelo_version) DO UPDATE
               SET clase = EXCLUDED.clase, probabilidad = EXCLUDED.probabilidad, patron_id = EXCLUDED.patron_id,
                   severidad = EXCLUDED.severidad, base = EXCLUDED.base, llenado_pct = EXCLUDED.llenado_pct,
                   carga_fluido_lbf = EXCLUDED.carga_fluido_lbf, carrera_neta_in = EXCLUDED.carrera_neta_in,
                   pip_psi = EXCLUDED.pip_psi, caracteristicas = EXCLUDED.caracteristicas,
                   razones = EXCLUDED.razones, created_at = now()""";

    /**
     * The card fillage feed: per current-values row, the latest PUMP diagnosis of the window (one backward probe of
     * the diagnoses' (well, time) index per well), written where the well has no SCADA fillage tag within a day before
     * it. A well with a tag read at or after 23 hours before the window's end is left out before its diagnoses are
     * read: every diagnosis of the window is earlier than that end, and a day before it is at least 23 hours before
     * it in any time zone, so that tag always excludes the well below (the same rows; the hourly run's wells all have
     * a recent tag, so nothing is sorted to write nothing).
     */
    private static final String FEED_FILLAGE = """
            UPDATE reporting.dataset_current_values cv
               SET pump_fillage = d.llenado_pct, pump_fillage_ts = d.timestamp_lectura, updated_at = now()
              FROM (SELECT w.well_id, g.llenado_pct, g.timestamp_lectura
                      FROM reporting.dataset_current_values w
                     CROSS JOIN LATERAL (SELECT g.llenado_pct, g.timestamp_lectura
                                           FROM universal.diagnostico g
                                          WHERE g.well_id = w.well_id
                                            AND g.modelo_version = ? AND g.base = 'PUMP' AND g.llenado_pct IS NOT NULL
                                            AND g.timestamp_lectura >= ? AND g.timestamp_lectura < ?
                                          ORDER BY g.timestamp_lectura DESC
                                          LIMIT 1) g
                     WHERE (?::text IS NULL OR w.well_id = ?::text)
                       AND NOT EXISTS (SELECT 1 FROM stage.tbl_pozo_produccion p
                                        WHERE p.well_id = w.well_id AND p.pump_fillage IS NOT NULL
                                          AND p.timestamp_lectura >= ?::timestamptz - interval '23 hours')) d
             WHERE cv.well_id = d.well_id
               AND (cv.pump_fillage_ts IS NULL OR cv.pump_fillage_ts <= d.timestamp_lectura)
               AND (cv.pump_fillage, cv.pump_fillage_ts) IS DISTINCT FROM (d.llenado_pct, d.timestamp_lectura)
               AND NOT EXISTS (SELECT 1 FROM stage.tbl_pozo_produccion p
                                WHERE p.well_id = d.well_id AND p.pump_fillage IS NOT NULL
                                  AND p.timestamp_lectura > d.timestamp_lectura - interval '1 day')""";

    private final int lookbackDays;
    private final int chunk;
    private final boolean powerBalance;
    private final TimeBudget budget;
    private final CardAnalyzer analyzer = new CardAnalyzer();

    CardEnrichment(int lookbackDays, int chunk) {
        this(lookbackDays, chunk, false, TimeBudget.unlimited());
    }

    /**
     * @param powerBalance damping by the power balance from each reading's liquid rate and intake pressure
     * @param budget       the invocation's time budget: no chunk is started, nor written, that would not fit in what
     *                     is left, and no statement runs past it ({@link TimeBudget.ChunkPace})
     */
    CardEnrichment(int lookbackDays, int chunk, boolean powerBalance, TimeBudget budget) {
        this.lookbackDays = lookbackDays;
        this.chunk = chunk;
        this.powerBalance = powerBalance;
        this.budget = budget;
    }

    /**
     * The whole card step in one call: analyses the run's pending cards in committed chunks, then feeds their fillage
     * to the current values (ENRICH's first call when the run's TRANSFORM did not analyse them).
     */
    CallResult run(Database database, RunContext run, ZoneId zone, boolean explicitWindow) {
        return run(database, run, zone, explicitWindow, Phase.ENRICH, true, true);
    }

    /**
     * The run's pending cards into strokes and diagnoses, in committed chunks (TRANSFORM's first call, so the hourly
     * facts are written with their diagnosis); the result counts cards read, diagnosed and refused.
     */
    CallResult analyse(Database database, RunContext run, ZoneId zone, boolean explicitWindow) {
        return run(database, run, zone, explicitWindow, Phase.TRANSFORM, true, false);
    }

    /**
     * The window's card fillage into the current values of wells without a SCADA fillage tag (ENRICH's first call
     * after a TRANSFORM that analysed the cards: the current values are written by then).
     */
    CallResult feedFillage(Database database, RunContext run, ZoneId zone, boolean explicitWindow) {
        return run(database, run, zone, explicitWindow, Phase.ENRICH, false, true);
    }

    private CallResult run(Database database, RunContext run, ZoneId zone, boolean explicitWindow, Phase phase,
                           boolean analyse, boolean feed) {
        long start = System.nanoTime();
        Instant from = run.window().from().atStartOfDay(zone).toInstant();
        Instant to = run.window().to().plusDays(1).atStartOfDay(zone).toInstant();
        // every statement of the step under the time budget, from its first (TimeBudget.ChunkPace)
        String call = analyse ? CALL : FILLAGE_CALL;
        TimeBudget.ChunkPace pace = budget.chunks(phase.name(), call,
                database.config().statementTimeout().toMillis());
        String opening = analyse ? PENDING : FEEDING;
        pace.begin(opening);
        // CARD_LOOKBACK_DAYS bounds an incremental run (its scope): a first run over years of history or a large
        // backfill would otherwise analyse every card of it (what it leaves, leftBeforeFloor says). An explicit window,
        // in one invocation or phase by phase (a Step Functions backfill joins the run by runId: no scope), reads
        // every card of its days, however old.
        boolean scoped = !explicitWindow && bounded(database, call, pace, opening, c -> {
            bound(c, pace, opening);
            return scoped(c, run.runId());
        });
        if (scoped) {
            Instant floor = run.asOf().minus(lookbackDays, ChronoUnit.DAYS);
            from = from.isBefore(floor) ? floor : from;
        }
        List<String> notices = new ArrayList<>();
        long diagnosed = analyse ? analyse(database, run.runId(), run.wellId(), from, to, explicitWindow, scoped,
                pace, notices) : 0;
        if (feed) {
            // the card's fillage stands in for the SCADA fillage tag where a well has none, so its semaphore is judged
            int fed = feed(database, run.wellId(), from, to, pace);
            String line = String.format("card fillage for %d well(s) without a SCADA fillage tag", fed);
            if (analyse) {
                notices.set(0, notices.get(0) + "; " + line);
            } else {
                notices.add(0, String.format("%s (%s .. %s, model %s)", line, from, to, Diagnosis.MODEL_VERSION));
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.info("{}: {}", call, notices.get(0));
        return new CallResult(call, ms, notices, diagnosed);
    }

    /**
     * What an incremental run (its scope still registered) says of the cards of its new hours it did not analyse
     * because they lie more than CARD_LOOKBACK_DAYS before asOf (readings delivered late, or a first run's history):
     * how many, their days in {@code zone} and the explicit window that analyses them; empty when there are none (or
     * the run has no scope: an explicit window reads all of its cards).
     */
    Optional<String> leftBeforeFloor(Connection c, RunContext run, ZoneId zone) throws SQLException {
        Instant floor = run.asOf().minus(lookbackDays, ChronoUnit.DAYS);
        try (PreparedStatement ps = c.prepareStatement(BEFORE_FLOOR)) {
            ps.setObject(1, run.runId());
            ps.setString(2, run.wellId());
            ps.setString(3, run.wellId());
            ps.setObject(4, OffsetDateTime.ofInstant(floor, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long cards = rs.getLong(1);
                if (cards == 0) {
                    return Optional.empty();
                }
                LocalDate first = rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                LocalDate last = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                return Optional.of(String.format(Locale.ROOT, "%d card(s) of new readings from %s .. %s lie more than"
                        + " CARD_LOOKBACK_DAYS (%d) before asOf and were not diagnosed; rerun the explicit window"
                        + " {\"fechaInicio\": \"%s\", \"fechaFin\": \"%s\"} to diagnose them", cards, first, last,
                        lookbackDays, first, last));
            }
        }
    }

    /**
     * The cards' chunks, each started and written only when it fits in the time budget, each statement bounded by it
     * ({@code pace}: else the phase stops with TIME_BUDGET after the chunks committed); {@code notices} gets the
     * summary first, then up to 20 refusals.
     */
    private long analyse(Database database, UUID runId, String wellId, Instant from, Instant to,
                         boolean explicitWindow, boolean scoped, TimeBudget.ChunkPace pace, List<String> notices) {
        bounded(database, "patron", pace, PENDING, c -> {
            PatternCatalogue.ensure(c, statement -> {
                bound(statement, pace, PENDING);
                return null;
            });
            return null;
        });
        List<Key> pending = bounded(database, CALL, pace, PENDING, c -> {
            bound(c, pace, PENDING);
            return pending(c, runId, wellId, from, to, explicitWindow, scoped);
        });
        long read = 0;
        long diagnosed = 0;
        long refused = 0;
        List<String> refusals = new ArrayList<>();
        // pipelined: while chunk i is written (its own transaction, chunks in order), chunk i+1, already read, is
        // analysed on another thread; one connection at a time (a pool of one suffices)
        ExecutorService analysis = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bp010-card-analysis");
            t.setDaemon(true);
            return t;
        });
        // set when the step stops: an analysis still running leaves its remaining cards
        AtomicBoolean stopped = new AtomicBoolean();
        Future<Analysed> next = null;
        try {
            if (!pending.isEmpty()) {
                // the first chunk is judged before its cards are read (by an estimate: nothing is measured yet)
                pace.starting(where(pending, 0), size(pending, 0));
                next = analysis.submit(analyseTask(read(database, pending, 0, pace), stopped));
            }
            for (int i = 0; i < pending.size(); i += chunk) {
                String where = where(pending, i);
                if (i > 0) {
                    // read, and being analysed, since the chunk before was written: judged by the longest chunk
                    pace.starting(where, size(pending, i));
                }
                Analysed analysed = await(next, pace, where);
                next = null;
                pace.writing(where, size(pending, i));
                RuntimeException readFailure = null;
                if (i + chunk < pending.size()) {
                    try {
                        next = analysis.submit(analyseTask(read(database, pending, i + chunk, pace), stopped));
                    } catch (RuntimeException e) {
                        readFailure = e; // this chunk is written first, as when each chunk read its own cards
                    }
                }
                Chunk result = bounded(database, CALL, pace, where, c -> write(c, analysed, pace, where));
                pace.committed();
                read += result.read();
                diagnosed += result.diagnosed();
                refused += result.refused().size();
                if (refusals.size() < 20) {
                    refusals.addAll(result.refused().subList(0,
                            Math.min(result.refused().size(), 20 - refusals.size())));
                }
                if (readFailure != null) {
                    throw pace.afterCommit(where(pending, i + chunk), readFailure);
                }
            }
        } finally {
            stopped.set(true);
            if (next != null) {
                next.cancel(true);
            }
            analysis.shutdownNow();
        }
        notices.add(String.format("cards %d read, %d diagnosed, %d refused (%s .. %s, model %s)", read, diagnosed,
                refused, from, to, Diagnosis.MODEL_VERSION));
        notices.addAll(refusals);
        return diagnosed;
    }

    /** Where the step stands before its chunks, for a TIME_BUDGET's resumeAt. */
    private static final String PENDING = "the pending cards";
    /** Where the fillage feed stands, for a TIME_BUDGET's resumeAt. */
    private static final String FEEDING = "the card fillage feed";

    /** The chunk from {@code i}, for messages and a TIME_BUDGET's resumeAt: "cards 5..6 of 10, from W-1 ...". */
    private String where(List<Key> pending, int i) {
        Key first = pending.get(i);
        return String.format(Locale.ROOT, "cards %d..%d of %d, from %s %s", i + 1,
                Math.min(pending.size(), i + chunk), pending.size(), first.well(), first.ts());
    }

    private int size(List<Key> pending, int i) {
        return Math.min(pending.size(), i + chunk) - i;
    }

    /**
     * {@code work} in a transaction of its own whose statements are each bounded by the budget ({@link #bound});
     * a statement the budget cancelled stops the phase with TIME_BUDGET ({@link TimeBudget.ChunkPace#failed}).
     */
    private static <T> T bounded(Database database, String call, TimeBudget.ChunkPace pace, String where,
                                 SqlWork<T> work) {
        try {
            return database.inTransaction(call, work);
        } catch (RuntimeException e) {
            throw pace.failed(where, e);
        }
    }

    /**
     * Before one statement of the step: {@code SET LOCAL statement_timeout} = what is left of the budget, when it is
     * less than the configured timeout (else the session's applies); stops the phase when too little is left.
     */
    private static void bound(Connection c, TimeBudget.ChunkPace pace, String where) throws SQLException {
        long timeout = pace.statementMillis(where);
        if (timeout > 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
                ps.setString(1, timeout + "ms");
                ps.execute();
            }
        }
    }

    private static int feed(Database database, String wellId, Instant from, Instant to, TimeBudget.ChunkPace pace) {
        return bounded(database, FILLAGE_CALL, pace, FEEDING, c -> {
            bound(c, pace, FEEDING);
            try (PreparedStatement ps = c.prepareStatement(FEED_FILLAGE)) {
                ps.setString(1, Diagnosis.MODEL_VERSION);
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setTimestamp(3, Timestamp.from(to));
                ps.setString(4, wellId);
                ps.setString(5, wellId);
                ps.setTimestamp(6, Timestamp.from(to));
                return ps.executeUpdate();
            }
        });
    }

    private record Chunk(int read, int diagnosed, List<String> refused) {
    }

    /** A card's reading. */
    private record Key(String well, OffsetDateTime ts) {
    }

    /** One diagnosis row; the numbers as stored (a jsonb number has no negative zero, so neither has this). */
    private record DiagnosisRow(String well, Instant ts, String pattern, double confidence, String severity,
                                String basis, Double fillage, Double fo, Double net, Double pip, String features,
                                String reasons) {
    }

    /** Whether the run is incremental: it registered a scope (reporting.pipeline_run_alcance). */
    private static boolean scoped(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reporting.fnc_alcance_de(?) IS NOT NULL")) {
            ps.setObject(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The run's cards to analyse: its scope's new hours that this run has not diagnosed yet (an incremental run), every
     * card of an explicit window opened by this invocation, else (a run without scope joined or resumed by its runId)
     * every card of the window this run has not diagnosed yet from its present text.
     */
    private static List<Key> pending(Connection c, UUID runId, String wellId, Instant from, Instant to,
                                     boolean explicitWindow, boolean scoped) throws SQLException {
        List<Key> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                scoped ? PENDING_IN_SCOPE : explicitWindow ? PENDING_IN_WINDOW : PENDING_FOR_RUN)) {
            if (scoped) {
                ps.setObject(1, runId);
                ps.setString(2, wellId);
                ps.setString(3, wellId);
                ps.setTimestamp(4, Timestamp.from(from));
                ps.setTimestamp(5, Timestamp.from(to));
                ps.setObject(6, runId);
            } else {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                ps.setString(3, wellId);
                ps.setString(4, wellId);
                if (!explicitWindow) {
                    ps.setObject(5, runId);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Key(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
                }
            }
        }
        return keys;
    }

    /** A chunk's cards with their well master, read by key in the chunk's order (nothing is written). */
    private List<Reading> read(Database database, List<Key> pending, int from, TimeBudget.ChunkPace pace) {
        List<Key> keys = pending.subList(from, Math.min(pending.size(), from + chunk));
        String where = where(pending, from);
        return bounded(database, CALL, pace, where, c -> {
            String[] wells = new String[keys.size()];
            String[] stamps = new String[keys.size()];
            for (int i = 0; i < wells.length; i++) {
                wells[i] = keys.get(i).well();
                stamps[i] = keys.get(i).ts().toString();
            }
            List<Reading> readings = new ArrayList<>();
            bound(c, pace, where);
            try (PreparedStatement ps = c.prepareStatement(READ)) {
                ps.setArray(1, c.createArrayOf("text", wells));
                ps.setArray(2, c.createArrayOf("timestamptz", stamps));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        readings.add(Reading.of(rs));
                    }
                }
            }
            return readings;
        });
    }

    /** A chunk's cards analysed: the rows to write in the chunk's order, and the refusals. */
    private record Analysed(int read, List<Stroke> strokes, List<DiagnosisRow> diagnoses, List<String> refused) {
    }

    /** The chunk's analysis; once {@code stopped} (the step stopped), the cards not begun are left. */
    private Callable<Analysed> analyseTask(List<Reading> readings, AtomicBoolean stopped) {
        return () -> {
            // each card's analysis depends on its reading only: worked in parallel, collected in the chunk's order
            List<Outcome> outcomes = readings.parallelStream()
                    .map(r -> stopped.get() ? new Outcome(List.of(), null, "not analysed: the step stopped")
                            : analyse(r))
                    .toList();
            List<Stroke> strokes = new ArrayList<>();
            List<DiagnosisRow> diagnoses = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (o.refusal() != null) {
                    refused.add(o.refusal());
                } else {
                    strokes.addAll(o.strokes());
                    diagnoses.add(o.diagnosis());
                }
            }
            return new Analysed(readings.size(), strokes, diagnoses, refused);
        };
    }

    /**
     * The analysis's result, waited for within the budget ({@link TimeBudget.ChunkPace#await}); what it threw is thrown
     * as it was (an Error too).
     */
    private static Analysed await(Future<Analysed> f, TimeBudget.ChunkPace pace, String where) {
        try {
            return pace.await(f, where);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cards were analysed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** One chunk's rows in one transaction (the caller's): strokes first, then the diagnoses that refer to them. */
    private static Chunk write(Connection c, Analysed a, TimeBudget.ChunkPace pace, String where)
            throws SQLException {
        if (!a.strokes().isEmpty()) {
            SqlWork<Void> bound = s -> {
                bound(s, pace, where);
                return null;
            };
            writeStrokes(c, a.strokes(), bound);
            writeDiagnoses(c, a.diagnoses(), bound);
        }
        return new Chunk(a.read(), a.diagnoses().size(), a.refused());
    }

    /** A card's reading and its well's master row, as read. */
    private record Reading(String well, OffsetDateTime ts, String dynacard, String md5, Double spm, Double whp,
                           Double bsw, Double liquidRate, Double pip, Double depth, Double plunger, String rods,
                           Double tubing, Double api, Double sgWater) {
        static Reading of(ResultSet rs) throws SQLException {
            return new Reading(rs.getString("well_id"), rs.getObject("timestamp_lectura", OffsetDateTime.class),
                    rs.getString("dynacard"), rs.getString("carta_md5"), number(rs, "strokes_per_minute"),
                    number(rs, "well_head_pressure"), number(rs, "bsw"), number(rs, "liquid_rate"),
                    number(rs, "pump_intake_pressure"), number(rs, "profundidad_bomba"), number(rs, "diametro_piston"),
                    rs.getString("descripcion_sarta_varillas"), number(rs, "diametro_tubing"),
                    number(rs, "api_gravity"), number(rs, "sg_agua"));
        }
    }

    /** A card's rows to write, or why it was refused. */
    private record Outcome(List<Stroke> strokes, DiagnosisRow diagnosis, String refusal) {
    }

    private Outcome analyse(Reading r) {
        String well = r.well();
        OffsetDateTime ts = r.ts();
        Double spm = r.spm();
        try {
            JsonNode json = Json.mapper().readTree(r.dynacard());
            Card card = cardOf(json, spm);
            WellDescription description = wellOf(r, spm);
            if (powerBalance && description != null) {
                description = description.withMeasured(r.liquidRate(), r.pip());
            }
            CardAnalysis analysis = analyzer.analyse(card, description);
            UUID cardMd5 = UUID.fromString(r.md5());
            List<Stroke> strokes = new ArrayList<>(2);
            strokes.add(Stroke.of(well, ts.toInstant(), card.position(), card.load(), card.spm(), "SUPERFICIE",
                    cardMd5));
            if (analysis.pumpCard() != null) {
                strokes.add(Stroke.of(well, ts.toInstant(), analysis.pumpCard().position(),
                        analysis.pumpCard().load(), card.spm(), "FONDO", cardMd5));
            }
            Diagnosis d = analysis.diagnosis();
            var features = d.features().asMap();
            // features and reasons as the JSON text the jsonb columns are read from
            return new Outcome(strokes, new DiagnosisRow(well, ts.toInstant(), d.pattern().name(),
                    Math.round(d.confidence() * 1000) / 1000.0, d.severity().name(), d.basis().name(),
                    features.get("fillagePct"), features.get("fluidLoadLbf"), features.get("netStrokeIn"),
                    features.get("pipPsi"), Json.mapper().valueToTree(features).toString(),
                    Json.mapper().valueToTree(d.reasons()).toString()), null);
        } catch (CardInputException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome(List.of(), null, well + " " + ts + ": " + e.getMessage());
        }
    }

    static Card cardOf(JsonNode json, Double readingSpm) {
        if (json == null || !json.isObject()) {
            throw new CardInputException("the card is not a JSON object");
        }
        double[] position = numbers(json.get("position"), "position");
        double[] load = numbers(json.get("load"), "load");
        double[] time = json.hasNonNull("time") ? numbers(json.get("time"), "time") : null;
        Double spm = json.hasNonNull("spm") ? Double.valueOf(json.get("spm").asDouble()) : readingSpm;
        if (spm != null && !(spm > 0.2 && spm < 40)) {
            spm = null;
        }
        return new Card(position, load, time, spm, CardKind.SURFACE);
    }

    /** The well from its master row; null (surface basis) when the pump depth, plunger or rod string is missing. */
    static WellDescription wellOf(Reading r, Double spm) {
        Double depth = r.depth();
        Double plunger = r.plunger();
        String rods = r.rods();
        if (depth == null || plunger == null || rods == null || rods.isBlank()) {
            return null;
        }
        Double api = r.api();
        Double sgWater = r.sgWater();
        Double bsw = r.bsw();
        Double sg = null;
        if (api != null && sgWater != null && bsw != null) {
            double wc = Math.max(0, Math.min(1, bsw / 100));
            sg = (1 - wc) * 141.5 / (131.5 + api) + wc * sgWater;
        }
        try {
            return new WellDescription(depth, plunger, RodString.parse(rods, depth), null, r.tubing(), sg, r.whp(),
                    spm, null, r.liquidRate());
        } catch (CardInputException e) {
            return null;
        }
    }

    /** One stroke row: position to the thousandth of an inch and load to the tenth of a pound, as stored. */
    private record Stroke(String well, Instant ts, double[] position, double[] load, Double spm, String kind,
                          UUID md5) {
        static Stroke of(String well, Instant ts, double[] position, double[] load, Double spm, String kind,
                         UUID md5) {
            double[] p = new double[position.length];
            double[] l = new double[position.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.round(position[i] * 1000) / 1000.0;
                l[i] = Math.round(load[i] * 10) / 10.0;
            }
            return new Stroke(well, ts, p, l, spm, kind, md5);
        }
    }

    /**
     * The chunk's strokes into {@code universal.stroke}, in the chunk's order (so the stroke ids are given in it). When
     * none of the chunk's cards has a stroke yet (a first run over new readings), by binary {@code COPY} straight into
     * the table; else by binary {@code COPY} to a session table and one upsert. The same rows either way; the check
     * is made under a transaction lock that every card chunk takes (only this step writes strokes), so no other run can
     * add one of the chunk's strokes between the check and the {@code COPY}.
     */
    private static void writeStrokes(Connection c, List<Stroke> strokes, SqlWork<Void> bound) throws SQLException {
        if (!anyStored(c, strokes, bound)) {
            bound.run(c);
            copy(c, "universal.stroke", STROKE_TABLE_COLUMNS, strokes,
                    (copy, seq, s) -> strokeFields(copy.tuple(7), s));
            return;
        }
        copyToSession(c, STROKE_STAGING, "pg_temp.bp010_card_strokes", STROKE_COLUMNS, strokes,
                (copy, seq, s) -> strokeFields(copy.tuple(8).int4(seq), s), bound);
        bound.run(c);
        try (PreparedStatement ps = c.prepareStatement(WRITE_STROKES)) {
            ps.executeUpdate();
        }
    }

    /** A stroke's fields after its tuple header (and seq): well, time, position, load, spm, kind, md5. */
    private static void strokeFields(BinaryCopy copy, Stroke s) {
        copy.text(s.well()).timestampOrNull(s.ts()).float8Array(s.position()).float8Array(s.load());
        if (s.spm() == null) {
            copy.nullField();
        } else {
            copy.float8(s.spm());
        }
        copy.text(s.kind()).uuid(s.md5().getMostSignificantBits(), s.md5().getLeastSignificantBits());
    }

    /** Whether any of the strokes' readings (well, time) has a stroke stored, checked under the card chunks' lock. */
    private static boolean anyStored(Connection c, List<Stroke> strokes, SqlWork<Void> bound) throws SQLException {
        bound.run(c);
        try (Statement st = c.createStatement()) {
            st.execute(LOCK);
        }
        List<String> wells = new ArrayList<>();
        List<String> stamps = new ArrayList<>();
        for (Stroke s : strokes) {
            if ("SUPERFICIE".equals(s.kind())) {
                wells.add(s.well());
                stamps.add(s.ts().toString());
            }
        }
        bound.run(c);
        try (PreparedStatement ps = c.prepareStatement(ANY_STORED)) {
            ps.setArray(1, c.createArrayOf("text", wells.toArray()));
            ps.setArray(2, c.createArrayOf("timestamptz", stamps.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The chunk's diagnoses into {@code universal.diagnostico}: binary {@code COPY} to a session table, then one upsert. */
    private static void writeDiagnoses(Connection c, List<DiagnosisRow> diagnoses, SqlWork<Void> bound)
            throws SQLException {
        copyToSession(c, DIAGNOSIS_STAGING, "pg_temp.bp010_card_diagnoses", DIAGNOSIS_COLUMNS, diagnoses,
                (copy, seq, d) -> {
                    copy.tuple(13).int4(seq).text(d.well()).timestampOrNull(d.ts()).text(d.pattern())
                            .float8(stored(d.confidence())).text(d.severity()).text(d.basis());
                    float8OrNull(copy, d.fillage());
                    float8OrNull(copy, d.fo());
                    float8OrNull(copy, d.net());
                    float8OrNull(copy, d.pip());
                    copy.text(d.features()).text(d.reasons());
                }, bound);
        bound.run(c);
        try (PreparedStatement ps = c.prepareStatement(WRITE_DIAGNOSES)) {
            ps.setString(1, Diagnosis.MODEL_VERSION);
            ps.setString(2, Diagnosis.MODEL_VERSION);
            ps.executeUpdate();
        }
    }

    /** One row's fields onto the {@code COPY} stream; {@code seq} is its place in the chunk (the upsert's order). */
    private interface CopyRow<T> {
        void write(BinaryCopy copy, int seq, T row);
    }

    /**
     * Creates (or empties) a session table and sends {@code rows} into it by binary {@code COPY}, in list order; a
     * failure aborts the {@code COPY} so the connection stays usable for the transaction's rollback. {@code bound}
     * runs before each of the two statements.
     */
    private static <T> void copyToSession(Connection c, String staging, String table, String columns, List<T> rows,
                                          CopyRow<T> writer, SqlWork<Void> bound) throws SQLException {
        bound.run(c);
        try (Statement st = c.createStatement()) {
            st.execute(staging);
        }
        bound.run(c);
        copy(c, table, columns, rows, writer);
    }

    /** Sends {@code rows} by binary {@code COPY} in list order; a failure aborts the {@code COPY} (see above). */
    private static <T> void copy(Connection c, String table, String columns, List<T> rows, CopyRow<T> writer)
            throws SQLException {
        BinaryCopy copy = BinaryCopy.open(c, table, columns);
        try {
            int seq = 0;
            for (T row : rows) {
                writer.write(copy, seq++, row);
            }
            copy.end();
        } catch (SQLException | RuntimeException e) {
            copy.abort();
            throw e;
        }
    }

    private static void float8OrNull(BinaryCopy copy, Double v) {
        if (v == null) {
            copy.nullField();
        } else {
            copy.float8(stored(v));
        }
    }

    /**
     * A diagnosis number as the jsonb path stored it before (a JSON number read through {@code numeric}, which has
     * no negative zero): -0.0 becomes 0.0; NaN and the infinities, which that path carried as strings, stay.
     */
    static double stored(double v) {
        return v == 0.0 ? 0.0 : v;
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() || !Double.isFinite(v) ? null : v;
    }

    private static double[] numbers(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw new CardInputException("the card has no \"" + field + "\" array");
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new CardInputException("\"" + field + "\"[" + i + "] is not a number");
            }
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}

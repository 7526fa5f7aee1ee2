package com.bp010.ingest;

import com.bp010.db.BinaryCopy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The one road every reading takes, whatever its source (file, dump, SCADA API page, replayed reject), in steps:
 * <ol>
 *   <li>checked against the catalogue as it is read (unknown well, unknown SCADA id, a value of the wrong type for
 *   its column: refused into {@code stage.landing_rejects} with the reason), and streamed by one binary {@code COPY}
 *   into a temporary staging table with the integer keys of {@code stage.landing_lectura};</li>
 *   <li>the batch's reading months get their landing partitions;</li>
 *   <li>conflict resolution, set-based: a reading the batch holds twice keeps its last value (earlier different
 *   values kept as revisions); a reading whose key landing holds is a duplicate when equal to it (numbers compare as
 *   numbers) and a revision otherwise (the landing row is updated; its trigger keeps the old value); the rest is
 *   inserted. What was inserted or changed is pivoted by the catalogue's pivot ({@code stage.fnc_pivot_statement},
 *   the pivot's only definition);</li>
 *   <li>facts about each card read (its md5 and loop closure, {@link CardClosure}) for the DQ phase;</li>
 *   <li>the refused rows and the source's watermark.</li>
 * </ol>
 */
final class Landing implements ReadingSink {
    private static final String STAGING_COLUMNS = "seq, well_key, var_key, timestamp_lectura, measure, received, replay_of";

    /** What the batch's readings became, and where the source's watermark stands. */
    record Outcome(long inserted, long duplicate, long revised, long rejected, long pivoted,
                   Map<String, Long> rejectsByReason, Instant watermark) {
    }

    private record HeldReading(Reading reading, Long replayOf) {
    }

    private record CardKey(int well, long micros, String column) {
    }

    private record CardFact(long md5High, long md5Low, double closure) {
    }

    private record CardText(CardKey key, String text) {
    }

    /**
     * A staged reading whose wall time is in the repeated hour and was placed at its first instant ({@link
     * RepeatedHour}); {@code card} is its card's key, or null for a number.
     */
    private record OnceStaged(long seq, Reading reading, Long replayOf, int well, int var, CardKey card) {
    }

    /** At most this many readings of wells the input itself adds are held until its well master rows are known. */
    private static final int MAX_HELD = 500_000;
    /**
     * At most this many characters of card text wait for their facts: beyond it the waiting cards' facts are computed
     * on the reading thread at once (the same facts, in the same order), so a file of cards holds no more than this.
     */
    static final long MAX_WAITING_CARD_CHARS = 64L << 20;
    /**
     * The session's temporary buffers, set before its first temporary table: the staging table of a million readings
     * (about 100 MB) stays in them instead of a temporary file (docs/BENCHMARKS.md, branch {@code ing9}).
     */
    static final String STAGING_TEMP_BUFFERS = "128MB";

    private final LandingCatalogue catalogue;
    private final String pivot;
    private final RejectLog rejects;
    private final UUID batchId;
    private final String source;
    private final ReadingKeys keys = new ReadingKeys();
    private final TreeSet<Long> months = new TreeSet<>();
    private final RepeatedHour<OnceStaged> repeatedHour = new RepeatedHour<>();
    /** Cards the repeated-hour step moved to their second instant (old key to new) or refused (new key null). */
    private final Map<CardKey, CardKey> cardsPlaced = new LinkedHashMap<>();
    private final Map<CardKey, CardFact> cards = new LinkedHashMap<>();
    /**
     * Cards read whose facts are not computed yet, in the order read: their facts are computed on a thread of their own
     * while the database inserts and pivots the batch ({@link #endRead} starts it, {@link #land} waits for it), not on
     * the thread that feeds the staging {@code COPY} (the card facts were a fifth of that thread's samples, JFR in
     * docs/BENCHMARKS.md).
     */
    private List<CardText> waitingCards = new ArrayList<>();
    private long waitingCardChars;
    private FutureTask<Void> cardFacts;
    private volatile boolean abandoned;
    private final long maxWaitingCardChars;
    private final MessageDigest md5;
    /** Readings of wells unknown when read, held to the end of an input that adds wells itself (a dump). */
    private final List<HeldReading> held = new ArrayList<>();
    private boolean holding;
    private BinaryCopy current;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros = Long.MIN_VALUE;
    private long monthFrom = Long.MAX_VALUE;
    private long monthTo = Long.MIN_VALUE;
    private long seq;
    private long accepted;
    /** Readings whose key the batch may have met before ({@link ReadingKeys}): the repeats step then runs. */
    private long mayRepeat;
    private Instant maxTime;

    private Landing(LandingCatalogue catalogue, String pivot, BinaryCopy copy, RejectLog rejects, UUID batchId,
                    String source, boolean holdUnknownWells, long maxWaitingCardChars) {
        this.holding = holdUnknownWells;
        this.maxWaitingCardChars = maxWaitingCardChars;
        this.catalogue = catalogue;
        this.pivot = pivot;
        this.current = copy;
        this.rejects = rejects;
        this.batchId = batchId;
        this.source = source;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    /**
     * Reads the catalogue and the pivot statement, creates the staging table (dropped at commit) and opens the
     * {@code COPY} into it: from here until {@link #endRead()} the connection takes nothing else.
     *
     * @param holdUnknownWells the input may add wells itself (a dump): a reading of a well unknown when read is held,
     *                         and checked again against the input's own well master rows by {@link #endRead}
     */
    static Landing open(Connection c, UUID batchId, String source, boolean holdUnknownWells, RejectLog rejects)
            throws SQLException {
        return open(c, batchId, source, holdUnknownWells, rejects, MAX_WAITING_CARD_CHARS);
    }

    /** As {@link #open(Connection, UUID, String, boolean, RejectLog)}, with another bound on the cards waiting. */
    static Landing open(Connection c, UUID batchId, String source, boolean holdUnknownWells, RejectLog rejects,
                        long maxWaitingCardChars) throws SQLException {
        LandingCatalogue catalogue = LandingCatalogue.read(c, List.of());
        String pivot;
        try (Statement st = c.createStatement()) {
            // the staging table in memory: with the default temp_buffers (8 MB) a million staged readings (about
            // 100 MB) go out to a temporary file as the COPY writes them and are read back by the landing insert and
            // the pivot. Set for the session, and taken as needed up to the bound; the server refuses the change once
            // the session has used temporary buffers with another size (then they stay as they are: speed only, the
            // results are the same either way).
            st.execute("DO $$ BEGIN PERFORM set_config('temp_buffers', '" + STAGING_TEMP_BUFFERS + "', false); "
                    + "EXCEPTION WHEN invalid_parameter_value THEN NULL; END $$");
            try (ResultSet rs = st.executeQuery("SELECT stage.fnc_pivot_statement('ingest_staging')")) {
                rs.next();
                pivot = rs.getString(1);
            }
            // stored: set by the conflict step for a reading whose key landing already holds
            st.execute("CREATE TEMP TABLE ingest_staging (seq bigint, well_key integer, var_key integer, "
                    + "timestamp_lectura timestamptz, measure text, received timestamptz, replay_of bigint, "
                    + "stored boolean) ON COMMIT DROP");
        }
        return new Landing(catalogue, pivot, BinaryCopy.open(c, "pg_temp.ingest_staging", STAGING_COLUMNS), rejects,
                batchId, source, holdUnknownWells, maxWaitingCardChars);
    }

    @Override
    public void accept(Reading r) {
        accept(r, null);
    }

    /** A reading; {@code replayOf} is the {@code stage.landing_rejects} row it replays, or null. */
    void accept(Reading r, Long replayOf) {
        Reading placed = r.repeated() == null ? r : repeatedHour.place(r);
        noteTime(placed.timestamp());
        check(catalogue, placed, replayOf);
    }

    private void check(LandingCatalogue catalogue, Reading r, Long replayOf) {
        Integer well = catalogue.well(r.wellId());
        if (well == null && holding) {
            if (held.size() >= MAX_HELD) {
                throw new com.bp010.db.Bp010Exception(com.bp010.db.ErrorCode.BAD_INPUT, "more than " + MAX_HELD
                        + " readings of wells the well master does not hold yet: load the well master first")
                        .with("line", r.line());
            }
            held.add(new HeldReading(r, replayOf));
            return;
        }
        if (well == null) {
            refuse(r, replayOf, RejectReason.UNKNOWN_WELL, "well_id", "well " + r.wellId()
                    + " is not in stage.tbl_pozo_maestra (replay the batch once the well master holds it)");
            return;
        }
        LandingCatalogue.Variable v = catalogue.variable(r.varId());
        if (v == null) {
            refuse(r, replayOf, RejectReason.UNKNOWN_VARIABLE, "var_id", "SCADA id " + r.varId()
                    + " is not in referencial.tbl_var_scada_map");
            return;
        }
        if (v.numeric() != r.numeric()) {
            refuse(r, replayOf, RejectReason.WRONG_TYPE, "measure", v.numeric()
                    ? "'" + left(r.measure(), 200) + "' is not a number, and " + v.column() + " is numeric"
                    : "a number where " + v.column() + " expects text (a JSON card)");
            return;
        }
        long micros = BinaryCopy.micros(r.timestamp());
        noteSpan(micros);
        if (!keys.add(well, v.key(), micros)) {
            mayRepeat++;
        }
        current.tuple(7).int8(++seq).int4(well).int4(v.key()).timestamp(micros).text(r.measure())
                .timestampOrNull(r.receivedAt()).int8OrNull(replayOf);
        accepted++;
        CardKey card = v.numeric() ? null : new CardKey(well, micros, v.column());
        if (r.repeated() != null) {
            // it may move to its second instant: the conflict step looks there too
            noteSpan(BinaryCopy.micros(r.repeated().second()));
            repeatedHour.staged(r, new OnceStaged(seq, r, replayOf, well, v.key(), card));
        }
        if (card != null) {
            waitingCards.add(new CardText(card, r.measure()));
            waitingCardChars += r.measure().length();
            if (waitingCardChars > maxWaitingCardChars) {
                cardFacts(takeWaitingCards());
            }
        }
    }

    @Override
    public void reject(RowReject reject) {
        rejects.add(reject, null);
    }

    /** A row refused by the reader while replaying reject {@code replayOf}: it stays pending. */
    void reject(RowReject reject, Long replayOf) {
        rejects.add(reject, replayOf);
    }

    /**
     * Ends the staging {@code COPY}. Readings held for wells unknown when read are checked again now that the input's
     * own well master rows are known ({@code inputWells}, registered here): those of its wells are staged, the rest
     * refused as unknown wells.
     */
    void endRead(Connection c, Collection<String> inputWells) throws SQLException {
        current.end();
        holding = false; // from here an unknown well is refused
        if (!held.isEmpty()) {
            stageHeld(c, inputWells);
        }
        startCardFacts();
    }

    private void stageHeld(Connection c, Collection<String> inputWells) throws SQLException {
        LandingCatalogue withInputWells = LandingCatalogue.read(c, inputWells);
        List<HeldReading> again = List.copyOf(held);
        held.clear();
        current = BinaryCopy.open(c, "pg_temp.ingest_staging", STAGING_COLUMNS);
        try {
            for (HeldReading h : again) {
                check(withInputWells, h.reading(), h.replayOf());
            }
        } catch (RuntimeException e) {
            current.abort();
            throw e;
        }
        current.end();
    }

    /** Abandons the staging {@code COPY} after a failure (the transaction rolls back). */
    void abort() {
        abandoned = true;
        current.abort();
    }

    /** The facts of the cards waiting, on a thread of their own (the connection is busy with the batch meanwhile). */
    private void startCardFacts() {
        if (waitingCards.isEmpty()) {
            return;
        }
        List<CardText> batch = takeWaitingCards();
        cardFacts = new FutureTask<>(() -> cardFacts(batch), null);
        Thread t = new Thread(cardFacts, "card-facts");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the card facts started by {@link #endRead}; after it {@link #cards} is complete. */
    private void awaitCardFacts() {
        if (cardFacts == null) {
            return;
        }
        try {
            cardFacts.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the card facts were computed", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            cardFacts = null;
        }
    }

    private List<CardText> takeWaitingCards() {
        List<CardText> taken = waitingCards;
        waitingCards = new ArrayList<>();
        waitingCardChars = 0;
        return taken;
    }

    /** The facts of {@code read}'s cards, in the order read (a later text of the same card replaces the earlier). */
    private void cardFacts(List<CardText> read) {
        for (CardText card : read) {
            if (abandoned) {
                return;
            }
            cardFact(card.key(), card.text());
        }
    }

    /**
     * The steps after the read, under the merge lock the caller holds: partitions, conflict resolution with the pivot,
     * card facts, rejects, watermark.
     *
     * @param watermarkTo where the source's watermark moves (null: to the newest reading of the batch, if any)
     */
    Outcome land(Connection c, Instant watermarkTo) throws SQLException {
        try {
            return landSteps(c, watermarkTo);
        } catch (SQLException | RuntimeException e) {
            abandoned = true; // the card facts still computing stop
            throw e;
        }
    }

    private Outcome landSteps(Connection c, Instant watermarkTo) throws SQLException {
        long inserted = 0;
        long revised = 0;
        long pivoted = 0;
        if (accepted > 0) {
            ensurePartitions(c);
            boolean landingHoldsSpan = landingHoldsSpan(c);
            if (landingHoldsSpan) {
                List<OnceStaged> once = repeatedHour.givenOnce();
                if (!once.isEmpty()) {
                    placeRepeatedHour(c, once);
                }
            }
            if (mayRepeat > 0) {
                keepLastOfRepeats(c);
            }
            // the conflict step's plans join the staged readings with landing, so they need statistics; when landing
            // holds nothing in the batch's span (a new hour, a backfill) the statements left (insert, pivot) plan
            // the same without them, and the ANALYZE (0.15-0.35 s a million readings) is skipped
            if (landingHoldsSpan) {
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE pg_temp.ingest_staging");
                }
                if (markStored(c) > 0) {
                    revised = update(c, """
                            UPDATE stage.landing_lectura l
                               SET measure = s.measure, moddate = now(), source_received_at = s.received, batch_id = ?,
                                   source = ?, pivoted_at = %s
                              FROM pg_temp.ingest_staging s
                             WHERE s.stored AND l.well_key = s.well_key AND l.var_key = s.var_key
                               AND l.timestamp_lectura = s.timestamp_lectura
                               AND NOT stage.fnc_misma_medida(l.measure, s.measure)""".formatted(pivotedAt()));
                    // a stored reading this batch did not change is a duplicate: nothing to write or pivot
                    try (PreparedStatement ps = c.prepareStatement("""
                            DELETE FROM pg_temp.ingest_staging s USING stage.landing_lectura l
                             WHERE s.stored AND l.well_key = s.well_key AND l.var_key = s.var_key
                               AND l.timestamp_lectura = s.timestamp_lectura AND l.batch_id IS DISTINCT FROM ?""")) {
                        ps.setObject(1, batchId);
                        ps.executeUpdate();
                    }
                }
            }
            inserted = update(c, """
                    INSERT INTO stage.landing_lectura (well_key, var_key, timestamp_lectura, measure, moddate,
                                                       source_received_at, batch_id, source, pivoted_at)
                    SELECT s.well_key, s.var_key, s.timestamp_lectura, s.measure, now(), s.received, ?, ?, %s
                      FROM pg_temp.ingest_staging s
                     WHERE s.stored IS NULL""".formatted(pivotedAt()));
            if (pivot != null && inserted + revised > 0) {
                // what is left staged is what this batch inserted or changed: its (well, time) rows are pivoted
                try (Statement st = c.createStatement()) {
                    pivoted = st.executeUpdate(pivot);
                }
            }
            awaitCardFacts();
            cardsPlaced.forEach((from, to) -> {
                CardFact fact = cards.remove(from);
                if (fact != null && to != null) {
                    cards.put(to, fact);
                }
            });
            if (!cards.isEmpty()) {
                copyCardFacts(c);
            }
        }
        rejects.copy(c);
        Instant to = watermarkTo != null ? watermarkTo : maxTime;
        Instant watermark = to == null ? Watermarks.read(c, source) : Watermarks.advance(c, source, to);
        return new Outcome(inserted, accepted - inserted - revised, revised, rejects.count(), pivoted,
                rejects.byReason(), watermark);
    }

    /** A batch without readings (well master, reserves): its refused rows, and the source's watermark as it stands. */
    static Outcome tablesOnly(Connection c, RejectLog rejects, String source) throws SQLException {
        rejects.copy(c);
        return new Outcome(0, 0, 0, rejects.count(), 0, rejects.byReason(), Watermarks.read(c, source));
    }

    private String pivotedAt() {
        return pivot == null ? "NULL::timestamptz" : "now()";
    }

    private long update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, batchId);
            ps.setString(2, source);
            return ps.executeUpdate();
        }
    }

    /**
     * Whether landing holds any reading in the batch's time span: when it holds none, no staged reading can be stored
     * already and the conflict step has nothing to mark (a backfill into new months, a first load).
     */
    private boolean landingHoldsSpan(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM stage.landing_lectura l
                                WHERE l.timestamp_lectura >= ? AND l.timestamp_lectura <= ?)""")) {
            ps.setTimestamp(1, Timestamp.from(BinaryCopy.instant(minMicros)));
            ps.setTimestamp(2, Timestamp.from(BinaryCopy.instant(maxMicros)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The conflict step: marks each staged reading whose key landing already holds (searching only the batch's time
     * span, so only the partitions it touches). Returns how many.
     */
    private long markStored(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE pg_temp.ingest_staging s SET stored = true
                  FROM stage.landing_lectura l
                 WHERE l.well_key = s.well_key AND l.var_key = s.var_key AND l.timestamp_lectura = s.timestamp_lectura
                   AND l.timestamp_lectura >= ? AND l.timestamp_lectura <= ?""")) {
            ps.setTimestamp(1, Timestamp.from(BinaryCopy.instant(minMicros)));
            ps.setTimestamp(2, Timestamp.from(BinaryCopy.instant(maxMicros)));
            return ps.executeUpdate();
        }
    }

    /**
     * The repeated-hour step, for the batch's readings whose wall time in the hour the clock repeats it gave once
     * (placed at the first instant, listed by {@link RepeatedHour}), against what landing holds for their series: at
     * neither instant or only at the second, the first stays; at the first only (an earlier batch's first pass: an
     * hourly feed sends the second pass in the batch after it), the second; at both, the pass whose value it equals
     * (a duplicate), and a value equal to neither is refused ({@link RejectReason#AMBIGUOUS_TIME}). A second instant
     * still to come when the batch lands cannot be the pass it holds (the first pass sent again within the hour).
     * One statement.
     */
    private void placeRepeatedHour(Connection c, List<OnceStaged> once) throws SQLException {
        Map<Long, OnceStaged> bySeq = new HashMap<>();
        Long[] seqs = new Long[once.size()];
        // as ISO text with its Z: a java.sql.Timestamp in an array is sent without its offset and read in the
        // session's zone (BP010_TIMEZONE)
        String[] seconds = new String[once.size()];
        for (int i = 0; i < once.size(); i++) {
            OnceStaged o = once.get(i);
            bySeq.put(o.seq(), o);
            seqs[i] = o.seq();
            seconds[i] = o.reading().repeated().second().toString();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                WITH once AS (SELECT * FROM unnest(?::bigint[], ?::text[]::timestamptz[]) AS o(seq, second)),
                decided AS MATERIALIZED (
                    SELECT s.seq, o.second,
                           CASE WHEN o.second > now() THEN 'first'
                                WHEN l2.measure IS NULL THEN 'second'
                                WHEN stage.fnc_misma_medida(l1.measure, s.measure) THEN 'first'
                                WHEN stage.fnc_misma_medida(l2.measure, s.measure) THEN 'second'
                                ELSE 'refused' END AS pass
                      FROM once o
                      JOIN pg_temp.ingest_staging s ON s.seq = o.seq
                      JOIN stage.landing_lectura l1
                        ON l1.well_key = s.well_key AND l1.var_key = s.var_key
                       AND l1.timestamp_lectura = s.timestamp_lectura
                      LEFT JOIN stage.landing_lectura l2
                        ON l2.well_key = s.well_key AND l2.var_key = s.var_key AND l2.timestamp_lectura = o.second),
                moved AS (UPDATE pg_temp.ingest_staging s SET timestamp_lectura = d.second
                            FROM decided d WHERE s.seq = d.seq AND d.pass = 'second' RETURNING s.seq),
                refused AS (DELETE FROM pg_temp.ingest_staging s
                             USING decided d WHERE s.seq = d.seq AND d.pass = 'refused' RETURNING s.seq)
                SELECT seq, true FROM moved UNION ALL SELECT seq, false FROM refused""")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs));
            ps.setArray(2, c.createArrayOf("text", seconds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OnceStaged o = bySeq.get(rs.getLong(1));
                    if (rs.getBoolean(2)) {
                        movedToSecond(o);
                    } else {
                        refuseAmbiguous(o);
                    }
                }
            }
        }
    }

    private void movedToSecond(OnceStaged o) {
        Instant second = o.reading().repeated().second();
        long micros = BinaryCopy.micros(second);
        noteTime(second);
        if (!keys.add(o.well(), o.var(), micros)) {
            mayRepeat++; // the batch may hold that reading too (written with its offset)
        }
        if (o.card() != null) {
            cardsPlaced.put(o.card(), new CardKey(o.well(), micros, o.card().column()));
        }
    }

    private void refuseAmbiguous(OnceStaged o) {
        Reading r = o.reading();
        Reading.Repeated t = r.repeated();
        ZoneRules rules = t.zone().getRules();
        accepted--;
        if (o.card() != null) {
            cardsPlaced.put(o.card(), null);
        }
        String received = r.receivedAt() == null ? null : r.receivedAt().toString();
        String raw = String.join(",", nonNull(r.wellId(), r.varId(), t.wallTime(), r.measure(), received));
        rejects.add(new RowReject(null, r.line(), "timestamp_lectura", raw, RejectReason.AMBIGUOUS_TIME,
                "'" + RowReject.clip(t.wallTime()) + "' is in the hour the clock repeats in " + t.zone() + " ("
                        + r.timestamp() + " at " + rules.getOffset(r.timestamp()) + ", then " + t.second() + " at "
                        + rules.getOffset(t.second()) + ") and this batch gives it once; landing holds both passes,"
                        + " neither with this value: send the time with its offset",
                r.wellId(), r.varId(), t.wallTime(), r.measure(), received), o.replayOf());
    }

    /** Each month the batch's readings fall in gets its landing partition (UTC months). */
    private void ensurePartitions(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT stage.fnc_ensure_landing_partitions(?, ?)")) {
            for (long month : months) {
                Timestamp t = Timestamp.from(BinaryCopy.instant(month));
                ps.setTimestamp(1, t);
                ps.setTimestamp(2, t);
                ps.executeQuery().close();
            }
        }
    }

    /**
     * The batch may hold some reading twice (found here exactly; there may be none): the last line wins, and each
     * earlier line whose value differs from it is kept as a revision (numbers compare as numbers), as if the lines had
     * come in separate batches.
     */
    private void keepLastOfRepeats(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TEMP TABLE ingest_repeats ON COMMIT DROP AS
                    SELECT well_key, var_key, timestamp_lectura, max(seq) AS last_seq FROM pg_temp.ingest_staging
                     GROUP BY well_key, var_key, timestamp_lectura HAVING count(*) > 1""");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO stage.landing_revisions (well_id, var_id, timestamp_lectura, measure_anterior,
                                                     measure_nuevo, batch_id_anterior, batch_id_nuevo,
                                                     source_received_at_anterior)
                SELECT w.well_id, v.var_id, e.timestamp_lectura, e.measure, last.measure, ?, ?, e.received
                  FROM pg_temp.ingest_repeats r
                  JOIN pg_temp.ingest_staging e
                    ON e.well_key = r.well_key AND e.var_key = r.var_key AND e.timestamp_lectura = r.timestamp_lectura AND e.seq <> r.last_seq
                  JOIN pg_temp.ingest_staging last
                    ON last.well_key = r.well_key AND last.var_key = r.var_key AND last.timestamp_lectura = r.timestamp_lectura
                   AND last.seq = r.last_seq
                  JOIN stage.dim_well w ON w.well_key = r.well_key
                  JOIN stage.dim_variable v ON v.var_key = r.var_key
                 WHERE NOT stage.fnc_misma_medida(e.measure, last.measure)
                 ORDER BY e.seq""")) {
            ps.setObject(1, batchId);
            ps.setObject(2, batchId);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("""
                    DELETE FROM pg_temp.ingest_staging s USING pg_temp.ingest_repeats r
                     WHERE s.well_key = r.well_key AND s.var_key = r.var_key AND s.timestamp_lectura = r.timestamp_lectura AND s.seq <> r.last_seq""");
        }
    }

    private void cardFact(CardKey key, String measure) {
        OptionalDouble closure = CardClosure.of(measure);
        if (closure.isEmpty()) {
            cards.remove(key); // a later, unreadable text for the same card: no fact about it
            return;
        }
        byte[] d = md5.digest(measure.getBytes(StandardCharsets.UTF_8));
        cards.put(key, new CardFact(longAt(d, 0), longAt(d, 8), closure.getAsDouble()));
    }

    /**
     * The facts about the cards read, for the cards whose production row exists now: {@code
     * stage.tbl_carta_verificada} (md5 of the text, loop closure). The DQ card rule decides with them.
     */
    private void copyCardFacts(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE ingest_cartas (well_key integer, ts timestamptz, columna text, md5 uuid, "
                    + "cierre double precision) ON COMMIT DROP");
        }
        BinaryCopy facts = BinaryCopy.open(c, "pg_temp.ingest_cartas", "well_key, ts, columna, md5, cierre");
        try {
            for (Map.Entry<CardKey, CardFact> e : cards.entrySet()) {
                CardKey k = e.getKey();
                CardFact f = e.getValue();
                facts.tuple(5).int4(k.well()).timestamp(k.micros()).text(k.column()).uuid(f.md5High(), f.md5Low())
                        .float8(f.closure());
            }
            facts.end();
        } catch (RuntimeException | SQLException e) {
            facts.abort();
            throw e;
        }
        // each card's production row is looked up by its key (OFFSET 0 keeps it a lookup per card): the rows this
        // transaction just pivoted have no statistics yet, and a join planned on them would scan production whole
        try (Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO stage.tbl_carta_verificada AS k (well_id, timestamp_lectura, columna, carta_md5, cierre)
                    SELECT w.well_id, f.ts, f.columna, f.md5, f.cierre
                      FROM pg_temp.ingest_cartas f
                      JOIN stage.dim_well w ON w.well_key = f.well_key
                      JOIN LATERAL (SELECT 1 FROM stage.tbl_pozo_produccion p
                                     WHERE p.well_id = w.well_id AND p.timestamp_lectura = f.ts OFFSET 0) p ON true
                    ON CONFLICT (well_id, timestamp_lectura, columna) DO UPDATE
                       SET carta_md5 = EXCLUDED.carta_md5, cierre = EXCLUDED.cierre""");
        }
    }

    private void refuse(Reading r, Long replayOf, RejectReason reason, String field, String detail) {
        String ts = r.timestamp().toString();
        String received = r.receivedAt() == null ? null : r.receivedAt().toString();
        String raw = String.join(",", nonNull(r.wellId(), r.varId(), ts, r.measure(), received));
        rejects.add(new RowReject(null, r.line(), field, raw, reason, detail, r.wellId(), r.varId(), ts, r.measure(),
                received), replayOf);
    }

    private void noteSpan(long micros) {
        noteMonth(micros);
        minMicros = Math.min(minMicros, micros);
        maxMicros = Math.max(maxMicros, micros);
    }

    private void noteTime(Instant t) {
        if (maxTime == null || t.isAfter(maxTime)) {
            maxTime = t;
        }
    }

    private void noteMonth(long micros) {
        if (micros >= monthFrom && micros < monthTo) {
            return;
        }
        LocalDateTime start = LocalDateTime.ofInstant(BinaryCopy.instant(micros), ZoneOffset.UTC)
                .withDayOfMonth(1).toLocalDate().atStartOfDay();
        monthFrom = BinaryCopy.micros(start.toInstant(ZoneOffset.UTC));
        monthTo = BinaryCopy.micros(start.plusMonths(1).toInstant(ZoneOffset.UTC));
        months.add(monthFrom);
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String left(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static long longAt(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }
}

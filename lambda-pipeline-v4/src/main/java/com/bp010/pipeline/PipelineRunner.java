package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.CallResult;
import com.bp010.db.Database;
import com.bp010.db.DatabaseErrors;
import com.bp010.db.ErrorCode;
import com.bp010.db.LogContext;
import com.bp010.db.SqlCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs phases 3-7 (docs/CONTRACTS.md §4.4): takes the run lease, resolves the window (explicit, or what changed since the last
 * complete run), runs each requested phase in its own transaction in order, logs every phase and call in
 * {@code reporting.pipeline_runs}/{@code pipeline_run_phases}, and stops at the first failure, which it throws.
 * A {@code runId} joins an existing run (one Step Functions state per phase).
 */
final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    /**
     * The status of a default run that found no new readings (and no recomputation marks after the lookback floor) but
     * applied the dimension marks an edit left: dimensions synced, semaphores re-judged, defaults, consistency.
     */
    static final String DIMENSIONS_SYNCED = "DIMENSIONS_SYNCED";

    private final Database database;
    private final PipelineSettings settings;
    private final CardEnrichment cardEnrichment;
    private final RunLog runLog = new RunLog();
    private final RunLease lease;
    private final WindowResolver windows;
    private final Clock clock;
    private final TimeBudget budget;
    private final WellBuckets buckets;
    /** What this runner's steps left for an operator (a runner serves one invocation). */
    private final Set<Attention> attention = EnumSet.noneOf(Attention.class);

    PipelineRunner(Database database, PipelineSettings settings) {
        this(database, settings, Clock.systemUTC(), TimeBudget.unlimited());
    }

    /**
     * {@code clock} gives asOf when the request has none (tests fix it; a rerun with asOf never reads it);
     * {@code budget} is the invocation's time for statements (docs/CONTRACTS.md §4.4, "Time budget").
     */
    PipelineRunner(Database database, PipelineSettings settings, Clock clock, TimeBudget budget) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.budget = budget;
        this.lease = new RunLease(settings.leaseTtl());
        this.windows = new WindowResolver(runLog, settings.lookbackDays());
        this.cardEnrichment = new CardEnrichment(settings.cardLookbackDays(), settings.cardChunk(),
                settings.cardPowerBalance(), budget);
        // a bucket per pool connection at most (the handler's pool holds PIPELINE_PARALLELISM; a test's may hold fewer)
        this.buckets = new WellBuckets(database, Math.min(settings.parallelism(), database.config().poolSize()));
    }

    PipelineResult run(PipelineRequest request, String holder) {
        long start = System.nanoTime();
        if (request.wellId() != null) {
            database.withConnection("well check", c -> requireWell(c, request.wellId()));
        }
        if (request.global()) {
            return global(request, holder, start);
        }
        return request.runId() != null ? join(request, holder, start) : open(request, holder, start);
    }

    /**
     * What the steps this runner ran answered OK or NOTHING_TO_DO with a message asking an operator for an explicit
     * rerun (empty: nothing).
     */
    Set<Attention> attention() {
        return Collections.unmodifiableSet(attention);
    }

    /** An unknown wellId is a mistake in the event, not a run over nothing. */
    private static Void requireWell(Connection c, String wellId) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM stage.tbl_pozo_maestra WHERE well_id = ?")) {
            ps.setString(1, wellId);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new Bp010Exception(ErrorCode.BAD_EVENT, "wellId '" + wellId + "' is not in the well master"
                            + " (stage.tbl_pozo_maestra): check its spelling, or load the well master first")
                            .with("field", "wellId").with("value", wellId);
                }
            }
        }
        return null;
    }

    private PipelineResult open(PipelineRequest request, String holder, long start) {
        UUID runId = UUID.randomUUID();
        LogContext.put("runId", runId.toString());
        Instant asOf = request.asOf() != null ? request.asOf() : clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String trigger = request.singlePhase() ? "phase" : "run";
        // a well group (docs/SCALE.md §6) holds its own lease and watermark, and covers only its wells
        String group = request.wellGroup() == null ? null : request.wellGroup().setting();
        String leaseName = group == null ? RunLease.NAME : WellGroup.leaseName(group);
        boolean leased = database.withConnection("lease", c -> lease.acquire(c, leaseName, runId, holder));
        if (!leased) {
            RunContext skipped = new RunContext(runId, request.window(), request.wellId(), asOf, group);
            database.withConnection("run log", c -> {
                runLog.open(c, skipped, "SKIPPED_LOCKED", trigger, request.phases(), null);
                return null;
            });
            String why = database.withConnection("lease", c -> lease.heldBy(c, leaseName));
            LOG.info("Skipped: " + why);
            return result(skipped, "SKIPPED_LOCKED", List.of(), null, null, why, start);
        }
        try {
            closeAbandoned(runId);
            RunWindow explicit = request.window();
            if (explicit != null) {
                RunContext run = new RunContext(runId, explicit, request.wellId(), asOf);
                database.withConnection("run log", c -> {
                    runLog.open(c, run, "RUNNING", trigger, request.phases(), null);
                    return null;
                });
                LOG.info("Run {} opened: explicit window {} .. {}, phases {}", runId, explicit.from(), explicit.to(),
                        request.phases());
                String empty = database.withConnection("window",
                        c -> windows.emptyWindowNote(c, explicit, request.wellId()).orElse(null));
                if (empty != null) {
                    LOG.warn(empty);
                    attention.add(Attention.EMPTY_WINDOW);
                }
                return withNote(execute(run, request, start), empty);
            }
            LocalDate asOfDate = asOf.atZone(settings.zone()).toLocalDate();
            WindowResolver.Resolution resolution = database.inTransaction("window",
                    c -> windows.resolve(c, request.wellId(), group, asOfDate));
            if (resolution.window().isEmpty()) {
                RunScope.Pending pending = database.withConnection("window",
                        c -> RunScope.pending(c, request.wellId()));
                // nothing new, no mark, and no day or month written while in progress has ended since: nothing to do
                if (!pending.marks() && !database.withConnection("window", c -> RunScope.periodsEnded(c,
                        request.wellId(), asOf, resolution.since(), windows.floor(asOfDate)))) {
                    return nothingToDo(runId, request, asOf, trigger, start, group, leaseName, pending.dimensions());
                }
            }
            // An incremental run: the run log row and its scope in one transaction (its window becomes the scope's days).
            Watermark mark = request.wellId() == null ? resolution.watermark() : null;
            RunContext opened = new RunContext(runId, resolution.window().orElse(null), request.wellId(), asOf, group);
            RunScope.Registration registration = database.inTransaction("run log", c -> {
                runLog.open(c, opened, "RUNNING", trigger, request.phases(), mark);
                return RunScope.register(c, runId, resolution.since(), request.wellId(), group,
                        windows.floor(asOfDate));
            });
            Optional<RunScope.Extent> scope = registration.scope();
            String rerun = rerunNote(registration.rerun());
            if (rerun != null) {
                attention.add(Attention.RERUN_BEFORE_LOOKBACK_FLOOR);
            }
            if (scope.isEmpty() && group != null) {
                // nothing of this group's wells to recompute: staleness is re-judged by the global step
                database.withConnection("run log", c -> {
                    runLog.finish(c, runId, "NOTHING_TO_DO", null, null, null);
                    lease.release(c, leaseName, runId);
                    return null;
                });
                return result(opened, "NOTHING_TO_DO", List.of(), null, null,
                        joined("nothing to recompute for well group " + group, rerun), start);
            }
            if (scope.isEmpty() && database.withConnection("window",
                    c -> RunScope.dimensionsPending(c, request.wellId()))) {
                // nothing after the lookback floor to recompute, but an edit of the dimensions waits: applied now
                return dimensionEdits(opened, "nothing to recompute after the lookback floor", rerun, start);
            }
            if (scope.isEmpty()) {
                // nothing after the lookback floor to recompute; time has passed all the same: staleness is re-judged
                PhaseReport refresh = runPhase(opened, Phase.ENRICH, List.of(PhaseSteps.stalenessRefresh(opened)));
                database.inTransaction("run log", c -> {
                    runLog.finish(c, runId, "NOTHING_TO_DO", null, null, null);
                    // marks before the floor, reported below, are not left to be found again by every run
                    RunScope.close(c, runId);
                    lease.release(c, runId);
                    return null;
                });
                return result(opened, "NOTHING_TO_DO", List.of(refresh), null, null,
                        joined("nothing to recompute after the lookback floor; semaphores re-judged for staleness",
                                rerun), start);
            }
            RunWindow window = scope.get().window();
            RunContext run = new RunContext(runId, window, request.wellId(), asOf, group);
            LOG.info("Run {} opened: incremental{}, {} well(s) in {} hour range(s) over {} .. {}, phases {}", runId,
                    group == null ? "" : " for well group " + group, scope.get().wells(), scope.get().ranges(),
                    window.from(), window.to(), request.phases());
            return withNote(execute(run, request, start), rerun);
        } catch (RuntimeException e) {
            releaseQuietly(leaseName, runId);
            throw e;
        }
    }

    /**
     * {@code "phase": "GLOBAL"} after a run's well groups: under the pipeline's lease, opens the run of the global steps
     * over the union of the groups' scopes (field totals, current values; then ENRICH, DEFAULTS and CONSISTENCY join it
     * by runId, as after DQ). Every listed group must have ended (OK, NOTHING_TO_DO or SKIPPED_LOCKED) and not been
     * taken by another global run; a group's watermark moves only when this run completes.
     */
    private PipelineResult global(PipelineRequest request, String holder, long start) {
        UUID runId = UUID.randomUUID();
        LogContext.put("runId", runId.toString());
        List<UUID> withScope = new ArrayList<>();
        List<UUID> idle = new ArrayList<>();
        Instant groupsAsOf = null;
        for (UUID groupRun : request.groupRuns()) {
            RunLog.StoredRun stored = database.withConnection("run log", c -> runLog.find(c, groupRun))
                    .orElseThrow(() -> new Bp010Exception(ErrorCode.BAD_EVENT, "groupRuns: no pipeline run " + groupRun
                            + ": pass the runIds the well groups answered").with("field", "groupRuns"));
            if (stored.group() == null) {
                throw new Bp010Exception(ErrorCode.BAD_EVENT, "groupRuns: run " + groupRun + " is not a well group's"
                        + " run (it ran without wellGroup)").with("field", "groupRuns");
            }
            if (stored.globalRunId() != null) {
                throw new Bp010Exception(ErrorCode.BAD_EVENT, "groupRuns: the run of well group " + stored.group()
                        + " (" + groupRun + ") was already taken by global run " + stored.globalRunId())
                        .with("field", "groupRuns");
            }
            if ("OK".equals(stored.status())) {
                withScope.add(groupRun);
            } else if ("NOTHING_TO_DO".equals(stored.status())) {
                idle.add(groupRun);
            } else if (!"NOTHING_TO_DO".equals(stored.status()) && !"SKIPPED_LOCKED".equals(stored.status())) {
                throw new Bp010Exception(ErrorCode.REFUSED, "The run of well group " + stored.group() + " (" + groupRun
                        + ") is " + stored.status() + ": rerun that group (or retry its failed phase with its runId)"
                        + " before the global step").with("runId", groupRun.toString());
            }
            if (groupsAsOf == null || stored.asOf().toInstant().isAfter(groupsAsOf)) {
                groupsAsOf = stored.asOf().toInstant();
            }
        }
        // the groups' asOf (they share the execution's), unless the event gives one
        Instant runAsOf = request.asOf() != null ? request.asOf()
                : groupsAsOf != null ? groupsAsOf : clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean leased = database.withConnection("lease", c -> lease.acquire(c, runId, holder));
        RunContext opening = new RunContext(runId, null, null, runAsOf);
        if (!leased) {
            database.withConnection("run log", c -> {
                runLog.open(c, opening, "SKIPPED_LOCKED", "global", request.phases(), null);
                return null;
            });
            String why = database.withConnection("lease", c -> lease.heldBy(c, RunLease.NAME));
            return result(opening, "SKIPPED_LOCKED", List.of(), null, null, why, start);
        }
        try {
            closeAbandoned(runId);
            Optional<RunScope.Extent> scope = database.inTransaction("run log", c -> {
                runLog.open(c, opening, "RUNNING", "global", request.phases(), null);
                return RunScope.union(c, runId, withScope, idle);
            });
            if (scope.isEmpty() && database.withConnection("window", c -> RunScope.dimensionsPending(c, null))) {
                return dimensionEdits(opening, "no well group had anything to recompute", null, start);
            }
            if (scope.isEmpty()) {
                PhaseReport refresh = runPhase(opening, Phase.ENRICH, List.of(PhaseSteps.stalenessRefresh(opening)));
                database.inTransaction("run log", c -> {
                    runLog.finish(c, runId, "NOTHING_TO_DO", null, null, null);
                    RunScope.close(c, runId);
                    lease.release(c, runId);
                    return null;
                });
                return result(opening, "NOTHING_TO_DO", List.of(refresh), null, null,
                        "no well group had anything to recompute; semaphores re-judged for staleness", start);
            }
            RunContext run = new RunContext(runId, scope.get().window(), null, runAsOf);
            LOG.info("Global run {} opened over {} group run(s): {} well(s) in {} hour range(s) over {} .. {}", runId,
                    withScope.size(), scope.get().wells(), scope.get().ranges(), run.window().from(),
                    run.window().to());
            long phaseStart = System.nanoTime();
            database.withConnection("run log", c -> {
                runLog.phaseStarted(c, runId, "GLOBAL");
                return null;
            });
            PhaseReport report;
            try {
                report = new PhaseReport("GLOBAL", "OK", 0, runPhase(run, Phase.TRANSFORM, PhaseSteps.global(run))
                        .calls());
            } catch (RuntimeException e) {
                Bp010Exception failure = DatabaseErrors.translate(e, null).withIfAbsent("phase", "GLOBAL")
                        .withIfAbsent("runId", runId.toString());
                PhaseReport failed = new PhaseReport("GLOBAL", "FAILED", elapsed(phaseStart), List.of());
                database.withConnection("run log", c -> {
                    runLog.phaseFinished(c, runId, failed, failure);
                    runLog.finish(c, runId, "FAILED", null, null, failure);
                    lease.release(c, runId);
                    return null;
                });
                throw failure;
            }
            PhaseReport done = new PhaseReport("GLOBAL", "OK", elapsed(phaseStart), report.calls());
            database.withConnection("run log", c -> {
                runLog.phaseFinished(c, runId, done, null);
                lease.renew(c, runId);
                return null;
            });
            return result(run, "OK", List.of(done), null, null, null, start);
        } catch (RuntimeException e) {
            releaseQuietly(RunLease.NAME, runId);
            throw e;
        }
    }

    /** Under a lease just taken: the runs left RUNNING without a live lease are closed (RunLog#closeAbandoned). */
    private void closeAbandoned(UUID runId) {
        List<UUID> closed = database.inTransaction("run log", c -> runLog.closeAbandoned(c, runId));
        if (!closed.isEmpty()) {
            LOG.warn("Closed as FAILED (ABANDONED) {} run(s) left RUNNING whose lease had expired: {}", closed.size(),
                    closed);
        }
    }

    private PipelineResult join(PipelineRequest request, String holder, long start) {
        UUID runId = request.runId();
        LogContext.put("runId", runId.toString());
        RunLog.StoredRun stored = database.withConnection("run log", c -> runLog.find(c, runId))
                .orElseThrow(() -> new Bp010Exception(ErrorCode.BAD_EVENT, "No pipeline run " + runId
                        + ": start a run without runId first").with("runId", runId.toString()));
        RunContext run = new RunContext(runId, stored.window(), stored.wellId(), stored.asOf().toInstant(),
                stored.group());
        if ("NOTHING_TO_DO".equals(stored.status()) || "SKIPPED_LOCKED".equals(stored.status())
                || DIMENSIONS_SYNCED.equals(stored.status())) {
            return result(run, stored.status(), List.of(), null, null, "the run ended as " + stored.status(), start);
        }
        if (run.group() != null && !PipelineRequest.GROUP_PHASES.containsAll(request.phases())) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "Run " + runId + " is well group " + run.group()
                    + "'s: it runs DQ and TRANSFORM; the other phases join the global run ({\"phase\": \"GLOBAL\","
                    + " \"groupRuns\": [...]})").with("field", "phase");
        }
        boolean leased = database.withConnection("lease", c -> lease.acquire(c, run.leaseName(), runId, holder));
        if (!leased) {
            // the run's lease expired and another run took it (and closed this run as FAILED, ABANDONED): its phases
            // did not run; a join once that run ends reopens it
            attention.add(Attention.PHASE_SKIPPED_LOCKED);
            EnumSet<Phase> notRun = EnumSet.copyOf(request.phases());
            String phases = notRun.stream().map(Phase::name).collect(Collectors.joining(", "));
            String note = "another pipeline run holds the lease: " + phases + " of run " + runId + " did not run;"
                    + " once that run ends (reporting.pipeline_lease names it), send {\"phase\": \""
                    + notRun.iterator().next() + "\", \"runId\": \"" + runId + "\"} again for each"
                    + " phase not done, or let the next scheduled run recompute its window";
            LOG.warn(note);
            return result(run, "SKIPPED_LOCKED", List.of(), null, null, note, start);
        }
        database.withConnection("run log", c -> {
            runLog.setStatus(c, runId, "RUNNING");
            return null;
        });
        return execute(run, request, start);
    }

    private PipelineResult nothingToDo(UUID runId, PipelineRequest request, Instant asOf, String trigger,
                                       long start, String group, String leaseName, boolean dimensions) {
        RunContext run = new RunContext(runId, null, request.wellId(), asOf, group);
        database.withConnection("run log", c -> {
            runLog.open(c, run, "RUNNING", trigger, request.phases(), null);
            return null;
        });
        if (group != null) {
            // a well group: staleness is re-judged once, by the global step
            database.withConnection("run log", c -> {
                runLog.finish(c, runId, "NOTHING_TO_DO", null, null, null);
                lease.release(c, leaseName, runId);
                return null;
            });
            return result(run, "NOTHING_TO_DO", List.of(), null, null,
                    "no production rows of well group " + group + " written since its last complete run", start);
        }
        if (dimensions) {
            // no new data, but an edit of the well master, the limits or the KPI targets waits for the targets sync
            return dimensionEdits(run, "no production rows written since the last complete run", null, start);
        }
        // No new data, but time has passed: semaphores are re-judged for staleness against asOf.
        PhaseReport refresh = runPhase(run, Phase.ENRICH, List.of(PhaseSteps.stalenessRefresh(run)));
        database.withConnection("run log", c -> {
            runLog.finish(c, runId, "NOTHING_TO_DO", null, null, null);
            lease.release(c, runId);
            return null;
        });
        LOG.info("Nothing new since the last complete run");
        return result(run, "NOTHING_TO_DO", List.of(refresh), null, null,
                "no production rows written since the last complete run; semaphores re-judged for staleness", start);
    }

    /**
     * A default run (its run-log row open, its lease held) with no new readings to recompute whose dimension marks wait
     * (an edit of the well master, the limits or the KPI targets): the steps that read them
     * ({@link PhaseSteps#dimensionEdits}), each phase in its own transaction and logged; the run ends as
     * {@link #DIMENSIONS_SYNCED}, the recomputation marks it took (before the lookback floor, named in {@code rerun})
     * closed, the lease released. A failing step fails the run as a phase of {@link #execute} would.
     */
    private PipelineResult dimensionEdits(RunContext run, String why, String rerun, long start) {
        List<PhaseReport> reports = new ArrayList<>();
        for (var phase : PhaseSteps.dimensionEdits(run).entrySet()) {
            LogContext.put("phase", phase.getKey().name());
            database.withConnection("run log", c -> {
                runLog.phaseStarted(c, run.runId(), phase.getKey());
                return null;
            });
            PhaseReport report;
            try {
                report = runPhase(run, phase.getKey(), phase.getValue());
            } catch (RuntimeException e) {
                Bp010Exception failure = DatabaseErrors.translate(e, null).withIfAbsent("phase", phase.getKey().name())
                        .withIfAbsent("runId", run.runId().toString());
                database.withConnection("run log", c -> {
                    runLog.phaseFinished(c, run.runId(),
                            new PhaseReport(phase.getKey().name(), "FAILED", 0, List.of()), failure);
                    runLog.finish(c, run.runId(), "FAILED", null, null, failure);
                    lease.release(c, run.leaseName(), run.runId());
                    return null;
                });
                LogContext.put("phase", null);
                throw failure;
            }
            database.withConnection("run log", c -> {
                runLog.phaseFinished(c, run.runId(), report, null);
                lease.renew(c, run.leaseName(), run.runId());
                return null;
            });
            reports.add(report);
        }
        LogContext.put("phase", null);
        RunSummaries.ConsistencySummary consistency = database.inTransaction("run log", c -> {
            RunSummaries.ConsistencySummary summary = RunSummaries.consistency(c, run.wellId());
            runLog.finish(c, run.runId(), DIMENSIONS_SYNCED, null, summary, null);
            RunScope.close(c, run.runId());
            lease.release(c, run.leaseName(), run.runId());
            return summary;
        });
        LOG.info("No new readings; pending edits of the dimensions applied");
        return result(run, DIMENSIONS_SYNCED, reports, null, consistency, joined(why + "; pending edits of the well"
                + " master, limits or KPI targets applied: dimensions synced, semaphores re-judged, defaults and"
                + " consistency checks run", rerun), start);
    }

    private PipelineResult execute(RunContext run, PipelineRequest request, long start) {
        List<PhaseReport> reports = new ArrayList<>();
        List<Phase> phases = new ArrayList<>(EnumSet.copyOf(request.phases()));
        database.withConnection("run log", c -> {
            runLog.phaseStarted(c, run.runId(), phases.get(0));
            return null;
        });
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Phase next = i + 1 < phases.size() ? phases.get(i + 1) : null;
            try {
                PhaseReport report = runPhaseLogged(run, phase, request.window() != null);
                // the run log between two phases in one transaction (one commit, not three): this phase's row, the
                // lease, the next phase's row
                database.inTransaction("run log", c -> {
                    runLog.phaseFinished(c, run.runId(), report, null);
                    lease.renew(c, run.leaseName(), run.runId());
                    if (next != null) {
                        runLog.phaseStarted(c, run.runId(), next);
                    }
                    return null;
                });
                LOG.info("Phase {} ({}) OK in {} ms", phase, phase.number(), report.durationMs());
                reports.add(report);
            } catch (Bp010Exception failure) {
                failure.withIfAbsent("phase", phase.name()).withIfAbsent("runId", run.runId().toString());
                database.withConnection("run log", c -> {
                    runLog.finish(c, run.runId(), "FAILED", null, null, failure);
                    lease.release(c, run.leaseName(), run.runId());
                    return null;
                });
                LogContext.put("phase", null);
                throw failure;
            }
        }
        LogContext.put("phase", null);
        // the summaries, the run log's end, the marks taken and the lease: one transaction
        return database.inTransaction("run log", c -> {
            var dq = RunSummaries.dq(c, run.runId());
            var consistency = RunSummaries.consistency(c, run.wellId());
            // One Step Functions state runs one phase ("phase"): the run stays open until its last phase (a well
            // group's: TRANSFORM; the global run then closes the recomputation marks every group took).
            boolean complete = run.group() != null ? request.phases().contains(Phase.TRANSFORM)
                    : !request.singlePhase() || request.phases().contains(Phase.CONSISTENCY);
            // the card step of an incremental run reads CARD_LOOKBACK_DAYS back: what it left is said (before the
            // scope is closed)
            String cardsLeft = null;
            if (run.group() == null && request.window() == null && (request.phases().contains(Phase.TRANSFORM)
                    || request.phases().contains(Phase.ENRICH))) {
                cardsLeft = cardEnrichment.leftBeforeFloor(c, run, settings.zone()).orElse(null);
                if (cardsLeft != null) {
                    LOG.warn(cardsLeft);
                    attention.add(Attention.CARDS_BEFORE_CARD_LOOKBACK);
                }
            }
            if (complete) {
                runLog.finish(c, run.runId(), "OK", dq, consistency, null);
                if (run.group() == null) {
                    RunScope.close(c, run.runId());
                }
                lease.release(c, run.leaseName(), run.runId());
            }
            return result(run, "OK", reports, dq, consistency, cardsLeft, start);
        });
    }

    private PhaseReport runPhaseLogged(RunContext run, Phase phase, boolean explicitWindow) {
        LogContext.put("phase", phase.name());
        long start = System.nanoTime();
        try {
            CallResult cards = run.window() == null ? null : cardStep(run, phase, explicitWindow);
            List<CallResult> calls = new ArrayList<>();
            if (cards != null) {
                calls.add(cards);
            }
            // a card step that committed diagnoses is progress too: a retry of the phase has fewer cards left
            boolean[] progress = {cards != null && cards.updateCount() > 0};
            if (PhaseSteps.chunked(phase) && run.window() != null) {
                // one committed transaction per chunk, each recording how far the phase got: a retry resumes there
                LocalDate done = database.withConnection("run log", c -> runLog.resumePoint(c, run.runId(), phase));
                List<RunWindow> chunks = Chunks.of(run.window(), done);
                if (done != null) {
                    LOG.info("Phase {} resumes after {}: {} chunk(s) left", phase, done, chunks.size());
                }
                for (RunWindow chunk : chunks) {
                    calls.add(database.inTransaction(phase.name(), c -> {
                        CallResult r = execute(c, run, PhaseSteps.chunk(phase, run, chunk), phase, progress[0]);
                        runLog.chunkDone(c, run.runId(), phase, chunk.to());
                        return r;
                    }));
                    progress[0] = true;
                }
            }
            if (phase == Phase.DQ && buckets.splits(run)) {
                calls.add(dqInBuckets(run, progress[0]));
            } else {
                calls.addAll(database.inTransaction(phase.name(), c -> {
                    List<CallResult> results = new ArrayList<>();
                    for (Step step : PhaseSteps.of(phase, run, c)) {
                        results.add(execute(c, run, step, phase, progress[0]));
                    }
                    return results;
                }));
            }
            // logged OK by the caller, with the lease and the next phase
            return new PhaseReport(phase.name(), "OK", elapsed(start), calls);
        } catch (RuntimeException e) {
            Bp010Exception failure = DatabaseErrors.translate(e, null).withIfAbsent("phase", phase.name());
            PhaseReport report = new PhaseReport(phase.name(), "FAILED", elapsed(start), List.of());
            database.withConnection("run log", c -> {
                runLog.phaseFinished(c, run.runId(), report, failure);
                return null;
            });
            LOG.error("Phase {} failed: {}", phase, failure.reason());
            throw failure;
        }
    }

    /**
     * The DQ call of a run over every well, one transaction per bucket of the wells at once ({@link WellBuckets}): the
     * run's counts of an earlier try cleared before (and after a bucket failed), the rules that counted nothing added
     * after. One call in the response, its wall time from the clearing to the last row.
     */
    private CallResult dqInBuckets(RunContext run, boolean progress) {
        long start = System.nanoTime();
        Step step = PhaseSteps.dq(run);
        database.inTransaction(Phase.DQ.name(), c -> {
            RunSummaries.clearDqCounts(c, run.runId());
            return null;
        });
        CallResult parts;
        try {
            parts = buckets.run(Phase.DQ.name(), step.call(), run,
                    (c, bucket) -> execute(c, bucket, step, Phase.DQ, progress));
        } catch (RuntimeException e) {
            // the buckets that committed leave no run counts behind (a failed DQ call writes none); their verdicts
            // and per-well counts are recomputed by the retry or the next run
            try {
                database.inTransaction(Phase.DQ.name(), c -> {
                    RunSummaries.clearDqCounts(c, run.runId());
                    return null;
                });
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        database.inTransaction(Phase.DQ.name(), c -> {
            RunSummaries.completeDqCounts(c, run.runId(), run.window().to());
            return null;
        });
        return new CallResult(step.call(), elapsed(start), parts.notices(), parts.updateCount());
    }

    /**
     * The card step (docs/CARDS.md), in committed chunks of its own. TRANSFORM first turns the run's pending cards
     * (CardEnrichment) into pump cards and diagnoses, so its hourly facts are written with their diagnosis (a well
     * group's TRANSFORM leaves them to the global run's ENRICH). ENRICH, once the current values exist, feeds the
     * cards' fillage to them, and analyses the cards itself when this run's TRANSFORM did not (a well group's global
     * run, a run without TRANSFORM): the semaphores and the CDI bridge of the phase see them either way.
     */
    private CallResult cardStep(RunContext run, Phase phase, boolean explicitWindow) {
        if (phase == Phase.TRANSFORM && run.group() == null) {
            return cardEnrichment.analyse(database, run, settings.zone(), explicitWindow);
        }
        if (phase != Phase.ENRICH) {
            return null;
        }
        boolean analysed = database.withConnection("run log",
                c -> runLog.phaseCompleted(c, run.runId(), Phase.TRANSFORM));
        return analysed ? cardEnrichment.feedFillage(database, run, settings.zone(), explicitWindow)
                : cardEnrichment.run(database, run, settings.zone(), explicitWindow);
    }

    private PhaseReport runPhase(RunContext run, Phase phase, List<Step> steps) {
        long start = System.nanoTime();
        List<CallResult> calls = database.inTransaction(phase.name(), c -> {
            List<CallResult> results = new ArrayList<>();
            for (Step step : steps) {
                results.add(execute(c, run, step, phase, false));
            }
            return results;
        });
        return new PhaseReport(phase.name(), "OK", elapsed(start), calls);
    }

    /**
     * One call in the current transaction, under the time budget: {@code SET LOCAL statement_timeout} = what is left
     * (never above the configured statement timeout); a statement the budget cancels (SQLSTATE 57014) is TIME_BUDGET,
     * retryable when the phase already committed a chunk in this invocation ({@code progress}).
     */
    private CallResult execute(Connection c, RunContext run, Step step, Phase phase, boolean progress)
            throws SQLException {
        if (run.group() != null) {
            RunScope.inGroup(c, run.group());
        }
        boolean budgetBound = false;
        if (budget.limited()) {
            long left = budget.statementMillis(phase.name(), step.call() + describe(step), progress);
            long cap = database.config().statementTimeout().toMillis();
            long timeout = cap > 0 ? Math.min(left, cap) : left;
            budgetBound = cap <= 0 || left < cap;
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
                ps.setString(1, timeout + "ms");
                ps.execute();
            }
        }
        try {
            CallResult result = SqlCalls.execute(c, step.call(), step.sql(), step.params().toArray());
            LOG.info("{} done in {} ms, {} notice(s)", step.call(), result.durationMs(), result.notices().size());
            return result;
        } catch (RuntimeException e) {
            if (budgetBound && "57014".equals(DatabaseErrors.sqlState(e))) {
                throw TimeBudget.exhausted(phase.name(), step.call() + describe(step), progress,
                        budget.leftMillis(), e);
            }
            throw e;
        }
    }

    /** The chunk a chunked call covers, for messages: " (2026-03-10 .. 2026-03-10)". */
    private static String describe(Step step) {
        return step.chunk() == null ? "" : " (" + step.chunk().from() + " .. " + step.chunk().to() + ")";
    }

    private void releaseQuietly(String leaseName, UUID runId) {
        try {
            database.withConnection("lease", c -> {
                lease.release(c, leaseName, runId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not release the lease of run {}: it expires by itself", runId);
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * What a run says about the recomputation marks it took whose days lie before the lookback floor (null: none):
     * an incremental run cannot recompute them, the explicit window named can (docs/AGGREGATION.md, marks).
     */
    private static String rerunNote(RunWindow rerun) {
        if (rerun == null) {
            return null;
        }
        String note = "recomputation marks reach before the lookback floor (LOOKBACK_DAYS): their days " + rerun.from()
                + " .. " + rerun.to() + " were not recomputed; rerun the explicit window {\"fechaInicio\": \""
                + rerun.from() + "\", \"fechaFin\": \"" + rerun.to() + "\"}";
        LOG.warn(note);
        return note;
    }

    /** {@code done} with {@code note} (null: none) added to its message. */
    private static PipelineResult withNote(PipelineResult done, String note) {
        return note == null ? done : new PipelineResult(done.runId(), done.status(), done.window(), done.asOf(),
                done.wellId(), done.wellGroup(), done.phases(), done.dq(), done.consistency(),
                joined(done.message(), note), done.durationMs());
    }

    private static String joined(String message, String note) {
        return note == null ? message : message == null ? note : message + "; " + note;
    }

    private PipelineResult result(RunContext run, String status, List<PhaseReport> phases,
                                  RunSummaries.DqSummary dq, RunSummaries.ConsistencySummary consistency,
                                  String message, long start) {
        return new PipelineResult(run.runId(), status, run.window(), run.asOf(), run.wellId(), run.group(), phases, dq,
                consistency, message, elapsed(start));
    }
}

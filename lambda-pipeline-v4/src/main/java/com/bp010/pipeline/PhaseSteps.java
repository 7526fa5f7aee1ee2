package com.bp010.pipeline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stored procedures each phase calls, in the seed's order (docs/SEED.md, "Fases"), with the run's window, well, id and asOf bound as
 * parameters. The seed's signatures are kept; the extra arguments are trailing and defaulted in SQL.
 */
final class PhaseSteps {
    static final String STALENESS_REFRESH = "reporting.aplicar_evaluacion_universal";

    private static final Map<String, String> BRIDGES = Map.of(
            "CDI", "reporting.sp_sync_cdi_to_reporting",
            "IPR", "reporting.sp_sync_ipr_to_reporting",
            "ARPS", "reporting.sp_sync_arps_to_reporting");

    private PhaseSteps() {
    }

    static List<Step> of(Phase phase, RunContext run, Connection connection) throws SQLException {
        return switch (phase) {
            case DQ -> List.of(dq(run));
            // the facts are loaded chunk by chunk before (chunk(...)); current values once, from all of them (a well
            // group leaves them to the global step, after every group)
            case TRANSFORM -> run.group() != null ? List.of() : List.of(currentValues(run));
            case ENRICH -> enrich(run, connection);
            case DEFAULTS -> List.of(defaults());
            case CONSISTENCY -> List.of(consistency(run));
        };
    }

    private static Step targetsSync() {
        return Step.of("reporting.sp_sync_dim_pozo_targets", "CALL reporting.sp_sync_dim_pozo_targets()");
    }

    private static Step defaults() {
        return Step.of("reporting.sp_populate_defaults", "CALL reporting.sp_populate_defaults()");
    }

    private static Step consistency(RunContext run) {
        return Step.of("stage.sp_execute_consistency_validation",
                "CALL stage.sp_execute_consistency_validation(?::uuid, ?::timestamptz)",
                run.runId(), run.asOfTimestamp());
    }

    /**
     * A default run without new readings whose edits wait in the dimension marks (reporting.dimensiones_pendientes: the
     * well master, the limits, the KPI targets): what reads those and nothing else, per phase. ENRICH: the targets sync,
     * then the semaphores of what changed (a changed limits row, a rating-derived one included, re-judges every well);
     * DEFAULTS; CONSISTENCY (its rules may read the well master). No facts, derived values or KPIs: what an edit changes
     * in those is a recomputation mark's, with its days (docs/AGGREGATION.md, "Incremental runs").
     */
    static Map<Phase, List<Step>> dimensionEdits(RunContext run) {
        Map<Phase, List<Step>> phases = new java.util.EnumMap<>(Phase.class);
        phases.put(Phase.ENRICH, List.of(targetsSync(), stalenessRefresh(run)));
        phases.put(Phase.DEFAULTS, List.of(defaults()));
        phases.put(Phase.CONSISTENCY, List.of(consistency(run)));
        return phases;
    }

    /** The DQ call over the run's window. */
    static Step dq(RunContext run) {
        return Step.of("stage.sp_execute_dq_validation",
                "CALL stage.sp_execute_dq_validation(?::date, ?::date, ?::text, ?::uuid, ?::timestamptz)",
                run.window().from(), run.window().to(), run.wellId(), run.runId(), run.asOfTimestamp());
    }

    /**
     * Whether the phase's window is worked in committed chunks ({@link Chunks}) before its other calls: TRANSFORM,
     * whose facts of a day (and a month, from all its days) depend on nothing outside that day but the readings
     * before it. DQ is not: its per-well score (reporting.dataset_dq_score_pozo) is over the call's whole window.
     */
    static boolean chunked(Phase phase) {
        return phase == Phase.TRANSFORM;
    }

    /** The call of a chunked phase for one chunk of the run's window (within the run's scope, if incremental). */
    static Step chunk(Phase phase, RunContext run, RunWindow chunk) {
        if (phase != Phase.TRANSFORM) {
            throw new IllegalArgumentException("Phase " + phase + " is not chunked");
        }
        return Step.ofChunk(chunk, "reporting.sp_load_to_reporting",
                "CALL reporting.sp_load_to_reporting(?::date, ?::date, true, true, true, ?::text, ?::uuid)",
                chunk.from(), chunk.to(), run.wellId(), run.runId());
    }

    private static Step currentValues(RunContext run) {
        return Step.of("reporting.actualizar_current_values_v4", "CALL reporting.actualizar_current_values_v4(?::uuid)",
                run.runId());
    }

    /**
     * The global step after a run's well groups (docs/SCALE.md §6), over their joint scope: the field totals of the
     * days they touched (a group's TRANSFORM skips them: they add up every well) and the current values; ENRICH
     * (targets sync, semaphores, derived values, KPIs, ML sync), DEFAULTS and CONSISTENCY follow as phases of the
     * same run.
     */
    static List<Step> global(RunContext run) {
        return List.of(Step.of("reporting.sp_cargar_totales_campo",
                        "CALL reporting.sp_cargar_totales_campo(?::date, ?::date, ?::uuid)",
                        run.window().from(), run.window().to(), run.runId()),
                currentValues(run));
    }

    /**
     * The semaphore evaluation alone: a run with no new data still re-judges staleness against its asOf. Only what
     * changed is judged again (wells whose staleness flips, whose current values were written since the last call,
     * or every well after a change of limits or settings): the result equals judging every well.
     */
    static Step stalenessRefresh(RunContext run) {
        return Step.of(STALENESS_REFRESH,
                "CALL reporting.aplicar_evaluacion_universal(?::uuid, ?::timestamptz, true)",
                run.runId(), run.asOfTimestamp());
    }

    /** The semaphores of a run: every well for an explicit window, else the scope's wells and what changed. */
    private static Step semaphores(RunContext run) {
        return Step.of(STALENESS_REFRESH,
                "CALL reporting.aplicar_evaluacion_universal(?::uuid, ?::timestamptz, false)",
                run.runId(), run.asOfTimestamp());
    }

    private static List<Step> enrich(RunContext run, Connection connection) throws SQLException {
        var from = run.window().from();
        var to = run.window().to();
        List<String> bridges = pendingBridges(connection);
        // the CDI bridge follows in this transaction: the derived step leaves it the latest cards it replaces anyway
        // (a card whose reading has a stroke the bridge syncs), so each is written once
        boolean cardToBridge = bridges.contains("CDI");
        List<Step> steps = new ArrayList<>(List.of(
                targetsSync(),
                semaphores(run),
                Step.of("reporting.sp_calcular_derivados_completos",
                        "CALL reporting.sp_calcular_derivados_completos(?::date, ?::date, ?::uuid, ?::boolean)",
                        from, to, run.runId(), cardToBridge),
                Step.of("reporting.poblar_kpi_business",
                        "CALL reporting.poblar_kpi_business(?::date, ?::date, ?::uuid)", from, to, run.runId())));
        for (String bridge : bridges) {
            String procedure = BRIDGES.get(bridge);
            if (procedure != null) {
                steps.add(Step.of(procedure, "CALL " + procedure + "(?::uuid)", run.runId()));
            }
        }
        return steps;
    }

    /** Which ML bridges have rows in {@code universal} newer than their last sync ('CDI', 'IPR', 'ARPS'). */
    private static List<String> pendingBridges(Connection connection) throws SQLException {
        List<String> pending = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT reporting.fnc_ml_bridges_pendientes()")) {
            if (rs.next()) {
                Array array = rs.getArray(1);
                if (array != null) {
                    for (Object o : (Object[]) array.getArray()) {
                        pending.add(String.valueOf(o));
                    }
                }
            }
        }
        return pending;
    }
}

package com.bp010.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one report shows, read from the {@code reporting} views ({@link ReportReader}). Maps are keyed by well id;
 * a value the views hold as NULL is null here (never a made-up zero).
 */
record ReportModel(ReportWindow window, Instant generatedAt, Instant stateAsOf, Labels labels, List<Well> wells,
                   Map<String, List<MatrixCell>> matrix, List<LiveAlert> alerts, Map<String, HourlySeries> hourly,
                   Map<String, List<DailyKpi>> daily, Map<String, List<SurfaceCard>> cards,
                   Map<String, List<CardDiagnosis>> diagnoses,
                   List<Finding> consistency, List<DqFailure> dqFailures, DqScore dqScore, List<DqRule> dqRules,
                   List<FieldDay> fieldDays, DataExtent extent) {

    boolean empty() {
        return wells.isEmpty() || (hourly.isEmpty() && daily.isEmpty() && fieldDays.isEmpty());
    }

    /** A well as the selector and the dashboard see it now. */
    record Well(String id, String name, String field, String state, Instant lastReading, String worstVariable,
                Integer worstCode, String diagnosis, Double diagnosisProbability) {
    }

    /** The well's effective limits for one variable (per-well rows over the all-wells row). */
    record Limits(Double minCritical, Double minWarning, Double target, Double maxWarning, Double maxCritical) {
        static final Limits NONE = new Limits(null, null, null, null, null);
    }

    /** The latest value of a limited variable and its semaphore code 0-9. */
    record MatrixCell(String wellId, String variable, int order, Double value, Instant readAt, Integer code,
                      Limits limits) {
    }

    /** A live alert of {@code vw_alerts}: a variable at an alert code or a live consistency violation. */
    record LiveAlert(String type, String wellId, String reference, Integer code, Double value, Double referenceValue,
                     String limitName, Double limit, Instant since, Instant lastSeen, Instant evaluatedAt,
                     String severity) {
        boolean semaphore() {
            return "SEMAFORO".equals(type);
        }
    }

    /** Hourly averages of the limited variables (hours in order; a variable's array has one slot per hour). */
    record HourlySeries(String wellId, List<Instant> hours, Map<String, Double[]> values) {
    }

    /**
     * One well-day of {@code vw_kpi_daily}; {@code hoursInPeriod} (23, 24 or 25) and {@code completeFlag} are the
     * database's completeness (docs/AGGREGATION.md), null on facts written before it existed. {@code oilRate} is the
     * database's day rate, bbl/d ({@code vw_kpi_daily.oil_rate}: the mean of the day's hourly oil rates over the hours
     * that have one, which is its barrels x 24 / those hours, docs/AGGREGATION.md "A day's rate"), and
     * {@code varianceOilPct} the database's variance against the target (only on a complete day with a target); the
     * report computes neither.
     */
    record DailyKpi(String wellId, LocalDate day, int hoursWithData, Double oil, Double water, Double gas,
                    Double runtimeHours, Double uptimePct, Double pumpEfficiencyPct, Double kwhPerBbl,
                    Double energyKwh, Double targetOilRate, Double varianceOilPct, Integer hoursInPeriod,
                    Boolean completeFlag, Double oilRate) {
        DailyKpi(String wellId, LocalDate day, int hoursWithData, Double oil, Double water, Double gas,
                 Double runtimeHours, Double uptimePct, Double pumpEfficiencyPct, Double kwhPerBbl,
                 Double energyKwh, Double targetOilRate, Double varianceOilPct, Integer hoursInPeriod,
                 Boolean completeFlag) {
            this(wellId, day, hoursWithData, oil, water, gas, runtimeHours, uptimePct, pumpEfficiencyPct, kwhPerBbl,
                    energyKwh, targetOilRate, varianceOilPct, hoursInPeriod, completeFlag, null);
        }

        DailyKpi(String wellId, LocalDate day, int hoursWithData, Double oil, Double water, Double gas,
                 Double runtimeHours, Double uptimePct, Double pumpEfficiencyPct, Double kwhPerBbl,
                 Double energyKwh, Double targetOilRate, Double varianceOilPct) {
            this(wellId, day, hoursWithData, oil, water, gas, runtimeHours, uptimePct, pumpEfficiencyPct, kwhPerBbl,
                    energyKwh, targetOilRate, varianceOilPct, null, null, null);
        }

        boolean complete() {
            return completeFlag != null ? completeFlag : hoursWithData >= hours();
        }

        int hours() {
            return hoursInPeriod == null ? 24 : hoursInPeriod;
        }
    }

    /** A surface card as sent; {@code position}/{@code load} are null when it could not be read (see problem). */
    record SurfaceCard(String wellId, Instant readAt, boolean validDq, String dqRule, String dqReason,
                       double[] position, double[] load, String problem) {
        boolean drawable() {
            return position != null && load != null && position.length >= 2 && position.length == load.length;
        }
    }

    /**
     * A card's diagnosis (docs/CARDS.md) with the pump card it read (null arrays on the surface basis): pattern,
     * severity, confidence 0-1, basis PUMP or SURFACE, the features by name and the reasons as the rules wrote them.
     */
    record CardDiagnosis(String wellId, Instant readAt, String pattern, String severity, Double confidence,
                         String basis, String source, Double fillagePct, Double fluidLoadLbf, Double pipPsi,
                         Map<String, Double> features, List<String> reasons, double[] pumpPosition,
                         double[] pumpLoad) {
        boolean drawable() {
            return pumpPosition != null && pumpLoad != null && pumpPosition.length >= 2
                    && pumpPosition.length == pumpLoad.length;
        }
    }

    /** A live physical consistency violation. */
    record Finding(String wellId, String code, String measuredVariable, Double measured, String operator,
                   String referenceVariable, Double reference, String severity, Instant detectedAt) {
    }

    /** A failed DQ check: which reading, which value against which limit, why. */
    record DqFailure(String wellId, Instant readAt, String variable, String value, Double limit, String ruleId,
                     String ruleType, String reason, String severity) {
    }

    /** The DQ score over the window: passed / evaluated, with the failed count beside it. */
    record DqScore(long evaluated, long passed, long failed, long notEvaluated) {
        Double score() {
            return evaluated == 0 ? null : (double) passed / evaluated;
        }
    }

    /** Per DQ rule: its counts and score over the window, by the latest verdict of every reading. */
    record DqRule(String ruleId, String variable, String type, String severity, long evaluated, long failed,
                  long notEvaluated, Double score) {
    }

    /** The field's day: sums over the wells that have the day. */
    record FieldDay(LocalDate day, int wells, int completeWells, Double oil, Double water, Double gas, Double energy,
                    Double kwhPerBbl) {
    }

    /** Which days the database has at all, for the default window and the "no data" page. */
    record DataExtent(LocalDate firstDay, LocalDate lastDay) {
    }
}

package com.bp010.report;

import com.bp010.report.ReportModel.CardDiagnosis;
import com.bp010.report.ReportModel.DailyKpi;
import com.bp010.report.ReportModel.DataExtent;
import com.bp010.report.ReportModel.DqFailure;
import com.bp010.report.ReportModel.DqScore;
import com.bp010.report.ReportModel.FieldDay;
import com.bp010.report.ReportModel.Finding;
import com.bp010.report.ReportModel.HourlySeries;
import com.bp010.report.ReportModel.Limits;
import com.bp010.report.ReportModel.LiveAlert;
import com.bp010.report.ReportModel.MatrixCell;
import com.bp010.report.ReportModel.SurfaceCard;
import com.bp010.report.ReportModel.Well;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small field built in code, where every expected line of the report is known. */
final class SampleModel {
    static final ZoneId ZONE = ZoneId.of("America/Bogota");
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 2);
    static final Instant AS_OF = Instant.parse("2026-03-03T05:00:00Z"); // 00:00 on 03-03 in Bogota
    static final Limits WHP = new Limits(null, 30.0, 100.0, 500.0, 2000.0);
    static final Limits FL = new Limits(800.0, 5325.0, 7025.0, 7225.0, 7325.0);

    private SampleModel() {
    }

    static Labels labels(Language lang) {
        Map<String, Labels.Variable> v = new LinkedHashMap<>();
        v.put("well_head_pressure", new Labels.Variable("well_head_pressure", "WHP",
                "Presión en cabeza de pozo (tubing) WHP", "Presión en cabeza de pozo", "Wellhead (tubing) pressure",
                "psi", false, true));
        v.put("fluid_level", new Labels.Variable("fluid_level", "FL", "Nivel de fluido desde superficie (acústico)",
                "Nivel de fluido desde superficie", "Fluid level from surface (acoustic)", "ft", true, true));
        v.put("produccion_petroleo_bbl", new Labels.Variable("produccion_petroleo_bbl", "produccion_petroleo_bbl",
                "Producción diaria de petróleo (suma de promedios horarios/24)", "Producción diaria de petróleo",
                "Oil production", "bbl", false, false));
        Map<Integer, Labels.Status> s = new LinkedHashMap<>();
        String[][] names = {{"SIN_DATO", "No data"}, {"CRITICO_BAJO", "Critical low"}, {"ALERTA_BAJO", "Warning low"},
                {"NORMAL_BAJO", "Normal low"}, {"OPTIMO", "Optimal"}, {"NORMAL_ALTO", "Normal high"},
                {"ALERTA_ALTO", "Warning high"}, {"CRITICO_ALTO", "Critical high"},
                {"FUERA_DE_RANGO_FISICO", "Outside the physical range"}, {"SIN_COMUNICACION", "No communication"}};
        for (int i = 0; i < names.length; i++) {
            s.put(i, new Labels.Status(i, names[i][0], names[i][1], null, null));
        }
        return new Labels(lang, v, s);
    }

    static Well well(String id, String state) {
        return new Well(id, "Pozo " + id, "CAMPO", state, AS_OF.minusSeconds(3600), null, null, null, null);
    }

    /** Three wells: W-1 critical WHP since 03-02 10:00 local, W-2 fluid level above the pump, W-3 all normal. */
    static ReportModel model(Language lang) {
        ReportWindow window = new ReportWindow(FROM, TO, ZONE);
        List<Well> wells = List.of(well("W-1", "CRITICAL"), well("W-2", "WARNING"), well("W-3", "NORMAL"));
        Map<String, List<MatrixCell>> matrix = new LinkedHashMap<>();
        matrix.put("W-1", List.of(new MatrixCell("W-1", "well_head_pressure", 1, 2150.0, AS_OF, 7, WHP),
                new MatrixCell("W-1", "fluid_level", 16, 6000.0, AS_OF, 4, FL)));
        matrix.put("W-2", List.of(new MatrixCell("W-2", "well_head_pressure", 1, 120.0, AS_OF, 5, WHP),
                new MatrixCell("W-2", "fluid_level", 16, 5300.0, AS_OF, 2, FL)));
        matrix.put("W-3", List.of(new MatrixCell("W-3", "well_head_pressure", 1, 100.0, AS_OF, 4, WHP),
                new MatrixCell("W-3", "fluid_level", 16, 7000.0, AS_OF, 4, FL)));
        List<LiveAlert> alerts = List.of(
                new LiveAlert("SEMAFORO", "W-1", "well_head_pressure", 7, 2150.0, null, "max_critical", 2000.0,
                        Instant.parse("2026-03-02T15:00:00Z"), AS_OF, AS_OF, "CRITICAL"),
                new LiveAlert("SEMAFORO", "W-2", "fluid_level", 2, 5300.0, null, "min_warning", 5325.0,
                        Instant.parse("2026-03-01T05:00:00Z"), AS_OF, AS_OF, "WARNING"));
        Map<String, HourlySeries> hourly = new LinkedHashMap<>();
        for (Well w : wells) {
            List<Instant> hours = new ArrayList<>();
            Double[] whp = new Double[48];
            Double[] fl = new Double[48];
            for (int h = 0; h < 48; h++) {
                hours.add(window.start().plusSeconds(3600L * h));
                whp[h] = w.id().equals("W-1") && h >= 34 ? 2100.0 : 120.0;
                fl[h] = w.id().equals("W-2") ? 5300.0 : 7000.0;
            }
            hourly.put(w.id(), new HourlySeries(w.id(), hours, Map.of("well_head_pressure", whp, "fluid_level", fl)));
        }
        Map<String, List<DailyKpi>> daily = new LinkedHashMap<>();
        for (Well w : wells) {
            double oil = w.id().equals("W-3") ? 40.0 : 50.0;
            daily.put(w.id(), List.of(
                    new DailyKpi(w.id(), FROM, 24, 51.0, 100.0, 20.0, 24.0, 100.0, 80.0, 1.5, 200.0, 50.0, 2.0,
                            24, true, 51.0),
                    // complete days: the database's rate is the barrels, its variance against 50 bbl/d
                    new DailyKpi(w.id(), TO, 24, oil, 100.0, 20.0, 24.0, 100.0, 80.0, 1.5, 200.0, 50.0,
                            (oil - 50.0) / 50.0 * 100, 24, true, oil)));
        }
        Map<String, List<SurfaceCard>> cards = new LinkedHashMap<>();
        cards.put("W-1", List.of(
                new SurfaceCard("W-1", AS_OF, true, null, null, new double[] {0, 50, 100, 50, 0},
                        new double[] {5000, 9000, 9000, 5000, 5000}, null),
                new SurfaceCard("W-1", AS_OF.minusSeconds(3600), false, "DQ-024", "position has 10 points, load has 8",
                        null, null, "position has 10 points, load 8")));
        List<Finding> findings = List.of(new Finding("W-2", "RC-005", "profundidad_bomba", 7384.0, "<",
                "profundidad_yacimiento", 6884.0, "MEDIUM", AS_OF));
        List<DqFailure> dq = List.of(new DqFailure("W-3", Instant.parse("2026-03-01T08:00:00Z"), "well_head_pressure",
                "9999", 2000.0, "DQ-001", "REPRESENTATIVIDAD", "well_head_pressure = 9999 above the maximum 2000",
                "HIGH"));
        List<FieldDay> days = List.of(new FieldDay(FROM, 3, 3, 153.0, 300.0, 60.0, 600.0, 1.3),
                new FieldDay(TO, 3, 3, 140.0, 300.0, 60.0, 600.0, 1.4));
        return new ReportModel(window, AS_OF, AS_OF, labels(lang), wells, matrix, alerts, hourly, daily, cards, Map.of(),
                findings, dq, new DqScore(10000, 9999, 1, 0), List.of(), days, new DataExtent(FROM, TO));
    }

    /**
     * The sample field with card diagnoses: W-1's latest two cards pound (fillage 58 %) after a full one; W-3's latest
     * card says its rods parted (with a CARTA alert over 5 cards since 02:00 UTC), the one before it a full pump.
     */
    static ReportModel withCards(Language lang) {
        ReportModel m = model(lang);
        Map<String, List<CardDiagnosis>> d = new LinkedHashMap<>();
        d.put("W-1", List.of(
                diagnosis("W-1", AS_OF, "FLUID_POUND", "SEVERE", 0.77, Map.of("fillagePct", 58.2, "unloadingSpan", 0.04,
                        "areaRatio", 0.6), new double[] {0, 40, 80, 60, 45, 0}, new double[] {0, 3000, 3000, 3000, 0, 0}),
                diagnosis("W-1", AS_OF.minusSeconds(3600), "FLUID_POUND", "SEVERE", 0.75,
                        Map.of("fillagePct", 59.0, "unloadingSpan", 0.05), new double[] {0, 40, 80, 60, 45, 0},
                        new double[] {0, 3000, 3000, 3000, 0, 0}),
                diagnosis("W-1", AS_OF.minusSeconds(7200), "FULL_PUMP", "NONE", 0.9,
                        Map.of("fillagePct", 99.0, "loadingSpan", 0.01, "unloadingSpan", 0.01),
                        new double[] {0, 40, 80, 40, 0}, new double[] {0, 3000, 3000, 0, 0})));
        d.put("W-3", List.of(
                diagnosis("W-3", AS_OF, "ROD_PART", "SEVERE", 0.85, Map.of("upperLoadLbf", -2434.0,
                        "maxFluidLoadLbf", 7991.0), new double[] {0, 40, 80, 40, 0}, new double[] {0, 10, 0, -10, 0}),
                diagnosis("W-3", AS_OF.minusSeconds(3600), "FULL_PUMP", "NONE", 0.9, Map.of("fillagePct", 99.0),
                        new double[] {0, 40, 80, 40, 0}, new double[] {0, 3000, 3000, 0, 0})));
        List<LiveAlert> alerts = new ArrayList<>(m.alerts());
        alerts.add(new LiveAlert("CARTA", "W-3", "ROD_PART", null, null, 5.0, "card_alert_consecutive", 3.0,
                Instant.parse("2026-03-03T02:00:00Z"), AS_OF, AS_OF, "SEVERE"));
        return new ReportModel(m.window(), m.generatedAt(), m.stateAsOf(), m.labels(), m.wells(), m.matrix(),
                List.copyOf(alerts), m.hourly(), m.daily(), m.cards(), d, m.consistency(), m.dqFailures(), m.dqScore(),
                m.dqRules(), m.fieldDays(), m.extent());
    }

    private static CardDiagnosis diagnosis(String well, Instant at, String pattern, String severity, double confidence,
                                           Map<String, Double> features, double[] position, double[] load) {
        return new CardDiagnosis(well, at, pattern, severity, confidence, "PUMP", "RULES", features.get("fillagePct"),
                3000.0, 450.0, features, List.of("the rules' own words"), position, load);
    }
}

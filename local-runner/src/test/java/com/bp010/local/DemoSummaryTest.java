package com.bp010.local;

import com.bp010.db.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSummaryTest {
    @Test
    void shouldSplitTheInsertedRowsByFile_whenTheIngestLoadedReadingsAMasterAndReserves() throws Exception {
        // the summary's first line counts 218,400 readings landed; the ingest inserted 80 more rows, from two files
        String line = DemoSummary.ingestLine(Json.mapper().readTree("""
                {"rowsInserted": 218480, "rowsDuplicate": 0, "rowsRevised": 0, "rowsRejected": 6,
                 "rejectsByReason": {"BAD_TIMESTAMP": 1},
                 "files": [{"format": "WELL_MASTER_CSV", "rowsInserted": 20},
                           {"format": "RESERVES_XLSX", "rowsInserted": 60},
                           {"format": "TELEMETRY_CSV", "rowsInserted": 218400}]}"""));

        assertThat(line).isEqualTo("Ingest: 218480 inserted (20 well master rows, 60 reserves rows, 218400 readings),"
                + " 0 duplicate, 0 revised, 6 rejected {\"BAD_TIMESTAMP\":1}" + System.lineSeparator());
    }

    @Test
    void shouldNameOnlyTheFilesThatInsertedRows_whenADemoIsRunAgain() throws Exception {
        // a rerun an hour later: the master and reserves are duplicates, the new hour's readings inserted
        String line = DemoSummary.ingestLine(Json.mapper().readTree("""
                {"rowsInserted": 1300, "rowsDuplicate": 36968, "rowsRevised": 180212, "rowsRejected": 0,
                 "files": [{"format": "WELL_MASTER_CSV", "rowsInserted": 0},
                           {"format": "RESERVES_XLSX", "rowsInserted": 0},
                           {"format": "TELEMETRY_CSV", "rowsInserted": 1300}]}"""));

        assertThat(line).startsWith("Ingest: 1300 inserted (1300 readings), 36968 duplicate, 180212 revised,");
    }

    @Test
    void shouldNameAnAlertsStateAsTheReportDoes_whenTheViewGivesTheCataloguesCode() {
        java.util.Map<String, Object> low = new java.util.HashMap<>(java.util.Map.of("tipo", "SEMAFORO",
                "codigo_status", 1, "estado", "CRITICO_BAJO", "mensaje", "pump_fillage = 12 %: CRITICO_BAJO",
                "profundidad", false));
        java.util.Map<String, Object> deep = new java.util.HashMap<>(java.util.Map.of("tipo", "SEMAFORO",
                "codigo_status", 7, "estado", "CRITICO_ALTO", "mensaje", "fluid_level = 5200 ft: CRITICO_ALTO",
                "profundidad", true));
        java.util.Map<String, Object> violation = new java.util.HashMap<>(java.util.Map.of("tipo", "CONSISTENCIA",
                "estado", "VIOLACION_C01", "mensaje", "oil_rate > gross: 120 > 100"));

        assertThat(DemoSummary.alertMessage(low)).isEqualTo("pump_fillage = 12 %: Critical low");
        assertThat(DemoSummary.alertMessage(deep)).isEqualTo("fluid_level = 5200 ft: Critical: deep level");
        assertThat(DemoSummary.alertMessage(violation)).isEqualTo("oil_rate > gross: 120 > 100");
    }

    @Test
    void shouldGiveThePumpProblemsStartInFieldTime_asTheRestOfTheSummary() {
        // Kolkata: the problems planted from 22:00 UTC show on the cards (and in the report) from 03:30 IST
        assertThat(DemoSummary.problemsHeader("2026-12-07T22:00:00Z", java.time.ZoneId.of("Asia/Kolkata")))
                .isEqualTo("Planted pump problems (from 2026-12-08 03:30):\n");
    }
}

package com.bp010.pipeline;

import com.bp010.cards.Card;
import com.bp010.cards.ForwardModel;
import com.bp010.cards.PumpBehaviour;
import com.bp010.cards.PumpingUnit;
import com.bp010.cards.RodString;
import com.bp010.cards.WellDescription;
import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.Json;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The card step of ENRICH through the pipeline handler: surface cards in stage become surface and pump strokes and
 * one rules diagnosis per stroke and model version (docs/CARDS.md), reruns replace, rewritten cards are read again.
 */
class CardDiagnosisIT {
    private static final String EVENT = """
            {"phases": ["ENRICH"], "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10", "asOf": "2026-03-11T00:00:00Z"}""";
    private static final String RODS = "7/8 in x 40%, 3/4 in x 60%";

    private TestDatabase db;
    private final WellDescription well = WellDescription.of(5000, 1.5, RodString.parse(RODS, 5000.0))
            .withFluid(1.0, 100);

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        db.execute("""
                DO $$ BEGIN
                    IF to_regprocedure('reporting.sp_sync_dim_pozo_targets()') IS NULL THEN
                        CREATE PROCEDURE reporting.sp_sync_dim_pozo_targets() LANGUAGE plpgsql AS $p$ BEGIN END $p$;
                    END IF;
                    IF to_regprocedure('reporting.aplicar_evaluacion_universal(uuid, timestamptz, boolean)') IS NULL THEN
                        CREATE PROCEDURE reporting.aplicar_evaluacion_universal(p_run_id uuid DEFAULT NULL,
                            p_as_of timestamptz DEFAULT now(), p_solo_cambios boolean DEFAULT false) LANGUAGE plpgsql AS $p$ BEGIN END $p$;
                    END IF;
                END $$;
                """);
        master("W-POUND", RODS);
        master("W-FULL", "7/8 in x 2000 ft, 3/4 in x 3000 ft");
        master("W-NOSTRING", null);
        PumpingUnit unit = new PumpingUnit(86, 8, 0.25);
        Card pound = new ForwardModel().run(well, unit, PumpBehaviour.full(200).withFillage(0.6), 100).surface();
        Card full = new ForwardModel().run(well, unit, PumpBehaviour.full(200), 100).surface();
        for (int h = 20; h < 23; h++) {
            production("W-POUND", h, json(pound));
            production("W-FULL", h, json(full));
            production("W-NOSTRING", h, json(full));
        }
        production("W-FULL", 23, "{\"position\": [1, 2, 3], \"load\": [4, 5, 6]}");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void master(String id, String rods) {
        db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id, profundidad_bomba, diametro_piston,"
                + " descripcion_sarta_varillas, api_gravity, sg_agua) VALUES ('" + id + "', 5000, 1.5, "
                + (rods == null ? "NULL" : "'" + rods + "'") + ", 10, 1.0)");
    }

    private void production(String id, int hour, String card) {
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 10, hour, 0, 0, 0, ZoneOffset.UTC);
        db.execute("INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, dynacard, strokes_per_minute,"
                + " well_head_pressure, bsw) VALUES ('" + id + "', '" + at + "', '" + card + "', 8, 100, 100)");
    }

    private static String json(Card card) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", card.position());
        m.put("load", card.load());
        try {
            return Json.mapper().writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode enrich() {
        return enrich(db.env());
    }

    private JsonNode enrich(Map<String, String> env) {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(env)),
                EmbeddedMetrics.disabled());
        return Invocation.invoke(handler, EVENT);
    }

    private long count(String sql) {
        return ((Number) db.queryValue(sql)).longValue();
    }

    @Test
    void shouldWriteSurfaceAndPumpStrokesAndOneDiagnosisPerStroke_whenEnrichRuns() {
        JsonNode response = enrich();

        assertThat(response.path("status").asText()).isEqualTo("OK");
        JsonNode calls = response.path("phases").get(0).path("calls");
        assertThat(calls.get(0).path("call").asText()).isEqualTo(CardEnrichment.CALL);
        assertThat(calls.get(0).path("notices").get(0).asText()).contains("10 read, 9 diagnosed, 1 refused");
        assertThat(count("SELECT count(*) FROM universal.stroke WHERE tipo_carta = 'SUPERFICIE'")).isEqualTo(9);
        // pump cards only where the well is known: W-NOSTRING has no rod string
        assertThat(count("SELECT count(*) FROM universal.stroke WHERE tipo_carta = 'FONDO'")).isEqualTo(6);
        assertThat(db.queryValue("SELECT string_agg(DISTINCT clase, ',') FROM universal.diagnostico"
                + " WHERE well_id = 'W-POUND'")).isEqualTo("FLUID_POUND");
        assertThat(db.queryValue("SELECT string_agg(DISTINCT clase, ',') FROM universal.diagnostico"
                + " WHERE well_id = 'W-FULL'")).isEqualTo("FULL_PUMP");
        assertThat(db.queryValue("SELECT string_agg(DISTINCT base, ',') FROM universal.diagnostico"
                + " WHERE well_id = 'W-NOSTRING'")).isEqualTo("SURFACE");
        assertThat(((Number) db.queryValue("SELECT min(llenado_pct) FROM universal.diagnostico"
                + " WHERE well_id = 'W-POUND'")).doubleValue()).isBetween(57.0, 63.0);
        assertThat(((Number) db.queryValue("SELECT min(pip_psi) FROM universal.diagnostico"
                + " WHERE well_id = 'W-POUND'")).doubleValue()).isBetween(100.0, 300.0);
        assertThat(db.queryValue("SELECT DISTINCT modelo_version FROM universal.diagnostico"))
                .isEqualTo("bp010-rules-1");
        assertThat(count("SELECT count(*) FROM universal.diagnostico d JOIN universal.patron p USING (patron_id)"
                + " WHERE p.clase_diagnostico = d.clase")).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM universal.patron WHERE fuente = 'bp010-rules-1'")).isEqualTo(14);
        assertThat(db.queryValue("SELECT razones->>0 FROM universal.diagnostico WHERE well_id = 'W-POUND' LIMIT 1")
                .toString()).contains("fillage");
    }

    @Test
    void shouldWriteEachNewHourWithItsDiagnosis_whenTransformRunsTheCardStepFirst() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());

        JsonNode run = Invocation.invoke(handler, EVENT.replace("[\"ENRICH\"]", "[\"TRANSFORM\", \"ENRICH\"]"));

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        JsonNode transform = run.path("phases").get(0).path("calls");
        assertThat(transform.get(0).path("call").asText()).isEqualTo(CardEnrichment.CALL);
        assertThat(transform.get(0).path("notices").get(0).asText()).contains("10 read, 9 diagnosed, 1 refused");
        JsonNode enrich = run.path("phases").get(1).path("calls");
        assertThat(enrich.get(0).path("call").asText()).isEqualTo(CardEnrichment.FILLAGE_CALL);
        assertThat(enrich.get(0).path("notices").get(0).asText()).startsWith("card fillage for");
        // every hour with a card was written with the hour's latest diagnosis: the CDI bridge had none to rewrite
        assertThat(count("SELECT count(*) FROM reporting.fact_operaciones_horarias h JOIN universal.diagnostico d"
                + " ON d.well_id = h.well_id AND d.timestamp_lectura = h.fecha_hora"
                + " WHERE (h.cdi_diagnostico, h.cdi_probabilidad) IS NOT DISTINCT FROM (d.clase, d.probabilidad)"))
                .isEqualTo(9);
        assertThat(enrich.findValuesAsText("call")).contains("reporting.sp_sync_cdi_to_reporting");
        assertThat(enrich.toString()).contains("sync_cdi: 0 hourly facts updated");
    }

    @Test
    void shouldReplaceNotAppend_whenAnExplicitWindowRunsAgain_readingEveryCardOfTheWindow() {
        enrich();
        db.execute("UPDATE stage.tbl_pozo_produccion SET dynacard = (SELECT dynacard FROM stage.tbl_pozo_produccion"
                + " WHERE well_id = 'W-POUND' LIMIT 1) WHERE well_id = 'W-FULL' AND timestamp_lectura ="
                + " '2026-03-10T20:00:00Z'");

        JsonNode again = enrich();

        assertThat(again.path("phases").get(0).path("calls").get(0).path("notices").get(0).asText())
                .contains("10 read, 9 diagnosed, 1 refused");
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM universal.stroke")).isEqualTo(15);
        assertThat(db.queryValue("SELECT clase FROM universal.diagnostico WHERE well_id = 'W-FULL'"
                + " AND timestamp_lectura = '2026-03-10T20:00:00Z'")).isEqualTo("FLUID_POUND");
    }

    @Test
    void shouldReadOnlyTheNewHoursCards_whenTheRunIsIncremental() {
        // (the reading's other values and the well master count too: IncrementalRunIT checks against a full run)
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        JsonNode first = Invocation.invoke(handler, "{\"asOf\": \"2026-03-10T23:30:00Z\"}");
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("OK");
        assertThat(first.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        // the next hour lands: one new card, and a rewritten one at 21:00 (a new pivot of that reading)
        Card pound = new ForwardModel().run(well, new PumpingUnit(86, 8, 0.25),
                PumpBehaviour.full(200).withFillage(0.6), 100).surface();
        OffsetDateTime next = OffsetDateTime.of(2026, 3, 11, 0, 0, 0, 0, ZoneOffset.UTC);
        db.execute("INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, dynacard, strokes_per_minute,"
                + " well_head_pressure, bsw) VALUES ('W-POUND', '" + next + "', '" + json(pound) + "', 8, 100, 100)");
        db.execute("INSERT INTO stage.tbl_pozo_produccion AS p (well_id, timestamp_lectura, dynacard)"
                + " SELECT 'W-FULL', timestamp_lectura, dynacard FROM stage.tbl_pozo_produccion"
                + " WHERE well_id = 'W-POUND' AND timestamp_lectura = '2026-03-10T21:00:00Z'"
                + " ON CONFLICT (well_id, timestamp_lectura) DO UPDATE SET dynacard = EXCLUDED.dynacard,"
                + " pivot_xid = pg_current_xact_id()");

        JsonNode second = Invocation.invoke(handler, "{\"asOf\": \"2026-03-11T00:30:00Z\"}");

        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("OK");
        // only the scope's new hours are read: the two new cards, not the day's other eight (nor, again, the refused
        // card of 23:00, whose reading did not change)
        assertThat(second.toString()).contains("cards 2 read, 2 diagnosed, 0 refused");
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isEqualTo(10);
        assertThat(db.queryValue("SELECT clase FROM universal.diagnostico WHERE well_id = 'W-FULL'"
                + " AND timestamp_lectura = '2026-03-10T21:00:00Z'")).isEqualTo("FLUID_POUND");
        // a step with neither scope nor explicit window that no run log knows (the step called alone) diagnoses
        // every card of its window again, replacing: the incremental runs' diagnoses were not its own
        var step = new CardEnrichment(7, 100);
        var alone = step.run(db.database(), new RunContext(UUID.randomUUID(), new RunWindow(
                LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11")), null,
                Instant.parse("2026-03-11T00:30:00Z")), ZoneOffset.UTC, false);
        assertThat(alone.notices().get(0)).startsWith("cards 11 read, 10 diagnosed, 1 refused");
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isEqualTo(10);
    }

    @Test
    void shouldPublishTheLatestCardsAndAlert_andFeedFillageWhereScadaHasNone() {
        WellFixture wells = new WellFixture(db);
        OffsetDateTime last = OffsetDateTime.parse("2026-03-10T22:00:00Z");
        wells.currentValues("W-POUND", WellFixture.values("strokes_per_minute", 8.0, "fecha_hora_ultima_lectura", last));
        wells.currentValues("W-FULL", WellFixture.reading("pump_fillage", 95.0, last));
        db.execute("UPDATE stage.tbl_pozo_produccion SET pump_fillage = 95 WHERE well_id = 'W-FULL'");

        enrich();

        // the card's fillage where the well sends none; the SCADA value kept where it does
        assertThat(((Number) db.queryValue("SELECT pump_fillage FROM reporting.dataset_current_values"
                + " WHERE well_id = 'W-POUND'")).doubleValue()).isBetween(57.0, 63.0);
        assertThat(((Number) db.queryValue("SELECT pump_fillage FROM reporting.dataset_current_values"
                + " WHERE well_id = 'W-FULL'")).doubleValue()).isEqualTo(95.0);
        // the latest card of each well, with its pump card, diagnosis and source
        assertThat(db.queryValue("SELECT fuente || ' ' || cdi_diagnostico || ' ' || severidad || ' '"
                + " || (cardinality(position_fondo) > 0) FROM reporting.dataset_latest_dynacard"
                + " WHERE well_id = 'W-POUND'")).isEqualTo("RULES FLUID_POUND MODERATE true");
        assertThat(((Number) db.queryValue("SELECT llenado_pct FROM reporting.dataset_latest_dynacard"
                + " WHERE well_id = 'W-POUND'")).doubleValue()).isBetween(57.0, 63.0);
        // the current PRHP (no card_area reported) is the card shown: its area x the current 8 SPM / the divisor, from
        // the stroke the bridge shows (0.001 in / 0.1 lb), not the card's full digits the derived step saw first
        assertThat(((Number) db.queryValue("SELECT cv.prhp_calc - k.area_lbf_in * 8.0 / c.prhp_divisor"
                + " FROM reporting.dataset_current_values cv JOIN reporting.dataset_latest_dynacard k USING (well_id)"
                + " CROSS JOIN reporting.fnc_config_fisica() c WHERE cv.well_id = 'W-POUND'")).doubleValue())
                .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
        // three pounding cards in a row: an alert with its reason; the full pump none
        assertThat(db.queryValue("SELECT referencia || ' | ' || mensaje FROM reporting.vw_alerts"
                + " WHERE tipo = 'CARTA' AND well_id = 'W-POUND'").toString())
                .startsWith("FLUID_POUND | FLUID_POUND on the last 3 cards: the load falls");
        assertThat(count("SELECT count(*) FROM reporting.vw_alerts WHERE tipo = 'CARTA' AND well_id <> 'W-POUND'"))
                .isZero();
        db.execute("INSERT INTO referencial.config_evaluacion (clave, valor_num) VALUES ('card_alert_consecutive', 4)");
        assertThat(count("SELECT count(*) FROM reporting.vw_alerts WHERE tipo = 'CARTA'")).isZero();
    }

    @Test
    void shouldTakeTheDampingFromThePowerBalance_whenCardDampingSaysSo() {
        // a well that damps three times the default, pumping what its card says across Pdischarge - 200 psi
        master("W-DAMPED", RODS);
        ForwardModel.Result run = new ForwardModel().run(well.withDamping(3 * well.damping()),
                new PumpingUnit(86, 8, 0.25), PumpBehaviour.full(200), 100);
        double[] x = run.pump().position();
        double[] y = run.pump().load();
        double area = 0;
        for (int i = 0; i < x.length; i++) {
            area += (x[i] * y[(i + 1) % x.length] - x[(i + 1) % x.length] * y[i]) / 2;
        }
        double rate = Math.abs(area) * 8 / 60 / ((well.dischargePressurePsi() - 200) * 5.6146 * 1728 / 86_400);
        for (int h = 20; h < 23; h++) {
            production("W-DAMPED", h, json(run.surface()));
        }
        db.execute("UPDATE stage.tbl_pozo_produccion SET liquid_rate = " + rate + ", pump_intake_pressure = 200,"
                + " bsw = 100 WHERE well_id = 'W-DAMPED'");
        Map<String, String> env = new LinkedHashMap<>(db.env());
        env.put("CARD_DAMPING", "power-balance");

        enrich(env);

        assertThat(db.queryValue("SELECT string_agg(DISTINCT clase, ',') FROM universal.diagnostico"
                + " WHERE well_id = 'W-DAMPED'")).isEqualTo("FULL_PUMP");
        assertThat(db.queryValue("SELECT razones->>-1 FROM universal.diagnostico WHERE well_id = 'W-DAMPED' LIMIT 1")
                .toString()).startsWith("damping ").contains("by the power balance");
        assertThat(((Number) db.queryValue("SELECT max(abs(carga_fluido_lbf - " + run.fluidLoadLbf() + "))"
                + " FROM universal.diagnostico WHERE well_id = 'W-DAMPED'")).doubleValue())
                .isLessThan(0.03 * run.fluidLoadLbf());
        // by default the pipeline keeps the default damping and says nothing of it
        enrichAgainWithDefaults();
    }

    private void enrichAgainWithDefaults() {
        db.execute("DELETE FROM universal.diagnostico; DELETE FROM universal.stroke");
        enrich();
        assertThat(count("SELECT count(*) FROM universal.diagnostico WHERE razones::text LIKE '%power balance%'"))
                .isZero();
        assertThatThrownBy(() -> PipelineSettings.fromEnv(Env.of(Map.of("CARD_DAMPING", "gibbs"))))
                .hasMessageContaining("CARD_DAMPING must be default or power-balance");
    }

    private static final RunContext WINDOW = new RunContext(UUID.randomUUID(), new RunWindow(
            LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-10")), null, Instant.parse("2026-03-11T00:00:00Z"));

    /** Every stroke and diagnosis as stored, W-POUND's last, each well's in stroke id order. */
    private String rows() {
        return db.queryValue("""
                SELECT string_agg(concat_ws('|', s.well_id, s.timestamp_lectura, s.tipo_carta, s.position::text,
                           s.load::text, float8send(s.spm)::text, s.carta_md5, d.clase, float8send(d.probabilidad),
                           d.patron_id, float8send(d.llenado_pct), d.caracteristicas::text, d.razones::text),
                           E'\\n' ORDER BY s.well_id = 'W-POUND', s.stroke_id)
                  FROM universal.stroke s
                  LEFT JOIN universal.diagnostico d ON d.stroke_id = s.stroke_id AND d.well_id = s.well_id""")
                .toString();
    }

    @Test
    void shouldWriteTheSameRows_whetherAChunkIsCopiedStraightIntoStrokesOrUpserted() {
        // chunks of two cards; a first run meets no stored stroke: every chunk is copied straight into the table
        CardEnrichment step = new CardEnrichment(7, 2);
        step.run(db.database(), WINDOW, ZoneOffset.UTC, true);
        String straight = rows();
        assertThat(count("SELECT count(*) FROM universal.stroke")).isEqualTo(15);
        // W-POUND's strokes stay: its chunks meet them and are upserted, the other wells' are copied again
        db.execute("DELETE FROM universal.stroke WHERE well_id <> 'W-POUND'");

        step.run(db.database(), WINDOW, ZoneOffset.UTC, true);

        assertThat(rows()).isEqualTo(straight);
        // and every chunk upserted (a rerun of the window): the same rows again, the ids kept
        String ids = db.queryValue("SELECT string_agg(stroke_id::text, ',' ORDER BY stroke_id)"
                + " FROM universal.stroke").toString();
        step.run(db.database(), WINDOW, ZoneOffset.UTC, true);
        assertThat(rows()).isEqualTo(straight);
        assertThat(db.queryValue("SELECT string_agg(stroke_id::text, ',' ORDER BY stroke_id)"
                + " FROM universal.stroke").toString()).isEqualTo(ids);
    }

    @Test
    void shouldKeepTheChunksBeforeAndWriteNoneAfter_whenAChunkFails() {
        // the third chunk of two (W-NOSTRING's first cards) fails on its diagnoses, while the fourth is analysed
        db.execute("""
                CREATE FUNCTION public.cards_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.well_id = 'W-NOSTRING' THEN RAISE EXCEPTION 'boom %', NEW.well_id; END IF;
                RETURN NEW; END $$""");
        db.execute("CREATE TRIGGER cards_boom BEFORE INSERT ON universal.diagnostico FOR EACH ROW"
                + " EXECUTE FUNCTION public.cards_boom()");
        CardEnrichment step = new CardEnrichment(7, 2);

        assertThatThrownBy(() -> step.run(db.database(), WINDOW, ZoneOffset.UTC, true))
                .hasMessageContaining("boom W-NOSTRING");

        // W-FULL's two chunks committed (three cards, the fourth refused); nothing of the failing chunk or after it
        assertThat(count("SELECT count(*) FROM universal.stroke WHERE well_id = 'W-FULL'")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM universal.diagnostico WHERE well_id = 'W-FULL'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM universal.stroke WHERE well_id <> 'W-FULL'")).isZero();
    }

    @Test
    void shouldSayWhichWindowDiagnosesThem_whenAnIncrementalRunLeavesCardsOlderThanCardLookbackDays() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        // the 10 cards of 2026-03-10 reach the pipeline three weeks late (a backfill): 20 days before asOf, past the
        // 7 days the card step of an incremental run reads
        JsonNode late = Invocation.invoke(handler, "{\"asOf\": \"2026-03-31T00:30:00Z\"}");

        assertThat(late.path("status").asText()).as(late.toString()).isEqualTo("OK");
        assertThat(late.toString()).contains("cards 0 read");
        assertThat(late.path("message").asText()).isEqualTo("10 card(s) of new readings from 2026-03-10 .. 2026-03-10"
                + " lie more than CARD_LOOKBACK_DAYS (7) before asOf and were not diagnosed; rerun the explicit window"
                + " {\"fechaInicio\": \"2026-03-10\", \"fechaFin\": \"2026-03-10\"} to diagnose them");
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isZero();

        // the window it names diagnoses them; the next incremental run, with nothing new, has nothing to say of cards
        JsonNode rerun = Invocation.invoke(handler, "{\"fechaInicio\": \"2026-03-10\", \"fechaFin\": \"2026-03-10\","
                + " \"asOf\": \"2026-03-31T01:00:00Z\"}");
        assertThat(rerun.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isEqualTo(9);
        JsonNode next = Invocation.invoke(handler, "{\"asOf\": \"2026-03-31T01:30:00Z\"}");
        assertThat(next.path("message").asText()).doesNotContain("card(s)");
    }

    @Test
    void shouldDiagnoseEveryCardOfAnExplicitWindow_whenItsPhasesArriveOneByOneAsUnderStepFunctions() {
        var handler = new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
        // a backfill of a month-old day through the state machine (statemachine/input-backfill.json): DQ opens the
        // explicit run, TRANSFORM (the card step) joins it by runId
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", \"fechaInicio\": \"2026-03-10\","
                + " \"fechaFin\": \"2026-03-10\", \"asOf\": \"2026-04-10T00:00:00Z\"}");
        assertThat(dq.path("status").asText()).as(dq.toString()).isEqualTo("OK");
        JsonNode transform = Invocation.invoke(handler, "{\"phase\": \"TRANSFORM\", \"runId\": \""
                + dq.path("runId").asText() + "\"}");

        assertThat(transform.path("status").asText()).as(transform.toString()).isEqualTo("OK");
        // as one invocation of the same window would: CARD_LOOKBACK_DAYS bounds incremental runs, not explicit ones
        assertThat(transform.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isEqualTo(9);
    }

    @Test
    void shouldReadTheCardsNotYetAnalysedInChunks_whenAPhaseJoinsAnExplicitRunOverOldDays() {
        // a phase joined by runId (or resumed) of a run without scope, three weeks after its day: no lookback floor
        // (CARD_LOOKBACK_DAYS bounds incremental runs only, shouldSayWhichWindowDiagnosesThem_...), and the cards
        // this run has not diagnosed yet from their present text
        CardEnrichment step = new CardEnrichment(7, 2);
        RunContext old = new RunContext(UUID.randomUUID(), new RunWindow(LocalDate.parse("2026-03-10"),
                LocalDate.parse("2026-03-10")), null, Instant.parse("2026-04-01T00:00:00Z"));
        db.database().withConnection("run log", c -> {
            new RunLog().open(c, old, "RUNNING", "phase", java.util.Set.of(Phase.TRANSFORM), null);
            return null;
        });

        var first = step.run(db.database(), old, ZoneOffset.UTC, false);
        var again = step.run(db.database(), old, ZoneOffset.UTC, false);

        // chunks of two: the backlog is read in five committed chunks
        assertThat(first.notices().get(0)).startsWith("cards 10 read, 9 diagnosed, 1 refused");
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isEqualTo(9);
        // a retry after a time-out goes on where it stopped: only the refused card is still not analysed
        assertThat(again.notices().get(0)).startsWith("cards 1 read, 0 diagnosed, 1 refused");
    }

    private static final String BACKFILL = "\"fechaInicio\": \"2026-03-10\", \"fechaFin\": \"2026-03-10\"";

    private PipelineV4Handler handler(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(db.env());
        env.putAll(extra);
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(env)),
                EmbeddedMetrics.disabled());
    }

    /**
     * The window diagnosed by an earlier run (a whole explicit run), then what a diagnosis reads besides the card
     * changes, the card texts unchanged: W-POUND's plunger in the master (its PIP, Fo/Ap) and the SPM of W-FULL's
     * 21:00 reading (its pump card). Returns the rows as the earlier run left them.
     */
    private String diagnosedThenMasterAndReadingChanged(PipelineV4Handler handler) {
        JsonNode earlier = Invocation.invoke(handler, "{\"phases\": [\"DQ\", \"TRANSFORM\"], " + BACKFILL
                + ", \"asOf\": \"2026-04-09T00:00:00Z\"}");
        assertThat(earlier.toString()).as(earlier.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        String before = rows();
        db.execute("UPDATE stage.tbl_pozo_maestra SET diametro_piston = 1.75 WHERE well_id = 'W-POUND'");
        db.execute("UPDATE stage.tbl_pozo_produccion SET strokes_per_minute = 6 WHERE well_id = 'W-FULL'"
                + " AND timestamp_lectura = '2026-03-10T21:00:00Z'");
        return before;
    }

    /** Rows as a one-invocation explicit run of the window leaves them (every card of it diagnosed again). */
    private String oneInvocation(PipelineV4Handler handler) {
        JsonNode whole = Invocation.invoke(handler, "{\"phases\": [\"DQ\", \"TRANSFORM\"], " + BACKFILL
                + ", \"asOf\": \"2026-04-10T01:00:00Z\"}");
        assertThat(whole.toString()).as(whole.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        return rows();
    }

    /** The state machine's last state: CONSISTENCY joins the run and ends it (its lease released). */
    private static void finish(PipelineV4Handler handler, String transform) {
        JsonNode last = Invocation.invoke(handler, transform.replace("TRANSFORM", "CONSISTENCY"));
        assertThat(last.path("status").asText()).as(last.toString()).isEqualTo("OK");
    }

    private double pip(String well) {
        return ((Number) db.queryValue("SELECT avg(pip_psi) FROM universal.diagnostico WHERE well_id = '" + well
                + "'")).doubleValue();
    }

    @Test
    void shouldDiagnoseTheWindowAgainAsOneInvocationDoes_whenTheMasterOrAReadingChangedAndStepFunctionsRunsIt() {
        PipelineV4Handler handler = handler(Map.of());
        String before = diagnosedThenMasterAndReadingChanged(handler);
        double pipBefore = pip("W-POUND");

        // the state machine's way (statemachine/input-backfill.json): DQ opens the explicit run, TRANSFORM joins it
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", " + BACKFILL
                + ", \"asOf\": \"2026-04-10T00:00:00Z\"}");
        assertThat(dq.path("status").asText()).as(dq.toString()).isEqualTo("OK");
        String step = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + dq.path("runId").asText() + "\"}";
        JsonNode transform = Invocation.invoke(handler, step);

        assertThat(transform.path("status").asText()).as(transform.toString()).isEqualTo("OK");
        finish(handler, step);
        // every card of the window, though no card text changed since the earlier run
        assertThat(transform.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        String stepByStep = rows();
        assertThat(stepByStep).as("the diagnoses follow the new master and reading").isNotEqualTo(before);
        assertThat(pip("W-POUND")).as("W-POUND's PIP with the new plunger").isNotCloseTo(pipBefore,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(count("SELECT count(*) FROM universal.diagnostico")).isEqualTo(9);
        // exactly the rows one invocation of the same window writes
        assertThat(oneInvocation(handler)).isEqualTo(stepByStep);
    }

    @Test
    void shouldGoOnWhereItStopped_whenAJoinedExplicitRunIsRetriedAfterAChunkFailed() {
        PipelineV4Handler handler = handler(Map.of("CARD_CHUNK", "2"));
        String before = diagnosedThenMasterAndReadingChanged(handler);
        // the third chunk of two (W-NOSTRING's first cards) fails: the run stops after W-FULL's two chunks committed
        db.execute("""
                CREATE FUNCTION public.cards_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.well_id = 'W-NOSTRING' THEN RAISE EXCEPTION 'boom %', NEW.well_id; END IF;
                RETURN NEW; END $$""");
        db.execute("CREATE TRIGGER cards_boom BEFORE INSERT ON universal.diagnostico FOR EACH ROW"
                + " EXECUTE FUNCTION public.cards_boom()");
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", " + BACKFILL
                + ", \"asOf\": \"2026-04-10T00:00:00Z\"}");
        String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + dq.path("runId").asText() + "\"}";
        assertThatThrownBy(() -> Invocation.invoke(handler, transform)).hasMessageContaining("boom W-NOSTRING");
        String written = "SELECT string_agg(well_id || ' ' || timestamp_lectura || ' ' || tipo_carta || ' '"
                + " || created_at, ',' ORDER BY stroke_id) FROM universal.stroke WHERE well_id = 'W-FULL'";
        Object fullDone = db.queryValue(written);
        db.execute("DROP TRIGGER cards_boom ON universal.diagnostico");

        // the state machine's retry of the same step
        JsonNode retry = Invocation.invoke(handler, transform);

        assertThat(retry.path("status").asText()).as(retry.toString()).isEqualTo("OK");
        // W-FULL's three diagnosed cards are not read again (nor written: their strokes' write times stand); the
        // refused card, W-NOSTRING's and W-POUND's are
        assertThat(retry.toString()).contains("cards 7 read, 6 diagnosed, 1 refused");
        finish(handler, transform);
        assertThat(db.queryValue(written)).isEqualTo(fullDone);
        String resumed = rows();
        assertThat(resumed).isNotEqualTo(before);
        assertThat(oneInvocation(handler)).isEqualTo(resumed);
    }

    @Test
    void shouldNotDiagnoseAgain_whenTransformResumesAfterTheTimeBudget_andEndAsOneInvocation() {
        PipelineV4Handler handler = handler(Map.of());
        String before = diagnosedThenMasterAndReadingChanged(handler);
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", " + BACKFILL
                + ", \"asOf\": \"2026-04-10T00:00:00Z\"}");
        String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + dq.path("runId").asText() + "\"}";
        // the card step (the budget read at its start, before its chunk and before the chunk's write) and the day's
        // facts commit, then the function's time runs out (PhaseTimeBudgetIT's way)
        var shortOfTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", 4, 30_000 + 600_000,
                30_000 + 500);
        assertThatThrownBy(() -> Invocation.invoke(handler, transform, shortOfTime))
                .isInstanceOf(com.bp010.db.TimeBudgetException.class);
        String written = "SELECT string_agg(stroke_id || ' ' || created_at, ',' ORDER BY stroke_id)"
                + " FROM universal.stroke";
        Object done = db.queryValue(written);
        String outOfTime = rows();
        assertThat(outOfTime).as("the cards were diagnosed again before the time ran out").isNotEqualTo(before);

        JsonNode retry = Invocation.invoke(handler, transform);

        assertThat(retry.path("status").asText()).as(retry.toString()).isEqualTo("OK");
        // only the refused card is read again: this run diagnosed the others already
        assertThat(retry.toString()).contains("cards 1 read, 0 diagnosed, 1 refused");
        finish(handler, transform);
        assertThat(db.queryValue(written)).isEqualTo(done);
        assertThat(rows()).isEqualTo(outOfTime);
        assertThat(oneInvocation(handler)).isEqualTo(outOfTime);
    }

    @Test
    void shouldStopBetweenCardChunks_whenTheTimeBudgetRunsOut_andTheRetryDiagnosesOnlyTheRest() {
        PipelineV4Handler handler = handler(Map.of("CARD_CHUNK", "2"));
        String before = diagnosedThenMasterAndReadingChanged(handler);
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", " + BACKFILL
                + ", \"asOf\": \"2026-04-10T00:00:00Z\"}");
        String runId = dq.path("runId").asText();
        String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"}";
        // ten cards in chunks of two (W-FULL's four, W-NOSTRING's three, W-POUND's three); the budget is read when
        // the step begins, before each chunk and again before its write: plenty for the first two chunks, then less
        // than the minimum when the third would start (PhaseTimeBudgetIT's scripted context, no clock involved)
        var shortOfTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", 5, 30_000 + 600_000,
                30_000 + 500);

        var outOfTime = catchThrowableOfType(() -> Invocation.invoke(handler, transform, shortOfTime),
                com.bp010.db.TimeBudgetException.class);

        assertThat(outOfTime).as("the card step stops with TIME_BUDGET between its chunks").isNotNull();
        assertThat(outOfTime.isRetryable()).isTrue();
        JsonNode report = outOfTime.failureReport();
        assertThat(report.path("code").asText()).isEqualTo("TIME_BUDGET");
        assertThat(report.path("phase").asText()).isEqualTo("TRANSFORM");
        assertThat(report.path("call").asText()).isEqualTo(CardEnrichment.CALL);
        assertThat(report.path("resumeAt").asText()).contains("cards 5..6 of 10, from W-NOSTRING");
        // stopped in the card step: no day chunk of the facts was started
        assertThat(db.queryValue("SELECT concat_ws('/', status, error ->> 'code', coalesce(hecho_hasta::text, '-'))"
                + " FROM reporting.pipeline_run_phases WHERE run_id = ?::uuid AND fase = 'TRANSFORM'", runId))
                .isEqualTo("FAILED/TIME_BUDGET/-");
        // W-FULL's two chunks are committed (its three cards; the fourth is refused), nothing after them
        String sinceRun = "SELECT string_agg(DISTINCT s.well_id, ',') FROM universal.stroke s"
                + " JOIN universal.diagnostico d ON d.stroke_id = s.stroke_id"
                + " WHERE s.created_at >= (SELECT started_at FROM reporting.pipeline_runs WHERE run_id = ?::uuid)";
        assertThat(db.queryValue(sinceRun, runId)).isEqualTo("W-FULL");
        String written = "SELECT string_agg(well_id || ' ' || timestamp_lectura || ' ' || tipo_carta || ' '"
                + " || created_at, ',' ORDER BY stroke_id) FROM universal.stroke WHERE well_id = 'W-FULL'";
        Object fullDone = db.queryValue(written);

        // the state machine's retry of the same step, in an invocation with its whole time (the budget read, and met)
        var wholeTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", Integer.MAX_VALUE,
                30_000 + 600_000, 30_000 + 500);
        JsonNode retry = Invocation.invoke(handler, transform, wholeTime);

        assertThat(retry.path("status").asText()).as(retry.toString()).isEqualTo("OK");
        // only the cards this run had not diagnosed: the refused one, W-NOSTRING's and W-POUND's
        assertThat(retry.toString()).contains("cards 7 read, 6 diagnosed, 1 refused");
        finish(handler, transform);
        assertThat(db.queryValue(written)).as("W-FULL's strokes not written again").isEqualTo(fullDone);
        String resumed = rows();
        assertThat(resumed).as("the diagnoses follow the new master and reading").isNotEqualTo(before);
        assertThat(oneInvocation(handler)).as("the rows one invocation of the window writes").isEqualTo(resumed);
    }

    @Test
    void shouldStopBeforeTheFirstChunk_whenItDoesNotFitInWhatIsLeft_andTheRetryDiagnoseAsOneInvocation() {
        PipelineV4Handler handler = handler(Map.of());
        String before = diagnosedThenMasterAndReadingChanged(handler);
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", " + BACKFILL
                + ", \"asOf\": \"2026-04-10T00:00:00Z\"}");
        String runId = dq.path("runId").asText();
        String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"}";
        // the step begins with time enough for its first statements; when its first (and only) chunk would start,
        // half a second is left: less than the chunk needs (its estimate, and a second at least)
        var shortOfTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", 1, 30_000 + 600_000,
                30_000 + 500);

        var outOfTime = catchThrowableOfType(() -> Invocation.invoke(handler, transform, shortOfTime),
                com.bp010.db.Bp010Exception.class);

        assertThat(outOfTime).isNotNull();
        JsonNode report = outOfTime.failureReport();
        assertThat(report.path("code").asText()).as(report.toString()).isEqualTo("TIME_BUDGET");
        assertThat(report.path("phase").asText()).isEqualTo("TRANSFORM");
        assertThat(report.path("call").asText()).isEqualTo(CardEnrichment.CALL);
        assertThat(report.path("resumeAt").asText()).contains("cards 1..10 of 10, from W-FULL");
        // nothing committed in this invocation: a retry with the same time would stop at the same place
        assertThat(outOfTime).isNotInstanceOf(com.bp010.db.TimeBudgetException.class);
        assertThat(outOfTime.reason()).contains("raise the function timeout").contains("CARD_CHUNK");
        String sinceRun = "SELECT count(*) FROM universal.stroke WHERE created_at >= (SELECT started_at"
                + " FROM reporting.pipeline_runs WHERE run_id = ?::uuid)";
        assertThat(db.count(sinceRun, runId)).as("no card analysed nor written before the stop").isZero();
        assertThat(rows()).isEqualTo(before);
        assertThat(db.queryValue("SELECT concat_ws('/', status, error ->> 'code', coalesce(hecho_hasta::text, '-'))"
                + " FROM reporting.pipeline_run_phases WHERE run_id = ?::uuid AND fase = 'TRANSFORM'", runId))
                .isEqualTo("FAILED/TIME_BUDGET/-");

        // the same step again, in an invocation with time enough (a longer timeout)
        var wholeTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", Integer.MAX_VALUE,
                30_000 + 600_000, 30_000 + 500);
        JsonNode retry = Invocation.invoke(handler, transform, wholeTime);

        assertThat(retry.path("status").asText()).as(retry.toString()).isEqualTo("OK");
        assertThat(retry.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        finish(handler, transform);
        String resumed = rows();
        assertThat(resumed).as("the diagnoses follow the new master and reading").isNotEqualTo(before);
        assertThat(oneInvocation(handler)).as("the rows one invocation of the window writes").isEqualTo(resumed);
    }

    @Test
    void shouldCancelACardStatementThatOutlastsTheBudget_andAnswerTimeBudget_andTheRetryDiagnosesOnlyTheRest() {
        PipelineV4Handler handler = handler(Map.of("CARD_CHUNK", "2"));
        String before = diagnosedThenMasterAndReadingChanged(handler);
        // the diagnoses of W-NOSTRING (the third chunk of two) take 15 s a row to write, longer than what is left
        db.execute("""
                CREATE FUNCTION public.cards_slow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.well_id = 'W-NOSTRING' THEN PERFORM pg_sleep(15); END IF; RETURN NEW; END $$""");
        db.execute("CREATE TRIGGER cards_slow BEFORE INSERT ON universal.diagnostico FOR EACH ROW"
                + " EXECUTE FUNCTION public.cards_slow()");
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", " + BACKFILL
                + ", \"asOf\": \"2026-04-10T00:00:00Z\"}");
        String runId = dq.path("runId").asText();
        String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"}";
        // 6 s left at every read of the budget (below DB_STATEMENT_TIMEOUT_SECONDS, 120): each chunk fits
        var sixSeconds = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", 0, 0, 30_000 + 6_000);

        var outOfTime = catchThrowableOfType(() -> Invocation.invoke(handler, transform, sixSeconds),
                com.bp010.db.TimeBudgetException.class);

        assertThat(outOfTime).as("the budget cancels the statement: TIME_BUDGET, not a database failure")
                .isNotNull();
        assertThat(com.bp010.db.DatabaseErrors.sqlState(outOfTime)).isEqualTo("57014");
        assertThat(outOfTime.isRetryable()).as("W-FULL's chunks committed").isTrue();
        JsonNode report = outOfTime.failureReport();
        assertThat(report.path("phase").asText()).isEqualTo("TRANSFORM");
        assertThat(report.path("call").asText()).isEqualTo(CardEnrichment.CALL);
        assertThat(report.path("resumeAt").asText()).contains("cards 5..6 of 10, from W-NOSTRING");
        String sinceRun = "SELECT string_agg(DISTINCT s.well_id, ',') FROM universal.stroke s"
                + " JOIN universal.diagnostico d ON d.stroke_id = s.stroke_id"
                + " WHERE s.created_at >= (SELECT started_at FROM reporting.pipeline_runs WHERE run_id = ?::uuid)";
        assertThat(db.queryValue(sinceRun, runId)).as("the cancelled chunk rolled back").isEqualTo("W-FULL");
        db.execute("DROP TRIGGER cards_slow ON universal.diagnostico");

        JsonNode retry = Invocation.invoke(handler, transform);

        assertThat(retry.path("status").asText()).as(retry.toString()).isEqualTo("OK");
        assertThat(retry.toString()).contains("cards 7 read, 6 diagnosed, 1 refused");
        finish(handler, transform);
        String resumed = rows();
        assertThat(resumed).isNotEqualTo(before);
        assertThat(oneInvocation(handler)).isEqualTo(resumed);
    }

    /** The hourly facts' card columns, as the card step and the CDI bridge leave them. */
    private String cdiFacts() {
        return db.queryValue("SELECT string_agg(concat_ws('|', well_id, fecha_hora, cdi_diagnostico,"
                + " float8send(cdi_probabilidad)), E'\\n' ORDER BY well_id, fecha_hora)"
                + " FROM reporting.fact_operaciones_horarias").toString();
    }

    /** Every reading pivoted again, nothing in it changed: the next incremental run's scope is the whole day. */
    private void pivotedAgain() {
        db.execute("UPDATE stage.tbl_pozo_produccion SET pivot_xid = pg_current_xact_id()");
    }

    /** What a diagnosis reads besides the card changes, the card texts unchanged (as diagnosedThenMaster...). */
    private void masterAndReadingChanged() {
        db.execute("UPDATE stage.tbl_pozo_maestra SET diametro_piston = 1.75 WHERE well_id = 'W-POUND'");
        db.execute("UPDATE stage.tbl_pozo_produccion SET strokes_per_minute = 6, pivot_xid = pg_current_xact_id()"
                + " WHERE well_id = 'W-FULL' AND timestamp_lectura = '2026-03-10T21:00:00Z'");
    }

    @Test
    void shouldGoOnAfterItsChunks_whenAnIncrementalRunIsRetriedAfterTheTimeBudget_andEndAsAnUninterruptedRun() {
        PipelineV4Handler handler = handler(Map.of("CARD_CHUNK", "2"));
        // an earlier incremental run diagnosed the day; then the master and a reading change, and every reading of
        // the day is pivoted again: the next run's scope holds the day's ten cards, all of them diagnosed before
        JsonNode earlier = Invocation.invoke(handler, "{\"asOf\": \"2026-03-10T23:30:00Z\"}");
        assertThat(earlier.toString()).as(earlier.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        String before = rows();
        masterAndReadingChanged();
        pivotedAgain();
        // the scheduled state machine's way (statemachine/input-scheduled.json): DQ opens the incremental run,
        // TRANSFORM joins it by runId
        JsonNode dq = Invocation.invoke(handler, "{\"phase\": \"DQ\", \"asOf\": \"2026-03-11T00:30:00Z\"}");
        assertThat(dq.path("status").asText()).as(dq.toString()).isEqualTo("OK");
        String runId = dq.path("runId").asText();
        assertThat(db.queryValue("SELECT reporting.fnc_alcance_de(?::uuid) IS NOT NULL", runId))
                .as("an incremental run: it has a scope").isEqualTo(true);
        String transform = "{\"phase\": \"TRANSFORM\", \"runId\": \"" + runId + "\"}";
        var shortOfTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", 5, 30_000 + 600_000,
                30_000 + 500);

        var outOfTime = catchThrowableOfType(() -> Invocation.invoke(handler, transform, shortOfTime),
                com.bp010.db.TimeBudgetException.class);

        assertThat(outOfTime).as("the card step stops with TIME_BUDGET between its chunks").isNotNull();
        assertThat(outOfTime.failureReport().path("resumeAt").asText()).contains("cards 5..6 of 10, from W-NOSTRING");
        String written = "SELECT string_agg(well_id || ' ' || timestamp_lectura || ' ' || tipo_carta || ' '"
                + " || created_at, ',' ORDER BY stroke_id) FROM universal.stroke WHERE well_id = 'W-FULL'";
        Object fullDone = db.queryValue(written);

        // the state machine's retry of the same step, in an invocation with its whole time
        var wholeTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", Integer.MAX_VALUE,
                30_000 + 600_000, 30_000 + 500);
        JsonNode retry = Invocation.invoke(handler, transform, wholeTime);

        assertThat(retry.path("status").asText()).as(retry.toString()).isEqualTo("OK");
        // only the cards this run had not diagnosed: the refused one, W-NOSTRING's and W-POUND's (an earlier run's
        // diagnosis of them does not count); a card step longer than one invocation ends after a few retries
        assertThat(retry.toString()).contains("cards 7 read, 6 diagnosed, 1 refused");
        // the state machine's next states (ENRICH's CDI bridge brings the changed diagnoses to the hourly facts)
        for (String phase : List.of("ENRICH", "DEFAULTS", "CONSISTENCY")) {
            JsonNode step = Invocation.invoke(handler, transform.replace("TRANSFORM", phase));
            assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("OK");
        }
        assertThat(db.queryValue(written)).as("W-FULL's strokes not written again").isEqualTo(fullDone);
        String resumed = rows();
        String facts = cdiFacts();
        assertThat(resumed).as("the diagnoses follow the new master and reading").isNotEqualTo(before);

        // an uninterrupted incremental run over the same scope and data writes exactly the same rows
        pivotedAgain();
        JsonNode whole = Invocation.invoke(handler, "{\"asOf\": \"2026-03-11T01:30:00Z\"}");
        assertThat(whole.toString()).as(whole.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        assertThat(rows()).isEqualTo(resumed);
        assertThat(cdiFacts()).isEqualTo(facts);
    }

    /** The well groups' runs (W-FULL; W-NOSTRING and W-POUND), each in one invocation; their runIds as a JSON list. */
    private static String groupRuns(PipelineV4Handler handler, String asOf) {
        List<String> runIds = new ArrayList<>();
        for (String wells : List.of("[\"W-FULL\"]", "[\"W-NOSTRING\", \"W-POUND\"]")) {
            JsonNode group = Invocation.invoke(handler, "{\"wellGroup\": {\"wells\": " + wells + "}, \"asOf\": \""
                    + asOf + "\"}");
            assertThat(group.path("status").asText()).as(group.toString()).isEqualTo("OK");
            assertThat(group.toString()).as("a well group's TRANSFORM leaves the cards to the global run")
                    .doesNotContain(CardEnrichment.CALL);
            runIds.add("\"" + group.path("runId").asText() + "\"");
        }
        return runIds.toString();
    }

    @Test
    void shouldDiagnoseTheWholeScopeInTheGlobalRun_evenWhenAnotherRunDiagnosedItSinceTheGroupsOpened_andResume() {
        PipelineV4Handler handler = handler(Map.of("CARD_CHUNK", "2"));
        String groupRuns = groupRuns(handler, "2026-03-10T23:30:00Z");
        // after the groups opened (the global run is dated from the earliest), and before the global run takes the
        // pipeline's lease, a backfill of the day diagnoses its cards; then a reading changes (its card text not)
        JsonNode backfill = Invocation.invoke(handler, "{\"phases\": [\"DQ\", \"TRANSFORM\"], " + BACKFILL
                + ", \"asOf\": \"2026-03-10T23:40:00Z\"}");
        assertThat(backfill.toString()).as(backfill.toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        masterAndReadingChanged();
        JsonNode global = Invocation.invoke(handler, "{\"phase\": \"GLOBAL\", \"groupRuns\": " + groupRuns + "}");
        assertThat(global.path("status").asText()).as(global.toString()).isEqualTo("OK");
        String runId = global.path("runId").asText();
        String enrich = "{\"phase\": \"ENRICH\", \"runId\": \"" + runId + "\"}";
        var shortOfTime = new com.bp010.testsupport.ScriptedContext("bp010-pipeline-v4", 5, 30_000 + 600_000,
                30_000 + 500);

        var outOfTime = catchThrowableOfType(() -> Invocation.invoke(handler, enrich, shortOfTime),
                com.bp010.db.TimeBudgetException.class);

        // the global run's card step reads its whole scope, the backfill's diagnoses not being its own
        assertThat(outOfTime).as("the card step stops with TIME_BUDGET between its chunks").isNotNull();
        assertThat(outOfTime.failureReport().path("resumeAt").asText()).contains("cards 5..6 of 10, from W-NOSTRING");
        JsonNode retry = Invocation.invoke(handler, enrich);
        assertThat(retry.path("status").asText()).as(retry.toString()).isEqualTo("OK");
        assertThat(retry.toString()).contains("cards 7 read, 6 diagnosed, 1 refused");
        assertThat(db.queryValue("SELECT clase FROM universal.diagnostico WHERE well_id = 'W-FULL'"
                + " AND timestamp_lectura = '2026-03-10T21:00:00Z'"))
                .as("W-FULL's 21:00 card diagnosed from its reading as it is now (SPM 6), not as the backfill read it")
                .isEqualTo("WORN_PUMP");
        for (String phase : List.of("DEFAULTS", "CONSISTENCY")) {
            JsonNode step = Invocation.invoke(handler, enrich.replace("ENRICH", phase));
            assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("OK");
        }
        String resumed = rows();
        String facts = cdiFacts();

        // an uninterrupted grouped run over the same data (every reading pivoted again) writes the same rows
        pivotedAgain();
        String next = groupRuns(handler, "2026-03-11T00:30:00Z");
        JsonNode again = Invocation.invoke(handler, "{\"phase\": \"GLOBAL\", \"groupRuns\": " + next + "}");
        String joined = "{\"phase\": \"ENRICH\", \"runId\": \"" + again.path("runId").asText() + "\"}";
        assertThat(Invocation.invoke(handler, joined).toString()).contains("cards 10 read, 9 diagnosed, 1 refused");
        assertThat(rows()).isEqualTo(resumed);
        assertThat(cdiFacts()).isEqualTo(facts);
    }
}

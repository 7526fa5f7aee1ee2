package com.bp010.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.bp010.cards.Card;
import com.bp010.cards.ForwardModel;
import com.bp010.cards.PumpBehaviour;
import com.bp010.cards.PumpingUnit;
import com.bp010.cards.RodString;
import com.bp010.cards.WellDescription;
import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardsDiagnoseCommandTest {
    private static final String WELL = """
            {"pump_depth_ft": 5000, "plunger_diameter_in": 1.5,
             "rod_tapers": [{"diameter_in": 0.875, "length_ft": 2000, "material": "steel"},
                            {"diameter_in": 0.75, "length_ft": 3000}],
             "tubing_anchored": true, "fluid_sg": 1.0, "tubing_pressure_psi": 100}
            """;

    @TempDir
    Path dir;

    private final WellDescription well = WellDescription.of(5000, 1.5,
            RodString.parse("7/8 in x 2000 ft, 3/4 in x 3000 ft", null)).withFluid(1.0, 100);

    @Test
    void shouldPrintOneLinePerCard_andAnErrorLineForABadCard() throws Exception {
        Card pound = new ForwardModel().run(well, new PumpingUnit(86, 8, 0.25),
                PumpBehaviour.full(200).withFillage(0.6), 100).surface();
        Card full = new ForwardModel().run(well, new PumpingUnit(86, 8, 0.25), PumpBehaviour.full(200), 100).surface();
        List<Map<String, Object>> cards = new ArrayList<>();
        cards.add(card("W1-0800", pound, 8.0, null));
        cards.add(card("W1-0900", full, 8.0, "surface"));
        cards.add(Map.of("id", "broken", "position", List.of(1, 2, 3), "load", List.of(1, 2, 3)));
        Path in = write("cards.json", Json.mapper().writeValueAsString(Map.of("cards", cards)));
        Path wellFile = write("well.json", WELL);

        Result r = run(in, wellFile, null);

        assertThat(r.code).isZero();
        assertThat(r.lines).hasSize(3);
        JsonNode first = r.lines.get(0);
        assertThat(first.get("id").asText()).isEqualTo("W1-0800");
        assertThat(first.get("pattern").asText()).isEqualTo("FLUID_POUND");
        assertThat(first.get("basis").asText()).isEqualTo("PUMP");
        assertThat(first.get("fillagePct").asDouble()).isBetween(57.0, 63.0);
        assertThat(first.get("pipPsi").isNumber()).isTrue();
        assertThat(first.get("netStrokeIn").isNumber()).isTrue();
        assertThat(first.get("features").get("unloadingSpan").isNumber()).isTrue();
        assertThat(first.get("severity").asText()).isEqualTo("MODERATE");
        assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.lines.get(1).get("pattern").asText()).isEqualTo("FULL_PUMP");
        assertThat(r.lines.get(2).get("id").asText()).isEqualTo("broken");
        assertThat(r.lines.get(2).get("error").asText()).contains("20 to 1,000");
    }

    @Test
    void shouldDiagnoseTheSurfaceShape_whenNoWellIsGiven_andLeaveUnitQuantitiesNull() throws Exception {
        Card full = new ForwardModel().run(well, new PumpingUnit(86, 4, 0.25), PumpBehaviour.full(200), 100).surface();
        Path in = write("one.json", Json.mapper().writeValueAsString(card("x", full, 4.0, null)));

        Result r = run(in, null, null);

        assertThat(r.code).isZero();
        assertThat(r.lines.get(0).get("basis").asText()).isEqualTo("SURFACE");
        assertThat(r.lines.get(0).get("pipPsi").isNull()).isTrue();
        assertThat(r.lines.get(0).get("fluidLoadLbf").isNull()).isTrue();
    }

    @Test
    void shouldReadPumpCardsNormalisedToOne_whenKindIsPump() throws Exception {
        ForwardModel.Result run = new ForwardModel().run(well, new PumpingUnit(86, 8, 0.25),
                PumpBehaviour.full(200).withFillage(0.5), 120);
        double[] x = unit(run.pump().position());
        double[] y = unit(run.pump().load());
        Path in = write("pump.json", Json.mapper().writeValueAsString(
                Map.of("cards", List.of(Map.of("id", 7, "position", x, "load", y)))));

        Result r = run(in, null, "pump");

        assertThat(r.lines.get(0).get("id").asInt()).isEqualTo(7);
        assertThat(r.lines.get(0).get("pattern").asText()).isEqualTo("FLUID_POUND");
        assertThat(r.lines.get(0).get("basis").asText()).isEqualTo("PUMP");
        assertThat(r.lines.get(0).get("fluidLoadLbf").isNull()).isTrue();
    }

    @Test
    void shouldTakeTheDampingFromThePowerBalance_whenTheWellGivesRateAndIntakePressureButNoDamping() throws Exception {
        // the well damps three times the default: the pump delivers its card's power, lifted across Pdischarge - PIP
        ForwardModel.Result run = new ForwardModel().run(well.withDamping(3 * well.damping()),
                new PumpingUnit(86, 8, 0.25), PumpBehaviour.full(200), 160);
        double[] x = run.pump().position();
        double[] y = run.pump().load();
        double area = 0;
        for (int i = 0; i < x.length; i++) {
            int j = (i + 1) % x.length;
            area += (x[i] * y[j] - x[j] * y[i]) / 2;
        }
        double rate = Math.abs(area) * 8 / 60 / ((well.dischargePressurePsi() - 200) * 5.6146 * 1728 / 86_400);
        Path in = write("damped.json", Json.mapper().writeValueAsString(card("d", run.surface(), 8.0, null)));
        Path measured = write("measured.json", WELL.replace("\"tubing_pressure_psi\": 100", "\"tubing_pressure_psi\": 100,"
                + " \"measured_rate_bbl_d\": " + rate + ", \"intake_pressure_psi\": 200"));

        JsonNode line = run(in, measured, null).lines.get(0);

        assertThat(line.get("pattern").asText()).isEqualTo("FULL_PUMP");
        List<String> reasons = new ArrayList<>();
        line.get("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons.get(reasons.size() - 1)).startsWith("damping ").contains("by the power balance");
        assertThat(line.get("fluidLoadLbf").asDouble()).isCloseTo(run.fluidLoadLbf(),
                org.assertj.core.data.Offset.offset(0.03 * run.fluidLoadLbf()));
        assertThat(line.get("pipPsi").asDouble()).isCloseTo(200, org.assertj.core.data.Offset.offset(40.0));
    }

    @Test
    void shouldExitNonZero_whenNoCardCouldBeDiagnosed_orTheFileCannotBeRead() throws Exception {
        Path in = write("bad.json", "{\"cards\": [{\"id\": 1, \"position\": [1, 2], \"load\": [3]}]}");

        assertThat(run(in, null, null).code).isEqualTo(1);
        assertThat(run(dir.resolve("missing.json"), null, null).code).isEqualTo(2);
        assertThat(Bp010.run("cards", "diagnose", "--in", in.toString())).isEqualTo(1);
    }

    @Test
    void shouldNameTheOption_whenAFileCannotBeRead() throws Exception {
        CardsDiagnoseCommand command = new CardsDiagnoseCommand();
        command.in = dir.resolve("missing.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--in: no readable file")
                .contains("missing.json");
    }

    @Test
    void shouldNameTheFileLineAndColumn_whenAFileIsNotJson() throws Exception {
        Path in = write("cards.json", "{\"cards\": [\n  {bad}\n]}");
        CardsDiagnoseCommand command = new CardsDiagnoseCommand();
        command.in = in;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bp010 cards diagnose: --in: " + in.toAbsolutePath()
                        + " is not valid JSON (line 2, column 4): Unexpected character ('b'")
                .contains("fix the file").doesNotContain("REDACTED", "StreamReadFeature").hasLineCount(1);
    }

    private Map<String, Object> card(String id, Card c, Double spm, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("position", c.position());
        m.put("load", c.load());
        m.put("spm", spm);
        if (kind != null) {
            m.put("kind", kind);
        }
        m.put("well_tag", "ignored");
        return m;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private record Result(int code, List<JsonNode> lines) {
    }

    private Result run(Path in, Path wellFile, String kind) throws Exception {
        CardsDiagnoseCommand command = new CardsDiagnoseCommand();
        command.in = in;
        command.well = wellFile;
        command.kind = kind;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return new Result(code, lines);
    }

    private static double[] unit(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] - lo) / (hi - lo);
        }
        return out;
    }
}

package com.bp010.referencial;

import com.bp010.referencial.Rows.DqRule;
import com.bp010.referencial.Rows.ScadaEntry;
import com.bp010.referencial.Rows.Variable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueReaderTest {
    static final Path CONFIG = Path.of("..", "config");
    static final List<String> CANONICAL = List.of("well_head_pressure", "casing_head_pressure", "flow_line_pressure",
            "strokes_per_minute", "stroke_length", "pump_fillage", "max_rod_load", "min_rod_load", "motor_current",
            "motor_power", "energy_kwh", "runtime_hours", "oil_rate", "water_rate", "gas_rate", "bsw",
            "pump_intake_pressure", "fluid_level", "wellhead_temperature", "dynacard");
    static final List<String> MASTER = List.of("profundidad_bomba", "profundidad_yacimiento",
            "profundidad_media_perforados", "presion_estatica_yacimiento", "radio_pozo", "radio_drenaje",
            "diametro_piston", "api_gravity", "sg_agua", "peso_varillas_aire", "rod_weight_buoyant", "pwf");

    static ConfigBundle bundle(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            return ConfigBundle.select(dir.toString(), names, n -> {
                try {
                    return Files.readAllBytes(dir.resolve(n));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Catalogue catalogue = CatalogueReader.read(bundle(CONFIG));

    @Test
    void shouldHoldTheSeedCounts_whenReadingTheRepositorysConfig() {
        assertThat(catalogue.units()).hasSize(38);
        assertThat(catalogue.variables()).hasSize(130);
        assertThat(catalogue.scadaMap()).hasSize(65);
        assertThat(catalogue.limits()).hasSize(17);
        assertThat(catalogue.rules()).hasSize(35);
        assertThat(catalogue.links()).hasSize(13);
        assertThat(catalogue.panels()).hasSizeGreaterThan(5);
        assertThat(catalogue.warnings()).isEmpty();
    }

    @Test
    void shouldTakeTheCounterKindFromTheOverlay_whenTheVariablesFileHasNoKindColumn() {
        Map<String, String> kinds = catalogue.variables().stream().filter(v -> v.tipoContador() != null)
                .collect(Collectors.toMap(Variable::nombreTecnico, Variable::tipoContador));
        assertThat(kinds).containsEntry("energy_kwh", "ACUMULADO").containsEntry("runtime_hours", "ACUMULADO")
                .containsEntry("stroke_counter", "ACUMULADO").containsEntry("runtime_today_hours", "DIARIO")
                .containsEntry("pump_off_count_today", "DIARIO").containsEntry("cycles_today", "DIARIO");
    }

    @Test
    void shouldTakeTheCounterKindFromTheVariablesFile_whenItHasTheColumn(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        Path dir = ConfigVariants.copy(tmp.resolve("config"));
        Path variables = dir.resolve(ConfigBundle.VARIABLES);
        List<String> lines = Files.readAllLines(variables);
        List<String> withKind = new java.util.ArrayList<>();
        withKind.add(lines.get(0) + ",tipo_contador");
        for (String line : lines.subList(1, lines.size())) {
            withKind.add(line + (line.contains(",cycles_today,") ? ",acumulado" : ","));
        }
        Files.write(variables, withKind);

        Map<String, Variable> byName = CatalogueReader.read(bundle(dir)).variables().stream()
                .collect(Collectors.toMap(Variable::nombreTecnico, Function.identity()));

        assertThat(byName.get("cycles_today").tipoContador()).as("the file's column wins over the overlay")
                .isEqualTo("ACUMULADO");
        assertThat(byName.get("runtime_today_hours").tipoContador()).as("blank: not a counter").isNull();
        assertThat(byName.get("energy_kwh").tipoContador()).as("es_contador without a kind").isEqualTo("ACUMULADO");
    }

    @Test
    void shouldMapEveryCanonicalNameToItsOwnStageColumn_whenReadingTheSeedPivot() {
        Map<String, ScadaEntry> byColumn = catalogue.scadaMap().stream()
                .collect(Collectors.toMap(ScadaEntry::columnaStage, Function.identity()));
        for (String name : CANONICAL) {
            assertThat(byColumn).as(name).containsKey(name);
            assertThat(byColumn.get(name).nombreTecnico()).isEqualTo(name);
        }
        assertThat(byColumn.get("dynacard").tipoDato()).isEqualTo("text");
        assertThat(byColumn.get("oil_rate").tipoDato()).isEqualTo("numeric");
    }

    @Test
    void shouldKnowEveryVariableAndUnit_whenRulesLimitsAndMapReferToThem() {
        Map<String, Variable> byName = catalogue.variables().stream()
                .collect(Collectors.toMap(Variable::nombreTecnico, Function.identity()));
        List<String> units = catalogue.units().stream().map(Rows.Unit::simbolo).toList();
        catalogue.rules().forEach(r -> assertThat(byName).containsKey(r.nombreTecnico()));
        catalogue.limits().forEach(l -> assertThat(byName).containsKey(l.nombreTecnico()));
        catalogue.scadaMap().forEach(m -> assertThat(byName).containsKey(m.nombreTecnico()));
        catalogue.variables().stream().filter(v -> v.unidad() != null)
                .forEach(v -> assertThat(units).as(v.nombreTecnico()).contains(v.unidad()));
        assertThat(byName).containsKeys(MASTER.toArray(String[]::new));
        assertThat(byName.get("max_rod_load").unidad()).isEqualTo("lbf");
        assertThat(byName.get("max_rod_load").unidadCruda()).isEqualTo("Lbs");
        assertThat(byName.get("oil_rate").unidadCruda()).isEqualTo("Bls/dia");
        assertThat(byName.get("oil_rate").unidad()).isEqualTo("bbl/d");
        assertThat(byName.get("energy_kwh").esContador()).isTrue();
        assertThat(byName.get("runtime_today_hours").esContador()).isFalse();
        assertThat(byName.get("well_head_pressure").identDashboard()).isEqualTo("PRS.WHP");
    }

    @Test
    void shouldStoreEachRuleAsSpecFiveSays_whenReadingTheHumanExpressions() {
        Map<String, DqRule> byId = catalogue.rules().stream()
                .collect(Collectors.toMap(DqRule::ruleId, Function.identity()));
        assertThat(byId.get("DQ-007")).extracting("expresion", "valorMin", "valorMax").containsExactly("0-100%", 0.0, 100.0);
        assertThat(byId.get("DQ-006")).extracting("expresion", "valorMin", "valorMax").containsExactly(">0", 0.0001, null);
        assertThat(byId.get("DQ-005")).extracting("expresion", "valorMin", "valorMax").containsExactly("0-15", 0.0, 15.0);
        assertThat(byId.get("DQ-020")).extracting("tipo", "latenciaMaxSeg").containsExactly(DqRuleType.LATENCIA, 2.0);
        assertThat(byId.get("DQ-021").latenciaMaxSeg()).isEqualTo(900.0);
        assertThat(byId.get("DQ-001")).extracting("nombreTecnico", "valorMin", "valorMax", "origenMax")
                .containsExactly("well_head_pressure", 0.0, 2000.0, "tbl_limites_pozo");
        assertThat(byId.get("DQ-002")).extracting("nombreTecnico", "valorMax", "origenMax")
                .containsExactly("casing_head_pressure", 2000.0, "tbl_limites_pozo");
        assertThat(byId.get("DQ-003").origenMax()).isEqualTo("config");
        assertThat(catalogue.rules()).extracting(DqRule::tipo)
                .contains(DqRuleType.values());
        assertThat(byId.get("DQ-024")).extracting("nombreTecnico", "tipo").containsExactly("dynacard", DqRuleType.FORMATO);
        assertThat(byId.get("DQ-026")).extracting("nombreTecnico", "tipo").containsExactly("profundidad_bomba", DqRuleType.MAESTRA);
        assertThat(catalogue.links()).contains(new Rows.ConsistencyLink("DQ-008", "RC-001", "max_rod_load"),
                new Rows.ConsistencyLink("DQ-008", "RC-002", "max_rod_load"));
    }
}

package com.bp010.referencial;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The six physical consistency rules RC-001…RC-006 (docs/DOMAIN.md §3): fixed data, created by INIT (V6) and
 * re-asserted by every reference load by upsert on the code.
 */
final class ConsistencyRules {
    /** One rule: measured variable, operator, reference variable, severity. */
    public record Rule(String codigo, String descripcion, String variableMedida, String operador,
                       String variableReferencia, String severidad) {
    }

    public static final List<Rule> ALL = List.of(
            new Rule("RC-001", "Peak polished-rod load above the minimum load", "max_rod_load", ">", "min_rod_load", "CRITICAL"),
            new Rule("RC-002", "Peak polished-rod load above the buoyant rod weight", "max_rod_load", ">", "rod_weight_buoyant", "HIGH"),
            new Rule("RC-003", "Wellhead pressure below the flowing bottom-hole pressure", "well_head_pressure", "<", "pwf", "CRITICAL"),
            new Rule("RC-004", "Flowing bottom-hole pressure below static reservoir pressure", "pwf", "<", "presion_estatica_yacimiento", "HIGH"),
            new Rule("RC-005", "Pump set above the reservoir", "profundidad_bomba", "<", "profundidad_yacimiento", "MEDIUM"),
            new Rule("RC-006", "Well radius smaller than the drainage radius", "radio_pozo", "<", "radio_drenaje", "MEDIUM"));

    public static final Set<String> CODES = ALL.stream().map(Rule::codigo).collect(Collectors.toUnmodifiableSet());

    private ConsistencyRules() {
    }
}

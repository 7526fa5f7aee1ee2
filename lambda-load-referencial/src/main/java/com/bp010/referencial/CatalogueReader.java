package com.bp010.referencial;

import com.bp010.referencial.RawUnitsFileReader.RawUnit;
import com.bp010.referencial.Rows.DqRule;
import com.bp010.referencial.Rows.Limit;
import com.bp010.referencial.Rows.Panel;
import com.bp010.referencial.Rows.ScadaEntry;
import com.bp010.referencial.Rows.Unit;
import com.bp010.referencial.Rows.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the seven config files into one {@link Catalogue} and checks them against each other: every variable named by
 * the raw units, the dashboard sheet, the SCADA map, the limits and the rules exists in the variable master; every
 * unit resolves to a standard symbol; every panel exists. Rules without a maximum take it from the well limits'
 * max_critical (docs/CONTRACTS.md §5: WHP and CHP get 2000). Checks that need the database (stage columns, status columns,
 * well-master columns) are {@code SchemaChecks}'.
 */
final class CatalogueReader {
    private CatalogueReader() {
    }

    public static Catalogue read(ConfigBundle bundle) {
        List<String> warnings = new ArrayList<>();
        List<Unit> units = UnitsFileReader.read(bundle.file(ConfigBundle.UNITS));
        Map<String, String> standard = new LinkedHashMap<>();
        units.forEach(u -> standard.put(u.simbolo(), u.nombre()));
        UnitNormalizer normalizer = new UnitNormalizer(standard);

        DashboardSheet sheet = DashboardSheet.read(bundle.file(ConfigBundle.PANELS));
        Set<String> panelIds = sheet.panels().stream().map(Panel::panelId).collect(Collectors.toSet());
        Map<String, Variable> byId = new LinkedHashMap<>();
        Map<String, Variable> byName = new HashMap<>();
        Map<String, String> kinds = bundle.optionalFile(ConfigBundle.COUNTER_KINDS)
                .map(CounterKindsFileReader::read).orElse(null);
        for (Variable v : VariablesFileReader.read(bundle.file(ConfigBundle.VARIABLES), normalizer, panelIds, kinds,
                bundle.location())) {
            byId.put(v.idFormato1(), v);
            byName.put(v.nombreTecnico(), v);
        }
        Map<String, RawUnit> raw = RawUnitsFileReader.read(bundle.file(ConfigBundle.RAW_UNITS), normalizer,
                ref -> resolve(ref, byId, byName));
        raw.forEach((id, r) -> update(byId, byName, byId.get(id).withUnits(r.standard(), r.raw())));
        place(sheet, byId, byName, warnings);

        List<ScadaEntry> map = ScadaMapReader.read(bundle.file(ConfigBundle.PIVOT), byName);
        Set<String> scadaNames = map.stream().map(ScadaEntry::nombreTecnico).collect(Collectors.toSet());
        List<Limit> limits = LimitsFileReader.read(bundle.file(ConfigBundle.LIMITS_SEED_NAME), byName, normalizer,
                warnings);
        RulesFileReader.Result rules = RulesFileReader.read(bundle.file(ConfigBundle.RULES),
                ref -> resolve(ref, byId, byName), scadaNames);
        List<DqRule> enriched = enrichMaxima(rules.rules(), limits, warnings);
        return new Catalogue(units, sheet.panels(), List.copyOf(byId.values()), map, limits, enriched, rules.links(),
                warnings);
    }

    private static Variable resolve(String ref, Map<String, Variable> byId, Map<String, Variable> byName) {
        Variable v = byName.get(ref);
        return v != null ? v : byId.get(ref);
    }

    private static void update(Map<String, Variable> byId, Map<String, Variable> byName, Variable v) {
        byId.put(v.idFormato1(), v);
        byName.put(v.nombreTecnico(), v);
    }

    private static void place(DashboardSheet sheet, Map<String, Variable> byId, Map<String, Variable> byName,
                              List<String> warnings) {
        Map<String, Long> seen = new HashMap<>();
        for (DashboardSheet.Placement p : sheet.placements()) {
            Variable v = resolve(p.variable(), byId, byName);
            if (v == null) {
                throw p.row().error("variable", p.variable(), "unknown variable: not in Variables_ID_stage.csv");
            }
            Long first = seen.putIfAbsent(v.idFormato1(), p.row().line());
            if (first != null) {
                throw p.row().error("variable", p.variable(), "variable already placed at line " + first);
            }
            String panel = v.panelId();
            if (panel != null && !panel.equals(p.panelId())) {
                warnings.add(ConfigBundle.PANELS + " line " + p.row().line() + ": puts " + v.nombreTecnico()
                        + " in panel " + p.panelId() + ", Variables_ID_stage.csv in " + panel + "; keeping " + panel);
            }
            update(byId, byName, v.withDashboard(panel != null ? panel : p.panelId(), p.identDashboard()));
        }
    }

    private static List<DqRule> enrichMaxima(List<DqRule> rules, List<Limit> limits, List<String> warnings) {
        Map<String, Double> maxCritical = new HashMap<>();
        limits.stream().filter(l -> l.maxCritical() != null).forEach(l -> maxCritical.put(l.nombreTecnico(), l.maxCritical()));
        List<DqRule> out = new ArrayList<>();
        for (DqRule r : rules) {
            boolean ranged = r.tipo() == DqRuleType.REPRESENTATIVIDAD || r.tipo() == DqRuleType.MAESTRA;
            DqRule rule = r;
            if (ranged && r.valorMax() == null && maxCritical.containsKey(r.nombreTecnico())) {
                rule = r.withMax(maxCritical.get(r.nombreTecnico()), "tbl_limites_pozo");
            }
            if (ranged && rule.valorMin() == null && rule.valorMax() == null) {
                warnings.add(ConfigBundle.RULES + " line " + r.line() + ": rule " + r.ruleId()
                        + " has no bounds and never fails");
            }
            out.add(rule);
        }
        return out;
    }
}

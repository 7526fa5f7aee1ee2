package com.bp010.referencial;

import com.bp010.referencial.Rows.ConsistencyLink;
import com.bp010.referencial.Rows.DqRule;
import com.bp010.referencial.Rows.Limit;
import com.bp010.referencial.Rows.Panel;
import com.bp010.referencial.Rows.ScadaEntry;
import com.bp010.referencial.Rows.Unit;
import com.bp010.referencial.Rows.Variable;

import java.util.List;

/** The whole reference catalogue read from one set of config files, checked across files, ready to be written. */
record Catalogue(List<Unit> units, List<Panel> panels, List<Variable> variables, List<ScadaEntry> scadaMap,
                        List<Limit> limits, List<DqRule> rules, List<ConsistencyLink> links, List<String> warnings) {
    public Catalogue {
        units = List.copyOf(units);
        panels = List.copyOf(panels);
        variables = List.copyOf(variables);
        scadaMap = List.copyOf(scadaMap);
        limits = List.copyOf(limits);
        rules = List.copyOf(rules);
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
    }
}

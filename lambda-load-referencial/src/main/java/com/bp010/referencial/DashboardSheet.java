package com.bp010.referencial;

import com.bp010.referencial.Rows.Panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hoja_validacion.csv}: variable → BI panel and dashboard identifier. The panels are the distinct panels of
 * the sheet, in order of first appearance; a panel id written with two names is refused.
 */
record DashboardSheet(List<Panel> panels, List<Placement> placements) {
    /** Where the sheet puts a variable. */
    record Placement(String variable, String panelId, String identDashboard, CsvRow row) {
    }

    static DashboardSheet read(ConfigFile file) {
        CsvTable t = CsvTableReader.readCatalogue(file.name(), file.bytes());
        String variable = t.require("variable", "nombre_tecnico", "id_formato1");
        String panelName = t.require("panel", "panel_nombre", "nombre_panel", "panel_bi");
        boolean hasId = t.has("panel_id", "id_panel", "codigo_panel");
        boolean hasIdent = t.has("ident_dashboard", "identificador", "dashboard_id", "id_dashboard");
        Map<String, Panel> panels = new LinkedHashMap<>();
        List<Placement> placements = new ArrayList<>();
        for (CsvRow r : t.rows()) {
            String name = r.required(panelName);
            String id = hasId ? r.required("panel_id") : TextKeys.key(name).toUpperCase(Locale.ROOT);
            Panel known = panels.get(id);
            if (known == null) {
                panels.put(id, new Panel(id, name, panels.size() + 1));
            } else if (!known.nombre().equals(name)) {
                throw r.error(panelName, name, "panel " + id + " is already named '" + known.nombre() + "'");
            }
            placements.add(new Placement(r.required(variable), id, hasIdent ? r.text("ident_dashboard") : null, r));
        }
        return new DashboardSheet(List.copyOf(panels.values()), placements);
    }
}

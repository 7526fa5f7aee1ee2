package com.bp010.referencial;

/** The rows of the reference catalogue as read from the config files (one record per target table). */
final class Rows {
    private Rows() {
    }

    /** {@code tbl_ref_unidades}. */
    public record Unit(String simbolo, String nombre, String magnitud) {
    }

    /** {@code tbl_ref_paneles_bi}. */
    public record Panel(String panelId, String nombre, int orden) {
    }

    /** {@code tbl_maestra_variables} (+ its raw field unit, kept in {@code tbl_unidades_variable}). */
    public record Variable(String idFormato1, String nombreTecnico, String descripcion, String unidad,
                           String unidadCruda, String panelId, String identDashboard, String tipoDato,
                           String categoria, boolean esContador, String tipoContador, long line) {
        public Variable withUnits(String standard, String raw) {
            return new Variable(idFormato1, nombreTecnico, descripcion, standard, raw, panelId, identDashboard,
                    tipoDato, categoria, esContador, tipoContador, line);
        }

        public Variable withDashboard(String panel, String ident) {
            return new Variable(idFormato1, nombreTecnico, descripcion, unidad, unidadCruda, panel, ident,
                    tipoDato, categoria, esContador, tipoContador, line);
        }
    }

    /** {@code tbl_var_scada_map}. */
    public record ScadaEntry(String varIdScada, String idFormato1, String nombreTecnico, String columnaStage,
                             String tipoDato, int line) {
    }

    /** {@code tbl_limites_pozo}, all-wells row ({@code well_id} NULL). */
    public record Limit(String nombreTecnico, Double minCritical, Double minWarning, Double maxWarning,
                        Double maxCritical, Double target, String unidad, String clasificacion, int line) {
    }

    /** {@code tbl_dq_rules}. */
    public record DqRule(String ruleId, String nombreTecnico, DqRuleType tipo, String expresion, Double valorMin,
                         Double valorMax, Double latenciaMaxSeg, String severidad, boolean activa,
                         String descripcion, String origenMax, long line) {
        public DqRule withMax(Double max, String origin) {
            return new DqRule(ruleId, nombreTecnico, tipo, expresion, valorMin, max, latenciaMaxSeg, severidad,
                    activa, descripcion, origin, line);
        }
    }

    /** {@code tbl_dq_consistencia_map}: a rule's variable takes part in a consistency rule. */
    public record ConsistencyLink(String ruleId, String codigo, String nombreTecnico) {
    }
}

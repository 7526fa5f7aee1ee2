package com.bp010.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a file may fill in one stage table, their types, the key rows are merged on, and the header aliases
 * field files use for them.
 *
 * @param ranges optional physical bounds per column (a row outside them is rejected, not sent to the table's CHECK)
 */
record TableShape(String table, Map<String, ColumnType> columns, List<String> key, Map<String, String> aliases,
                         Map<String, double[]> ranges) {

    /** The well master, {@code stage.tbl_pozo_maestra}: upsert by well_id. */
    public static final TableShape WELL_MASTER = new TableShape("stage.tbl_pozo_maestra", columns(
            "well_id", ColumnType.TEXT, "nombre_pozo", ColumnType.TEXT, "campo", ColumnType.TEXT,
            "yacimiento", ColumnType.TEXT, "latitud", ColumnType.DOUBLE, "longitud", ColumnType.DOUBLE,
            "estado_pozo", ColumnType.TEXT, "tipo_levantamiento", ColumnType.TEXT,
            "fecha_inicio_produccion", ColumnType.DATE, "profundidad_bomba", ColumnType.DOUBLE,
            "profundidad_bomba_tvd", ColumnType.DOUBLE, "profundidad_yacimiento", ColumnType.DOUBLE,
            "profundidad_media_perforados", ColumnType.DOUBLE, "presion_estatica_yacimiento", ColumnType.DOUBLE,
            "presion_burbuja", ColumnType.DOUBLE, "temperatura_yacimiento", ColumnType.DOUBLE,
            "temperatura_superficie", ColumnType.DOUBLE, "radio_pozo", ColumnType.DOUBLE,
            "radio_drenaje", ColumnType.DOUBLE, "diametro_piston", ColumnType.DOUBLE,
            "diametro_tubing", ColumnType.DOUBLE, "diametro_casing", ColumnType.DOUBLE,
            "api_gravity", ColumnType.DOUBLE, "sg_agua", ColumnType.DOUBLE, "sg_gas", ColumnType.DOUBLE,
            "bo", ColumnType.DOUBLE, "peso_varillas_aire", ColumnType.DOUBLE,
            "longitud_sarta_varillas", ColumnType.DOUBLE, "descripcion_sarta_varillas", ColumnType.TEXT,
            "unidad_bombeo", ColumnType.TEXT, "carrera_maxima_unidad", ColumnType.DOUBLE,
            "capacidad_caja_engranajes", ColumnType.DOUBLE, "potencia_motor_hp", ColumnType.DOUBLE),
            List.of("well_id"),
            Map.of("pozo", "well_id", "nombre", "nombre_pozo", "estado", "estado_pozo", "lat", "latitud",
                    "lon", "longitud", "lng", "longitud"),
            Map.of("latitud", new double[]{-90, 90}, "longitud", new double[]{-180, 180}));

    /** Reserves, {@code stage.tbl_reservas_pozo}: upsert by well, evaluation date and category. */
    public static final TableShape RESERVES = new TableShape("stage.tbl_reservas_pozo", columns(
            "well_id", ColumnType.TEXT, "fecha_evaluacion", ColumnType.DATE, "categoria", ColumnType.TEXT,
            "petroleo_bbl", ColumnType.DOUBLE, "gas_mscf", ColumnType.DOUBLE, "agua_bbl", ColumnType.DOUBLE,
            "np_acumulado_bbl", ColumnType.DOUBLE, "gp_acumulado_mscf", ColumnType.DOUBLE,
            "metodo", ColumnType.TEXT, "fuente", ColumnType.TEXT),
            List.of("well_id", "fecha_evaluacion", "categoria"),
            Map.ofEntries(Map.entry("pozo", "well_id"), Map.entry("fecha", "fecha_evaluacion"),
                    Map.entry("category", "categoria"), Map.entry("reservas_petroleo_bbl", "petroleo_bbl"),
                    Map.entry("petroleo", "petroleo_bbl"), Map.entry("oil_bbl", "petroleo_bbl"),
                    Map.entry("gas", "gas_mscf"), Map.entry("agua", "agua_bbl"), Map.entry("np", "np_acumulado_bbl"),
                    Map.entry("gp", "gp_acumulado_mscf"), Map.entry("method", "metodo")),
            Map.of());

    /** The column a (normalised) header name stands for, or null. */
    public String column(String headerName) {
        if (columns.containsKey(headerName)) {
            return headerName;
        }
        return aliases.get(headerName);
    }

    private static Map<String, ColumnType> columns(Object... pairs) {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (ColumnType) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}

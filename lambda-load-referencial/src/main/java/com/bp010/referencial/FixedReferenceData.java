package com.bp010.referencial;

import java.util.List;

/**
 * The fixed data of docs/CONTRACTS.md §5 and §6 that INIT inserts (V6__fixed_reference_data.sql) and every reference load re-asserts
 * by upsert on the natural key, whichever runs first: the five operational states and the 0-9 status scale (the six
 * consistency rules are in {@link ConsistencyRules}). An integration test keeps this class and V6 equal.
 */
final class FixedReferenceData {
    /** {@code tbl_ref_estados_operativos}. */
    public record State(String codigo, String nombre, String descripcion, String color, int prioridad) {
    }

    /** {@code catalogo_status}. */
    public record Status(int codigo, String nombre, String color, String estadoOperativo, int severidadOrden,
                         String descripcion) {
    }

    public static final List<State> STATES = List.of(
            new State("CRITICAL", "Critico", "At least one variable critical or physically impossible", "#d32f2f", 5),
            new State("OFFLINE", "Sin comunicacion", "Variables silent longer than the offline allowance", "#424242", 4),
            new State("WARNING", "Alerta", "At least one variable in a warning band", "#f9a825", 3),
            new State("NORMAL", "Normal", "Every evaluated variable within its normal band", "#2e7d32", 2),
            new State("UNKNOWN", "Desconocido", "No evaluated variable", "#9e9e9e", 1));

    public static final List<Status> STATUSES = List.of(
            new Status(0, "SIN_DATO", "#9e9e9e", "UNKNOWN", 0, "no value"),
            new Status(1, "CRITICO_BAJO", "#b71c1c", "CRITICAL", 9, "value < min_critical"),
            new Status(2, "ALERTA_BAJO", "#f9a825", "WARNING", 5, "min_critical <= value < min_warning"),
            new Status(3, "NORMAL_BAJO", "#81c784", "NORMAL", 2, "min_warning <= value < target - tolerance"),
            new Status(4, "OPTIMO", "#2e7d32", "NORMAL", 1,
                    "within target +/- tolerance (or inside the warning band without a usable target)"),
            new Status(5, "NORMAL_ALTO", "#81c784", "NORMAL", 2, "target + tolerance < value <= max_warning"),
            new Status(6, "ALERTA_ALTO", "#f9a825", "WARNING", 5, "max_warning < value <= max_critical"),
            new Status(7, "CRITICO_ALTO", "#b71c1c", "CRITICAL", 9, "value > max_critical"),
            new Status(8, "FUERA_DE_RANGO_FISICO", "#6a1b9a", "CRITICAL", 8, "the latest reading failed its DQ range rule"),
            new Status(9, "SIN_COMUNICACION", "#424242", "OFFLINE", 7, "latest reading older than the offline allowance"));

    private FixedReferenceData() {
    }
}

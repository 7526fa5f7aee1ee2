package com.bp010.referencial;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of DQ rule; {@code referencial.tbl_dq_rules.tipo} holds the same four names (its CHECK, V3):
 * {@code DqRuleTypeIT} compares them.
 */
enum DqRuleType {
    /** A value range on a reading of stage.tbl_pozo_produccion. */
    REPRESENTATIVIDAD,
    /** How late a reading reached landing (source_received_at - timestamp_lectura). */
    LATENCIA,
    /** The shape of a text reading (the dynamometer card). */
    FORMATO,
    /** A value range on a well-master attribute. */
    MAESTRA;

    /** The names, as a file writes them. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}

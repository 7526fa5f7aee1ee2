package com.bp010.referencial;

import com.bp010.referencial.ConsistencyRules.Rule;
import com.bp010.referencial.FixedReferenceData.State;
import com.bp010.referencial.FixedReferenceData.Status;

import java.sql.Connection;
import java.sql.SQLException;

import static com.bp010.referencial.Sql.column;

/** Re-asserts the fixed data (states, status scale, RC-001…RC-006) by upsert on their natural keys (docs/CONTRACTS.md §5). */
final class FixedDataWriter {
    private FixedDataWriter() {
    }

    static void write(Connection c) throws SQLException {
        var states = FixedReferenceData.STATES;
        Sql.update(c, """
                INSERT INTO referencial.tbl_ref_estados_operativos AS t (codigo, nombre, descripcion, color, prioridad)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                ON CONFLICT (codigo) DO UPDATE SET nombre = EXCLUDED.nombre, descripcion = EXCLUDED.descripcion,
                    color = EXCLUDED.color, prioridad = EXCLUDED.prioridad
                WHERE (t.nombre, t.descripcion, t.color, t.prioridad)
                   IS DISTINCT FROM (EXCLUDED.nombre, EXCLUDED.descripcion, EXCLUDED.color, EXCLUDED.prioridad)""",
                column(states, State::codigo, String.class), column(states, State::nombre, String.class),
                column(states, State::descripcion, String.class), column(states, State::color, String.class),
                column(states, State::prioridad, Integer.class));
        var statuses = FixedReferenceData.STATUSES;
        Sql.update(c, """
                INSERT INTO referencial.catalogo_status AS t (codigo, nombre, color, estado_operativo, severidad_orden,
                    descripcion)
                SELECT * FROM unnest(?::int2[], ?::text[], ?::text[], ?::text[], ?::int2[], ?::text[])
                ON CONFLICT (codigo) DO UPDATE SET nombre = EXCLUDED.nombre, color = EXCLUDED.color,
                    estado_operativo = EXCLUDED.estado_operativo, severidad_orden = EXCLUDED.severidad_orden,
                    descripcion = EXCLUDED.descripcion
                WHERE (t.nombre, t.color, t.estado_operativo, t.severidad_orden, t.descripcion)
                   IS DISTINCT FROM (EXCLUDED.nombre, EXCLUDED.color, EXCLUDED.estado_operativo,
                       EXCLUDED.severidad_orden, EXCLUDED.descripcion)""",
                column(statuses, Status::codigo, Integer.class), column(statuses, Status::nombre, String.class),
                column(statuses, Status::color, String.class), column(statuses, Status::estadoOperativo, String.class),
                column(statuses, Status::severidadOrden, Integer.class),
                column(statuses, Status::descripcion, String.class));
        var rules = ConsistencyRules.ALL;
        Sql.update(c, """
                INSERT INTO referencial.tbl_reglas_consistencia AS t (codigo, descripcion, variable_medida, operador,
                    variable_referencia, severidad, activa)
                SELECT *, true FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT (codigo) DO UPDATE SET descripcion = EXCLUDED.descripcion,
                    variable_medida = EXCLUDED.variable_medida, operador = EXCLUDED.operador,
                    variable_referencia = EXCLUDED.variable_referencia, severidad = EXCLUDED.severidad, activa = true
                WHERE (t.descripcion, t.variable_medida, t.operador, t.variable_referencia, t.severidad, t.activa)
                   IS DISTINCT FROM (EXCLUDED.descripcion, EXCLUDED.variable_medida, EXCLUDED.operador,
                       EXCLUDED.variable_referencia, EXCLUDED.severidad, true)""",
                column(rules, Rule::codigo, String.class), column(rules, Rule::descripcion, String.class),
                column(rules, Rule::variableMedida, String.class), column(rules, Rule::operador, String.class),
                column(rules, Rule::variableReferencia, String.class), column(rules, Rule::severidad, String.class));
    }
}

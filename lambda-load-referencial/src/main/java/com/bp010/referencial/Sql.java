package com.bp010.referencial;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one statement with bound parameters; Java arrays travel as PostgreSQL arrays ({@code unnest(?::text[], ...)}),
 * so a whole table is written by one set-based statement and no value is ever spliced into SQL.
 */
final class Sql {
    private Sql() {
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The column {@code f} of each row, as an array parameter. */
    static <T, V> Object column(List<T> rows, Function<T, V> f, Class<V> type) {
        @SuppressWarnings("unchecked")
        V[] values = (V[]) java.lang.reflect.Array.newInstance(type, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            values[i] = f.apply(rows.get(i));
        }
        return values;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, bind(c, params[i]));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static Object bind(Connection c, Object value) throws SQLException {
        if (value instanceof String[] s) {
            return array(c, "text", s);
        }
        if (value instanceof Double[] d) {
            return array(c, "float8", d);
        }
        if (value instanceof Boolean[] b) {
            return array(c, "bool", b);
        }
        if (value instanceof Integer[] n) {
            return array(c, "int4", n);
        }
        return value;
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}

package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

/** Builds the BAD_INPUT failure of a reference file: file, line, column and value, and what is wrong. */
final class BadInput {
    private BadInput() {
    }

    public static Bp010Exception at(String file, long line, String column, String value, String reason) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        String text = where + ": " + reason + (value != null ? " (value '" + abbreviate(value) + "')" : "");
        return new Bp010Exception(ErrorCode.BAD_INPUT, text)
                .with("file", file)
                .with("line", line > 0 ? line : null)
                .with("column", column)
                .with("value", value == null ? null : abbreviate(value))
                .with("reason", reason);
    }

    public static Bp010Exception inFile(String file, String reason) {
        return at(file, 0, null, null, reason);
    }

    private static String abbreviate(String value) {
        return value.length() <= 120 ? value : value.substring(0, 117) + "...";
    }
}

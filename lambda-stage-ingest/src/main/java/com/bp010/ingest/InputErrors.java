package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

/** The file-level refusals of the readers: BAD_INPUT naming file, line, column and value. */
final class InputErrors {
    private InputErrors() {
    }

    public static Bp010Exception badInput(String file, long line, String column, String value, String reason) {
        return new Bp010Exception(ErrorCode.BAD_INPUT, file + (line > 0 ? ":" + line : "") + ": " + reason)
                .with("file", file)
                .with("line", line > 0 ? line : null)
                .with("column", column)
                .with("value", value == null ? null : RowReject.clip(value));
    }
}

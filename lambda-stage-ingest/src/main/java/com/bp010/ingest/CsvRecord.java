package com.bp010.ingest;

import java.util.List;

/**
 * One CSV record: its fields and the line it starts on. A record the tokenizer could not read whole carries a
 * {@code problem} (a field too long, a quote never closed) and the text it did read.
 */
record CsvRecord(long line, List<String> fields, RejectReason problem, String problemDetail) {

    public boolean isBlank() {
        for (String f : fields) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The record as text, for reject reports (fields joined by the delimiter, quoted where needed). */
    public String rawText(char delimiter) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            String f = fields.get(i);
            if (f.indexOf(delimiter) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
            if (sb.length() > RowReject.MAX_RAW_TEXT) {
                break;
            }
        }
        return sb.toString();
    }
}

package com.bp010.ingest;

/**
 * An input row that was refused, with everything needed to find and fix it: file, line, field, the raw text and the
 * reason. The raw fields that could be split out are kept so the row can be replayed once the cause is fixed.
 */
public record RowReject(String file, long line, String field, String rawText, RejectReason reason, String detail,
                        String wellId, String varId, String timestampText, String measure, String receivedText) {

    /** Longest raw text kept for one reject. */
    public static final int MAX_RAW_TEXT = 4000;

    public RowReject {
        rawText = clip(rawText);
        measure = clip(measure);
    }

    /** The message stored in landing_rejects.reason: what is wrong and where. */
    public String message() {
        return reason + (field == null ? "" : " in " + field) + ": " + detail;
    }

    static String clip(String text) {
        if (text == null || text.length() <= MAX_RAW_TEXT) {
            return text;
        }
        return text.substring(0, MAX_RAW_TEXT) + "...";
    }
}

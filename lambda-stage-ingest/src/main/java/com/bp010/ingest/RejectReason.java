package com.bp010.ingest;

/** Why an input row was refused. The code is stored in {@code stage.landing_rejects.reason_code}. */
public enum RejectReason {
    /** A required field is absent or blank. */
    MISSING_FIELD(false),
    /** A timestamp that is not ISO-8601 or lies outside 1900-2200. */
    BAD_TIMESTAMP(false),
    /** A number that cannot be read. */
    BAD_NUMBER(false),
    /** NaN or an infinite value. */
    NOT_FINITE(false),
    /** A number whose decimal separator cannot be decided (e.g. {@code 1,234} in a comma-separated file). */
    AMBIGUOUS_NUMBER(false),
    /** A well id the well master cannot hold (characters, length). */
    BAD_WELL_ID(false),
    /** A SCADA id holding control characters (NUL, escapes, line breaks): no map can hold it. */
    BAD_VAR_ID(false),
    /** A row with more fields than the header, or that is not an object. */
    BAD_ROW(false),
    /** A field longer than the reader accepts. */
    FIELD_TOO_LONG(false),
    /** A quoted field that never closes before the end of the file. */
    UNTERMINATED_QUOTE(false),
    /** The well is not in {@code stage.tbl_pozo_maestra}: replayable once the well master holds it. */
    UNKNOWN_WELL(true),
    /** The SCADA id is not in {@code referencial.tbl_var_scada_map}: replayable once the map holds it. */
    UNKNOWN_VARIABLE(true),
    /** A value of the wrong type for its stage column (text for a numeric column). */
    WRONG_TYPE(false),
    /** A column of a pre-pivoted production row that no SCADA variable maps to. */
    UNMAPPED_COLUMN(true),
    /**
     * An offset-less time in the hour the source zone's clock repeats, given once by its batch, whose series landing
     * already holds at both instants with other values: which pass it is cannot be told (send it with its offset).
     */
    AMBIGUOUS_TIME(false);

    private final boolean replayable;

    RejectReason(boolean replayable) {
        this.replayable = replayable;
    }

    /** True when the row may load later without being re-sent (the catalogue it missed can change). */
    public boolean replayable() {
        return replayable;
    }
}

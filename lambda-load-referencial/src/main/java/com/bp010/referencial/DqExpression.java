package com.bp010.referencial;

/**
 * What a human data-quality expression means: a value range (either bound may be missing) or a latency limit in
 * seconds. {@code text} is the expression as written (kept in {@code tbl_dq_rules.expresion}).
 */
record DqExpression(String text, Double min, Double max, Double latencySeconds) {
    /** The margin that turns a strict bound into a stored inclusive one: {@code >0} is stored as min 0.0001. */
    public static final double STRICT_MARGIN = 0.0001;

    public static DqExpression none() {
        return new DqExpression(null, null, null, null);
    }

    public boolean isEmpty() {
        return min == null && max == null && latencySeconds == null;
    }
}

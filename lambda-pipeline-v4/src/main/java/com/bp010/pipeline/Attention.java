package com.bp010.pipeline;

/**
 * What a step that answered OK, NOTHING_TO_DO or DIMENSIONS_SYNCED left for an operator to do, said in its
 * {@code message} (the metric {@code PipelineNeedsAttention} and its alarm, template.yaml): under a schedule nobody
 * reads that message.
 */
enum Attention {
    /** Recomputation marks before the lookback floor (LOOKBACK_DAYS): only the explicit window named recomputes them. */
    RERUN_BEFORE_LOOKBACK_FLOOR,
    /** Cards of new readings before CARD_LOOKBACK_DAYS an incremental run did not diagnose: the window named does. */
    CARDS_BEFORE_CARD_LOOKBACK,
    /** An explicit window without a reading: nothing was computed. */
    EMPTY_WINDOW,
    /** A phase joining its run by runId found the lease taken by another run (it expired): the phase did not run. */
    PHASE_SKIPPED_LOCKED
}

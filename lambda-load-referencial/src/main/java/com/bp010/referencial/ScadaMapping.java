package com.bp010.referencial;

/** One pair of the legacy pivot query: SCADA id → stage column, with the line it was read from. */
record ScadaMapping(String varIdScada, String columnaStage, int line) {
}

package com.bp010.cards;

/** A card resampled to {@code n} points evenly spaced in time over one stroke of {@code periodS} seconds (open loop). */
record UniformCard(double[] position, double[] load, double periodS) {
    int size() {
        return position.length;
    }

    double dt() {
        return periodS / position.length;
    }
}

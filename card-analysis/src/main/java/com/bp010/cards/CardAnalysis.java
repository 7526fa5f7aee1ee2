package com.bp010.cards;

/** The pump card a diagnosis read (null on the surface basis) and the diagnosis. */
public record CardAnalysis(PumpCard pumpCard, Diagnosis diagnosis) {
}

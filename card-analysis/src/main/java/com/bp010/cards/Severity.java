package com.bp010.cards;

/** How bad a diagnosed condition is: NONE for a full pump, then LOW, MODERATE, SEVERE. */
public enum Severity {
    NONE, LOW, MODERATE, SEVERE
}

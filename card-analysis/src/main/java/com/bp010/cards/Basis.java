package com.bp010.cards;

/** What the diagnosis read: the pump card (computed or measured downhole) or only the surface card's shape. */
public enum Basis {
    PUMP, SURFACE
}

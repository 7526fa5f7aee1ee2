package com.bp010.cards;

/** The fixed vocabulary of pump conditions a card is diagnosed as (docs/CARDS.md says what each looks like). */
public enum Pattern {
    FULL_PUMP, FLUID_POUND, GAS_INTERFERENCE, GAS_LOCK, TRAVELING_VALVE_LEAK, STANDING_VALVE_LEAK, PUMP_HITTING_UP,
    PUMP_HITTING_DOWN, TUBING_MOVEMENT, ROD_PART, WORN_PUMP, STUCK_PUMP, ROD_FRICTION, UNKNOWN
}

package com.bp010.demo;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Faults the generator can plant, so tests and the demo show what the pipeline does with them. */
public enum Fault {
    /** Readings far outside the physical range (WHP 9999 psi, fillage 130 %, negative motor current). */
    OUT_OF_RANGE,
    /** Readings the source received three hours after they were taken. */
    LATE_RECEIPT,
    /** A dynamometer card with too few points, unequal arrays and an open loop. */
    BAD_CARD,
    /** A well whose pump sits below its reservoir and whose radius exceeds its drainage radius. */
    BAD_MASTER_DATA,
    /** Unreadable telemetry rows: a bad number, a bad timestamp, a missing value, NaN, an unknown SCADA id and well. */
    BAD_ROWS,
    /**
     * Pump problems on the cards of the first wells (one {@link PumpProblem} each, in order), on every card (the
     * pump has it whatever hour the set starts or ends at); the other wells' cards are a full pump's.
     */
    PUMP_PROBLEMS,
    /**
     * A well stopped for the first 12 hours of every {@code days}-th day (SPM 0, no production, runtime 12 h): 12 hours
     * in every set, of one day or split between the set's first and last day.
     */
    HALF_DAY_DOWNTIME,
    /** One energy-counter reading of 0 between two normal ones (a glitch, not a reset). */
    COUNTER_GLITCH;

    /** {@code "out-of-range,bad-card"} or {@code "all"}. */
    public static Set<Fault> parse(String list) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("none")) {
            return faults;
        }
        for (String name : list.split(",")) {
            String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (n.equals("ALL")) {
                return EnumSet.allOf(Fault.class);
            }
            if (n.equals("BAD_MASTER")) {
                n = "BAD_MASTER_DATA";
            }
            try {
                faults.add(Fault.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fault '" + name.strip() + "': the faults are "
                        + names() + ", all or none", e);
            }
        }
        return faults;
    }

    /** The names {@link #parse} accepts, as the command line writes them: {@code out-of-range, late-receipt, ...}. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Fault f : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return b.toString();
    }
}

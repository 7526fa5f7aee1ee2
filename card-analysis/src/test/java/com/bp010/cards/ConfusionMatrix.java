package com.bp010.cards;

import java.util.Map;

/** Renders planted-against-diagnosed counts as a fixed-width table (rows: planted). */
final class ConfusionMatrix {
    private ConfusionMatrix() {
    }

    static String render(Map<Pattern, Map<Pattern, Integer>> matrix) {
        StringBuilder sb = new StringBuilder("planted \\ diagnosed");
        Pattern[] all = Pattern.values();
        sb.append(String.format("%n%-22s", ""));
        for (Pattern p : all) {
            sb.append(String.format("%5s", abbreviate(p)));
        }
        for (Pattern row : all) {
            Map<Pattern, Integer> counts = matrix.get(row);
            if (counts == null) {
                continue;
            }
            sb.append(String.format("%n%-22s", row));
            for (Pattern col : all) {
                int c = counts.getOrDefault(col, 0);
                sb.append(String.format("%5s", c == 0 ? "." : Integer.toString(c)));
            }
        }
        return sb.toString();
    }

    static String abbreviate(Pattern p) {
        return switch (p) {
            case FULL_PUMP -> "FULL";
            case FLUID_POUND -> "POUN";
            case GAS_INTERFERENCE -> "GASI";
            case GAS_LOCK -> "GLCK";
            case TRAVELING_VALVE_LEAK -> "TVL";
            case STANDING_VALVE_LEAK -> "SVL";
            case PUMP_HITTING_UP -> "HITU";
            case PUMP_HITTING_DOWN -> "HITD";
            case TUBING_MOVEMENT -> "TUBE";
            case ROD_PART -> "PART";
            case WORN_PUMP -> "WORN";
            case STUCK_PUMP -> "STUK";
            case ROD_FRICTION -> "FRIC";
            case UNKNOWN -> "UNKN";
        };
    }
}

package com.bp010.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rod string from the text forms well masters use, top taper first, tapers separated by {@code ,} {@code ;}
 * or {@code +}:
 * <ul>
 *   <li>{@code 7/8 in x 40%, 3/4 in x 60%} — shares of the pump depth (they must add up to 100 % ± 1);</li>
 *   <li>{@code 7/8" x 2000 ft, 3/4" x 3000'} or {@code 0.875 x 2000} — lengths in feet;</li>
 *   <li>{@code #7 x 2000} — API rod numbers in eighths of an inch; {@code 1 in x 1500 ft fiberglass} — a material.</li>
 * </ul>
 */
final class RodStringParser {
    private static final Pattern TAPER = Pattern.compile(
            "^\\s*(#\\s*\\d{1,2}|\\d+\\s*-\\s*\\d+/\\d+|\\d+/\\d+|\\d+(?:\\.\\d+)?)\\s*(?:in\\b|inch(?:es)?|\"|'')?\\s*"
                    + "[x×*]\\s*(\\d+(?:\\.\\d+)?)\\s*(%|ft\\b|feet|pies|')?\\s*([a-z]*)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private RodStringParser() {
    }

    static RodString parse(String text, Double pumpDepthFt) {
        if (text == null || text.isBlank()) {
            throw new CardInputException("empty rod string: give tapers such as \"7/8 in x 40%, 3/4 in x 60%\"");
        }
        String[] parts = text.split("[,;+]");
        List<double[]> raw = new ArrayList<>();
        List<RodMaterial> materials = new ArrayList<>();
        boolean percent = false;
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = TAPER.matcher(part.trim());
            if (!m.matches()) {
                throw new CardInputException("cannot read rod taper '" + part.trim() + "' in \"" + text
                        + "\": write diameter x length, e.g. 7/8 in x 2000 ft or 7/8 in x 40%");
            }
            boolean isPercent = "%".equals(m.group(3));
            if (!raw.isEmpty() && isPercent != percent) {
                throw new CardInputException("rod string \"" + text + "\" mixes percentages and lengths");
            }
            percent = isPercent;
            raw.add(new double[]{diameter(m.group(1)), Double.parseDouble(m.group(2))});
            materials.add(RodMaterial.parse(m.group(4)));
        }
        if (raw.isEmpty()) {
            throw new CardInputException("rod string \"" + text + "\" has no taper");
        }
        double scale = 1;
        if (percent) {
            double sum = raw.stream().mapToDouble(r -> r[1]).sum();
            if (Math.abs(sum - 100) > 1) {
                throw new CardInputException("rod string \"" + text + "\": percentages add up to " + sum + ", not 100");
            }
            if (pumpDepthFt == null || !(pumpDepthFt > 0)) {
                throw new CardInputException("rod string \"" + text + "\" is in percent: the pump depth is needed");
            }
            scale = pumpDepthFt / sum;
        }
        List<Taper> tapers = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            tapers.add(Taper.of(raw.get(i)[0], raw.get(i)[1] * scale, materials.get(i)));
        }
        return new RodString(tapers);
    }

    /** "7/8" → 0.875, "1-1/8" → 1.125, "#7" → 0.875 (eighths), "0.875" → 0.875. */
    static double diameter(String token) {
        String t = token.replace(" ", "").toLowerCase(Locale.ROOT);
        if (t.startsWith("#")) {
            return Integer.parseInt(t.substring(1)) / 8.0;
        }
        double whole = 0;
        int dash = t.indexOf('-');
        if (dash > 0) {
            whole = Double.parseDouble(t.substring(0, dash));
            t = t.substring(dash + 1);
        }
        int slash = t.indexOf('/');
        if (slash > 0) {
            return whole + Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
        }
        return whole + Double.parseDouble(t);
    }
}

package com.bp010.referencial;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a unit as the field writes it ({@code PSI}, {@code Pies}, {@code Lbs}, {@code Bls/dia}, {@code °F},
 * {@code MPCD}...) into a standard symbol of {@code 06_unidades_standar.csv} ({@code psi}, {@code ft}, {@code lbf},
 * {@code bbl/d}, {@code degF}, {@code Mscf/d}). A raw unit matches a standard symbol or full name ignoring case,
 * accents, spaces and the spelling of products ({@code lb-in}, {@code lbf·in}); otherwise the table of field
 * spellings below. An alias only counts when its symbol is in the standard catalogue being loaded. Absolute and
 * gauge pressures are not mixed: {@code psia} is not {@code psi}.
 */
final class UnitNormalizer {
    /** Field spellings seen in Spanish- and English-language SCADA exports and well files, by folded key. */
    private static final Map<String, String> FIELD_SPELLINGS = Map.ofEntries(
            Map.entry("psig", "psi"), Map.entry("lpc", "psi"), Map.entry("lpcm", "psi"), Map.entry("lb/pulg2", "psi"),
            Map.entry("lb/in2", "psi"), Map.entry("psi/pie", "psi/ft"),
            Map.entry("f", "degF"), Map.entry("°f", "degF"), Map.entry("ºf", "degF"), Map.entry("deg_f", "degF"),
            Map.entry("grados_f", "degF"), Map.entry("grados_fahrenheit", "degF"), Map.entry("fahrenheit", "degF"),
            Map.entry("pies", "ft"), Map.entry("pie", "ft"), Map.entry("feet", "ft"), Map.entry("pies_tvd", "ft"),
            Map.entry("ft_tvd", "ft"), Map.entry("pies_md", "ft"), Map.entry("ft_md", "ft"),
            Map.entry("pulg", "in"), Map.entry("pulgadas", "in"), Map.entry("pulgada", "in"), Map.entry("inch", "in"),
            Map.entry("inches", "in"), Map.entry("\"", "in"),
            Map.entry("lb", "lbf"), Map.entry("lbs", "lbf"), Map.entry("libras", "lbf"), Map.entry("lbf", "lbf"),
            Map.entry("lb*pulg", "lbf*in"), Map.entry("lb*in", "lbf*in"), Map.entry("lbs*in", "lbf*in"),
            Map.entry("pulg*lb", "in*lbf"), Map.entry("in*lb", "in*lbf"), Map.entry("in*lbs", "in*lbf"),
            Map.entry("spm", "spm"), Map.entry("epm", "spm"), Map.entry("emboladas/min", "spm"),
            Map.entry("strokes/min", "spm"),
            Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("hora", "h"), Map.entry("horas", "h"),
            Map.entry("hours", "h"),
            Map.entry("amp", "A"), Map.entry("amps", "A"), Map.entry("amperios", "A"), Map.entry("amperes", "A"),
            Map.entry("volts", "V"), Map.entry("voltios", "V"), Map.entry("vac", "V"), Map.entry("vdc", "V"),
            Map.entry("kw_h", "kWh"), Map.entry("kw*h", "kWh"),
            Map.entry("bls/dia", "bbl/d"), Map.entry("bbl/dia", "bbl/d"), Map.entry("bpd", "bbl/d"),
            Map.entry("bopd", "bbl/d"), Map.entry("bwpd", "bbl/d"), Map.entry("bfpd", "bbl/d"),
            Map.entry("bapd", "bbl/d"), Map.entry("bnpd", "bbl/d"), Map.entry("bbl/day", "bbl/d"),
            Map.entry("bls", "bbl"), Map.entry("barriles", "bbl"), Map.entry("bn", "bbl"),
            Map.entry("mpcd", "Mscf/d"), Map.entry("mpcnd", "Mscf/d"), Map.entry("mcf/d", "Mscf/d"),
            Map.entry("mcfd", "Mscf/d"), Map.entry("mscfd", "Mscf/d"), Map.entry("mpc", "Mscf"), Map.entry("mcf", "Mscf"),
            Map.entry("pcn/bn", "scf/bbl"), Map.entry("pcs/bl", "scf/bbl"), Map.entry("scf/stb", "scf/bbl"),
            Map.entry("gal/dia", "gal/d"), Map.entry("gpd", "gal/d"),
            Map.entry("pulg/seg", "in/s"), Map.entry("pulg/s", "in/s"), Map.entry("ips", "in/s"),
            Map.entry("%_lel", "%LEL"), Map.entry("%lie", "%LEL"), Map.entry("lel", "%LEL"),
            Map.entry("porcentaje", "%"), Map.entry("pct", "%"), Map.entry("percent", "%"), Map.entry("%_cap", "%"),
            Map.entry("%_bsw", "%"), Map.entry("fraccion", "frac"), Map.entry("fp", "frac"), Map.entry("pf", "frac"),
            Map.entry("ciclos", "count"), Map.entry("cant", "count"), Map.entry("cantidad", "count"),
            Map.entry("emboladas", "count"), Map.entry("cuentas", "count"), Map.entry("n", "count"),
            Map.entry("on/off", "flag"), Map.entry("bool", "flag"), Map.entry("0/1", "flag"),
            Map.entry("modo", "code"), Map.entry("cod", "code"), Map.entry("codigo", "code"),
            Map.entry("°api", "degAPI"), Map.entry("ºapi", "degAPI"), Map.entry("api", "degAPI"),
            Map.entry("grados_api", "degAPI"),
            Map.entry("ge", "SG"), Map.entry("gravedad_especifica", "SG"),
            Map.entry("by/bn", "rb/stb"), Map.entry("rb/bn", "rb/stb"), Map.entry("bbl/stb", "rb/stb"),
            Map.entry("bpd/psi", "bbl/d/psi"), Map.entry("1/ano", "1/yr"), Map.entry("1/año", "1/yr"),
            Map.entry("kwh/bl", "kWh/bbl"));

    private final Map<String, String> byKey = new HashMap<>();

    /** @param standards the standard units being loaded: symbol → full name */
    public UnitNormalizer(Map<String, String> standards) {
        Collection<String> symbols = standards.keySet();
        FIELD_SPELLINGS.forEach((spelling, symbol) -> {
            if (symbols.contains(symbol)) {
                byKey.put(spelling, symbol);
            }
        });
        standards.forEach((symbol, name) -> {
            if (name != null && !name.isBlank()) {
                byKey.put(key(name), symbol);
            }
        });
        for (String symbol : symbols) {
            byKey.put(key(symbol), symbol);
        }
    }

    /** The standard symbol for a raw unit, or empty when nothing matches. Blank input is empty too. */
    public Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(key(raw)));
    }

    /**
     * The folded form compared: no accents (except ° and º kept for degrees), lower case, blanks and {@code _}
     * joined into one {@code _} (none around {@code /} and {@code *}), products written with {@code *}.
     */
    static String key(String unit) {
        String s = unit.strip().replace('·', '*').replace('×', '*').replace('º', '°');
        s = s.replace("°", "\u0001");
        s = TextKeys.stripAccents(s).replace("\u0001", "°").toLowerCase(Locale.ROOT);
        s = s.replaceAll("(?<=[a-z0-9])[-.](?=[a-z])", "*");
        s = s.replaceAll("\\s*([/*])\\s*", "$1").replaceAll("[\\s_]+", "_");
        return s.replaceAll("^_+|_+$", "");
    }
}

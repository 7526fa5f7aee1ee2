package com.bp010.cards;

/** What a rod taper is made of: its Young's modulus (psi), density (lbm/ft³) and buoyancy factor per unit fluid SG. */
public enum RodMaterial {
    /** Steel: E = 30.5·10⁶ psi, 490 lbm/ft³; buoyancy 1 − 0.128·SG (docs/DOMAIN.md §2). */
    STEEL(30.5e6, 490, 0.128),
    /** Fibreglass: E = 7.2·10⁶ psi, 150 lbm/ft³; buoyancy 1 − (62.4/150)·SG. */
    FIBERGLASS(7.2e6, 150, 62.4 / 150);

    private final double modulusPsi;
    private final double densityLbPerFt3;
    private final double buoyancyPerSg;

    RodMaterial(double modulusPsi, double densityLbPerFt3, double buoyancyPerSg) {
        this.modulusPsi = modulusPsi;
        this.densityLbPerFt3 = densityLbPerFt3;
        this.buoyancyPerSg = buoyancyPerSg;
    }

    public double modulusPsi() {
        return modulusPsi;
    }

    public double densityLbPerFt3() {
        return densityLbPerFt3;
    }

    /** The fraction of the weight in air the fluid carries per unit of the fluid's specific gravity. */
    public double buoyancyPerSg() {
        return buoyancyPerSg;
    }

    /** Reads "steel", "fiberglass", "fibreglass", "fg", "frp" (any case); null or blank is steel. */
    public static RodMaterial parse(String text) {
        if (text == null || text.isBlank()) {
            return STEEL;
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("steel") || t.equals("acero") || t.equals("st")) {
            return STEEL;
        }
        if (t.startsWith("fib") || t.equals("fg") || t.equals("frp") || t.startsWith("fibra")) {
            return FIBERGLASS;
        }
        throw new CardInputException("unknown rod material '" + text + "': use steel or fiberglass");
    }
}

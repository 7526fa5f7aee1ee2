package com.bp010.pipeline;

import com.bp010.cards.Diagnosis;
import com.bp010.cards.EverittJenningsSolver;
import com.bp010.cards.ForwardModel;
import com.bp010.cards.Pattern;
import com.bp010.cards.PumpBehaviour;
import com.bp010.cards.PumpCard;
import com.bp010.cards.PumpingUnit;
import com.bp010.cards.RodString;
import com.bp010.cards.WellDescription;
import com.bp010.db.Json;
import com.bp010.db.SqlWork;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The pattern vocabulary in {@code universal.patron} (fuente = the rules' model version): each pattern's meaning and a
 * reference pump card normalised to 0-1, made once per database by the forward model on a reference well (5,000 ft,
 * 7/8 and 3/4 in rods, 1.5 in plunger, 86 in at 8 SPM). docs/CARDS.md says what each looks like.
 */
final class PatternCatalogue {
    private static final Map<Pattern, String> MEANING = new EnumMap<>(Pattern.class);

    static {
        MEANING.put(Pattern.FULL_PUMP, "Full pump: a near rectangle, the barrel fills every stroke");
        MEANING.put(Pattern.FLUID_POUND, "Fluid pound: load held into the downstroke, then a sharp drop on the liquid");
        MEANING.put(Pattern.GAS_INTERFERENCE, "Gas interference: the downstroke load falls gradually as gas compresses");
        MEANING.put(Pattern.GAS_LOCK, "Gas lock: a thin lens, gas compressed and re-expanded, nothing pumped");
        MEANING.put(Pattern.TRAVELING_VALVE_LEAK, "Traveling valve leak: the upstroke load falls toward the top");
        MEANING.put(Pattern.STANDING_VALVE_LEAK, "Standing valve leak: the downstroke load stays up and rises");
        MEANING.put(Pattern.PUMP_HITTING_UP, "Pump hitting up: a load spike at the top of the stroke");
        MEANING.put(Pattern.PUMP_HITTING_DOWN, "Pump hitting down: a load spike below zero at the bottom");
        MEANING.put(Pattern.TUBING_MOVEMENT, "Tubing movement: both load transfers slanted by the tubing's stretch");
        MEANING.put(Pattern.ROD_PART, "Rod part: no fluid load, loads near the rods' weight");
        MEANING.put(Pattern.WORN_PUMP, "Worn pump: the upstroke load dips mid-stroke and recovers");
        MEANING.put(Pattern.STUCK_PUMP, "Stuck pump: the plunger does not travel");
        MEANING.put(Pattern.ROD_FRICTION, "Rod friction: downstroke loads below zero, friction the wave equation omits");
        MEANING.put(Pattern.UNKNOWN, "Unknown: no rule holds");
    }

    private PatternCatalogue() {
    }

    /**
     * Writes the vocabulary when the database does not hold all of it yet; {@code beforeEach} runs before each of its
     * statements (the card step bounds them by its time budget).
     */
    static void ensure(Connection c, SqlWork<Void> beforeEach) throws SQLException {
        beforeEach.run(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM universal.patron WHERE fuente = ?")) {
            ps.setString(1, Diagnosis.MODEL_VERSION);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) >= Pattern.values().length) {
                    return;
                }
            }
        }
        ArrayNode rows = Json.mapper().createArrayNode();
        for (Pattern p : Pattern.values()) {
            ObjectNode n = rows.addObject().put("clase", p.name()).put("descripcion", MEANING.get(p));
            ArrayNode pos = n.putArray("p");
            ArrayNode load = n.putArray("l");
            PumpCard card = reference(p);
            if (card != null) {
                double[] x = unit(card.position());
                double[] y = unit(card.load());
                for (int i = 0; i < x.length; i++) {
                    pos.add(Math.round(x[i] * 1000) / 1000.0);
                    load.add(Math.round(y[i] * 1000) / 1000.0);
                }
            }
        }
        beforeEach.run(c);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO universal.patron (clase_diagnostico, descripcion, position, load, fuente)
                SELECT e->>'clase', e->>'descripcion',
                       ARRAY(SELECT jsonb_array_elements_text(e->'p')::double precision),
                       ARRAY(SELECT jsonb_array_elements_text(e->'l')::double precision), ?
                  FROM jsonb_array_elements(?::jsonb) e
                ON CONFLICT (clase_diagnostico, fuente) DO NOTHING""")) {
            ps.setString(1, Diagnosis.MODEL_VERSION);
            ps.setString(2, rows.toString());
            ps.executeUpdate();
        }
    }

    private static PumpCard reference(Pattern p) {
        PumpBehaviour full = PumpBehaviour.full(200);
        WellDescription well = WellDescription.of(5000, 1.5, RodString.parse("7/8 in x 40%, 3/4 in x 60%", 5000.0))
                .withFluid(1.0, 100);
        double pd = well.dischargePressurePsi();
        double fo = well.plungerAreaIn2() * (pd - 200);
        double stretch = fo * well.rods().stretchInPerLbf();
        PumpBehaviour behaviour = switch (p) {
            case FULL_PUMP -> full;
            case FLUID_POUND -> full.withFillage(0.6);
            case GAS_INTERFERENCE -> gas(0.65, 0.3, 0.04, pd);
            case GAS_LOCK -> gas(0.5, 0.2, 1.0, pd);
            case TRAVELING_VALVE_LEAK -> full.withLeaks(0.25, 0, 0);
            case STANDING_VALVE_LEAK -> full.withLeaks(0, 0.35, 0);
            case PUMP_HITTING_UP -> full.withHits(0.4 * stretch, 0);
            case PUMP_HITTING_DOWN -> full.withHits(0, 0.4 * stretch);
            case TUBING_MOVEMENT -> full;
            case ROD_PART -> full.withRodPart(0.5);
            case WORN_PUMP -> full.withLeaks(0, 0, 0.3);
            case STUCK_PUMP -> full.asStuck();
            case ROD_FRICTION -> full.withFriction(0.25 * fo);
            case UNKNOWN -> null;
        };
        if (behaviour == null) {
            return null;
        }
        WellDescription w = p == Pattern.TUBING_MOVEMENT ? well.withTubing(false, 2.375) : well;
        ForwardModel.Result run = new ForwardModel().run(w, new PumpingUnit(86, 8, 0.25), behaviour, 100);
        return new EverittJenningsSolver().solve(run.surface(), w);
    }

    private static PumpBehaviour gas(double fillage, double ratio, double clearance, double pd) {
        return new PumpBehaviour(fillage, ratio, clearance, 0, 0, 0, 0, 0, 0, false, 0, ratio * pd);
    }

    private static double[] unit(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double span = hi - lo > 0 ? hi - lo : 1;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] - lo) / span;
        }
        return out;
    }
}

package com.bp010.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Simulates one well hour by hour: readings of all 65 tags around the well's operating point, with noise, slow
 * decline, diurnal temperature, occasional stops, cumulative counters that only grow (and, rarely, restart from zero
 * as a replaced controller would), daily counters that reset at midnight, and every hour a surface card and the pump
 * card under it from the wave-equation forward model ({@link WellCards}), with a planted pump problem from its onset.
 *
 * <p>An hour's readings depend on the well, the seed and the hour only, never on where a generated set starts or ends:
 * every hour draws its randomness from its own streams (seeded by the well's key and the hour since the epoch), the
 * decline follows the calendar, and the counters an hour reads are the sum of the earlier hours' increments back to
 * the controller's last restart (found by walking back hour by hour, at most {@link #RESTART_GRID} hours). So a set
 * ending an hour later holds the same readings for the hours both cover, and only adds the new hour.
 */
public final class WellSimulator {
    /** Probability per hour of a stop (a pump-off, a power dip). */
    private static final double STOP_PROBABILITY = 0.02;
    /** Probability per hour that the controller's cumulative counters restart from zero. */
    private static final double COUNTER_RESTART_PROBABILITY = 1.0 / 2000;
    /** Hours between the restarts every controller also makes (a well's own phase): bounds the walk back. */
    static final long RESTART_GRID = 1L << 14;
    /** The decline restarts every this many days (a well's own phase): within a week it moves production by 1 % at most. */
    private static final long DECLINE_CYCLE_DAYS = 7;
    private static final int OPS_STREAM = 1;
    private static final int VALUES_STREAM = 2;

    private final WellProfile well;
    private final long key;
    private final WellCards cards;
    private final Instant problemFrom;
    private final Predicate<Instant> plantedStop;
    private final ZoneId zone;
    private final double normalArea;
    private final double problemArea;
    private final long phaseHours;
    private double energyKwh;
    private double runtimeHours;
    private double strokes;
    private double runtimeToday;
    private double cyclesToday;
    private double pumpOffsToday;
    private long day = Long.MIN_VALUE;
    /** The runtime of the previous reading's hour past its day's midnight (a half-hour zone), and its day. */
    private double runtimeCarried;
    private long carriedDay = Long.MIN_VALUE;
    /** The hour the state above ends with (null: none yet). */
    private Instant last;

    /**
     * @param key         the well's key ({@link #key(long, int)}): with the hour, it seeds every draw
     * @param cards       the well's card shapes (forward model)
     * @param problemFrom when the planted pump problem of {@code cards} starts showing (null: never)
     * @param plantedStop the hours the unit is forced off (a planted downtime), a function of the hour only
     * @param zone        the controller's clock: its daily counters restart at this zone's midnight, so on the days
     *                    daylight saving time starts and ends its runtime today reaches 23 or 25 h, and never
     *                    more than the day's length (in a half-hour zone the hour after the day's last reading
     *                    is split at midnight)
     */
    public WellSimulator(WellProfile well, long key, WellCards cards, Instant problemFrom,
                         Predicate<Instant> plantedStop, ZoneId zone) {
        this.zone = zone;
        this.well = well;
        this.key = key;
        this.cards = cards;
        this.problemFrom = problemFrom;
        this.plantedStop = plantedStop == null ? t -> false : plantedStop;
        this.normalArea = area(cards.shape(false));
        this.problemArea = area(cards.shape(true));
        this.phaseHours = Math.floorMod(mix(key ^ 0x5DEECE66DL), RESTART_GRID);
    }

    /** The key of the well at {@code index} of a set generated from {@code seed}. */
    public static long key(long seed, int index) {
        return mix(seed * 1_000_003L + index);
    }

    /** The draws of one hour of a well: {@code stream} tells apart independent uses of the same hour. */
    static SplittableRandom hourRandom(long key, Instant t, int stream) {
        long hour = Math.floorDiv(t.getEpochSecond(), 3600);
        return new SplittableRandom(mix(key + 0x9E3779B97F4A7C15L * hour + 0xBF58476D1CE4E5B9L * stream));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double area(WellCards.Shape shape) {
        return Dynacard.loop(shape.position(), shape.load(), shape.spm()).area();
    }

    /** The readings of the hour starting at {@code t}: numbers by tag index, and the two cards as JSON text. */
    public HourReadings hour(Instant t) {
        if (last == null || !t.equals(last.plus(1, ChronoUnit.HOURS))) {
            restore(t);
        }
        Ops ops = ops(t);
        step(t, ops);
        last = t;
        return readings(t, ops);
    }

    /** What moves the counters in one hour: whether the unit ran, for how long, its power, its fillage. */
    private record Ops(boolean running, double runFraction, boolean restart, double fillage, double spm, double kw,
                       double cardScale, PumpProblem problem) {
    }

    private Ops ops(Instant t) {
        SplittableRandom r = hourRandom(key, t, OPS_STREAM);
        boolean stopped = plantedStop.test(t);
        boolean running = r.nextDouble() >= STOP_PROBABILITY && !stopped;
        double partial = WellProfile.between(r, 0, 0.5);
        double runFraction = running ? 1.0 : stopped ? 0 : partial;
        long hour = Math.floorDiv(t.getEpochSecond(), 3600);
        boolean restart = r.nextDouble() < COUNTER_RESTART_PROBABILITY || Math.floorMod(hour + phaseHours, RESTART_GRID) == 0;
        PumpProblem problem = problemFrom != null && !t.isBefore(problemFrom) ? cards.planted() : null;
        double fillage = problem == null ? clamp(97 * noise(r, 0.025), 85, 100)
                : clamp(problem.fillagePct() * noise(r, 0.02), 0, 100);
        double spm = running ? well.spm() * noise(r, 0.01) : 0;
        double cardScale = 1 + 0.01 * (2 * r.nextDouble() - 1);
        double kwNoise = noise(r, 0.03);
        double area = (problem != null ? problemArea : normalArea) * cardScale;
        double kw = running ? area * spm / 396_000 * 0.7457 / 0.62 * kwNoise : 0;
        return new Ops(running, runFraction, restart, fillage, spm, kw, cardScale, problem);
    }

    /**
     * Sets the counters to what they read at the end of the hour before {@code t}: the cumulative ones summed back to
     * the controller's last restart, the daily ones replayed from two hours before the controller's midnight.
     */
    private void restore(Instant t) {
        Instant from = t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().truncatedTo(ChronoUnit.HOURS)
                .minus(2, ChronoUnit.HOURS);
        double e = 0;
        double rt = 0;
        double st = 0;
        for (Instant h = from.minus(1, ChronoUnit.HOURS); ; h = h.minus(1, ChronoUnit.HOURS)) {
            Ops o = ops(h);
            e += o.kw() * o.runFraction();
            rt += o.runFraction();
            st += Math.round(well.spm() * 60 * o.runFraction());
            if (o.restart()) {
                break;
            }
        }
        energyKwh = e;
        runtimeHours = rt;
        strokes = st;
        day = Long.MIN_VALUE;
        carriedDay = Long.MIN_VALUE;
        runtimeCarried = 0;
        for (Instant h = from; h.isBefore(t); h = h.plus(1, ChronoUnit.HOURS)) {
            step(h, ops(h));
        }
    }

    /** Moves the counters over the hour starting at {@code t}. */
    private void step(Instant t, Ops o) {
        ZonedDateTime local = t.atZone(zone);
        long today = local.toLocalDate().toEpochDay();
        long midnight = local.toLocalDate().atStartOfDay(zone).toEpochSecond();
        double sinceMidnight = (t.getEpochSecond() - midnight) / 3600.0;
        double dayLength = (local.toLocalDate().plusDays(1).atStartOfDay(zone).toEpochSecond() - midnight) / 3600.0;
        // the reading counts the hour after it; in a half-hour zone the last one of the day crosses midnight: the
        // part of its hour before midnight is today's, the rest goes to the next day's counters
        double todaysShare = Math.min(1, dayLength - sinceMidnight);
        if (today != day) {
            day = today;
            runtimeToday = today == carriedDay ? runtimeCarried : 0;
            cyclesToday = 0;
            pumpOffsToday = 0;
        }
        if (!o.running()) {
            cyclesToday++;
        }
        if (o.fillage() < 70) {
            pumpOffsToday++;
        }
        if (o.restart()) {
            energyKwh = 0;
            runtimeHours = 0;
            strokes = 0;
        }
        energyKwh += o.kw() * o.runFraction();
        runtimeHours += o.runFraction();
        strokes += Math.round(well.spm() * 60 * o.runFraction());
        runtimeToday += o.runFraction() * todaysShare;
        runtimeCarried = o.runFraction() * (1 - todaysShare);
        carriedDay = today + 1;
    }

    private HourReadings readings(Instant t, Ops o) {
        SplittableRandom rng = hourRandom(key, t, VALUES_STREAM);
        double[] v = new double[ScadaTags.ALL.size()];
        ZonedDateTime local = t.atZone(zone);
        int hourOfDay = local.getHour();
        long midnight = local.toLocalDate().atStartOfDay(zone).toEpochSecond();
        double sinceMidnight = (t.getEpochSecond() - midnight) / 3600.0;
        double dayLength = (local.toLocalDate().plusDays(1).atStartOfDay(zone).toEpochSecond() - midnight) / 3600.0;
        double todaysShare = Math.min(1, dayLength - sinceMidnight);
        boolean running = o.running();
        double cycleHours = DECLINE_CYCLE_DAYS * 24.0;
        double ageDays = Math.floorMod(Math.floorDiv(t.getEpochSecond(), 3600) + phaseHours, (long) cycleHours) / 24.0;
        double decline = Math.exp(-well.declinePerDay() * ageDays);

        PumpProblem problem = o.problem();
        // volumetric efficiency (production over displacement: slippage, shrinkage) and the pump fillage the
        // controller reads off its card: near full on a healthy pump, the planted problem's from its onset
        double fill = clamp(well.volumetricEff() * 100 * noise(rng, 0.03), 35, 99.5);
        double fillage = o.fillage();
        double delivered = problem == null ? 1 : switch (problem) {
            case ROD_PART -> 0;
            case FLUID_POUND, GAS_INTERFERENCE -> problem.fillagePct() / 97;
            case TRAVELING_VALVE_LEAK -> 0.7;
            case PUMP_TAGGING -> 1;
        };
        double liquid = running ? well.pumpDisplacement() * fill / 100 * delivered * decline * noise(rng, 0.03) : 0;
        double wc = clamp(well.waterCut() * noise(rng, 0.01), 0, 0.99);
        double oil = liquid * (1 - wc);
        double gas = oil * well.gorScfBbl() / 1000 * noise(rng, 0.05);
        double spm = o.spm();

        double wrf = well.buoyantRodWeight();
        Dynacard[] hourCards = WellCards.hourCards(cards.shape(problem != null), o.cardScale(), rng);
        Dynacard card = hourCards[0];
        double maxLoad = running ? card.maxLoad() : wrf + 60;
        double minLoad = running ? card.minLoad() : wrf - 60;
        double fo = hourCards[1].maxLoad() - hourCards[1].minLoad();
        double cardArea = running ? card.area() : 0;
        double prhp = cardArea * spm / 396_000;
        double kw = o.kw();
        double cbe = (maxLoad + minLoad) / 2;
        double torque = running ? well.strokeIn() / 2 * (maxLoad - cbe) * 0.93 : 0;

        double ambient = 78 + 12 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24) + WellProfile.between(rng, -2, 2);
        double whp = well.tubingPsi() * noise(rng, 0.03);
        double flp = Math.max(5, whp - WellProfile.between(rng, 5, 15));
        double wellheadTemp = 90 + 0.25 * (well.reservoirTempF() - 90) + 0.2 * (ambient - 78) + noise(rng, 0.01) - 1;
        double fluidLevel = well.fluidLevelFt() + WellProfile.between(rng, -25, 25);
        double volts = 460 * noise(rng, 0.01);
        double pf = clamp(0.82 * noise(rng, 0.02), 0.5, 0.99);

        set(v, "well_head_pressure", whp);
        set(v, "casing_head_pressure", well.casingPsi() * noise(rng, 0.03));
        set(v, "flow_line_pressure", flp);
        set(v, "separator_pressure", Math.max(5, flp - WellProfile.between(rng, 5, 15)));
        set(v, "wellhead_temperature", wellheadTemp);
        set(v, "flow_line_temperature", wellheadTemp - WellProfile.between(rng, 2, 8));
        set(v, "ambient_temperature", ambient);
        set(v, "strokes_per_minute", spm);
        set(v, "stroke_length", well.strokeIn());
        set(v, "pump_fillage", running ? fillage : 0);
        set(v, "cycles_today", cyclesToday);
        set(v, "runtime_today_hours", runtimeToday);
        set(v, "idle_time_today_hours", Math.max(0, sinceMidnight + todaysShare - runtimeToday));
        set(v, "run_status", running ? 1 : 0);
        set(v, "vfd_frequency", running ? 60 * noise(rng, 0.01) : 0);
        set(v, "motor_speed_rpm", running ? 1180 * noise(rng, 0.005) : 0);
        set(v, "runtime_hours", runtimeHours);
        set(v, "stroke_counter", strokes);
        set(v, "pump_off_count_today", pumpOffsToday);
        set(v, "controller_mode", 1);
        set(v, "max_rod_load", maxLoad);
        set(v, "min_rod_load", minLoad);
        set(v, "card_area", cardArea);
        set(v, "gearbox_torque", torque);
        set(v, "structure_load_pct", maxLoad / 42_000 * 100);
        set(v, "counterbalance_effect", cbe);
        set(v, "polished_rod_hp", prhp);
        set(v, "fluid_load", running ? fo : 0);
        set(v, "plunger_stroke", running ? well.plungerStrokeIn() : 0);
        set(v, "rod_stress_pct", 35 + 50 * maxLoad / 40_000);
        set(v, "gearbox_load_pct", torque / well.gearboxRatingInLbf() * 100);
        set(v, "motor_current", running ? kw * 1000 / (Math.sqrt(3) * volts * pf) : 0);
        set(v, "motor_voltage", volts);
        set(v, "motor_power", kw);
        set(v, "power_factor", pf);
        set(v, "energy_kwh", energyKwh);
        set(v, "motor_temperature", ambient + 40 + kw * 0.8);
        set(v, "current_imbalance_pct", WellProfile.between(rng, 0.5, 4));
        set(v, "oil_rate", oil);
        set(v, "water_rate", liquid * wc);
        set(v, "gas_rate", gas);
        set(v, "liquid_rate", liquid);
        set(v, "bsw", wc * 100);
        set(v, "gor", oil > 0 ? gas * 1000 / oil : 0);
        set(v, "inferred_production", running ? well.pumpDisplacement() * fillage / 100 : 0);
        set(v, "casing_gas_rate", gas * 0.25);
        set(v, "chemical_injection_rate", WellProfile.between(rng, 1, 5));
        set(v, "tank_level", 2 + 16 * ((hourOfDay + 1) / 24.0));
        set(v, "fluid_level", fluidLevel);
        set(v, "pump_intake_pressure", well.casingPsi() + 0.433 * well.sgOil() * (well.pumpDepthFt() - fluidLevel));
        set(v, "pump_intake_temperature", well.reservoirTempF() - WellProfile.between(rng, 3, 8));
        set(v, "pump_discharge_pressure", well.tubingPsi() + 0.433 * well.sgMixture() * well.pumpDepthFt());
        set(v, "bottom_hole_pressure", well.pwf() * noise(rng, 0.02));
        set(v, "bottom_hole_temperature", well.reservoirTempF() * noise(rng, 0.005));
        set(v, "pump_efficiency_ctrl", running ? fill * noise(rng, 0.02) : 0);
        set(v, "pump_submergence", well.pumpDepthFt() - fluidLevel);
        set(v, "vibration_level", WellProfile.between(rng, 0.05, 0.3));
        set(v, "h2s_concentration", WellProfile.between(rng, 0, 8));
        set(v, "gas_detector_lel_pct", WellProfile.between(rng, 0, 3));
        set(v, "rtu_battery_voltage", WellProfile.between(rng, 12.6, 13.6));
        set(v, "signal_strength", -WellProfile.between(rng, 65, 90));
        set(v, "alarm_code", running ? 0 : 12);
        set(v, "sand_content_ppm", WellProfile.between(rng, 5, 40));
        return new HourReadings(t, v, card.toJson(), hourCards[1].toJson());
    }

    private static double noise(SplittableRandom rng, double relative) {
        return 1 + relative * (2 * rng.nextDouble() - 1);
    }

    private static void set(double[] v, String column, double value) {
        v[ScadaTags.index(column)] = value;
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** Readings of one hour of one well. */
    public record HourReadings(Instant time, double[] values, String dynacard, String downholeCard) {
    }
}

package com.bp010.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * Simulates one well hour by hour: readings of all 65 tags around the well's operating point, with noise, slow
 * decline, diurnal temperature, occasional stops, cumulative counters that only grow (and, rarely, restart from zero
 * as a replaced controller would), daily counters that reset at midnight, and every hour a surface card and the pump
 * card under it from the wave-equation forward model ({@link WellCards}), with a planted pump problem from its onset.
 */
public final class WellSimulator {
    /** Probability per hour of a stop (a pump-off, a power dip). */
    private static final double STOP_PROBABILITY = 0.02;
    /** Probability per hour that the controller's cumulative counters restart from zero. */
    private static final double COUNTER_RESTART_PROBABILITY = 1.0 / 2000;

    private final WellProfile well;
    private final SplittableRandom rng;
    private final Instant start;
    private final WellCards cards;
    private final Instant problemFrom;
    private final ZoneId zone;
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

    /**
     * @param cards       the well's card shapes (forward model)
     * @param problemFrom when the planted pump problem of {@code cards} starts showing (null: never)
     * @param zone        the controller's clock: its daily counters restart at this zone's midnight, so on the days
     *                    daylight saving time starts and ends its runtime today reaches 23 or 25 h, and never
 *                    more than the day's length (in a half-hour zone the hour after the day's last reading
 *                    is split at midnight)
     */
    public WellSimulator(WellProfile well, SplittableRandom rng, Instant start, WellCards cards, Instant problemFrom,
                         ZoneId zone) {
        this.zone = zone;
        this.well = well;
        this.rng = rng;
        this.start = start;
        this.cards = cards;
        this.problemFrom = problemFrom;
        this.energyKwh = Math.round(WellProfile.between(rng, 10_000, 900_000));
        this.runtimeHours = Math.round(WellProfile.between(rng, 1_000, 40_000));
        this.strokes = Math.round(runtimeHours * 60 * well.spm());
    }

    /** The readings of the hour starting at {@code t}: numbers by tag index, and the two cards as JSON text. */
    public HourReadings hour(Instant t) {
        return hour(t, false);
    }

    /** The readings of one hour; {@code stopped} forces the unit off for the whole hour (a planted downtime). */
    public HourReadings hour(Instant t, boolean stopped) {
        double[] v = new double[ScadaTags.ALL.size()];
        ZonedDateTime local = t.atZone(zone);
        long today = local.toLocalDate().toEpochDay();
        int hourOfDay = local.getHour();
        // hours since the controller's midnight (not the clock hour: 23 or 25 h make the days DST starts and ends)
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
        boolean running = rng.nextDouble() >= STOP_PROBABILITY && !stopped;
        double runFraction = running ? 1.0 : stopped ? 0 : WellProfile.between(rng, 0, 0.5);
        if (!running) {
            cyclesToday++;
        }
        double ageDays = (t.getEpochSecond() - start.getEpochSecond()) / 86_400.0;
        double decline = Math.exp(-well.declinePerDay() * Math.max(0, ageDays));

        PumpProblem problem = problemFrom != null && !t.isBefore(problemFrom) ? cards.planted() : null;
        // volumetric efficiency (production over displacement: slippage, shrinkage) and the pump fillage the
        // controller reads off its card: near full on a healthy pump, the planted problem's from its onset
        double fill = clamp(well.volumetricEff() * 100 * noise(0.03), 35, 99.5);
        double fillage = problem == null ? clamp(97 * noise(0.025), 85, 100)
                : clamp(problem.fillagePct() * noise(0.02), 0, 100);
        if (fillage < 70) {
            pumpOffsToday++;
        }
        double delivered = problem == null ? 1 : switch (problem) {
            case ROD_PART -> 0;
            case FLUID_POUND, GAS_INTERFERENCE -> problem.fillagePct() / 97;
            case TRAVELING_VALVE_LEAK -> 0.7;
            case PUMP_TAGGING -> 1;
        };
        double liquid = running ? well.pumpDisplacement() * fill / 100 * delivered * decline * noise(0.03) : 0;
        double wc = clamp(well.waterCut() * noise(0.01), 0, 0.99);
        double oil = liquid * (1 - wc);
        double gas = oil * well.gorScfBbl() / 1000 * noise(0.05);
        double spm = running ? well.spm() * noise(0.01) : 0;

        double wrf = well.buoyantRodWeight();
        Dynacard[] hourCards = WellCards.hourCards(cards.shape(problem != null), rng);
        Dynacard card = hourCards[0];
        double maxLoad = running ? card.maxLoad() : wrf + 60;
        double minLoad = running ? card.minLoad() : wrf - 60;
        double fo = hourCards[1].maxLoad() - hourCards[1].minLoad();
        double cardArea = running ? card.area() : 0;
        double prhp = cardArea * spm / 396_000;
        double kw = running ? prhp * 0.7457 / 0.62 * noise(0.03) : 0;
        double cbe = (maxLoad + minLoad) / 2;
        double torque = running ? well.strokeIn() / 2 * (maxLoad - cbe) * 0.93 : 0;

        if (rng.nextDouble() < COUNTER_RESTART_PROBABILITY) {
            energyKwh = 0;
            runtimeHours = 0;
            strokes = 0;
        }
        energyKwh += kw * runFraction;
        runtimeHours += runFraction;
        strokes += Math.round(well.spm() * 60 * runFraction);
        runtimeToday += runFraction * todaysShare;
        runtimeCarried = runFraction * (1 - todaysShare);
        carriedDay = today + 1;

        double ambient = 78 + 12 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24) + WellProfile.between(rng, -2, 2);
        double whp = well.tubingPsi() * noise(0.03);
        double flp = Math.max(5, whp - WellProfile.between(rng, 5, 15));
        double wellheadTemp = 90 + 0.25 * (well.reservoirTempF() - 90) + 0.2 * (ambient - 78) + noise(0.01) - 1;
        double fluidLevel = well.fluidLevelFt() + WellProfile.between(rng, -25, 25);
        double volts = 460 * noise(0.01);
        double pf = clamp(0.82 * noise(0.02), 0.5, 0.99);

        set(v, "well_head_pressure", whp);
        set(v, "casing_head_pressure", well.casingPsi() * noise(0.03));
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
        set(v, "vfd_frequency", running ? 60 * noise(0.01) : 0);
        set(v, "motor_speed_rpm", running ? 1180 * noise(0.005) : 0);
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
        set(v, "bottom_hole_pressure", well.pwf() * noise(0.02));
        set(v, "bottom_hole_temperature", well.reservoirTempF() * noise(0.005));
        set(v, "pump_efficiency_ctrl", running ? fill * noise(0.02) : 0);
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

    private double noise(double relative) {
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

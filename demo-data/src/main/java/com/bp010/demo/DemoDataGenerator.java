package com.bp010.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code bp010 generate}: writes, into one folder, a telemetry CSV ({@code landing_scada_data_*.csv}, hourly readings
 * of the 65 mapped SCADA tags for every well), a well master ({@code tbl_maestra_pozos.csv}) and a reserves file
 * ({@code reservas_pozos.xlsx} or {@code .csv}). Deterministic: the same options give byte-identical files.
 */
public final class DemoDataGenerator {
    private static final int LATE_HOURS = 3;

    public GeneratedSet generate(GeneratorOptions options, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<WellProfile> wells = new ArrayList<>(options.wells());
        for (int i = 0; i < options.wells(); i++) {
            wells.add(WellProfile.random(options.wellId(i), wellRandom(options, i)));
        }
        List<PlantedFault> planted = new ArrayList<>();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(java.time.ZoneOffset.UTC)
                .format(options.end());
        Path telemetry = outDir.resolve("landing_scada_data_" + options.prefix().toLowerCase() + "_" + stamp + ".csv");
        List<WellCards> cards = wellCards(options, wells);
        // each unit's gearbox sized for the torque its well's cards put on it (the cards do not depend on it)
        for (int i = 0; i < wells.size(); i++) {
            wells.set(i, wells.get(i).withGearboxFor(cards.get(i).peakTorque(wells.get(i).strokeIn())));
        }
        for (int i = 0; i < wells.size(); i++) {
            PumpProblem p = cards.get(i).planted();
            if (p != null) {
                planted.add(new PlantedFault(Fault.PUMP_PROBLEMS, wells.get(i).wellId(), options.start().toString(),
                        tagId("dynacard"), p.description(), p.pattern().name()));
            }
        }
        long readings;
        long badRows = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(telemetry, StandardCharsets.UTF_8), 1 << 20)) {
            w.write(options.withReceivedAt() ? "well_id,var_id,timestamp_lectura,measure,source_received_at\n"
                    : "well_id,var_id,timestamp_lectura,measure\n");
            readings = writeTelemetry(options, wells, cards, w, planted);
            if (options.faults().contains(Fault.BAD_ROWS)) {
                badRows = writeBadRows(options, w, planted);
            }
        }
        Path master = outDir.resolve("tbl_maestra_pozos.csv");
        WellMasterWriter.write(master, wells, options, planted);
        Path reserves = outDir.resolve(options.reservesXlsx() ? "reservas_pozos.xlsx" : "reservas_pozos.csv");
        ReservesWriter.write(reserves, wells, options);
        return new GeneratedSet(telemetry, master, reserves, wells.stream().map(WellProfile::wellId).toList(),
                options.start(), options.end(), readings, badRows, List.copyOf(planted));
    }

    /**
     * Where in the set a planted one-hour fault sits: the hour whose number since the epoch leaves {@code slot} modulo
     * the set's length, so every set holds it exactly once, at the same hour whatever its end (a set ending an hour
     * later holds the same readings for the hours both cover).
     */
    static boolean atSlot(GeneratorOptions o, Instant t, int slot) {
        return Math.floorMod(Math.floorDiv(t.getEpochSecond(), 3600), o.hours()) == slot;
    }

    /**
     * The planted downtime's hours: the first 12 readings of every {@code days}-th day on the controllers' clock (the
     * days whose number since the epoch is a multiple of {@code days}), from the day's first reading (00:30 in a
     * half-hour zone). A set of {@code days} days holds 12 such hours: one day's, or the end of one and the start of
     * the next when it cuts that day.
     */
    static boolean plantedDowntime(GeneratorOptions o, Instant t) {
        java.time.LocalDate d = t.atZone(o.zone()).toLocalDate();
        if (Math.floorMod(d.toEpochDay(), o.days()) != 0) {
            return false;
        }
        Instant first = ceilHour(d.atStartOfDay(o.zone()).toInstant());
        return !t.isBefore(first) && t.isBefore(first.plus(12, ChronoUnit.HOURS));
    }

    private static Instant ceilHour(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond() + 3599, 3600) * 3600);
    }

    private static SplittableRandom wellRandom(GeneratorOptions options, int index) {
        return new SplittableRandom(options.seed() * 1_000_003L + index);
    }

    /**
     * The forward model for every well (in parallel: tens of milliseconds each, independent, so the files stay the
     * same): the k-th pump problem on the k-th well when they are planted, never on the well whose master is made wrong.
     */
    private static List<WellCards> wellCards(GeneratorOptions o, List<WellProfile> wells) {
        int plantable = o.faults().contains(Fault.PUMP_PROBLEMS)
                ? Math.min(PumpProblem.values().length, wells.size() - (o.faults().contains(Fault.BAD_MASTER_DATA) ? 1 : 0))
                : 0;
        return IntStream.range(0, wells.size()).parallel()
                .mapToObj(i -> WellCards.of(wells.get(i), i < plantable ? PumpProblem.values()[i] : null))
                .toList();
    }

    private long writeTelemetry(GeneratorOptions o, List<WellProfile> wells, List<WellCards> cards, Writer w,
                                List<PlantedFault> planted) throws IOException {
        StringBuilder line = new StringBuilder(4096);
        long count = 0;
        for (int i = 0; i < wells.size(); i++) {
            WellProfile well = wells.get(i);
            boolean downWell = i == 1 && o.faults().contains(Fault.HALF_DAY_DOWNTIME);
            // the planted pump problem shows on every card (a pump that has it, whatever hour the set starts at)
            WellSimulator sim = new WellSimulator(well, WellSimulator.key(o.seed(), i), cards.get(i),
                    cards.get(i).planted() == null ? null : Instant.MIN,
                    downWell ? t -> plantedDowntime(o, t) : null, o.zone());
            boolean faulty = i == 0;
            PlantedFault downtimeFrom = null;
            int downtimeHours = 0;
            for (int h = 0; h < o.hours(); h++) {
                Instant t = o.start().plus(h, ChronoUnit.HOURS);
                WellSimulator.HourReadings hour = sim.hour(t);
                String ts = t.toString();
                String dynacard = hour.dynacard();
                double[] values = hour.values();
                if (downWell && plantedDowntime(o, t)) {
                    if (downtimeFrom == null || !plantedDowntime(o, t.minus(1, ChronoUnit.HOURS))) {
                        downtimeFrom = new PlantedFault(Fault.HALF_DAY_DOWNTIME, well.wellId(), ts,
                                tagId("strokes_per_minute"), "0", null);
                        downtimeHours = 0;
                    }
                    downtimeHours++;
                    if (h == o.hours() - 1 || !plantedDowntime(o, t.plus(1, ChronoUnit.HOURS))) {
                        planted.add(new PlantedFault(Fault.HALF_DAY_DOWNTIME, well.wellId(), downtimeFrom.timestamp(),
                                downtimeFrom.varId(), "0", downtimeHours
                                + " h stopped: running-only averages and volumetric efficiency unaffected"));
                    }
                }
                if (i == 2 && atSlot(o, t, o.hours() / 2) && o.faults().contains(Fault.COUNTER_GLITCH)) {
                    values[ScadaTags.index("energy_kwh")] = 0;
                    // a lone 0 between two readings: one at the set's edge is not one yet (or no longer)
                    if (h > 0 && h < o.hours() - 1) {
                        planted.add(new PlantedFault(Fault.COUNTER_GLITCH, well.wellId(), ts, tagId("energy_kwh"), "0",
                                "DQP-001"));
                    }
                }
                if (faulty && atSlot(o, t, 2) && o.faults().contains(Fault.OUT_OF_RANGE)) {
                    plantOutOfRange(well.wellId(), ts, values, planted);
                }
                if (faulty && atSlot(o, t, 4) && o.faults().contains(Fault.BAD_CARD)) {
                    dynacard = Dynacard.broken().toJson();
                    planted.add(new PlantedFault(Fault.BAD_CARD, well.wellId(), ts, tagId("dynacard"), dynacard,
                            "FORMATO"));
                }
                boolean late = faulty && atSlot(o, t, 3) && o.faults().contains(Fault.LATE_RECEIPT);
                if (late) {
                    planted.add(new PlantedFault(Fault.LATE_RECEIPT, well.wellId(), ts, null,
                            t.plus(LATE_HOURS, ChronoUnit.HOURS).toString(), "LATENCIA"));
                }
                SplittableRandom receipt = WellSimulator.hourRandom(WellSimulator.key(o.seed(), i), t, 3);
                for (ScadaTags.Tag tag : ScadaTags.ALL) {
                    line.setLength(0);
                    line.append(well.wellId()).append(',').append(tag.id()).append(',').append(ts).append(',');
                    if (tag.isText()) {
                        String card = tag.column().equals("dynacard") ? dynacard : hour.downholeCard();
                        line.append('"').append(card.replace("\"", "\"\"")).append('"');
                    } else {
                        NumberFormatter.appendFixed(line, values[tag.index()], decimals(tag.column()));
                    }
                    if (o.withReceivedAt()) {
                        long delayMs = late ? LATE_HOURS * 3_600_000L : 200 + receipt.nextInt(1_300);
                        line.append(',').append(t.plusMillis(delayMs));
                    }
                    line.append('\n');
                    w.append(line);
                    count++;
                }
            }
        }
        return count;
    }

    private static void plantOutOfRange(String wellId, String ts, double[] values, List<PlantedFault> planted) {
        Object[][] faults = {{"well_head_pressure", 9999.0}, {"pump_fillage", 130.0}, {"motor_current", -5.0}};
        for (Object[] f : faults) {
            String column = (String) f[0];
            values[ScadaTags.index(column)] = (Double) f[1];
            planted.add(new PlantedFault(Fault.OUT_OF_RANGE, wellId, ts, tagId(column),
                    NumberFormatter.fixed((Double) f[1], 2), "REPRESENTATIVIDAD"));
        }
    }

    private static long writeBadRows(GeneratorOptions o, Writer w, List<PlantedFault> planted) throws IOException {
        String well = o.wellId(0);
        String ts = o.end().plus(1, ChronoUnit.HOURS).toString();
        String[][] rows = {
                {well, tagId("well_head_pressure"), ts, "12.3.4", "WRONG_TYPE"},
                {well, tagId("casing_head_pressure"), "2024-13-45T99:00:00", "55", "BAD_TIMESTAMP"},
                {well, tagId("flow_line_pressure"), ts, "", "MISSING_FIELD"},
                {well, tagId("strokes_per_minute"), ts, "NaN", "NOT_FINITE"},
                {well, "IDN9999", ts, "1.5", "UNKNOWN_VARIABLE"},
                {o.prefix() + "-GHOST", tagId("well_head_pressure"), ts, "120.5", "UNKNOWN_WELL"},
        };
        for (String[] r : rows) {
            w.write(r[0] + "," + r[1] + "," + r[2] + "," + r[3] + (o.withReceivedAt() ? "," : "") + "\n");
            planted.add(new PlantedFault(Fault.BAD_ROWS, r[0], r[2], r[1], r[3], r[4]));
        }
        return rows.length;
    }

    private static String tagId(String column) {
        return ScadaTags.byColumn(column).id();
    }

    private static int decimals(String column) {
        return switch (column) {
            case "power_factor" -> 3;
            case "run_status", "controller_mode", "alarm_code", "cycles_today", "pump_off_count_today",
                 "stroke_counter" -> 0;
            default -> 2;
        };
    }
}

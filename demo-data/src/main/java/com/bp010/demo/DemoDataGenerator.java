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
    /** Readings (hours) at the end of the set whose cards show the planted pump problems. */
    public static final int PROBLEM_HOURS = 4;

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
        Instant problemFrom = options.end().minus(PROBLEM_HOURS - 1L, ChronoUnit.HOURS);
        for (int i = 0; i < wells.size(); i++) {
            PumpProblem p = cards.get(i).planted();
            if (p != null) {
                planted.add(new PlantedFault(Fault.PUMP_PROBLEMS, wells.get(i).wellId(),
                        (problemFrom.isBefore(options.start()) ? options.start() : problemFrom).toString(),
                        tagId("dynacard"), p.description(), p.pattern().name()));
            }
        }
        long readings;
        long badRows = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(telemetry, StandardCharsets.UTF_8), 1 << 20)) {
            w.write(options.withReceivedAt() ? "well_id,var_id,timestamp_lectura,measure,source_received_at\n"
                    : "well_id,var_id,timestamp_lectura,measure\n");
            readings = writeTelemetry(options, wells, cards, problemFrom, w, planted);
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

    /** The first reading hour of the set at or after {@code t} (readings are whole hours from the start). */
    static Instant firstReadingFrom(GeneratorOptions o, Instant t) {
        long seconds = t.getEpochSecond() - o.start().getEpochSecond();
        long hours = Math.floorDiv(seconds + 3599, 3600);
        return o.start().plus(hours, ChronoUnit.HOURS);
    }

    private long writeTelemetry(GeneratorOptions o, List<WellProfile> wells, List<WellCards> cards, Instant problemFrom,
                                Writer w, List<PlantedFault> planted) throws IOException {
        StringBuilder line = new StringBuilder(4096);
        long count = 0;
        for (int i = 0; i < wells.size(); i++) {
            WellProfile well = wells.get(i);
            SplittableRandom rng = wellRandom(o, i);
            WellProfile.random(well.wellId(), rng); // advance past the profile draws
            WellSimulator sim = new WellSimulator(well, rng, o.start(), cards.get(i), problemFrom, o.zone());
            // the day before the one the set ends in, on the controllers' clock: its first 12 readings are the planted
            // downtime (from its first reading: 00:30 in a half-hour zone)
            Instant downtime = firstReadingFrom(o, o.start().plus(o.hours(), ChronoUnit.HOURS).atZone(o.zone())
                    .toLocalDate().minusDays(1).atStartOfDay(o.zone()).toInstant());
            boolean downWell = i == 1 && o.faults().contains(Fault.HALF_DAY_DOWNTIME) && !downtime.isBefore(o.start());
            for (int h = 0; h < o.hours(); h++) {
                Instant t = o.start().plus(h, ChronoUnit.HOURS);
                boolean stopped = downWell && !t.isBefore(downtime) && t.isBefore(downtime.plus(12, ChronoUnit.HOURS));
                WellSimulator.HourReadings hour = sim.hour(t, stopped);
                String ts = t.toString();
                boolean faulty = i == 0;
                String dynacard = hour.dynacard();
                double[] values = hour.values();
                if (downWell && t.equals(downtime)) {
                    planted.add(new PlantedFault(Fault.HALF_DAY_DOWNTIME, well.wellId(), ts, tagId("strokes_per_minute"),
                            "0", "12 h stopped: running-only averages and volumetric efficiency unaffected"));
                }
                if (i == 2 && h == o.hours() / 2 && h > 0 && h < o.hours() - 1
                        && o.faults().contains(Fault.COUNTER_GLITCH)) {
                    values[ScadaTags.index("energy_kwh")] = 0;
                    planted.add(new PlantedFault(Fault.COUNTER_GLITCH, well.wellId(), ts, tagId("energy_kwh"), "0",
                            "DQP-001"));
                }
                if (faulty && h == 2 && o.faults().contains(Fault.OUT_OF_RANGE)) {
                    plantOutOfRange(well.wellId(), ts, values, planted);
                }
                if (faulty && h == Math.min(4, o.hours() - 1) && o.faults().contains(Fault.BAD_CARD)) {
                    dynacard = Dynacard.broken().toJson();
                    planted.add(new PlantedFault(Fault.BAD_CARD, well.wellId(), ts, tagId("dynacard"), dynacard,
                            "FORMATO"));
                }
                boolean late = faulty && h == Math.min(3, o.hours() - 1) && o.faults().contains(Fault.LATE_RECEIPT);
                if (late) {
                    planted.add(new PlantedFault(Fault.LATE_RECEIPT, well.wellId(), ts, null,
                            t.plus(LATE_HOURS, ChronoUnit.HOURS).toString(), "LATENCIA"));
                }
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
                        long delayMs = late ? LATE_HOURS * 3_600_000L : 200 + rng.nextInt(1_300);
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

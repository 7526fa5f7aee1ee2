package com.bp010.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataGeneratorTest {
    private static final Instant END = Instant.parse("2024-05-10T00:00:00Z");
    private static final Pattern ARRAY = Pattern.compile("\"(position|load)\":\\[([^\\]]*)\\]");

    @TempDir
    Path dir;

    /** One CSV line: well, tag, time, value (unquoted), received time. */
    private record Row(String well, String tag, String time, String value, String received) {
        static Row parse(String line) {
            String[] head = line.split(",", 4);
            String rest = head[3];
            String value;
            String received;
            if (rest.startsWith("\"")) {
                int end = rest.lastIndexOf('"');
                value = rest.substring(1, end).replace("\"\"", "\"");
                received = rest.substring(end + 1).replaceFirst("^,", "");
            } else {
                int comma = rest.indexOf(',');
                value = comma < 0 ? rest : rest.substring(0, comma);
                received = comma < 0 ? "" : rest.substring(comma + 1);
            }
            return new Row(head[0], head[1], head[2], value, received);
        }
    }

    private static List<Row> rows(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(Row.parse(line));
            }
        }
        return rows;
    }

    @Test
    void shouldWriteByteIdenticalFiles_whenRunTwiceWithTheSameOptions() throws IOException {
        GeneratorOptions options = GeneratorOptions.of(3, 2, END, 7);
        GeneratedSet a = new DemoDataGenerator().generate(options, dir.resolve("a"));
        GeneratedSet b = new DemoDataGenerator().generate(options, dir.resolve("b"));
        GeneratedSet c = new DemoDataGenerator().generate(GeneratorOptions.of(3, 2, END, 8), dir.resolve("c"));

        assertThat(Files.mismatch(a.telemetryFile(), b.telemetryFile())).isEqualTo(-1L);
        assertThat(Files.mismatch(a.wellMasterFile(), b.wellMasterFile())).isEqualTo(-1L);
        assertThat(Files.mismatch(a.telemetryFile(), c.telemetryFile())).isNotEqualTo(-1L);
    }

    @Test
    void shouldWriteEveryTagOfEveryWellHour_whenGenerating() throws IOException {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(4, 2, END, 1), dir);

        List<Row> rows = rows(set.telemetryFile());
        assertThat(set.readings()).isEqualTo(4L * 48 * 65);
        assertThat(rows).hasSize((int) set.readings());
        assertThat(set.wellIds()).containsExactly("DEMO-0001", "DEMO-0002", "DEMO-0003", "DEMO-0004");
        assertThat(set.wellHours()).isEqualTo(4L * 48);
        assertThat(rows.stream().map(Row::tag).distinct()).hasSize(65);
        assertThat(rows.stream().map(Row::time).distinct()).hasSize(48)
                .contains("2024-05-10T00:00:00Z", "2024-05-08T01:00:00Z");
        assertThat(Files.readAllLines(set.wellMasterFile())).hasSize(5);
        assertThat(set.reservesFile().getFileName().toString()).isEqualTo("reservas_pozos.xlsx");
    }

    @Test
    void shouldFollowThePhysics_whenReadingsAreGroupedByWellHour() throws IOException {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(20, 5, END, 3), dir);
        Map<String, Map<String, String>> byWellHour = new HashMap<>();
        for (Row r : rows(set.telemetryFile())) {
            byWellHour.computeIfAbsent(r.well() + "|" + r.time(), k -> new HashMap<>()).put(r.tag(), r.value());
        }
        Map<String, Double> lastEnergy = new HashMap<>();
        int counterRestarts = 0;
        for (Map.Entry<String, Map<String, String>> e : new java.util.TreeMap<>(byWellHour).entrySet()) {
            Map<String, String> v = e.getValue();
            double max = num(v, "max_rod_load");
            double min = num(v, "min_rod_load");
            assertThat(max).as("PPRL > MPRL at %s", e.getKey()).isGreaterThan(min);
            assertThat(min).as("MPRL > 0").isPositive();
            assertThat(num(v, "well_head_pressure")).as("WHP < FBHP").isLessThan(num(v, "bottom_hole_pressure"));
            assertThat(num(v, "casing_head_pressure")).as("CHP < FBHP").isLessThan(num(v, "bottom_hole_pressure"));
            assertThat(num(v, "pump_fillage")).isBetween(0.0, 100.0);
            assertThat(num(v, "bsw")).isBetween(0.0, 100.0);
            assertThat(num(v, "motor_power")).isBetween(0.0, 75.0);
            assertThat(num(v, "motor_current")).isBetween(0.0, 200.0);
            assertThat(num(v, "strokes_per_minute")).isBetween(0.0, 15.0);
            assertThat(num(v, "well_head_pressure")).isBetween(0.0, 500.0);
            assertThat(num(v, "casing_head_pressure")).isBetween(0.0, 300.0);
            assertThat(num(v, "oil_rate") + num(v, "water_rate")).isCloseTo(num(v, "liquid_rate"),
                    org.assertj.core.data.Offset.offset(0.05));
            assertCard(v.get(ScadaTags.byColumn("dynacard").id()));
            String well = e.getKey().substring(0, e.getKey().indexOf('|'));
            double energy = num(v, "energy_kwh");
            Double previous = lastEnergy.put(well, energy);
            if (previous != null && energy < previous) {
                counterRestarts++;
                assertThat(energy).as("a restarted counter starts near zero").isLessThan(100);
            }
        }
        assertThat(counterRestarts).as("restarts are occasional").isLessThan(5);
    }

    @Test
    void shouldStopOneWellHalfADayAndZeroOneEnergyReading_whenDowntimeAndGlitchAreAsked() throws IOException {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(3, 3, END, 5)
                .withFaults(EnumSet.of(Fault.HALF_DAY_DOWNTIME, Fault.COUNTER_GLITCH)), dir);

        List<Row> rows = rows(set.telemetryFile());
        PlantedFault down = set.planted().stream().filter(p -> p.fault() == Fault.HALF_DAY_DOWNTIME).findFirst()
                .orElseThrow();
        java.time.Instant from = java.time.Instant.parse(down.timestamp());
        String spm = ScadaTags.byColumn("strokes_per_minute").id();
        assertThat(rows).filteredOn(r -> r.well().equals(down.wellId()) && r.tag().equals(spm)
                        && !java.time.Instant.parse(r.time()).isBefore(from)
                        && java.time.Instant.parse(r.time()).isBefore(from.plusSeconds(12 * 3600)))
                .hasSize(12).allSatisfy(r -> assertThat(Double.parseDouble(r.value())).isZero());
        PlantedFault glitch = set.planted().stream().filter(p -> p.fault() == Fault.COUNTER_GLITCH).findFirst()
                .orElseThrow();
        assertThat(rows).filteredOn(r -> r.well().equals(glitch.wellId()) && r.time().equals(glitch.timestamp())
                        && r.tag().equals(glitch.varId()))
                .singleElement().satisfies(r -> assertThat(Double.parseDouble(r.value())).isZero());
    }

    @Test
    void shouldRestartDailyCountersAtTheFieldsMidnight_whenTheControllersKeepItsClock() throws IOException {
        // Chicago, the day DST ends (2024-11-03, 25 clock hours): local 2024-11-02 01:00 CDT to 2024-11-04 23:00 CST
        java.time.ZoneId chicago = java.time.ZoneId.of("America/Chicago");
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(2, 3,
                Instant.parse("2024-11-05T05:00:00Z"), 3).withZone(chicago), dir);

        String runtime = ScadaTags.byColumn("runtime_today_hours").id();
        String idle = ScadaTags.byColumn("idle_time_today_hours").id();
        Map<String, Double> sums = new HashMap<>();
        Map<String, Double> runtimes = new HashMap<>();
        for (Row r : rows(set.telemetryFile())) {
            if (r.tag().equals(runtime) || r.tag().equals(idle)) {
                sums.merge(r.well() + "|" + r.time(), Double.parseDouble(r.value()), Double::sum);
            }
            if (r.tag().equals(runtime)) {
                runtimes.put(r.well() + "|" + r.time(), Double.parseDouble(r.value()));
            }
        }
        Map<java.time.LocalDate, Double> dayMax = new HashMap<>();
        sums.forEach((key, sum) -> {
            Instant t = Instant.parse(key.substring(key.indexOf('|') + 1));
            java.time.LocalDate day = t.atZone(chicago).toLocalDate();
            double sinceMidnight = (t.getEpochSecond() - day.atStartOfDay(chicago).toEpochSecond()) / 3600.0;
            // runtime + idle today = the controller's hours since its midnight, the reading's hour included
            assertThat(sum).as(key).isCloseTo(sinceMidnight + 1, org.assertj.core.data.Offset.offset(1e-6));
            if (sinceMidnight == 0) {
                assertThat(runtimes.get(key)).as("runtime today at local midnight, " + key).isLessThanOrEqualTo(1.0);
            }
            dayMax.merge(day, sum, Math::max);
        });
        assertThat(dayMax).containsEntry(java.time.LocalDate.parse("2024-11-03"), 25.0)
                .containsEntry(java.time.LocalDate.parse("2024-11-04"), 24.0);
    }

    @Test
    void shouldPlantTheHalfDayDowntimeFromTheDaysFirstReading_whenTheFieldIsInAHalfHourZone() throws IOException {
        // Kolkata, +05:30: the day starts at 18:30 UTC, between two readings; the downtime starts at the next one
        // (of 8 May, the set's day whose number since the epoch is a multiple of its 3 days)
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(3, 3, END, 7)
                .withFaults(EnumSet.of(Fault.HALF_DAY_DOWNTIME)).withZone(kolkata), dir);

        assertThat(set.planted()).filteredOn(p -> p.fault() == Fault.HALF_DAY_DOWNTIME).singleElement()
                .satisfies(p -> assertThat(p.timestamp()).isEqualTo("2024-05-07T19:00:00Z"));
        String spm = ScadaTags.byColumn("strokes_per_minute").id();
        assertThat(rows(set.telemetryFile())).filteredOn(r -> r.well().equals(set.wellIds().get(1))
                        && r.tag().equals(spm) && Double.parseDouble(r.value()) == 0
                        && r.time().compareTo("2024-05-07T19:00:00Z") >= 0 && r.time().compareTo("2024-05-08T07:00:00Z") < 0)
                .hasSize(12);
    }

    @Test
    void shouldWriteTheSameFiles_whenTheControllersKeepUtcAsBefore() throws IOException {
        GeneratorOptions options = GeneratorOptions.of(3, 2, END, 7)
                .withFaults(EnumSet.of(Fault.HALF_DAY_DOWNTIME, Fault.COUNTER_GLITCH));
        GeneratedSet utc = new DemoDataGenerator().generate(options, dir.resolve("default"));
        GeneratedSet named = new DemoDataGenerator().generate(options.withZone(java.time.ZoneId.of("UTC")),
                dir.resolve("named"));
        GeneratedSet bogota = new DemoDataGenerator().generate(
                options.withZone(java.time.ZoneId.of("America/Bogota")), dir.resolve("bogota"));

        assertThat(Files.mismatch(utc.telemetryFile(), named.telemetryFile())).isEqualTo(-1L);
        assertThat(Files.mismatch(utc.telemetryFile(), bogota.telemetryFile())).isNotEqualTo(-1L);
        // the planted downtime starts at the field's midnight: 05:00 UTC in Bogota
        assertThat(bogota.planted()).filteredOn(p -> p.fault() == Fault.HALF_DAY_DOWNTIME).singleElement()
                .satisfies(p -> assertThat(p.timestamp()).endsWith("T05:00:00Z"));
    }

    @Test
    void shouldSizeEachWellsGearboxForItsTorque_whenGeneratingManySeeds() throws IOException {
        // the peak gearbox torque semaphore judges each well against its master's rating: every well runs below its
        // gearbox (as a field sizes a unit to its load), on a unit not absurdly large for it, pump problems included
        int wells = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Path out = dir.resolve("seed" + seed);
            GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(12, 1, END, seed)
                    .withFaults(EnumSet.allOf(Fault.class)), out);
            Map<String, Double> rating = new HashMap<>();
            List<String> master = Files.readAllLines(set.wellMasterFile());
            for (String line : master.subList(1, master.size())) {
                String[] cells = line.split(",");
                rating.put(cells[0], Double.parseDouble(cells[cells.length - 2])); // capacidad_caja_engranajes
            }
            Map<String, Double> peak = new HashMap<>();
            String torqueTag = ScadaTags.byColumn("gearbox_torque").id();
            for (Row r : rows(set.telemetryFile())) {
                if (r.tag().equals(torqueTag) && set.wellIds().contains(r.well())) {
                    peak.merge(r.well(), Double.parseDouble(r.value()), Math::max);
                }
            }
            assertThat(peak.keySet()).as("seed %d", seed).isEqualTo(rating.keySet());
            for (Map.Entry<String, Double> e : peak.entrySet()) {
                double r = rating.get(e.getKey());
                assertThat(e.getValue()).as("seed %d %s: peak torque of its %.0fD gearbox", seed, e.getKey(), r / 1000)
                        .isLessThanOrEqualTo(r) // not over its rating: not critical
                        .isLessThanOrEqualTo(456_000.0 / 640_000 * r) // nor warning (the catalogue's max_warning)
                        // the parted rod's well (every card of it) runs light on the unit sized for it before
                        .isGreaterThanOrEqualTo(e.getKey().equals("DEMO-0005") ? 0 : 0.4 * r);
                wells++;
            }
        }
        assertThat(wells).isEqualTo(8 * 12);
    }

    @Test
    void shouldPlantEachFaultWhereItSays_whenFaultsAreAsked() throws IOException {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(3, 1, END, 5)
                .withFaults(EnumSet.allOf(Fault.class)), dir);

        List<Row> rows = rows(set.telemetryFile());
        assertThat(set.badRows()).isEqualTo(6);
        assertThat(rows).hasSize((int) (set.readings() + set.badRows()));
        assertThat(set.planted()).filteredOn(p -> p.fault() == Fault.BAD_ROWS).extracting(PlantedFault::expected)
                .containsExactly("WRONG_TYPE", "BAD_TIMESTAMP", "MISSING_FIELD", "NOT_FINITE", "UNKNOWN_VARIABLE",
                        "UNKNOWN_WELL");
        for (PlantedFault p : set.planted()) {
            if (p.fault() == Fault.OUT_OF_RANGE || p.fault() == Fault.BAD_CARD) {
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.well()).isEqualTo(p.wellId());
                    assertThat(r.time()).isEqualTo(p.timestamp());
                    assertThat(r.tag()).isEqualTo(p.varId());
                    assertThat(r.value()).isEqualTo(p.value());
                });
            }
        }
        PlantedFault late = set.planted().stream().filter(p -> p.fault() == Fault.LATE_RECEIPT).findFirst()
                .orElseThrow();
        assertThat(rows).filteredOn(r -> r.well().equals(late.wellId()) && r.time().equals(late.timestamp()))
                .hasSize(65).allSatisfy(r -> assertThat(r.received()).isEqualTo(late.value()));
        assertThat(Files.readAllLines(set.wellMasterFile()).get(3)).contains(",800.000,745,");
        // pump problems on the first wells' cards (never on the last, whose master is wrong), on every card
        String start = set.firstReading().toString();
        assertThat(set.planted()).filteredOn(p -> p.fault() == Fault.PUMP_PROBLEMS)
                .extracting(PlantedFault::wellId, PlantedFault::expected, PlantedFault::timestamp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DEMO-0001", "FLUID_POUND", start),
                        org.assertj.core.groups.Tuple.tuple("DEMO-0002", "GAS_INTERFERENCE", start));
        // the controller's fillage follows the card: the planted 55 % on the problem well, a full pump's elsewhere
        String fillage = ScadaTags.byColumn("pump_fillage").id();
        assertThat(rows).filteredOn(r -> r.well().equals("DEMO-0001") && r.tag().equals(fillage)
                        && Double.parseDouble(r.value()) > 0 && Double.parseDouble(r.value()) <= 100) // not the 130 %
                .hasSizeGreaterThan(20)
                .allSatisfy(r -> assertThat(Double.parseDouble(r.value())).isLessThan(60));
        assertThat(rows).filteredOn(r -> r.well().equals("DEMO-0003") && r.tag().equals(fillage)
                        && Double.parseDouble(r.value()) > 0)
                .isNotEmpty().allSatisfy(r -> assertThat(Double.parseDouble(r.value())).isGreaterThan(85));
    }

    @Test
    void shouldWriteTheSameReadingsForTheHoursBothCover_whenTheSetEndsAnHourOrADayLater() throws IOException {
        // what a user rerunning the demo an hour later ingests: every hour both sets hold reads the same, faults
        // included, so the second ingest revises nothing and only adds the new hours
        GeneratorOptions first = GeneratorOptions.of(6, 3, Instant.parse("2024-05-10T13:00:00Z"), 42)
                .withFaults(EnumSet.allOf(Fault.class)).withZone(java.time.ZoneId.of("America/Bogota"));
        GeneratedSet base = new DemoDataGenerator().generate(first, dir.resolve("h"));
        Map<String, String> readings = readings(base);
        for (int later : new int[] {1, 25}) {
            GeneratorOptions o = new GeneratorOptions(first.wells(), first.days(),
                    first.end().plusSeconds(3600L * later), first.seed(), first.prefix(), first.faults(),
                    first.withReceivedAt(), first.reservesXlsx(), first.zone());
            GeneratedSet next = new DemoDataGenerator().generate(o, dir.resolve("h" + later));
            Map<String, String> nextReadings = readings(next);
            Map<String, String> overlap = new HashMap<>(readings);
            overlap.keySet().retainAll(nextReadings.keySet());
            assertThat(overlap).as("hours both sets hold, %d h later", later)
                    .hasSize(6 * 65 * (72 - later));
            Map<String, String> nextOverlap = new HashMap<>(nextReadings);
            nextOverlap.keySet().retainAll(overlap.keySet());
            assertThat(nextOverlap).as("%d h later", later).isEqualTo(overlap);
            // and every planted fault is still in the set
            assertThat(next.planted()).extracting(PlantedFault::fault).containsAll(EnumSet.allOf(Fault.class));
            assertThat(next.planted().stream().filter(p -> p.fault() == Fault.HALF_DAY_DOWNTIME)
                    .mapToInt(p -> Integer.parseInt(p.expected().substring(0, p.expected().indexOf(' ')))).sum())
                    .as("12 h of downtime in every set").isEqualTo(12);
        }
    }

    /** Every reading of a set (unreadable rows left out) by well, tag and time. */
    private static Map<String, String> readings(GeneratedSet set) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (Row r : rows(set.telemetryFile())) {
            Instant t;
            try {
                t = Instant.parse(r.time());
            } catch (java.time.format.DateTimeParseException e) {
                continue;
            }
            if (!t.isAfter(set.lastReading())) {
                m.put(r.well() + "|" + r.tag() + "|" + r.time(), r.value());
            }
        }
        return m;
    }

    /** The bench's ingest size; how fast it is written is the bench's business (no timing asserted on a shared CI). */
    @Test
    void shouldWriteAMillionReadings_whenBenchmarksNeedThem() throws IOException {
        GeneratedSet set = new DemoDataGenerator().generate(GeneratorOptions.of(100, 7, END, 11), dir);

        assertThat(set.readings()).isGreaterThan(1_000_000);
        try (var lines = Files.lines(set.telemetryFile())) {
            assertThat(lines.count()).as("one line per reading, plus the header").isEqualTo(set.readings() + 1);
        }
    }

    private static void assertCard(String json) {
        Matcher m = ARRAY.matcher(json);
        List<double[]> arrays = new ArrayList<>();
        while (m.find()) {
            String[] parts = m.group(2).split(",");
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Double.parseDouble(parts[i]);
            }
            arrays.add(values);
        }
        assertThat(arrays).hasSize(2);
        double[] position = arrays.get(0);
        double[] load = arrays.get(1);
        assertThat(position.length).isEqualTo(load.length).isGreaterThanOrEqualTo(20);
        assertThat(position[0]).isEqualTo(position[position.length - 1]);
        assertThat(load[0]).isEqualTo(load[load.length - 1]);
    }

    private static double num(Map<String, String> values, String column) {
        return Double.parseDouble(values.get(ScadaTags.byColumn(column).id()));
    }
}

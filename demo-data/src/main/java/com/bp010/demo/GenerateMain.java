package com.bp010.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code generate --wells N --days D --out DIR [--seed S] [--end ISO] [--prefix P] [--faults a,b|all]
 * [--no-received-at] [--reserves xlsx|csv]}: the generator on its own (the {@code bp010 generate} command calls
 * {@link DemoDataGenerator} the same way). Prints a one-line JSON summary.
 */
public final class GenerateMain {
    private GenerateMain() {
    }

    public static void main(String[] args) throws Exception {
        int wells = 10;
        int days = 3;
        long seed = 42;
        Path out = null;
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String prefix = "DEMO";
        String faults = "";
        boolean received = true;
        boolean xlsx = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "generate" -> { }
                case "--wells" -> wells = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--end" -> end = Instant.parse(args[++i]);
                case "--prefix" -> prefix = args[++i];
                case "--faults" -> faults = args[++i];
                case "--no-received-at" -> received = false;
                case "--reserves" -> xlsx = !"csv".equalsIgnoreCase(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        GeneratorOptions options = new GeneratorOptions(wells, days, end, seed, prefix, Fault.parse(faults),
                received, xlsx);
        long t0 = System.nanoTime();
        GeneratedSet set = new DemoDataGenerator().generate(options, out);
        System.out.printf("{\"telemetry\":\"%s\",\"wellMaster\":\"%s\",\"reserves\":\"%s\",\"wells\":%d,"
                        + "\"readings\":%d,\"badRows\":%d,\"from\":\"%s\",\"to\":\"%s\",\"durationMs\":%d}%n",
                set.telemetryFile(), set.wellMasterFile(), set.reservesFile(), set.wellIds().size(), set.readings(),
                set.badRows(), set.firstReading(), set.lastReading(), (System.nanoTime() - t0) / 1_000_000);
    }
}

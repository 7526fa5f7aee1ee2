package com.bp010.local;

import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.Fault;
import com.bp010.demo.GeneratedSet;
import com.bp010.demo.GeneratorOptions;
import com.bp010.db.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bp010 generate --wells N --days D --out DIR [--seed S] [--end ISO]}: deterministic, physically plausible
 * telemetry (hourly readings of the 65 mapped SCADA ids), a well master and reserves, in the ingest formats.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write deterministic demo telemetry, a well master and reserves in the ingest formats.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--wells", defaultValue = "10", description = "number of wells (default ${DEFAULT-VALUE})")
    int wells;

    @Option(names = "--days", defaultValue = "3", description = "days of hourly readings (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--end", paramLabel = "ISO", description = "last reading hour (default: the current hour)")
    Instant end;

    @Option(names = "--prefix", defaultValue = "DEMO", description = "well id prefix (default ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--faults", defaultValue = "", paramLabel = "LIST",
            description = "faults to plant: all, none, or a comma-separated list of out-of-range, late-receipt,"
                    + " bad-card, bad-master-data, bad-rows, pump-problems, half-day-downtime, counter-glitch"
                    + " (default: none)")
    String faults;

    @Option(names = "--no-received-at", description = "omit source_received_at (a backfill from files)")
    boolean noReceivedAt;

    @Option(names = "--zone", paramLabel = "IANA",
            description = "the controllers' time zone: their daily counters restart at its midnight (default:"
                    + " BP010_TIMEZONE, else UTC; use the field's, as the pipeline does)")
    String zone;

    @Option(names = "--reserves", defaultValue = "xlsx", description = "reserves as xlsx or csv (default ${DEFAULT-VALUE})")
    String reserves;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(spec, "--wells", wells, 1, 100_000);
        OptionChecks.atLeast(spec, "--days", days, 1, 3_660);
        java.util.Set<Fault> planted = OptionChecks.faults(spec, faults);
        if (!"xlsx".equalsIgnoreCase(reserves) && !"csv".equalsIgnoreCase(reserves)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reserves must be xlsx or csv, got '"
                    + reserves + "'");
        }
        Instant last = end != null ? end.truncatedTo(ChronoUnit.HOURS) : Instant.now().truncatedTo(ChronoUnit.HOURS);
        if (end != null && !end.equals(last)) {
            // the generator works in whole hours: say so, and the summary's "to" is the end it used
            System.err.println("bp010 generate: --end " + end + " is not a whole hour: the generator writes hourly"
                    + " readings, so they end at " + last);
        }
        java.time.ZoneId controllers = OptionChecks.zone(spec, "--zone", zone);
        GeneratorOptions options = new GeneratorOptions(wells, days, last, seed, prefix, planted,
                !noReceivedAt, !"csv".equalsIgnoreCase(reserves), controllers);
        long start = System.nanoTime();
        GeneratedSet set = new DemoDataGenerator().generate(options, OutputFolder.create("--out", out));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("telemetry", set.telemetryFile().toString());
        summary.put("wellMaster", set.wellMasterFile().toString());
        summary.put("reserves", set.reservesFile().toString());
        summary.put("wells", set.wellIds().size());
        summary.put("readings", set.readings());
        summary.put("badRows", set.badRows());
        summary.put("from", set.firstReading().toString());
        summary.put("to", set.lastReading().toString());
        summary.put("zone", options.zone().getId());
        summary.put("durationMs", (System.nanoTime() - start) / 1_000_000);
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return 0;
    }
}

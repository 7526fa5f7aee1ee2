package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.FieldTimeZone;
import com.bp010.demo.Fault;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Set;

/**
 * Checks of command-line options, run before any database work: a wrong value is a usage error (exit 2) whose message
 * names the option, the value and what it may be.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    static void atLeast(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be between " + min + " and "
                    + max + ", got " + value);
        }
    }

    /**
     * A time zone option ({@code option}), else {@code BP010_TIMEZONE}, else UTC; a name that is not in the IANA
     * database is a usage error naming where it came from.
     */
    static java.time.ZoneId zone(CommandSpec spec, String option, String value) {
        String source = value != null ? option : "BP010_TIMEZONE";
        String name = value != null ? value : System.getenv().getOrDefault("BP010_TIMEZONE", "UTC");
        try {
            return FieldTimeZone.parse(source, name).zone();
        } catch (Bp010Exception e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.reason());
        }
    }

    /** {@code --faults}: all, none, or a comma-separated list of the fault names, which a wrong one lists. */
    static Set<Fault> faults(CommandSpec spec, String list) {
        try {
            return Fault.parse(list);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--faults: " + e.getMessage());
        }
    }
}

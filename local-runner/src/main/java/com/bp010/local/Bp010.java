package com.bp010.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bp010} command: the four real Lambda handlers run locally against PostgreSQL, demo data and benchmarks.
 * Responses go to stdout, JSON logs to stderr.
 */
@Command(name = "bp010", mixinStandardHelpOptions = true, version = "bp010 1.0",
        description = "Run the BP010 pipeline's Lambda handlers locally against PostgreSQL.",
        subcommands = {DemoCommand.class, ReportCommand.class, InvokeCommand.class, GenerateCommand.class,
                BenchCommand.class, CardsCommand.class})
public final class Bp010 implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code (for tests). {@code --debug}, anywhere, adds stack traces to
     * the one- or two-line error messages (see {@link CliErrors}).
     */
    public static int run(String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        String[] rest = java.util.Arrays.stream(args).filter(a -> !"--debug".equals(a)).toArray(String[]::new);
        return new CommandLine(new Bp010()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new CliErrors(debug)).execute(rest);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command: a usage error (exit 2, the usage on stderr), not a success a script would take for a run. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()) + " (bp010 COMMAND --help says more)");
    }
}

package com.bp010.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bp010 cards ...}: dynamometer card tools that need no database (see docs/CARDS.md). */
@Command(name = "cards", mixinStandardHelpOptions = true,
        description = "Dynamometer card tools (no database): diagnose cards from a file.",
        subcommands = {CardsDiagnoseCommand.class})
final class CardsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No subcommand: a usage error (exit 2), as for {@code bp010} alone. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()) + " (bp010 cards diagnose --help says more)");
    }
}

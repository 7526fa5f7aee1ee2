package com.bp010.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bp010 cards ...}: dynamometer card tools that need no database (see docs/CARDS.md). */
@Command(name = "cards", mixinStandardHelpOptions = true,
        description = "Dynamometer card tools (no database): diagnose cards from a file.",
        subcommands = {CardsDiagnoseCommand.class})
final class CardsCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}

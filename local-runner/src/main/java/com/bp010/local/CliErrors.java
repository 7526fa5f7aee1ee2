package com.bp010.local;

import com.bp010.db.Bp010Exception;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * How a {@code bp010} command reports a failure: one or two lines on stderr (the error code and the message, which
 * says what to do), exit 1; the stack trace only with {@code --debug}. A command that prints a JSON failure report on
 * stdout (invoke) does so itself and exits 1 without reaching here.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    private final boolean debug;

    CliErrors(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(line(cmd.getCommandName(), e));
        if (debug) {
            e.printStackTrace(err);
        } else if (!(e instanceof Bp010Exception)) {
            err.println("  (run again with --debug for the stack trace)");
        }
        err.flush();
        return 1;
    }

    /** {@code bp010 <command>: <CODE>: <message>}, on one line (a server message's own line breaks joined). */
    static String line(String command, Throwable e) {
        return raw(command, e).replaceAll("\\s*\\R\\s*", " ");
    }

    private static String raw(String command, Throwable e) {
        String prefix = "bp010 " + command + ": ";
        if (e instanceof Bp010Exception b) {
            return prefix + b.code() + ": " + b.reason();
        }
        if (e instanceof NoSuchFileException missing) {
            return prefix + "BAD_INPUT: no file " + missing.getFile() + ": check the path";
        }
        if (e instanceof AccessDeniedException denied) {
            return prefix + "BAD_INPUT: cannot read " + denied.getFile() + ": check its permissions";
        }
        if (e instanceof IllegalArgumentException) {
            return prefix + "BAD_INPUT: " + e.getMessage();
        }
        return prefix + "INTERNAL: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

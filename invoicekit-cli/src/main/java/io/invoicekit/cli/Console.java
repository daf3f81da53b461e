package io.invoicekit.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a run of the tool talks to: its environment (passwords come from here, never from the
 * command line), stdout for the command's output only, stderr for progress and errors.
 */
record Console(Map<String, String> environment, PrintStream out, PrintStream err) {

    /** A line on stderr saying what a long step is doing, so that stdout stays clean for --json. */
    void progress(String message) {
        err.println("invoicekit: " + message);
        err.flush();
    }
}

package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one step found.
 *
 * @param verdict how it came out
 * @param counts  one line of counts, for check's summary: {@code 0 findings}, {@code 11 checks: ...}
 * @param text    the step's full report for people
 * @param json    the step's full report for machines
 */
record StepResult(Verdict verdict, String counts, String text, ObjectNode json) {
}

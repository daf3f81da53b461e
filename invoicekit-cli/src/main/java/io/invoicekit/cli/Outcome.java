package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a command found, in both forms: the text for people and the JSON document for machines;
 * the run prints one of them.
 */
record Outcome(Verdict verdict, String text, ObjectNode json) {
}

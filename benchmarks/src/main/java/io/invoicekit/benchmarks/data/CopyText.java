package io.invoicekit.benchmarks.data;

import java.math.BigDecimal;

/**
 * Rows in PostgreSQL's COPY text format: fields separated by tabs, {@code \N} for NULL, and
 * backslash, tab, newline and carriage return escaped inside a value.
 */
final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 20);
    private boolean lineStarted;

    CopyText field(Object value) {
        if (lineStarted) {
            text.append('\t');
        }
        lineStarted = true;
        switch (value) {
            case null -> text.append("\\N");
            case BigDecimal number -> text.append(number.toPlainString());
            case String string -> escape(string);
            default -> text.append(value);
        }
        return this;
    }

    void endLine() {
        text.append('\n');
        lineStarted = false;
    }

    int length() {
        return text.length();
    }

    /** The text gathered so far, and starts again empty. */
    String drain() {
        String drained = text.toString();
        text.setLength(0);
        return drained;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}

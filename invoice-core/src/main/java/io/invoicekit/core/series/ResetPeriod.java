package io.invoicekit.core.series;

/**
 * When a series starts counting again from 1, keyed on the issue date: never, on the first of
 * January, or on the first of each month. A series that restarts has the period in its numbers
 * ({@link NumberPattern#check}), so that two periods never give the same number.
 */
public enum ResetPeriod {
    NEVER,
    YEARLY,
    MONTHLY
}

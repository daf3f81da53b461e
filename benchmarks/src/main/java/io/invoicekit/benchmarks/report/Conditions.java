package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.DataSetLoader.LoadedDataSet;
import io.invoicekit.benchmarks.data.DataSetPlan;
import java.time.LocalDate;

/**
 * What a report's numbers were measured on and with: without these a latency means nothing.
 *
 * @param server how the database was provided (embedded, or the URL given)
 */
public record Conditions(Scale scale, DataSetPlan plan, LoadedDataSet loaded, Machine machine, String server,
                         LocalDate date) {
}

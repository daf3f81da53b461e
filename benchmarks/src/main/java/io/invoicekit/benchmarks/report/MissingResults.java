package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.operations.Variant;
import java.util.ArrayList;
import java.util.List;

/** What a measurement plan measures that the results have nothing for, one line each. */
final class MissingResults {

    private final MeasurementPlan plan;
    private final Results results;

    MissingResults(MeasurementPlan plan, Results results) {
        this.plan = plan;
        this.results = results;
    }

    List<String> list() {
        List<String> missing = new ArrayList<>();
        for (MeasurementPlan.Run run : plan.operations()) {
            for (String tenant : run.tenants()) {
                for (String context : run.contexts()) {
                    if (results.find(run.operation(), run.variant(), tenant, context).isEmpty()) {
                        missing.add(run.operation().title() + ", " + run.variant().label() + ": " + tenant + " tenant, "
                                + context + " context");
                    }
                }
            }
        }
        MeasurementPlan.Concurrency concurrency = plan.concurrency();
        for (String spread : concurrency.spreads()) {
            for (int threads : concurrency.threads()) {
                for (Variant variant : concurrency.variants()) {
                    if (!measured(spread, threads, variant)) {
                        missing.add(concurrency.operation().title() + ", " + variant.label() + ": " + threads
                                + (threads == 1 ? " thread" : " threads") + ", tenants "
                                + ConcurrencyTable.spreadLabel(spread));
                    }
                }
            }
        }
        return missing;
    }

    private boolean measured(String spread, int threads, Variant variant) {
        return results.concurrency().stream()
                .filter(run -> run.spread().equals(spread) && run.threads() == threads)
                .flatMap(run -> run.samples().stream())
                .anyMatch(sample -> sample.variant() == variant);
    }
}

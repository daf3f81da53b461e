package io.invoicekit.benchmarks.data;

import io.invoicekit.benchmarks.Scale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the generator makes for a scale: how many invoices each tenant gets. Tenant sizes follow
 * Zipf's law (the tenant of rank r has a share proportional to 1/r), as customer sizes of a SaaS
 * do: a few tenants hold most invoices, most tenants hold few. Every tenant gets at least one.
 *
 * @param asOf    the data set's "today": due dates, overdue invoices and payments are laid out
 *                around it, and the benchmarks' clock is fixed to it, so overdue means the same
 *                rows in every run
 * @param tenants the tenants' invoice counts, largest first (index = rank - 1)
 */
public record DataSetPlan(Scale scale, long seed, LocalDate asOf, List<Integer> tenants) {

    public static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    /**
     * A fragment of one of the sixty surnames client names are made of (Okafor), so about one
     * client in sixty matches it, in its name and its email: what the client search looks for.
     */
    public static final String CLIENT_SEARCH_FRAGMENT = "kafo";

    public DataSetPlan {
        tenants = List.copyOf(tenants);
    }

    public static DataSetPlan of(Scale scale, long seed) {
        int count = scale.tenants();
        double harmonic = 0;
        for (int rank = 1; rank <= count; rank++) {
            harmonic += 1.0 / rank;
        }
        List<Integer> sizes = new ArrayList<>();
        int assigned = 0;
        for (int rank = 1; rank <= count; rank++) {
            int size = Math.max(1, (int) Math.round(scale.invoices() / (rank * harmonic)));
            sizes.add(size);
            assigned += size;
        }
        // Rounding leaves the total a little off: the largest tenant absorbs the difference.
        sizes.set(0, sizes.get(0) + scale.invoices() - assigned);
        return new DataSetPlan(scale, seed, AS_OF, sizes);
    }

    public int invoices() {
        return tenants.stream().mapToInt(Integer::intValue).sum();
    }
}

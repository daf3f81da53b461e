package io.invoicekit.rls.isolation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows {@link CatalogSeeds} gave each tenant in the catalog's tables during one session, as
 * text by column (bound back with a cast to the column's type), and why a table got none.
 */
final class SeededRows {

    static final SeededRows NONE = new SeededRows();

    private final Map<String, Map<UUID, Map<String, String>>> rows = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    void add(CatalogTable table, UUID tenant, Map<String, String> row) {
        rows.computeIfAbsent(table.name(), name -> new HashMap<>()).put(tenant, new LinkedHashMap<>(row));
    }

    void failed(CatalogTable table, String reason) {
        failures.putIfAbsent(table.name(), reason);
    }

    /** The row of {@code tenant} in {@code table}, if it got one. */
    Optional<Map<String, String>> of(CatalogTable table, UUID tenant) {
        return Optional.ofNullable(rows.getOrDefault(table.name(), Map.of()).get(tenant));
    }

    /** Why {@code table} has no row of a tenant: what refused the seed. */
    String failure(CatalogTable table) {
        return failures.getOrDefault(table.name(), "no row seeded");
    }
}

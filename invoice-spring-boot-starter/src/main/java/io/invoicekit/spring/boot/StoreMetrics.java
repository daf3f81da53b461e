package io.invoicekit.spring.boot;

import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.TenantAccessDeniedException;
import io.invoicekit.persistence.StoreCall;
import io.invoicekit.persistence.StoreListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts what the store's calls lost to: {@value #CONFLICTS} by reason (stale version, serialization
 * failure, deadlock, lock timeout: worth a retry, worth an alert when they climb) and {@value #DENIALS}
 * (row-level security or a missing privilege refused a statement: a bug the database stopped). Every
 * counter is registered at start, at zero, so that a dashboard or an alert has a series before the
 * first failure.
 */
final class StoreMetrics implements StoreListener {

    static final String CONFLICTS = "invoicekit.concurrency.conflicts";
    static final String DENIALS = "invoicekit.rls.denials";

    private final Map<ConcurrencyConflictException.Reason, Counter> conflicts =
            new EnumMap<>(ConcurrencyConflictException.Reason.class);
    private final Counter denials;

    StoreMetrics(MeterRegistry registry) {
        Arrays.stream(ConcurrencyConflictException.Reason.values()).forEach(reason -> conflicts.put(reason,
                Counter.builder(CONFLICTS).tag("reason", reason.name().toLowerCase(Locale.ROOT))
                        .description("Store calls that lost to another transaction; a retry with fresh data may succeed")
                        .register(registry)));
        this.denials = Counter.builder(DENIALS)
                .description("Store calls refused by row-level security or privileges: a bug the database stopped")
                .register(registry);
    }

    @Override
    public void ended(StoreCall call) {
        switch (call.failure()) {
            case ConcurrencyConflictException conflict -> conflicts.get(conflict.reason()).increment();
            case TenantAccessDeniedException denied -> denials.increment();
            case null, default -> {
                // Succeeded, or failed for a reason these counters do not track.
            }
        }
    }
}

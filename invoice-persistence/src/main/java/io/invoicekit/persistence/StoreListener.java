package io.invoicekit.persistence;

/**
 * Told of every call a store ran, once it ended: for metrics and logs outside the library (the
 * Spring Boot starter counts concurrency conflicts and row-level security denials with one). Give
 * it with {@link InvoiceStore.Builder#listener}.
 *
 * <p>Contract: called on the calling thread, after the call's transaction ended (or, for a call that
 * joined the service's transaction, after its savepoint was released or rolled back), once per call
 * the service made; a call made inside another call's work is part of that one and not reported on
 * its own, so a failure is heard of once, as the outer call's outcome if it got that far. Hazard: it runs on the caller's time and must not throw: on success
 * the work is already committed, and an exception from the listener would reach the caller in place
 * of the result.
 */
@FunctionalInterface
public interface StoreListener {

    /** A listener that does nothing, the store's default. */
    StoreListener NONE = call -> { };

    /** {@code call} has ended, successfully or not. */
    void ended(StoreCall call);
}

package io.invoicekit.persistence;

import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.NotFoundException;
import java.util.UUID;

/** The error for an update that matched no row: either the row is gone or its version moved on. */
final class StaleVersions {

    private StaleVersions() {
    }

    static RuntimeException of(String what, UUID id, long versionRead, boolean stillExists) {
        if (!stillExists) {
            return new NotFoundException(what + " " + id + " does not exist for this tenant");
        }
        return new ConcurrencyConflictException(ConcurrencyConflictException.Reason.STALE_VERSION,
                what + " " + id + " was changed by someone else since version " + versionRead
                        + " was read; read it again and reapply the change", null, null);
    }
}

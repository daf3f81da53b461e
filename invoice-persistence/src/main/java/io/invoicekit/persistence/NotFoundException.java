package io.invoicekit.persistence;

/**
 * The row asked for does not exist for the current tenant. Another tenant's row is reported the
 * same way: whether it exists is not this tenant's business.
 */
public final class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}

package io.invoicekit.core.failure;

/**
 * The row asked for does not exist for the current tenant. Another tenant's row is reported the
 * same way: whether it exists is not this tenant's business.
 */
public final class NotFoundException extends InvoiceKitException {

    public NotFoundException(String message) {
        super(message, null);
    }

    /** False: the row stays missing (unless another transaction creates it). */
    @Override
    public boolean retryable() {
        return false;
    }
}

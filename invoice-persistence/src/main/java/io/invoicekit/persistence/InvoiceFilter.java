package io.invoicekit.persistence;

import static java.util.Objects.requireNonNull;

import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import java.time.LocalDate;

/**
 * Which of a tenant's invoices to list, newest issue date first. Start from {@link #all()} and
 * narrow it; every field is optional (null: no restriction).
 *
 * @param status     the status as a person sees it; {@code OVERDUE} is derived from due date,
 *                   balance and today, and {@code SENT}/{@code VIEWED}/{@code PARTIALLY_PAID}
 *                   then mean "and not overdue"
 * @param clientId   only this client's invoices
 * @param issuedFrom issue date on or after
 * @param issuedTo   issue date on or before
 * @param after      the page after this invoice (keyset paging)
 */
public record InvoiceFilter(
        DisplayStatus status, ClientId clientId, LocalDate issuedFrom, LocalDate issuedTo, InvoiceId after) {

    public InvoiceFilter {
        if (issuedFrom != null && issuedTo != null && issuedTo.isBefore(issuedFrom)) {
            throw new IllegalArgumentException(
                    "issuedTo must not be before issuedFrom, was " + issuedFrom + " .. " + issuedTo);
        }
    }

    public static InvoiceFilter all() {
        return new InvoiceFilter(null, null, null, null, null);
    }

    public InvoiceFilter withStatus(DisplayStatus status) {
        return new InvoiceFilter(requireNonNull(status, "status is null"), clientId, issuedFrom, issuedTo, after);
    }

    public InvoiceFilter forClient(ClientId client) {
        return new InvoiceFilter(status, requireNonNull(client, "client is null"), issuedFrom, issuedTo, after);
    }

    public InvoiceFilter issuedBetween(LocalDate from, LocalDate to) {
        return new InvoiceFilter(status, clientId,
                requireNonNull(from, "from is null"), requireNonNull(to, "to is null"), after);
    }

    public InvoiceFilter after(InvoiceId invoice) {
        return new InvoiceFilter(status, clientId, issuedFrom, issuedTo, requireNonNull(invoice, "invoice is null"));
    }
}

package io.invoicekit.persistence;

import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;

/**
 * Which of a tenant's invoices to list, newest issue date first. Start from {@link #all()} and
 * narrow it; every field is optional (null: no restriction), but a narrowing names what it narrows
 * to: a null there, or a range that ends before it starts, is a {@code ValidationException}.
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
        var violations = new Violations();
        violations.check(issuedFrom == null || issuedTo == null || !issuedTo.isBefore(issuedFrom), "issuedTo",
                "notBeforeIssuedFrom", () -> "must not be before issuedFrom " + issuedFrom + ", was " + issuedTo);
        violations.throwIfAny("invalid invoice filter");
    }

    public static InvoiceFilter all() {
        return new InvoiceFilter(null, null, null, null, null);
    }

    public InvoiceFilter withStatus(DisplayStatus status) {
        return new InvoiceFilter(Violations.required("status", status), clientId, issuedFrom, issuedTo, after);
    }

    public InvoiceFilter forClient(ClientId client) {
        return new InvoiceFilter(status, Violations.required("clientId", client), issuedFrom, issuedTo, after);
    }

    public InvoiceFilter issuedBetween(LocalDate from, LocalDate to) {
        return new InvoiceFilter(status, clientId,
                Violations.required("issuedFrom", from), Violations.required("issuedTo", to), after);
    }

    public InvoiceFilter after(InvoiceId invoice) {
        return new InvoiceFilter(status, clientId, issuedFrom, issuedTo, Violations.required("after", invoice));
    }
}

package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;

/**
 * An invoice as a list shows it: one row, without its lines, its status and balance derived as the
 * {@link Invoice}'s are, and its version, so that a screen can act on the row (issue it, mark it
 * viewed) without reading the whole invoice first.
 *
 * @param number     the invoice number; null for a draft (a draft numbered before numbers were given
 *                   at issue keeps its own)
 * @param clientName whom the invoice bills: the buyer's name taken at issue, which is what the issued
 *                   document says even after the client was renamed; the client's current name for
 *                   a draft, and for an invoice issued before the buyer was taken at issue (V11)
 * @param total      tax included
 * @param balance    what the client still owes, as {@link Invoice#balance()}
 * @param status     the status to show on the day the row was read, as {@link Invoice#statusOn}
 * @param version    the optimistic-locking version as read
 */
public record InvoiceSummary(
        InvoiceId id,
        InvoiceNumber number,
        ClientId clientId,
        String clientName,
        LocalDate issueDate,
        LocalDate dueDate,
        Money total,
        Money balance,
        DisplayStatus status,
        long version) {

    public InvoiceSummary {
        var violations = new Violations();
        violations.require("id", id);
        violations.require("clientId", clientId);
        violations.require("clientName", clientName);
        violations.require("issueDate", issueDate);
        violations.require("dueDate", dueDate);
        if (violations.require("total", total) && violations.require("balance", balance)
                && !balance.currency().equals(total.currency())) {
            violations.add("balance", "sameCurrency", "must be in " + total.currency() + ", was " + balance);
        }
        if (violations.require("status", status) && status != DisplayStatus.DRAFT) {
            violations.require("number", number);
        }
        violations.checkVersion(version);
        violations.throwIfAny("invalid invoice summary");
    }

    /**
     * The summary of an invoice as stored ({@code stored} status, amounts paid and credited), shown
     * on {@code day}: its balance and status derived by the rules {@link Invoice} derives them by.
     */
    public static InvoiceSummary of(InvoiceId id, InvoiceNumber number, ClientId clientId, String clientName,
                                    LocalDate issueDate, LocalDate dueDate, Money total, Money amountPaid,
                                    Money amountCredited, InvoiceStatus stored, long version, LocalDate day) {
        var given = new Violations();
        given.require("total", total);
        given.require("amountPaid", amountPaid);
        given.require("amountCredited", amountCredited);
        given.require("status", stored);
        given.require("dueDate", dueDate);
        given.require("day", day);
        given.throwIfAny("invalid invoice summary");
        Money balance = InvoiceRules.balance(total, amountPaid, amountCredited);
        return new InvoiceSummary(id, number, clientId, clientName, issueDate, dueDate, total, balance,
                DisplayStatus.of(stored, balance, dueDate, day), version);
    }
}

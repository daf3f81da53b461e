package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.CreditNoteId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.LineItemId;
import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored credit note: the correction of one issued invoice (EU VAT Directive art. 219: a
 * document that amends an invoice is itself an invoice, and refers to the one it amends), with the
 * lines of what it credits and the reason. As a {@code DRAFT} it has no number, date, tax rate or
 * totals; the database gives them at issue, in a credit-note series of the tenant, at the invoice's
 * tax rate, and refuses a credit note that would take the invoice's credit notes beyond its total.
 * Issued, it never changes and is never deleted. {@code version} is the optimistic-locking version
 * as read.
 */
public record CreditNote(
        CreditNoteId id,
        InvoiceId invoiceId,
        InvoiceNumber number,
        CreditNoteStatus status,
        String reason,
        LocalDate issueDate,
        List<LineItem> lines,
        TaxRate taxRate,
        Money subtotal,
        Money tax,
        Money total,
        long version) {

    public CreditNote {
        var violations = new Violations();
        violations.require("id", id);
        violations.require("invoiceId", invoiceId);
        reason = InvoiceRules.creditReason(violations, reason);
        InvoiceRules.checkLines(violations, lines, null, LineItem::unitPrice);
        if (issueDate != null) {
            violations.checkDate("issueDate", issueDate);
        }
        if (violations.require("status", status)) {
            boolean issued = status == CreditNoteStatus.ISSUED;
            for (var given : List.of(new Given("number", number), new Given("issueDate", issueDate),
                    new Given("taxRate", taxRate), new Given("subtotal", subtotal), new Given("tax", tax),
                    new Given("total", total))) {
                violations.check((given.value() != null) == issued, given.field(), issued ? "required" : "atIssue",
                        () -> issued ? "is required" : "is given at issue, was " + given.value());
            }
            if (issued && violations.isEmpty()) {
                var expected = InvoiceTotals.of(subtotal.currency(), lines.stream().map(LineItem::amount).toList(),
                        taxRate);
                violations.check(expected.equals(new InvoiceTotals(subtotal, tax, total)), "total", "ofLines",
                        () -> "must be the lines' " + expected.total() + " at " + taxRate.percent() + "%, was " + total);
            }
        }
        violations.checkVersion(version);
        violations.throwIfAny("invalid credit note");
        lines = List.copyOf(lines);
    }

    /** A new draft of {@code draft}, at version 0, its lines' ids new UUIDv7s from the clock. */
    public static CreditNote draft(CreditNoteId id, CreditNoteDraft draft, Clock clock) {
        Violations.required("draft", draft);
        var lines = draft.lines().stream().map(line -> LineItem.from(LineItemId.generate(clock), line)).toList();
        return new CreditNote(id, draft.invoiceId(), null, CreditNoteStatus.DRAFT, draft.reason(), null, lines,
                null, null, null, null, 0);
    }

    /**
     * What this credit note credits of {@code invoice}, tax at the invoice's rate included, as the
     * database computes it at issue.
     */
    public InvoiceTotals totalsOn(Invoice invoice) {
        return InvoiceTotals.of(invoice.currency(), lines.stream().map(LineItem::amount).toList(), invoice.taxRate());
    }

    private record Given(String field, Object value) {
    }
}

package io.invoicekit.core.invoice;

import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.validation.Violations;
import java.util.List;

/**
 * What a credit note is to credit, before it is stored: the issued invoice it corrects, the reason
 * (1 to 1000 characters, not blank: EU VAT Directive art. 219 asks that it refer to the invoice it amends, and a
 * reader needs to know why), and at least one line of what is credited, net of tax, in the invoice's
 * currency. The tax rate and the totals are the invoice's and the database's, at issue.
 */
public record CreditNoteDraft(InvoiceId invoiceId, String reason, List<LineDraft> lines) {

    public CreditNoteDraft {
        var violations = new Violations();
        violations.require("invoiceId", invoiceId);
        reason = InvoiceRules.creditReason(violations, reason);
        if (violations.require("lines", lines)) {
            violations.check(!lines.isEmpty(), "lines", "notEmpty", () -> "must hold at least one line of what is credited");
            InvoiceRules.checkLines(violations, lines, null, LineDraft::unitPrice);
        }
        violations.throwIfAny("invalid credit note draft");
        lines = List.copyOf(lines);
    }

    /** A credit note of all the invoice's lines: it cancels the invoice. */
    public static CreditNoteDraft inFull(Invoice invoice, String reason) {
        Violations.required("invoice", invoice);
        return new CreditNoteDraft(invoice.id(), reason, invoice.lines().stream()
                .map(line -> new LineDraft(line.description(), line.quantity(), line.unitPrice(), line.serviceItemId()))
                .toList());
    }

    /**
     * What this credit note credits of {@code invoice}, tax at the invoice's rate included, as the
     * database computes it at issue; refused for lines in another currency and beyond what is left
     * of the invoice ({@link Invoice#checkCreditable}).
     */
    public InvoiceTotals totalsOn(Invoice invoice) {
        var violations = new Violations();
        InvoiceRules.checkLines(violations, lines, invoice.currency(), LineDraft::unitPrice);
        violations.throwIfAny("credit note draft for " + invoice.number() + " is invalid");
        var totals = InvoiceTotals.of(invoice.currency(), lines.stream().map(LineDraft::amount).toList(),
                invoice.taxRate());
        invoice.checkCreditable(totals.total());
        return totals;
    }
}

package io.invoicekit.core.invoice;

import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Invoices as the tests need them, made only through the public API: a draft of EUR 100.00 at 20%
 * (total EUR 120.00), issued on 1 March 2025 to a client with 30 days to pay.
 */
final class InvoiceExamples {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final LocalDate ISSUED = LocalDate.of(2025, 3, 1);
    static final LocalDate DUE = LocalDate.of(2025, 3, 31);
    static final ClientId CLIENT = ClientId.of(UUID.fromString("0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6"));
    static final InvoiceNumber NUMBER = InvoiceNumber.of("INV-000001");
    static final Party SELLER = new Party("Books Ltd", "1 High Street, Dublin", "IE1234567T");
    static final Party BUYER = new Party("Client GmbH", "Hauptstrasse 1, Berlin", "DE123456789");

    private InvoiceExamples() {
    }

    static LineDraft line(String description, String quantity, String unitPrice) {
        return new LineDraft(description, Quantity.of(quantity), Money.of(unitPrice, EUR), null);
    }

    static InvoiceDraft draft(String taxRate, LineDraft... lines) {
        return new InvoiceDraft(CLIENT, EUR, ISSUED, null, TaxRate.of(taxRate), List.of(lines), null, null);
    }

    /** A DRAFT invoice of EUR 120.00 due on 31 March 2025. */
    static Invoice draftInvoice() {
        return Invoice.create(InvoiceId.generate(CLOCK), draft("20", line("Consulting", "1", "100.00")), PaymentTerms.DEFAULT, CLOCK);
    }

    /** The example draft as the database issues it: INV-000001 on 1 March 2025. */
    static Invoice sentInvoice() {
        return draftInvoice().issue(NUMBER, ISSUED, SELLER, BUYER);
    }

    /** A draft numbered at creation, as drafts were before numbers were given at issue. */
    static Invoice numberedDraft() {
        var draft = draftInvoice();
        return new Invoice(draft.id(), NUMBER, draft.clientId(), draft.issueDate(), draft.dueDate(), draft.taxRate(),
                draft.lines(), draft.subtotal(), draft.tax(), draft.total(), draft.amountPaid(), draft.amountCredited(), draft.status(), null,
                null, null, null, null, 0);
    }

    /** The example invoice brought to the status by the moves a service makes. */
    static Invoice invoiceIn(InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> draftInvoice();
            case SENT -> sentInvoice();
            case VIEWED -> sentInvoice().markViewed();
            case PARTIALLY_PAID -> paidIn(sentInvoice(), "50.00");
            case PAID -> paidIn(sentInvoice(), "120.00");
            case CREDITED -> credited(sentInvoice(), "120.00");
            case VOID -> numberedDraft().voidInvoice();
        };
    }

    /** The invoice with one completed payment of the amount applied. */
    static Invoice paidIn(Invoice invoice, String amount) {
        return invoice.applyPayments(List.of(completed(invoice, amount)), CLOCK);
    }

    static Payment pending(Invoice invoice, String amount) {
        return Payment.pending(PaymentId.generate(CLOCK), invoice.id(), Money.of(amount, EUR),
                PaymentMethod.BANK_TRANSFER, ISSUED, null, null);
    }

    static Payment completed(Invoice invoice, String amount) {
        return pending(invoice, amount).complete();
    }

    /** The invoice as the database leaves it once credit notes of {@code amount} are issued. */
    static Invoice credited(Invoice invoice, String amount) {
        Money credit = Money.of(amount, EUR);
        invoice.checkCreditable(credit);
        Money covered = invoice.amountPaid().plus(credit);
        InvoiceStatus status = credit.equals(invoice.total()) ? InvoiceStatus.CREDITED
                : invoice.amountPaid().isZero() ? invoice.status()
                : covered.isGreaterThan(invoice.total()) || covered.equals(invoice.total()) ? InvoiceStatus.PAID
                : InvoiceStatus.PARTIALLY_PAID;
        return new Invoice(invoice.id(), invoice.number(), invoice.clientId(), invoice.issueDate(), invoice.dueDate(),
                invoice.taxRate(), invoice.lines(), invoice.subtotal(), invoice.tax(), invoice.total(),
                invoice.amountPaid(), credit, status, invoice.paidDate(), invoice.notes(), invoice.purchaseOrder(),
                invoice.seller(), invoice.buyer(), invoice.version());
    }
}

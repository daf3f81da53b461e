package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Our repository's results and the peer's, as the same plain rows, so that a test compares what
 * the two read from their tables and not how each types it: amounts as their plain numbers (the
 * tables store the same scale; the types may not keep it the same way).
 */
final class Rows {

    private Rows() {
    }

    record Line(UUID id, String description, String quantity, String unitPrice, String amount, UUID serviceId) {
    }

    record Client(UUID id, String name, String email, int paymentTermsDays, String address, String taxId, long version) {
    }

    record Invoice(UUID id, String number, UUID clientId, LocalDate issueDate, LocalDate dueDate, String taxRate,
                   String subtotal, String tax, String total, String amountPaid, String amountCredited,
                   InvoiceStatus status, Instant paidDate, String notes, String purchaseOrder, List<Line> lines) {
    }

    record Summary(UUID id, String number, String clientName, LocalDate issueDate, LocalDate dueDate, String total,
                   String balance, InvoiceStatus status) {
    }

    static Line of(io.invoicekit.core.invoice.LineItem line) {
        return new Line(line.id().value(), line.description(), plain(line.quantity().value()),
                plain(line.unitPrice().amount()), plain(line.amount().amount()),
                line.serviceItemId() == null ? null : line.serviceItemId().value());
    }

    static Line of(LineItem line) {
        return new Line(line.id(), line.description(), plain(line.quantity()), plain(line.unitPrice()),
                plain(line.amount()), line.serviceId());
    }

    static Client of(io.invoicekit.core.client.Client client) {
        return new Client(client.id().value(), client.name(), client.email(), client.paymentTerms().days(),
                client.address(), client.taxId(), client.version());
    }

    static Client of(io.invoicekit.benchmarks.peer.Client client) {
        return new Client(client.id(), client.name(), client.email(), client.paymentTermsDays(), client.address(),
                client.taxId(), client.version());
    }

    static Invoice of(io.invoicekit.core.invoice.Invoice invoice) {
        return new Invoice(invoice.id().value(), text(invoice.number()), invoice.clientId().value(), invoice.issueDate(),
                invoice.dueDate(), plain(invoice.taxRate().percent()), plain(invoice.subtotal().amount()),
                plain(invoice.tax().amount()), plain(invoice.total().amount()), plain(invoice.amountPaid().amount()),
                plain(invoice.amountCredited().amount()), invoice.status(), invoice.paidDate(), invoice.notes(),
                invoice.purchaseOrder(), invoice.lines().stream().map(Rows::of).toList());
    }

    static Invoice of(io.invoicekit.benchmarks.peer.Invoice invoice) {
        return new Invoice(invoice.id(), invoice.number(), invoice.clientId(), invoice.issueDate(), invoice.dueDate(),
                plain(invoice.taxRate()), plain(invoice.subtotal()), plain(invoice.tax()), plain(invoice.total()),
                plain(invoice.amountPaid()), plain(invoice.amountCredited()), invoice.status(), invoice.paidDate(),
                invoice.notes(), invoice.purchaseOrder(), invoice.lines().stream().map(Rows::of).toList());
    }

    static Summary of(io.invoicekit.core.invoice.Invoice invoice, String clientName) {
        return new Summary(invoice.id().value(), text(invoice.number()), clientName, invoice.issueDate(),
                invoice.dueDate(), plain(invoice.total().amount()), plain(invoice.balance().amount()), invoice.status());
    }

    static Summary of(InvoiceSummary summary) {
        return new Summary(summary.id(), summary.number(), summary.clientName(), summary.issueDate(), summary.dueDate(),
                plain(summary.total()), plain(summary.balance()), summary.status());
    }

    private static String text(InvoiceNumber number) {
        return number == null ? null : number.text();
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}

package io.invoicekit.benchmarks.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The generated rows, one record per table, with the columns the generator sets; the others keep
 * their defaults (versions 0, timestamps of the load). Money is already rounded as the CHECK
 * constraints demand, so the load fails loudly if the generator and the schema ever disagree.
 * An invoice's series and sequence stay NULL, as on the invoices numbered before V11: its number
 * is the text INV-%06d, from the tenant's default series, which the users trigger creates as the
 * tenants are loaded and {@link DataSetLoader} then moves on past the loaded numbers.
 */
final class Rows {

    private Rows() {
    }

    record Tenant(UUID id, String name, String email) implements CopyRow {
        static final String COPY = "COPY users (id, name, email) FROM STDIN";

        @Override
        public void writeTo(CopyText line) {
            line.field(id).field(name).field(email);
        }
    }

    record Client(UUID userId, UUID id, String name, String email, int paymentTermsDays) implements CopyRow {
        static final String COPY = "COPY clients (user_id, id, name, email, payment_terms_days) FROM STDIN";

        @Override
        public void writeTo(CopyText line) {
            line.field(userId).field(id).field(name).field(email).field(paymentTermsDays);
        }
    }

    /**
     * {@code number} is null for a draft: a draft is numbered when it is issued. So are
     * {@code issued} and the seller's and buyer's names, which {@code issue_invoice} snapshots as
     * it issues (the tenant's and the client's names: the generated ones have no legal name,
     * address or VAT id), so that lists read them from the invoice as they do on real data.
     */
    record Invoice(UUID userId, UUID id, UUID clientId, String number, String status, String currency,
                   LocalDate issueDate, LocalDate dueDate, BigDecimal taxRate, BigDecimal subtotal, BigDecimal tax,
                   BigDecimal total, BigDecimal amountPaid, Instant paidDate, String purchaseOrder, Instant issued,
                   String sellerName, String buyerName) implements CopyRow {
        static final String COPY = "COPY invoices (user_id, id, client_id, invoice_number, status, currency, issue_date,"
                + " due_date, tax_rate, subtotal, tax, total, amount_paid, paid_date, purchase_order, issued_at,"
                + " seller_name, buyer_name) FROM STDIN";

        @Override
        public void writeTo(CopyText line) {
            line.field(userId).field(id).field(clientId).field(number).field(status).field(currency)
                    .field(issueDate).field(dueDate).field(taxRate).field(subtotal).field(tax).field(total)
                    .field(amountPaid).field(paidDate).field(purchaseOrder).field(issued).field(sellerName)
                    .field(buyerName);
        }
    }

    record LineItem(UUID userId, UUID id, UUID invoiceId, String currency, int position, String description,
                    BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) implements CopyRow {
        static final String COPY = "COPY line_items (user_id, id, invoice_id, currency, position, description,"
                + " quantity, unit_price, amount) FROM STDIN";

        @Override
        public void writeTo(CopyText line) {
            line.field(userId).field(id).field(invoiceId).field(currency).field(position).field(description)
                    .field(quantity).field(unitPrice).field(amount);
        }
    }

    record Payment(UUID userId, UUID id, UUID invoiceId, String currency, BigDecimal amount, String method,
                   String transactionId, LocalDate paymentDate) implements CopyRow {
        static final String COPY = "COPY payments (user_id, id, invoice_id, currency, amount, method, status,"
                + " transaction_id, payment_date) FROM STDIN";

        @Override
        public void writeTo(CopyText line) {
            line.field(userId).field(id).field(invoiceId).field(currency).field(amount).field(method)
                    .field("completed").field(transactionId).field(paymentDate);
        }
    }
}

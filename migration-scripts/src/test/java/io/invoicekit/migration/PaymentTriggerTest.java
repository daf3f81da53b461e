package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The payments triggers of V5: a payment changes its invoice's amount paid, status and paid date
 * when it is completed, an overpayment is refused, and concurrent payments on one invoice each
 * count once. From V12 a completed payment is no longer refunded by its status: money paid back
 * is a refund against a credit note (CreditNoteTest).
 */
@ExtendWith(TestDatabaseExtension.class)
class PaymentTriggerTest {

    private static final Violation OVERPAYMENT = Violation.check("invoices_amount_paid_within_total");
    private static final int SESSIONS = 8;
    private static final int PAYMENTS_PER_SESSION = 20;

    private final Sql owner;

    PaymentTriggerTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
    }

    /** An invoice of 100.00 of a tenant of its own. */
    private record Invoice(Tenant tenant, UUID id) {
    }

    /** What the triggers keep up to date on the invoice. */
    private record InvoiceState(BigDecimal amountPaid, String status, boolean hasPaidDate) {
    }

    @Test
    void completed_payments_make_the_invoice_partially_paid_then_paid_with_a_paid_date() throws SQLException {
        Invoice invoice = invoice("sent");

        pay(invoice, "40.00", "completed");
        InvoiceState afterFirst = state(invoice);
        pay(invoice, "60.00", "completed");

        assertThat(List.of(afterFirst, state(invoice))).containsExactly(
                new InvoiceState(new BigDecimal("40.00"), "partially_paid", false),
                new InvoiceState(new BigDecimal("100.00"), "paid", true));
    }

    @ParameterizedTest(name = "pending, then {0}")
    @CsvSource({
            "completed, 100.00, paid, true",
            "failed,    0.00,   sent, false"})
    void a_pending_payment_counts_once_it_is_completed_and_never_if_it_failed(
            String settledAs, BigDecimal amountPaid, String status, boolean hasPaidDate) throws SQLException {
        Invoice invoice = invoice("sent");
        UUID payment = pay(invoice, "100.00", "pending");
        InvoiceState whilePending = state(invoice);

        setStatus(invoice, payment, settledAs);

        assertThat(whilePending).isEqualTo(new InvoiceState(new BigDecimal("0.00"), "sent", false));
        assertThat(state(invoice)).isEqualTo(new InvoiceState(amountPaid, status, hasPaidDate));
    }

    @Test
    void the_paid_date_stays_when_the_paid_invoice_is_updated_later() throws SQLException {
        Invoice invoice = invoice("sent");
        pay(invoice, "100.00", "completed");
        OffsetDateTime paidDate = paidDate(invoice);

        // A paid invoice's content no longer changes (V8): what may still change is its version.
        owner.update("update invoices set version = version + 1 where user_id = ? and id = ?",
                invoice.tenant().id(), invoice.id());

        assertThat(paidDate(invoice)).isNotNull().isEqualTo(paidDate);
    }

    @ParameterizedTest(name = "overpayment recorded as {0}")
    @ValueSource(strings = {"completed", "pending"})
    void an_overpayment_is_refused_and_leaves_nothing_stored(String recordedAs) throws SQLException {
        Invoice invoice = invoice("sent");
        pay(invoice, "60.00", "completed");
        Violation.Write overpayment = recordedAs.equals("completed")
                ? () -> pay(invoice, "50.00", "completed")
                : completing(invoice, pay(invoice, "50.00", "pending"));
        Map<String, String> before = invoice.tenant().rows(owner);

        assertThat(Violation.raisedBy(overpayment)).isEqualTo(OVERPAYMENT);
        assertThat(invoice.tenant().rows(owner)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} invoice")
    @ValueSource(strings = {"draft", "void"})
    void a_payment_on_an_invoice_that_is_not_sent_or_is_void_is_refused(String status) throws SQLException {
        Invoice invoice = invoice(status);
        Map<String, String> before = invoice.tenant().rows(owner);

        assertThat(Violation.raisedBy(() -> pay(invoice, "10.00", "completed")))
                .isEqualTo(Violation.check("payments_invoice_payable"));
        assertThat(invoice.tenant().rows(owner)).isEqualTo(before);
    }

    @Test
    void concurrent_payments_each_count_once_and_never_take_amount_paid_above_the_total() throws Exception {
        Invoice invoice = invoice("sent");
        List<Optional<Violation>> outcomes = owner.inConcurrentSessions(SESSIONS, session -> {
            List<Optional<Violation>> payments = new ArrayList<>();
            for (int i = 0; i < PAYMENTS_PER_SESSION; i++) {
                payments.add(Violation.of(() ->
                        session.insert(invoice.tenant().payment(invoice.id(), new BigDecimal("1.00")))));
            }
            return payments;
        });
        BigDecimal completedPayments = owner.one(
                "select sum(amount) from payments where user_id = ? and invoice_id = ? and status = 'completed'",
                BigDecimal.class, invoice.tenant().id(), invoice.id());

        assertThat(outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .isEqualTo(Map.of(
                        Optional.empty(), 100L,
                        Optional.of(OVERPAYMENT), SESSIONS * PAYMENTS_PER_SESSION - 100L));
        assertThat(completedPayments).isEqualTo("100.00");
        assertThat(state(invoice)).isEqualTo(new InvoiceState(completedPayments, "paid", true));
    }

    private Invoice invoice(String status) throws SQLException {
        Tenant tenant = Tenant.create(owner);
        UUID client = owner.insert(tenant.client());
        return new Invoice(tenant, tenant.invoiceWithLine(owner, client, status));
    }

    private UUID pay(Invoice invoice, String amount, String status) throws SQLException {
        return owner.insert(invoice.tenant().payment(invoice.id(), new BigDecimal(amount)).with("status", status));
    }

    private void setStatus(Invoice invoice, UUID payment, String status) throws SQLException {
        owner.update("update payments set status = ? where user_id = ? and id = ?",
                status, invoice.tenant().id(), payment);
    }

    private Violation.Write completing(Invoice invoice, UUID payment) {
        return () -> setStatus(invoice, payment, "completed");
    }

    private InvoiceState state(Invoice invoice) throws SQLException {
        return owner.one("select amount_paid, status, paid_date is not null from invoices where user_id = ? and id = ?",
                row -> new InvoiceState(row.getBigDecimal(1), row.getString(2), row.getBoolean(3)),
                invoice.tenant().id(), invoice.id());
    }

    private OffsetDateTime paidDate(Invoice invoice) throws SQLException {
        return owner.one("select paid_date from invoices where user_id = ? and id = ?",
                OffsetDateTime.class, invoice.tenant().id(), invoice.id());
    }
}

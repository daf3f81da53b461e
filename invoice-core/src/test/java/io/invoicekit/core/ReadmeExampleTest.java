package io.invoicekit.core;

import io.invoicekit.core.tenant.InvoiceId;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.Party;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of the README, kept here so that it keeps compiling and stays true. */
class ReadmeExampleTest {

    @Test
    void the_readme_example_drafts_an_invoice_and_records_a_payment() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
        ClientId client = ClientId.generate(clock);
        Currency eur = Currency.getInstance("EUR");

        // --- README example starts here ---
        InvoiceDraft draft = InvoiceDraft.builder(eur)
                .client(client).issuedOn(LocalDate.now(clock)).taxRate(new BigDecimal("20"))
                .line("Consulting, March", new BigDecimal("12.5"), new BigDecimal("120.00"))
                .build();                                    // every mistake reported at once
        Invoice invoice = Invoice.create(InvoiceId.generate(clock), draft, PaymentTerms.DEFAULT, clock)
                .issue(InvoiceNumber.of("INV-000001"), LocalDate.now(clock),   // as the database issues it
                        new Party("Books Ltd", "1 High Street, Dublin", "IE1234567T"), new Party("Client GmbH", null, null));
        Payment payment = Payment.pending(PaymentId.generate(clock), invoice.id(), Money.of("500.00", eur),
                PaymentMethod.BANK_TRANSFER, LocalDate.now(clock), "bank-ref-4711", null).complete();
        Invoice updated = invoice.applyPayments(List.of(payment), clock);
        // updated.status() == PARTIALLY_PAID, updated.balance() == EUR 1300.00 (total EUR 1800.00)
        // --- README example ends here ---

        assertThat(invoice.total()).isEqualTo(Money.of("1800.00", eur));
        assertThat(updated.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(updated.balance()).isEqualTo(Money.of("1300.00", eur));
    }
}

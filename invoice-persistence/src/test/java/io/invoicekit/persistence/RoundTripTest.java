package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What goes in comes out: scale, currency, dates and enums survive storage exactly. */
class RoundTripTest extends StoreTest {

    private final TenantId tenant;
    private final ClientId client;

    RoundTripTest(MigratedDatabase database) {
        super(database, 4);
        this.tenant = fixture.newTenant();
        this.client = fixture.newClient(tenant, 0);
    }

    @ParameterizedTest(name = "{0}: {1} x {2} at {3}% tax")
    @CsvSource({
            "EUR, 0.001, 0.01, 0",
            "EUR, 3, 33.33, 7.25",
            "USD, 999.999, 9999.99, 100",
            "JPY, 1.5, 333, 10",
            "JPY, 2, 1500, 8",
            "CHF, 0.5, 0.05, 7.7",
    })
    void amounts_quantities_and_tax_rates_come_back_with_the_currencys_scale(
            String currency, String quantity, String unitPrice, String taxRate) {
        InvoiceDraft draft = InvoiceDraft.builder(Currency.getInstance(currency))
                .client(client).issuedOn(StoreFixture.TODAY).taxRate(new BigDecimal(taxRate))
                .line("Item", new BigDecimal(quantity), new BigDecimal(unitPrice))
                .build();

        Invoice created = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft));
        Invoice loaded = reload(created);

        assertThat(loaded).isEqualTo(created);
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        assertThat(List.of(loaded.subtotal(), loaded.tax(), loaded.total(), loaded.lines().getFirst().amount()))
                .allSatisfy(money -> assertThat(money.amount().scale()).isEqualTo(scale));
        assertThat(loaded.lines().getFirst().quantity().value()).isEqualByComparingTo(quantity);
    }

    @ParameterizedTest
    @CsvSource({"2028-02-29, 2028-03-01", "1999-12-31, 2000-01-31", "9999-01-01, 9999-12-31"})
    void dates_come_back_as_given(LocalDate issued, LocalDate due) {
        InvoiceDraft draft = InvoiceDraft.builder(StoreFixture.EUR).client(client).issuedOn(issued).dueOn(due)
                .taxRate(BigDecimal.ZERO).line("Item", BigDecimal.ONE, BigDecimal.TEN).build();

        Invoice loaded = reload(store.inTenant(tenant, tx -> tx.invoices().createDraft(draft)));

        assertThat(loaded.issueDate()).isEqualTo(issued);
        assertThat(loaded.dueDate()).isEqualTo(due);
    }

    @ParameterizedTest
    @EnumSource(PaymentMethod.class)
    void every_payment_method_and_status_comes_back(PaymentMethod method) {
        Invoice invoice = fixture.sentInvoice(tenant, client);
        Payment payment = Payment.pending(PaymentId.generate(fixture.clock), invoice.id(),
                Money.of("1.00", StoreFixture.EUR), method, StoreFixture.TODAY, "tx-" + method, "note").complete();

        store.inTenant(tenant, tx -> tx.payments().record(payment));
        List<Payment> loaded = store.inTenant(tenant, tx -> tx.payments().forInvoice(invoice.id()));

        assertThat(loaded).containsExactly(payment);
    }

    @Test
    void every_invoice_status_comes_back() {
        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
        Invoice reloadedDraft = reload(draft);
        Invoice sent = store.inTenant(tenant, tx -> tx.invoices().issue(draft.id(), draft.version()));
        Invoice viewed = store.inTenant(tenant, tx -> tx.invoices().markViewed(sent.id(), sent.version()));

        assertThat(reloadedDraft).isEqualTo(draft);
        assertThat(reload(viewed)).isEqualTo(viewed);
        assertThat(List.of(draft, sent, viewed)).extracting(Invoice::status).doesNotHaveDuplicates();
    }

    private Invoice reload(Invoice invoice) {
        Optional<Invoice> loaded = store.inTenant(tenant, tx -> tx.invoices().find(invoice.id()));
        return loaded.orElseThrow();
    }
}

package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.InvoiceSummary;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Using it from a service" example, run as written. */
@ExtendWith(TestDatabaseExtension.class)
class ReadmeExampleTest {

    /** What a service's request carries. */
    private record Request(String tenantId) {
    }

    @Test
    void the_readme_example_creates_sends_pays_and_lists(MigratedDatabase database, @TempDir Path temporary)
            throws IOException {
        Clock clock = Clock.systemUTC();
        var ownerDataSource = database.ownerDataSource();
        String url = database.application().jdbcUrl();
        String user = database.application().user();
        String password = database.application().password();
        TenantId registered = TenantId.generate(clock);
        Request request = new Request(registered.value().toString());
        Path keyFile = Files.writeString(temporary.resolve("tenant-key"), database.tenantKey());

        // --- from the README ---
        // At start-up: migrate as the schema owner, then serve as the application role.
        InvoiceMigrations.forDataSource(ownerDataSource).build().migrate();
        HikariDataSource pool = PooledDataSources.hikari(url, user, password); // user: a member of invoice_app
        TenantSigning signing = TenantSigning.signed(TenantKey.fromFile(keyFile)); // see "Signed tenant context"
        InvoiceStore store = InvoiceStore.builder().dataSource(pool).tenantSigning(signing).clock(clock).build();
        // --- README pauses: the tenant and its client ---
        try (pool) {
            store.registerTenant(registered, "Readme Ltd", "owner@readme.example");
            ClientId clientId = store.inTenant(registered, tx -> tx.clients().create(Client.create(
                    ClientId.generate(clock), "Acme", "ap@acme.example", PaymentTerms.DEFAULT, null, null))).id();
            // --- README goes on ---

            // Per request: one transaction for one tenant; the tenant is set before the first query.
            TenantId tenant = TenantId.parse(request.tenantId());
            Invoice invoice = store.inTenant(tenant, tx -> {
                Invoice draft = tx.invoices().createDraft(InvoiceDraft.builder(Currency.getInstance("EUR"))
                        .client(clientId)
                        .issuedOn(LocalDate.now(clock))
                        .taxRate(new BigDecimal("20"))
                        .line("Consulting", new BigDecimal("2"), new BigDecimal("50.00"))
                        .build());                                      // a draft has no number
                return tx.invoices().issue(draft.id(), draft.version()); // INV-000001, INV-000002, ... per series
            });
            store.inTenant(tenant, tx -> tx.payments().record(Payment.pending(PaymentId.generate(clock), invoice.id(),
                    Money.of("120.00", invoice.currency()), PaymentMethod.BANK_TRANSFER, LocalDate.now(clock), "psp-7731", null)
                    .complete()));
            Page<Invoice> overdue = store.inTenant(tenant,
                    tx -> tx.invoices().list(InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), 100));
            Page<InvoiceSummary> rows = store.inTenant(tenant,     // a list screen: rows, not documents (see "Lists")
                    tx -> tx.invoices().summaries(InvoiceFilter.all(), 50));
            // --- end of the README ---

            Invoice paid = store.inTenant(tenant, tx -> tx.invoices().find(invoice.id())).orElseThrow();
            assertThat(invoice.number().toString()).isEqualTo("INV-000001");
            assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(overdue.items()).isEmpty();
            assertThat(rows.items()).singleElement().satisfies(row -> {
                assertThat(row.number()).isEqualTo(invoice.number());
                assertThat(row.clientName()).isEqualTo("Acme");
                assertThat(row.total()).isEqualTo(Money.of("120.00", invoice.currency()));
                assertThat(row.balance().isZero()).isTrue();
                assertThat(row.status()).isEqualTo(DisplayStatus.PAID);
            });
        }
    }
}

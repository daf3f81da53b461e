package com.example.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.persistence.PooledDataSources;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class BillingTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void a_new_tenant_bills_its_first_client(MigratedDatabase database) {
        ConnectionSettings login = database.application();   // invoicekit_test_app: row-level security applies
        try (HikariDataSource pool = PooledDataSources.hikari(login.jdbcUrl(), login.user(), login.password())) {
            InvoiceStore store = InvoiceStore.builder().dataSource(pool)
                    .tenantSigning(TenantSigning.signed(TenantKey.parse(database.tenantKey()))).build();
            TenantId tenant = TenantId.generate(clock);
            store.registerTenant(tenant, "Books Ltd", "owner@books.example");
            Client client = store.inTenant(tenant, tx -> tx.clients().create(Client.create(
                    ClientId.generate(clock), "Acme", "ap@acme.example", PaymentTerms.DEFAULT, null, null)));

            Invoice issued = store.inTenant(tenant, tx -> {
                Invoice draft = tx.invoices().createDraft(InvoiceDraft.builder(Currency.getInstance("EUR"))
                        .client(client.id())
                        .issuedOn(LocalDate.now(clock))
                        .taxRate(new BigDecimal("20"))
                        .line("Consulting", new BigDecimal("2"), new BigDecimal("50.00"))
                        .build());
                return tx.invoices().issue(draft.id(), draft.version());
            });

            assertThat(issued.number().text()).isEqualTo("INV-000001");
            assertThat(issued.total()).isEqualTo(Money.of("120.00", issued.currency()));
        }
    }
}

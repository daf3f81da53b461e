package io.invoicekit.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * A store on a test database, connected as the application role (subject to row-level
 * security), with tenants and clients made on demand. Time is fixed at {@link #TODAY}.
 */
final class StoreFixture implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final Currency EUR = Currency.getInstance("EUR");

    final Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    final HikariDataSource pool;
    final TenantSigning signing;
    final InvoiceStore store;

    StoreFixture(MigratedDatabase database, int poolSize) {
        ConnectionSettings application = database.application();
        this.pool = PooledDataSources.hikari(application.jdbcUrl(), application.user(), application.password(),
                config -> config.setMaximumPoolSize(poolSize));
        this.signing = signing(database);
        this.store = InvoiceStore.builder().dataSource(pool).tenantSigning(signing).clock(clock).build();
    }

    /** A store on the same pool whose today is {@code day}: to issue invoices dated then. */
    InvoiceStore storeOn(LocalDate day) {
        return InvoiceStore.builder().dataSource(pool).tenantSigning(signing)
                .clock(Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).build();
    }

    /** How the tests' services sign their tenants: with the test database's key. */
    static TenantSigning signing(MigratedDatabase database) {
        return TenantSigning.signed(TenantKey.parse(database.tenantKey()));
    }

    TenantId newTenant() {
        TenantId tenant = TenantId.generate(clock);
        store.registerTenant(tenant, "Tenant " + tenant.value(), "owner@example.com");
        return tenant;
    }

    ClientId newClient(TenantId tenant, int paymentTermsDays) {
        Client client = Client.create(ClientId.generate(clock), "Acme " + paymentTermsDays, "billing@acme.example",
                PaymentTerms.ofDays(paymentTermsDays), null, null);
        return store.inTenant(tenant, tx -> tx.clients().create(client)).id();
    }

    /** A draft for {@code client} issued today with two lines: 2 x 50.00 and 1.5 x 19.99, 20% tax. */
    InvoiceDraft draft(ClientId client) {
        return InvoiceDraft.builder(EUR)
                .client(client)
                .issuedOn(TODAY)
                .taxRate(new BigDecimal("20"))
                .line("Consulting", new BigDecimal("2"), new BigDecimal("50.00"))
                .line("Hosting", new BigDecimal("1.5"), new BigDecimal("19.99"))
                .build();
    }

    Invoice sentInvoice(TenantId tenant, ClientId client) {
        return store.inTenant(tenant, tx -> {
            Invoice draft = tx.invoices().createDraft(draft(client));
            return tx.invoices().issue(draft.id(), draft.version());
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}

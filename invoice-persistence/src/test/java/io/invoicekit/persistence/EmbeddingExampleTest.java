package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DSL;
import org.jooq.impl.ThreadLocalTransactionProvider;
import io.invoicekit.rls.TenantSigning;
import org.junit.jupiter.api.Test;

/** The README's "Joining the service's transaction" examples, run as written. */
class EmbeddingExampleTest extends StoreTest {

    private final DSLContext serviceDsl;
    private final TenantSigning signing;

    EmbeddingExampleTest(MigratedDatabase database) throws SQLException {
        super(database, 2);
        this.signing = fixture.signing;
        try (Connection owner = database.owner().connect(); var statement = owner.createStatement()) {
            statement.execute("create table service_orders (reference text primary key)");
            statement.execute("grant select, insert on service_orders to " + database.applicationRole());
        }
        // A service's jOOQ context whose transactions are bound to the thread.
        this.serviceDsl = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES)
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(fixture.pool))));
    }

    @Test
    void the_services_order_and_the_invoice_commit_together_in_either_form() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        InvoiceDraft invoiceDraft = fixture.draft(client);

        // --- from the README ---
        // A plain Java service: its order and the invoice in one transaction of the store's.
        Invoice billed = store.inTenant(tenant, tx -> {
            tx.dsl().execute("insert into service_orders (reference) values (?)", "order-42");
            Invoice draft = tx.invoices().createDraft(invoiceDraft);
            return tx.invoices().issue(draft.id(), draft.version());
        });

        // The same with the service's own jOOQ transaction, which the store joins.
        InvoiceStore joining = InvoiceStore.builder().dsl(serviceDsl).tenantSigning(signing).build();
        serviceDsl.transaction(configuration -> {
            configuration.dsl().execute("insert into service_orders (reference) values (?)", "order-43");
            joining.inTenant(tenant, tx -> tx.invoices().createDraft(invoiceDraft)); // commits with the order
        });
        // --- end of the README ---

        assertThat(billed.number().text()).isEqualTo("INV-000001");
        assertThat(orders()).containsExactly("order-42", "order-43");
        assertThat(invoiceCount(tenant)).isEqualTo(2);
    }

    @Test
    void a_rollback_of_the_services_jooq_transaction_takes_the_invoice_with_it() {
        TenantId tenant = fixture.newTenant();
        InvoiceDraft invoiceDraft = fixture.draft(fixture.newClient(tenant, 30));
        InvoiceStore joining = InvoiceStore.builder().dsl(serviceDsl).tenantSigning(signing).build();

        assertThatThrownBy(() -> serviceDsl.transaction(configuration -> {
            joining.inTenant(tenant, tx -> tx.invoices().createDraft(invoiceDraft));
            throw new IllegalStateException("the service changes its mind");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(invoiceCount(tenant)).isZero();
    }

    private List<String> orders() {
        return serviceDsl.fetch("select reference from service_orders order by reference").getValues(0, String.class);
    }

    private int invoiceCount(TenantId tenant) {
        return store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), 10).items().size());
    }
}

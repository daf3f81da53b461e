package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection dies in the middle of creating an invoice: nothing half-made stays, the pool recovers. */
class ConnectionFaultTest extends StoreTest {

    private final MigratedDatabase database;

    ConnectionFaultTest(MigratedDatabase database) {
        super(database, 1);
        this.database = database;
    }

    @Test
    void a_connection_killed_while_issuing_an_invoice_leaves_nothing_and_the_pool_recovers() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> {
            Invoice written = tx.invoices().createDraft(fixture.draft(client));
            Invoice issued = tx.invoices().issue(written.id(), written.version());
            // The invoice, its lines and its number are written, not committed: kill this very backend.
            terminateTheOpenTransaction();
            return issued;
        })).isInstanceOf(RuntimeException.class);

        Invoice next = fixture.sentInvoice(tenant, client);
        List<Invoice> stored = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), 10)).items();
        assertThat(stored).containsExactly(next);
        assertThat(next.number().text()).isEqualTo("INV-000001");
    }

    /** The pool holds one connection, so the one backend of the application login in a transaction is ours. */
    private void terminateTheOpenTransaction() {
        try (Connection owner = database.owner().connect();
             PreparedStatement kill = owner.prepareStatement("""
                     select count(pg_terminate_backend(pid)) from pg_stat_activity
                     where usename = ? and datname = current_database() and state = 'idle in transaction'
                     """)) {
            kill.setString(1, database.application().user());
            try (ResultSet killed = kill.executeQuery()) {
                killed.next();
                assertThat(killed.getInt(1)).as("backends killed").isEqualTo(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

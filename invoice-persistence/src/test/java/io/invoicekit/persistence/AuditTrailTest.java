package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database writes the history of every document as it changes, naming the actor the service set. */
class AuditTrailTest extends StoreTest {

    AuditTrailTest(MigratedDatabase database) {
        super(database, 2);
    }

    @Test
    void an_invoice_s_history_holds_every_change_in_order_with_who_made_it() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);

        Invoice draft = store.inTenant(tenant, "ana@books.example", tx -> tx.invoices().createDraft(fixture.draft(client)));
        // --- from the README, "Issuing invoices" (the actor) ---
        store.inTenant(tenant, "billing-job", tx -> tx.invoices().issue(draft.id(), draft.version()));
        List<AuditEvent> history = store.inTenant(tenant, tx -> tx.audit().of(draft.id()));
        // created (invoice and each line), then changed: {"status": ["draft", "sent"], "invoice_number": [null, "INV-000001"], ...}
        // --- end of the README ---
        Invoice issued = store.inTenant(tenant, tx -> tx.invoices().find(draft.id())).orElseThrow();
        CreditNote note = store.inTenant(tenant, "ana@books.example",
                tx -> tx.creditNotes().creditInFull(issued.id(), "Ordered twice"));

        List<AuditEvent> invoice = store.inTenant(tenant, tx -> tx.audit().of(draft.id()));
        assertThat(history).hasSize(4);
        List<AuditEvent> credit = store.inTenant(tenant, tx -> tx.audit().of(note.id()));
        assertThat(invoice).extracting(AuditEvent::changedTable, AuditEvent::action, AuditEvent::actor).containsExactly(
                tuple("invoices", "created", "ana@books.example"),
                tuple("line_items", "created", "ana@books.example"),
                tuple("line_items", "created", "ana@books.example"),
                tuple("invoices", "changed", "billing-job"),
                tuple("invoices", "changed", "ana@books.example"));
        assertThat(invoice.get(3).changes()).contains("\"status\": [\"draft\", \"sent\"]")
                .contains("\"invoice_number\": [null, \"INV-000001\"]");
        assertThat(invoice.get(4).changes()).contains("\"status\": [\"sent\", \"credited\"]");
        assertThat(credit).extracting(AuditEvent::changedTable, AuditEvent::action).startsWith(
                tuple("credit_notes", "created"), tuple("credit_note_lines", "created"));
        assertThat(credit).filteredOn(event -> event.changedTable().equals("credit_notes"))
                .extracting(AuditEvent::reason).containsOnly("Ordered twice");
    }

    @Test
    void a_change_rolled_back_leaves_no_history_and_one_made_without_an_actor_names_none() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));

        try {
            store.inTenant(tenant, "ana", tx -> {
                tx.invoices().issue(draft.id(), draft.version());
                throw new IllegalStateException("changed my mind");
            });
        } catch (IllegalStateException expected) {
            // the issue and its audit row went with the rollback
        }

        List<AuditEvent> history = store.inTenant(tenant, tx -> tx.audit().of(draft.id()));
        assertThat(history).extracting(AuditEvent::action).containsOnly("created");
        assertThat(history).extracting(AuditEvent::actor).containsOnlyNulls();
    }
}

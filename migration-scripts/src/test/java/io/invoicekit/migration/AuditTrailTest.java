package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail (V13): every change of an invoice, a credit note, a payment or a refund, and of
 * their lines, appends a row that the database writes in the changing transaction, with the actor
 * the service set with the tenant; nobody rewrites it, the application never writes it, and only
 * purge_tenant removes it. Run as the application role with its tenant and actor set per
 * transaction, as invoice-rls sets them; the owner arranges tenants and reads the trail.
 */
@ExtendWith(TestDatabaseExtension.class)
class AuditTrailTest {

    private static final String ALICE = "user:alice";
    private static final String ISSUED_CREDIT_NOTE_REASON = "Consulting hour not delivered";

    private final Sql owner;
    private final Sql application;

    AuditTrailTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
        this.application = Sql.asApplication(database);
    }

    /** One row of the trail, without its changes, its clock and its transaction. */
    private record Event(String documentKind, UUID document, String changedTable, String action, String actor,
                         String reason) {
    }

    /** A tenant of the test and its client, made by the owner; the application writes the rest. */
    private record Books(Tenant tenant, UUID client) {

        static Books create(Sql owner) throws SQLException {
            Tenant tenant = Tenant.create(owner);
            return new Books(tenant, owner.insert(tenant.client()));
        }

        /** An invoice of 100.00 in {@code status}, written by {@code actor} (null: none) in one transaction. */
        UUID invoice(Sql application, String actor, String status) throws SQLException {
            return application.inTenantTransaction(tenant.id(), actor,
                    transaction -> tenant.invoiceWithLine(transaction, client, status));
        }

        /** The tenant's trail as the owner reads it, in the order it was written. */
        List<Event> trail(Sql owner) throws SQLException {
            return owner.list("select document_kind, document_id, changed_table, action, actor, reason"
                            + " from audit_events where user_id = ? order by occurred_at, changed_table",
                    row -> new Event(row.getString(1), row.getObject(2, UUID.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6)),
                    tenant.id());
        }

        /** What the one event of {@code changedTable} and {@code action} says changed in {@code column}, as JSON. */
        String change(Sql owner, String changedTable, String action, String column) throws SQLException {
            return owner.one("select changes -> ? #>> '{}' from audit_events"
                            + " where user_id = ? and changed_table = ? and action = ?",
                    String.class, column, tenant.id(), changedTable, action);
        }

        long trailLength(Sql sql) throws SQLException {
            return sql.one("select count(*) from audit_events where user_id = ?", Long.class, tenant.id());
        }
    }

    @Test
    void creating_a_draft_records_the_invoice_and_each_of_its_lines_as_created_under_the_invoice()
            throws SQLException {
        Books books = Books.create(owner);
        Tenant tenant = books.tenant();
        Row draft = tenant.invoice(books.client());
        Row firstLine = tenant.lineItem(draft.id(), null)
                .with("unit_price", new BigDecimal("50.00")).with("amount", new BigDecimal("50.00"));
        Row secondLine = firstLine.with("id", UUID.randomUUID()).with("position", 2);

        application.inTenantTransaction(tenant.id(), ALICE, transaction -> {
            transaction.insert(draft);
            transaction.insert(firstLine);
            return transaction.insert(secondLine);
        });

        UUID invoice = draft.id();
        assertThat(books.trail(owner)).containsExactly(
                new Event("invoice", invoice, "invoices", "created", ALICE, null),
                new Event("invoice", invoice, "line_items", "created", ALICE, null),
                new Event("invoice", invoice, "line_items", "created", ALICE, null));
        assertThat(owner.list("select changes ->> 'id' from audit_events where user_id = ? and changed_table = 'line_items'",
                String.class, tenant.id())).containsExactlyInAnyOrder(firstLine.id().toString(), secondLine.id().toString());
        assertThat(books.change(owner, "invoices", "created", "total")).isEqualTo("100.00");
    }

    @Test
    void issuing_a_draft_records_one_change_of_the_invoice_with_its_status_and_number() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, ALICE, "draft");

        String number = application.inTenantTransaction(books.tenant().id(), ALICE,
                transaction -> books.tenant().issue(transaction, invoice, Tenant.ISSUE_DATE));

        assertThat(books.trail(owner)).filteredOn(event -> event.action().equals("changed")).containsExactly(
                new Event("invoice", invoice, "invoices", "changed", ALICE, null));
        assertThat(books.change(owner, "invoices", "changed", "status")).isEqualTo("[\"draft\", \"sent\"]");
        assertThat(books.change(owner, "invoices", "changed", "invoice_number"))
                .isEqualTo("[null, \"" + number + "\"]");
        assertThat(number).isEqualTo("INV-000001");
        assertThat(books.change(owner, "invoices", "changed", "updated_at")).as("updated_at among the changes").isNull();
    }

    @Test
    void an_update_that_changes_nothing_but_updated_at_is_not_recorded() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, ALICE, "draft");
        long before = books.trailLength(owner);

        // set_updated_at moves updated_at of every updated row: this update changes nothing else.
        int updated = application.inTenantTransaction(books.tenant().id(), ALICE, transaction -> transaction.update(
                "update invoices set notes = notes where user_id = ? and id = ?", books.tenant().id(), invoice));

        assertThat(updated).isOne();
        assertThat(books.trailLength(owner)).isEqualTo(before);
    }

    @Test
    void a_credit_note_is_recorded_created_and_issued_with_its_reason() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, ALICE, "sent");

        UUID creditNote = application.inTenantTransaction(books.tenant().id(), ALICE,
                transaction -> books.tenant().credit(transaction, invoice, "30.00"));

        assertThat(books.trail(owner)).filteredOn(event -> event.documentKind().equals("credit_note")).containsExactly(
                new Event("credit_note", creditNote, "credit_notes", "created", ALICE, ISSUED_CREDIT_NOTE_REASON),
                new Event("credit_note", creditNote, "credit_note_lines", "created", ALICE, null),
                new Event("credit_note", creditNote, "credit_notes", "changed", ALICE, ISSUED_CREDIT_NOTE_REASON));
        assertThat(books.change(owner, "credit_notes", "changed", "status")).isEqualTo("[\"draft\", \"issued\"]");
        assertThat(books.change(owner, "credit_notes", "changed", "credit_note_number"))
                .isEqualTo("[null, \"CN-000001\"]");
    }

    @Test
    void a_payment_is_recorded_as_created_with_its_amount() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, ALICE, "sent");

        UUID payment = application.inTenantTransaction(books.tenant().id(), ALICE, transaction ->
                transaction.insert(books.tenant().payment(invoice, new BigDecimal("30.00"))));

        assertThat(books.trail(owner)).filteredOn(event -> event.documentKind().equals("payment")).containsExactly(
                new Event("payment", payment, "payments", "created", ALICE, null));
        assertThat(books.change(owner, "payments", "created", "amount")).isEqualTo("30.00");
    }

    @Test
    void a_change_made_without_an_actor_is_recorded_by_no_one() throws SQLException {
        Books books = Books.create(owner);

        books.invoice(application, null, "draft");

        assertThat(books.trail(owner)).isNotEmpty().extracting(Event::actor).containsOnlyNulls();
    }

    @Test
    void the_actor_ends_with_its_transaction_on_the_connection_that_set_it() throws SQLException {
        Books books = Books.create(owner);

        application.inSession(session -> {
            books.invoice(session, ALICE, "draft");
            return books.invoice(session, null, "draft");
        });

        assertThat(books.trail(owner)).extracting(Event::actor).containsExactly(ALICE, ALICE, null, null);
    }

    @Test
    void a_rolled_back_change_leaves_no_audit_event() throws SQLException {
        Books books = Books.create(owner);

        application.inRolledBackTransaction(transaction -> {
            transaction.setTenant(books.tenant().id(), ALICE);
            return books.tenant().invoiceWithLine(transaction, books.client(), "sent");
        });

        assertThat(books.trailLength(owner)).isZero();
    }

    /**
     * invoicekit.purged_tenant is the setting purge_tenant marks its tenant with; any role may set
     * a setting of that name, so it must keep no change of the application's off the trail.
     */
    @Test
    void the_application_cannot_keep_its_changes_off_the_trail_by_claiming_to_purge() throws SQLException {
        Books books = Books.create(owner);

        UUID invoice = application.inTenantTransaction(books.tenant().id(), ALICE, transaction -> {
            transaction.one("select set_config('invoicekit.purged_tenant', ?, true)", String.class,
                    books.tenant().id().toString());
            return books.tenant().invoiceWithLine(transaction, books.client(), "draft");
        });

        assertThat(books.trail(owner)).containsExactly(
                new Event("invoice", invoice, "invoices", "created", ALICE, null),
                new Event("invoice", invoice, "line_items", "created", ALICE, null));
    }

    @Test
    void the_application_reads_its_trail_but_cannot_write_rewrite_or_delete_it() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, ALICE, "sent");
        List<Event> trail = books.trail(owner);
        UUID tenant = books.tenant().id();

        long readByApplication = application.inTenantTransaction(tenant, ALICE, books::trailLength);
        Violation insert = Violation.raisedBy(() -> application.inTenantTransaction(tenant, ALICE,
                transaction -> transaction.insert(books.tenant().auditEvent(invoice))));
        Violation update = Violation.raisedBy(() -> application.inTenantTransaction(tenant, ALICE,
                transaction -> transaction.update("update audit_events set actor = 'someone else' where user_id = ?",
                        tenant)));
        Violation delete = Violation.raisedBy(() -> application.inTenantTransaction(tenant, ALICE,
                transaction -> transaction.update("delete from audit_events where user_id = ?", tenant)));

        assertThat(readByApplication).isEqualTo(trail.size()).isPositive();
        assertThat(List.of(insert, update, delete)).containsOnly(Violation.noPrivilege());
        assertThat(books.trail(owner)).isEqualTo(trail);
    }

    @Test
    void the_owner_cannot_rewrite_or_delete_the_trail_either() throws SQLException {
        Books books = Books.create(owner);
        books.invoice(application, ALICE, "sent");
        List<Event> trail = books.trail(owner);
        UUID tenant = books.tenant().id();

        Violation update = Violation.raisedBy(() ->
                owner.update("update audit_events set reason = 'tidied up' where user_id = ?", tenant));
        Violation delete = Violation.raisedBy(() -> owner.update("delete from audit_events where user_id = ?", tenant));

        assertThat(List.of(update, delete)).containsOnly(Violation.check("audit_events_append_only"));
        assertThat(books.trail(owner)).isEqualTo(trail);
    }

    @Test
    void another_tenants_trail_is_invisible_to_the_application() throws SQLException {
        Books books = Books.create(owner);
        Books other = Books.create(owner);
        books.invoice(application, ALICE, "sent");
        other.invoice(application, "user:bob", "sent");

        long othersSeen = application.inTenantTransaction(books.tenant().id(), ALICE, other::trailLength);
        List<String> actorsSeen = application.inTenantTransaction(books.tenant().id(), ALICE, transaction ->
                transaction.list("select distinct actor from audit_events", String.class));

        assertThat(other.trailLength(owner)).isPositive();
        assertThat(othersSeen).isZero();
        assertThat(actorsSeen).containsExactly(ALICE);
    }

    @Test
    void purging_a_tenant_after_its_retention_removes_its_trail_too() throws SQLException {
        Books books = Books.create(owner);
        Books other = Books.create(owner);
        UUID invoice = books.invoice(application, ALICE, "sent");
        application.inTenantTransaction(books.tenant().id(), ALICE,
                transaction -> books.tenant().credit(transaction, invoice, "30.00"));
        other.invoice(application, ALICE, "sent");
        long trailBefore = books.trailLength(owner);
        List<Event> othersTrail = other.trail(owner);

        owner.update("call purge_tenant(?, interval '0 days')", books.tenant().id());

        assertThat(trailBefore).isPositive();
        assertThat(books.trailLength(owner)).isZero();
        assertThat(owner.one("select count(*) from users where id = ?", Long.class, books.tenant().id())).isZero();
        assertThat(other.trail(owner)).isEqualTo(othersTrail);
    }
}

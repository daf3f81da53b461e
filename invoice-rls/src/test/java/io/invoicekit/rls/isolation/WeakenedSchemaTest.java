package io.invoicekit.rls.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The isolation suite must be able to fail: on a fresh copy of the schema, weakened in one way per
 * table, the very same probes must report each weakness, and only on the weakened tables. Runs
 * only on a database of its own (embedded or container), never on one given by URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabaseExtension.class)
@DisabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "jdbc:.*",
        disabledReason = "weakens the schema: only on a database server of its own, not on one given by URL")
class WeakenedSchemaTest {

    /**
     * One weakening of one table, and the attacks that must then no longer be blocked.
     *
     * @param target      the table or object weakened, as the probes name it
     * @param sql         run as the owner; %1$s is the application role
     * @param mustDeviate attacks on {@code target} whose outcome must differ from a sound schema's
     */
    private record Weakening(String description, String target, String sql, List<String> mustDeviate) {
    }

    /** V5's payment trigger as it was before V8: neither pinned nor qualified. */
    private static final String UNPINNED_PAYMENT_TRIGGER = """
            create or replace function apply_payment_to_invoice() returns trigger language plpgsql as $$
            begin
                if new.status = 'completed' then
                    update invoices set amount_paid = amount_paid + new.amount,
                                        status = case when amount_paid + new.amount >= total then 'paid'
                                                      else 'partially_paid' end
                    where user_id = new.user_id and id = new.invoice_id;
                end if;
                return null;
            end
            $$""";

    private static final List<Weakening> WEAKENINGS = List.of(
            new Weakening("row-level security disabled", "invoices",
                    "alter table invoices disable row level security",
                    // (Another tenant's key in a new invoice is still refused: by the numbering trigger.)
                    List.of("read another tenant's rows", "update another tenant's rows (RETURNING)",
                            "no tenant, fresh session: read",
                            "COPY table TO STDOUT",
                            "read planner statistics (pg_stats)",
                            "leaky function in pg_temp in the WHERE clause (f_leak)")),
            new Weakening("owned by the application role, RLS not forced", "clients",
                    "alter table clients owner to %1$s; alter table clients no force row level security",
                    List.of("read another tenant's rows", "insert a row carrying another tenant's key",
                            "TRUNCATE (ignores row-level security)", "create a trigger (runs on every tenant's rows)",
                            "REFERENCES privilege (a foreign key would probe other tenants' keys)")),
            new Weakening("an extra permissive policy USING (true) for SELECT", "line_items",
                    "create policy line_items_open on line_items for select using (true)",
                    List.of("read another tenant's rows", "COPY (SELECT * FROM table) TO STDOUT",
                            "leaky function in pg_temp in the WHERE clause (f_leak)")),
            // With the check gone, ON CONFLICT DO NOTHING answers "exists" (0 rows) or "inserted":
            // another tenant's keys can be probed.
            new Weakening("the INSERT policy's WITH CHECK replaced by true", "payments",
                    "drop policy payments_insert on payments; "
                            + "create policy payments_insert on payments for insert with check (true)",
                    List.of("insert a row carrying another tenant's key",
                            "insert another tenant's existing key, ON CONFLICT DO NOTHING",
                            "no tenant, fresh session: insert")),
            // A dropped policy fails closed: the tenant loses its own rows, which the control shows.
            new Weakening("the SELECT policy dropped", "services",
                    "drop policy services_select on services",
                    List.of("control: read my own rows")),
            // Also what lets the f_leak probes above create their function in pg_temp.
            new Weakening("TEMP granted to the application role", "database TEMP",
                    "do $$ begin execute format('grant temporary on database %%I to %%I', current_database(), '%1$s'); end $$",
                    List.of("create a temporary table named like ours (shadows it in unpinned functions)")),
            new Weakening("the payment trigger function unpinned and unqualified, as before V8", "HikariCP pool of 1",
                    UNPINNED_PAYMENT_TRIGGER,
                    List.of("A leaves a temp invoices table and search_path on the connection; "
                            + "B's completed payment then moves B's invoice")),
            // Derived state is guarded twice: a privilege the role lacks, and a rule that holds for
            // every role. Each weakening takes both away.
            new Weakening("INSERT of numbers granted", "invoices", "grant insert (invoice_number) on invoices to %1$s",
                    List.of("store an invoice numbered by hand, a number no series gave")),
            new Weakening("UPDATE of status, numbers and snapshots granted, the status and invoice guards dropped",
                    "invoices",
                    "grant update (status, invoice_number, amount_paid, buyer_name) on invoices to %1$s;"
                            + " alter table invoices drop constraint if exists invoices_status_matches_settlement;"
                            + " drop trigger invoices_guard_change on invoices",
                    List.of("renumber my sent invoice", "mark my sent invoice paid with no payment",
                            "rewrite the buyer named on my issued invoice",
                            "void my issued invoice (cancelled by a credit note only)",
                            "move my sent invoice's due date")),
            new Weakening("the delete guard of numbered invoices dropped", "invoices",
                    "drop trigger invoices_guard_delete on invoices",
                    List.of("delete my issued invoice (a gap in the numbers)")),
            new Weakening("UPDATE of the series' counter granted", "invoice_series",
                    "grant update (last_number) on invoice_series to %1$s",
                    List.of("rewind my invoice series' counter (a number given twice)")),
            new Weakening("a draft voided without a number, as before V11", "invoices",
                    "alter table invoices drop constraint invoices_numbered_unless_draft",
                    List.of("void my draft, which has no number")),
            new Weakening("UPDATE of the amount credited granted, the settlement CHECK dropped", "invoices",
                    "grant update (amount_credited) on invoices to %1$s;"
                            + " alter table invoices drop constraint if exists invoices_status_matches_settlement",
                    List.of("mark my invoice credited by hand")),
            new Weakening("the guard of issued credit notes dropped", "credit_notes",
                    "drop trigger credit_notes_guard_change on credit_notes",
                    List.of("rewrite the reason of my issued credit note", "delete my issued credit note")),
            new Weakening("the guard of issued credit notes' lines dropped", "credit_note_lines",
                    "drop trigger credit_note_lines_guard_change on credit_note_lines",
                    List.of("change a line of my issued credit note")),
            new Weakening("the refund trigger dropped", "refunds", "drop trigger refunds_apply_to_invoice on refunds",
                    List.of("refund more than my credit note credits")),
            new Weakening("the audit trail writable, its guard dropped", "audit_events",
                    "grant insert, update, delete on audit_events to %1$s;"
                            + " drop trigger audit_events_guard_change on audit_events",
                    List.of("rewrite my invoice's audit trail", "delete my invoice's audit trail",
                            "write a change that never happened into my audit trail")),
            new Weakening("the deferred totals check dropped", "invoices",
                    "drop trigger invoices_totals_match_lines on invoices;"
                            + " drop trigger line_items_totals_match_lines on line_items",
                    List.of("give my draft a subtotal its lines do not add up to, then commit",
                            "write my draft's totals, switch to tenant B before commit")),
            new Weakening("the guard of an issued invoice's lines dropped", "line_items",
                    "drop trigger line_items_guard_change on line_items",
                    List.of("change a line of my sent invoice", "delete the line of my sent invoice",
                            "add a line to my sent invoice")),
            new Weakening("UPDATE of every payment column granted, the payments guard dropped", "payments",
                    "grant update on payments to %1$s; drop trigger payments_guard_change on payments",
                    List.of("rewrite a payment's date, method and transaction id")),
            // A value becomes one of the most common values once it repeats: the probe's description
            // does, and each tenant's key does once it has more than one client.
            new Weakening("statistics gathered on line_items' description", "line_items",
                    "alter table line_items alter column description set statistics -1; analyze line_items",
                    List.of("EXPLAIN plan tells a stored description from an invented one")),
            new Weakening("statistics gathered on clients' tenant key, with 100 more clients each", "clients",
                    "alter table clients alter column user_id set statistics -1;"
                            + " insert into clients (user_id, id, name, email)"
                            + " select c.user_id, gen_random_uuid(), 'Client ' || n, 'client@example.com'"
                            + " from clients c cross join generate_series(1, 100) n;"
                            + " analyze clients",
                    List.of("EXPLAIN plan tells a committed tenant's key from an invented one")),
            new Weakening("INSERT, UPDATE and DELETE of client search windows granted", "client_search_trigrams",
                    "grant insert, update, delete on client_search_trigrams to %1$s",
                    List.of("store a search window my client's name and email do not have",
                            "rewrite my client's search windows",
                            "delete my client's search windows (searches then miss it)")),
            // Pieces of every tenant's client names and emails.
            new Weakening("an extra permissive policy USING (true) for SELECT", "client_search_trigrams",
                    "create policy client_search_trigrams_open on client_search_trigrams for select using (true)",
                    List.of("read another tenant's rows")),
            // The windows of client@example.com become the most common ones.
            new Weakening("statistics gathered on client search windows, with 1,000 more clients each",
                    "client_search_trigrams",
                    "alter table client_search_trigrams alter column trigram set statistics -1;"
                            + " insert into clients (user_id, id, name, email)"
                            + " select c.user_id, gen_random_uuid(), 'Customer ' || n, 'client@example.com'"
                            + " from clients c cross join generate_series(1, 1000) n where c.name = 'Probe client';"
                            + " analyze client_search_trigrams",
                    List.of("EXPLAIN plan tells a stored client search window from an invented one")));

    private final MigratedDatabase database;
    private IsolationReport report;

    WeakenedSchemaTest(MigratedDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void weaken_a_copy_of_the_schema_and_probe_it() throws SQLException {
        UUID committed = CommittedTenant.create(database);
        try (Session owner = Session.open(database.ownerDataSource(), ServiceKey.OWNER)) {
            for (Weakening weakening : WEAKENINGS) {
                owner.rows(weakening.sql().formatted(database.applicationRole()));
            }
            owner.commit();
        }
        report = IsolationProbe.builder(database.applicationDataSource()).tenantKey(ServiceKey.of(database))
                .committedTenant(committed).build().run();
    }

    @TestFactory
    Stream<DynamicTest> the_probe_reports_each_weakening() {
        return WEAKENINGS.stream().map(weakening -> dynamicTest(weakening.target() + ": " + weakening.description(),
                () -> assertThat(report.findings().stream()
                        .filter(finding -> finding.table().equals(weakening.target()))
                        .map(IsolationReport.Row::attack))
                        .containsAll(weakening.mustDeviate())));
    }

    @Test
    void tables_that_were_not_weakened_stay_isolated() {
        List<String> weakened = WEAKENINGS.stream().map(Weakening::target).toList();
        assertThat(report.findings())
                .allSatisfy(finding -> assertThat(weakened).as(finding.toString()).contains(finding.table()));
    }

    @AfterAll
    void print_what_the_probe_reported() {
        if (report != null) {
            System.out.println("Weakened schema: the probe's findings\n"
                    + new IsolationReport(report.tables(), report.findings()).table());
        }
    }
}

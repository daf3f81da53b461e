package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.EUR;
import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceSummary;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;

/**
 * {@link InvoiceRepository#summaries}: the rows of a list screen, as the application role under
 * row-level security, on the fixture's fixed today ({@link StoreFixture#TODAY}).
 */
class InvoiceSummariesTest extends StoreTest {

    /** Summaries ordered as lists are: newest issue date first, ties by id (UUIDv7, so by creation) last first. */
    private static final Comparator<InvoiceSummary> LIST_ORDER = Comparator.comparing(InvoiceSummary::issueDate)
            .thenComparing(summary -> summary.id().value()).reversed();

    private final TenantId tenant;
    private final ClientId acme;
    private final ClientId globex;
    /**
     * The shared tenant's invoices, never changed by a test: one in every status a service can bring
     * one to, several awaiting payment, issued over 40 days. Tests that change invoices use a tenant
     * of their own.
     */
    private final Invoice draft;
    private final Invoice dueToday;
    private final Invoice dueYesterday;
    private final Invoice viewedOverdue;
    private final Invoice partlyPaidOverdue;
    private final Invoice partlyPaidCurrent;
    private final Invoice paid;
    private final Invoice credited;
    private final Invoice globexCurrent;

    InvoiceSummariesTest(MigratedDatabase database) {
        super(database, 4);
        tenant = fixture.newTenant();
        acme = fixture.newClient(tenant, 30);
        globex = fixture.newClient(tenant, 14);
        // Issued oldest first: a series' issue dates never go backwards.
        Invoice sentOverdue = issuedOn(TODAY.minusDays(40), acme);
        viewedOverdue = store.inTenant(tenant, tx -> tx.invoices().markViewed(sentOverdue.id(), sentOverdue.version()));
        paid = paidIn(tenant, issuedOn(TODAY.minusDays(38), acme), "155.99");
        partlyPaidOverdue = paidIn(tenant, issuedOn(TODAY.minusDays(35), acme), "50.00");
        Invoice toCredit = issuedOn(TODAY.minusDays(33), globex);
        store.inTenant(tenant, tx -> tx.creditNotes().creditInFull(toCredit.id(), "Cancelled order"));
        credited = find(toCredit.id());
        dueYesterday = issuedOn(TODAY.minusDays(31), acme);
        dueToday = issuedOn(TODAY.minusDays(30), acme);
        partlyPaidCurrent = paidIn(tenant, issuedOn(TODAY.minusDays(2), globex), "10.00");
        globexCurrent = issuedOn(TODAY.minusDays(1), globex);
        draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(acme)));
    }

    @Test
    void each_row_is_the_invoice_without_its_lines_with_its_balance_and_todays_status() {
        List<InvoiceSummary> rows = summaries(InvoiceFilter.all(), 100).items();

        assertThat(rows).hasSize(9).isSortedAccordingTo(LIST_ORDER);
        for (InvoiceSummary row : rows) {
            Invoice invoice = find(row.id());
            assertThat(row).as(invoice.toString()).isEqualTo(new InvoiceSummary(invoice.id(), invoice.number(),
                    invoice.clientId(), row.clientName(), invoice.issueDate(), invoice.dueDate(), invoice.total(),
                    invoice.balance(), invoice.statusOn(TODAY), invoice.version()));
        }
        assertThat(rows).extracting(InvoiceSummary::status).containsExactly(DisplayStatus.DRAFT, DisplayStatus.SENT,
                DisplayStatus.PARTIALLY_PAID, DisplayStatus.SENT, DisplayStatus.OVERDUE, DisplayStatus.CREDITED,
                DisplayStatus.OVERDUE, DisplayStatus.PAID, DisplayStatus.OVERDUE);
    }

    @Test
    void overdue_is_decided_on_the_stores_today_and_due_today_is_not_overdue() {
        assertThat(statusOf(dueToday)).isEqualTo(DisplayStatus.SENT);
        assertThat(statusOf(dueYesterday)).isEqualTo(DisplayStatus.OVERDUE);
        assertThat(statusOf(viewedOverdue)).isEqualTo(DisplayStatus.OVERDUE);
        assertThat(statusOf(partlyPaidOverdue)).isEqualTo(DisplayStatus.OVERDUE);
        assertThat(statusOf(partlyPaidCurrent)).isEqualTo(DisplayStatus.PARTIALLY_PAID);
        assertThat(statusOf(paid)).as("paid after its due date").isEqualTo(DisplayStatus.PAID);
        assertThat(dueYesterday.dueDate()).isEqualTo(TODAY.minusDays(1));
        assertThat(dueToday.dueDate()).isEqualTo(TODAY);
    }

    @Test
    void every_filter_selects_the_invoices_list_selects_in_the_same_order() {
        List<InvoiceFilter> filters = new ArrayList<>(List.of(InvoiceFilter.all(), InvoiceFilter.all().forClient(globex),
                InvoiceFilter.all().issuedBetween(TODAY.minusDays(35), TODAY.minusDays(30)),
                InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE).forClient(acme).issuedBetween(TODAY.minusDays(36),
                        TODAY.minusDays(31)),
                InvoiceFilter.all().after(dueYesterday.id()),
                InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE).after(dueYesterday.id())));
        Stream.of(DisplayStatus.values()).map(status -> InvoiceFilter.all().withStatus(status)).forEach(filters::add);

        for (InvoiceFilter filter : filters) {
            List<InvoiceId> listed = store.inTenant(tenant, tx -> tx.invoices().list(filter, 100)).items().stream()
                    .map(Invoice::id).toList();
            assertThat(ids(summaries(filter, 100))).as(filter.toString()).isEqualTo(listed);
        }
    }

    @Test
    void each_status_filter_finds_the_invoices_shown_in_that_status_today() {
        assertThat(ids(summaries(InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), 100)))
                .containsExactly(dueYesterday.id(), partlyPaidOverdue.id(), viewedOverdue.id());
        assertThat(ids(summaries(InvoiceFilter.all().withStatus(DisplayStatus.SENT), 100)))
                .containsExactly(globexCurrent.id(), dueToday.id());
        assertThat(ids(summaries(InvoiceFilter.all().withStatus(DisplayStatus.PARTIALLY_PAID), 100)))
                .containsExactly(partlyPaidCurrent.id());
        assertThat(ids(summaries(InvoiceFilter.all().withStatus(DisplayStatus.VIEWED), 100))).isEmpty();
        assertThat(ids(summaries(InvoiceFilter.all().withStatus(DisplayStatus.DRAFT), 100))).containsExactly(draft.id());
        assertThat(ids(summaries(InvoiceFilter.all().withStatus(DisplayStatus.PAID), 100))).containsExactly(paid.id());
        assertThat(ids(summaries(InvoiceFilter.all().withStatus(DisplayStatus.CREDITED), 100)))
                .containsExactly(credited.id());
        for (DisplayStatus status : DisplayStatus.values()) {
            assertThat(summaries(InvoiceFilter.all().withStatus(status), 100).items()).extracting(InvoiceSummary::status)
                    .as("shown as the filter asked").allMatch(shown -> shown == status);
        }
    }

    @Test
    void client_and_issue_date_filters_narrow_the_rows() {
        assertThat(ids(summaries(InvoiceFilter.all().forClient(globex), 100)))
                .containsExactly(globexCurrent.id(), partlyPaidCurrent.id(), credited.id());
        assertThat(ids(summaries(InvoiceFilter.all().issuedBetween(TODAY.minusDays(35), TODAY.minusDays(31)), 100)))
                .containsExactly(dueYesterday.id(), credited.id(), partlyPaidOverdue.id());
        assertThat(ids(summaries(InvoiceFilter.all().forClient(acme).withStatus(DisplayStatus.OVERDUE)
                .issuedBetween(TODAY.minusDays(36), TODAY.minusDays(31)), 100)))
                .containsExactly(dueYesterday.id(), partlyPaidOverdue.id());
    }

    @Test
    void keyset_pages_walk_every_row_once_in_list_order() {
        for (InvoiceFilter filter : List.of(InvoiceFilter.all(), InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE))) {
            List<InvoiceSummary> walked = new ArrayList<>();
            List<Boolean> hasMore = new ArrayList<>();
            Page<InvoiceSummary> page = summaries(filter, 2);
            walked.addAll(page.items());
            hasMore.add(page.hasMore());
            while (page.hasMore()) {
                InvoiceId last = page.items().getLast().id();
                page = summaries(filter.after(last), 2);
                walked.addAll(page.items());
                hasMore.add(page.hasMore());
            }

            assertThat(ids(walked)).as(filter.toString()).isEqualTo(ids(summaries(filter, 100)));
            assertThat(hasMore.getLast()).isFalse();
            assertThat(hasMore).hasSize((walked.size() + 1) / 2);
        }
        assertThat(summaries(InvoiceFilter.all(), 9).hasMore()).isFalse();
        assertThat(summaries(InvoiceFilter.all(), 8).hasMore()).isTrue();
    }

    @Test
    void a_draft_shows_its_clients_current_name_an_issued_invoice_the_buyer_it_was_issued_to() {
        TenantId renaming = fixture.newTenant();
        ClientId client = fixture.newClient(renaming, 30);
        Invoice issued = fixture.sentInvoice(renaming, client);
        Invoice drafted = store.inTenant(renaming, tx -> tx.invoices().createDraft(fixture.draft(client)));

        store.inTenant(renaming, tx -> {
            Client before = tx.clients().find(client).orElseThrow();
            return tx.clients().update(new Client(before.id(), "Acme Renamed Ltd", before.email(), before.paymentTerms(),
                    before.address(), before.taxId(), before.version()));
        });
        List<InvoiceSummary> rows = store.inTenant(renaming, tx -> tx.invoices().summaries(InvoiceFilter.all(), 10))
                .items();

        assertThat(rows).extracting(InvoiceSummary::id, InvoiceSummary::clientName).containsExactlyInAnyOrder(
                tuple(issued.id(), "Acme 30"),
                tuple(drafted.id(), "Acme Renamed Ltd"));
        assertThat(issued.buyer().name()).isEqualTo("Acme 30");
    }

    @Test
    void the_balance_is_the_total_less_what_was_paid_and_credited() {
        TenantId paying = fixture.newTenant();
        Invoice invoice = paidIn(paying, fixture.sentInvoice(paying, fixture.newClient(paying, 30)), "50.00");
        store.inTenant(paying, tx -> {
            var note = tx.creditNotes().createDraft(new CreditNoteDraft(invoice.id(), "Discount agreed after delivery",
                    List.of(new LineDraft("Discount", Quantity.of("1"), Money.of("10.00", EUR), null))));
            return tx.creditNotes().issue(note.id(), note.version());                 // 10.00 + 20% tax
        });

        InvoiceSummary row = store.inTenant(paying, tx -> tx.invoices().summaries(InvoiceFilter.all(), 10)).items()
                .getFirst();

        assertThat(row.total()).isEqualTo(Money.of("155.99", EUR));
        assertThat(row.balance()).isEqualTo(Money.of("93.99", EUR));              // 155.99 - 50.00 - 12.00
        assertThat(row.balance()).isEqualTo(store.inTenant(paying, tx -> tx.invoices().find(invoice.id())).orElseThrow()
                .balance());
        assertThat(row.status()).isEqualTo(DisplayStatus.PARTIALLY_PAID);
        assertThat(summaries(InvoiceFilter.all().withStatus(DisplayStatus.PAID), 100).items()).singleElement()
                .satisfies(summary -> assertThat(summary.balance().isZero()).isTrue());
    }

    @Test
    void the_version_read_lets_a_screen_act_on_the_row() {
        TenantId acting = fixture.newTenant();
        fixture.sentInvoice(acting, fixture.newClient(acting, 30));
        InvoiceSummary row = store.inTenant(acting, tx -> tx.invoices().summaries(InvoiceFilter.all(), 1)).items()
                .getFirst();

        Invoice viewed = store.inTenant(acting, tx -> tx.invoices().markViewed(row.id(), row.version()));
        InvoiceSummary reread = store.inTenant(acting, tx -> tx.invoices().summaries(InvoiceFilter.all(), 1)).items()
                .getFirst();

        assertThat(reread.status()).isEqualTo(DisplayStatus.VIEWED);
        assertThat(reread.version()).isEqualTo(viewed.version()).isEqualTo(row.version() + 1);
    }

    @Test
    void another_tenants_invoices_never_appear() {
        TenantId other = fixture.newTenant();
        Invoice othersInvoice = fixture.sentInvoice(other, fixture.newClient(other, 0));

        List<InvoiceId> mine = ids(summaries(InvoiceFilter.all(), 100));
        List<InvoiceSummary> theirs = store.inTenant(other, tx -> tx.invoices().summaries(InvoiceFilter.all(), 100))
                .items();
        Page<InvoiceSummary> afterTheirs = summaries(InvoiceFilter.all().after(othersInvoice.id()), 100);
        Page<InvoiceSummary> theirsAfterMine = store.inTenant(other,
                tx -> tx.invoices().summaries(InvoiceFilter.all().after(paid.id()), 100));

        assertThat(mine).doesNotContain(othersInvoice.id()).contains(paid.id());
        assertThat(ids(theirs)).containsExactly(othersInvoice.id());
        assertThat(afterTheirs.items()).as("paging after another tenant's invoice finds none").isEmpty();
        assertThat(theirsAfterMine.items()).isEmpty();
    }

    @Test
    void a_page_is_one_statement_client_names_included() {
        StatementCount statements = new StatementCount();
        InvoiceStore counted = InvoiceStore.builder()
                .configuration(new DefaultConfiguration().set(fixture.pool).set(SQLDialect.POSTGRES).set(statements))
                .tenantSigning(fixture.signing).clock(fixture.clock).build();

        for (InvoiceFilter filter : List.of(InvoiceFilter.all(), InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE),
                InvoiceFilter.all().forClient(acme).after(dueToday.id()))) {
            int executed = counted.inTenant(tenant, tx -> {
                int before = statements.count;
                Page<InvoiceSummary> page = tx.invoices().summaries(filter, 100);
                assertThat(page.items()).isNotEmpty();
                return statements.count - before;
            });
            assertThat(executed).as(filter.toString()).isEqualTo(1);
        }
        int listing = counted.inTenant(tenant, tx -> {
            int before = statements.count;
            tx.invoices().summaries(InvoiceFilter.all(), 100).items().forEach(row -> tx.invoices().find(row.id()));
            return statements.count - before;
        });
        assertThat(listing).as("the counter counts each statement").isEqualTo(1 + 9);
    }

    @Test
    void the_statuses_are_literals_so_that_a_generic_plan_reads_a_page_from_the_v17_index_alone() {
        StatementCount statements = new StatementCount();
        InvoiceStore recording = InvoiceStore.builder()
                .configuration(new DefaultConfiguration().set(fixture.pool).set(SQLDialect.POSTGRES).set(statements))
                .tenantSigning(fixture.signing).clock(fixture.clock).build();
        recording.inTenant(tenant, tx -> tx.invoices().summaries(InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), 50));
        String sql = statements.last;
        String prepared = sql.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2").replaceFirst("\\?", "\\$3");
        assertThat(prepared).as("bound: the tenant, today and the limit; nothing else").doesNotContain("?");

        List<String> plan = store.inTenant(tenant, tx -> {
            // Only index-only scans left to the planner, and a generic plan (the parameters unknown):
            // the invoices are read from the partial index only if its predicate is proven.
            tx.dsl().execute("set local plan_cache_mode = force_generic_plan");
            tx.dsl().execute("set local enable_indexscan = off");
            tx.dsl().execute("set local enable_bitmapscan = off");
            tx.dsl().execute("set local enable_seqscan = off");
            tx.dsl().execute("prepare summaries_page as " + prepared);
            try {
                return tx.dsl().fetch("explain (costs off) execute summaries_page('" + tenant.value() + "', '" + TODAY
                        + "', 51)").getValues(0, String.class);
            } finally {
                tx.dsl().execute("deallocate summaries_page");
            }
        });

        assertThat(plan).as(String.join("\n", plan))
                .anyMatch(line -> line.contains("Index Only Scan using invoices_user_awaiting_payment_idx on invoices"))
                .noneMatch(line -> line.contains("Seq Scan on invoices"));
    }

    /** Counts the statements jOOQ executes, and keeps the last one's SQL. */
    private static final class StatementCount implements ExecuteListener {

        int count;
        String last;

        @Override
        public void executeStart(ExecuteContext ctx) {
            count++;
            last = ctx.sql();
        }
    }

    private Page<InvoiceSummary> summaries(InvoiceFilter filter, int limit) {
        return store.inTenant(tenant, tx -> tx.invoices().summaries(filter, limit));
    }

    private DisplayStatus statusOf(Invoice invoice) {
        return summaries(InvoiceFilter.all(), 100).items().stream().filter(row -> row.id().equals(invoice.id()))
                .findFirst().orElseThrow().status();
    }

    private Invoice find(InvoiceId id) {
        return store.inTenant(tenant, tx -> tx.invoices().find(id)).orElseThrow();
    }

    /** The fixture's draft (EUR 155.99) for {@code client}, issued by a store whose today is {@code day}. */
    private Invoice issuedOn(LocalDate day, ClientId client) {
        InvoiceDraft draft = InvoiceDraft.builder(EUR).client(client).issuedOn(day).taxRate(new BigDecimal("20"))
                .line("Consulting", new BigDecimal("2"), new BigDecimal("50.00"))
                .line("Hosting", new BigDecimal("1.5"), new BigDecimal("19.99")).build();
        return fixture.storeOn(day).inTenant(tenant, tx -> {
            Invoice created = tx.invoices().createDraft(draft);
            return tx.invoices().issue(created.id(), created.version());
        });
    }

    private Invoice paidIn(TenantId owner, Invoice invoice, String amount) {
        return store.inTenant(owner, tx -> {
            tx.payments().record(Payment.pending(PaymentId.generate(fixture.clock), invoice.id(), Money.of(amount, EUR),
                    PaymentMethod.BANK_TRANSFER, TODAY, null, null).complete());
            return tx.invoices().find(invoice.id()).orElseThrow();
        });
    }

    private static List<InvoiceId> ids(Page<InvoiceSummary> page) {
        return ids(page.items());
    }

    private static List<InvoiceId> ids(List<InvoiceSummary> rows) {
        return rows.stream().map(InvoiceSummary::id).toList();
    }
}

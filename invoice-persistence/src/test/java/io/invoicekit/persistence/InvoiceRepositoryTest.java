package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.EUR;
import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.LineItem;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceRepositoryTest extends StoreTest {

    InvoiceRepositoryTest(MigratedDatabase database) {
        super(database, 4);
    }

    @Test
    void a_draft_is_stored_without_number_with_its_lines_totals_and_due_date_from_the_client_terms() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 14);

        Invoice created = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
        Invoice loaded = store.inTenant(tenant, tx -> tx.invoices().find(created.id())).orElseThrow();

        assertThat(loaded).isEqualTo(created);
        assertThat(loaded.number()).as("a draft's number, given at issue").isNull();
        assertThat(loaded.dueDate()).isEqualTo(TODAY.plusDays(14));
        assertThat(loaded.subtotal()).isEqualTo(Money.of("129.99", EUR));
        assertThat(loaded.tax()).isEqualTo(Money.of("26.00", EUR));
        assertThat(loaded.total()).isEqualTo(Money.of("155.99", EUR));
        assertThat(loaded.lines()).extracting(LineItem::description).containsExactly("Consulting", "Hosting");
        assertThat(loaded.lines().get(1).amount()).isEqualTo(Money.of("29.99", EUR));
    }

    /**
     * The lines travel as arrays, one per column, in one statement: each description must arrive as
     * given, whatever it holds of an array literal's syntax, and each line keep its place and its
     * catalog item or none.
     */
    @Test
    void lines_are_stored_as_given_in_order_with_or_without_a_catalog_item() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        ServiceItem audit = store.inTenant(tenant, tx -> tx.services().create(ServiceItem.create(
                ServiceItemId.generate(fixture.clock), "Audit", null, Money.of("1200.00", EUR), TaxRate.of("20"))));
        List<String> descriptions = List.of("NULL", "say \"hi\", {twice}", "back\\slash", "Größe 😀");
        InvoiceDraft.Builder builder = InvoiceDraft.builder(EUR).client(client).issuedOn(TODAY).taxRate(BigDecimal.ZERO);
        descriptions.forEach(text -> builder.line(text, new BigDecimal("1.5"), new BigDecimal("2.00")));
        InvoiceDraft draft = builder.line(audit, BigDecimal.ONE).build();

        Invoice created = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft));
        List<LineItem> stored = store.inTenant(tenant, tx -> tx.invoices().lineItems(created.id()));

        assertThat(stored).isEqualTo(created.lines());
        assertThat(stored).extracting(LineItem::description)
                .containsExactly("NULL", "say \"hi\", {twice}", "back\\slash", "Größe 😀", "Audit");
        assertThat(stored).extracting(LineItem::serviceItemId).containsExactly(null, null, null, null, audit.id());
    }

    @Test
    void a_draft_without_lines_is_stored_and_edited_with_none() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        InvoiceDraft empty = InvoiceDraft.builder(EUR).client(client).issuedOn(TODAY).taxRate(BigDecimal.ZERO).build();
        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));

        Invoice created = store.inTenant(tenant, tx -> tx.invoices().createDraft(empty));
        Invoice emptied = store.inTenant(tenant, tx -> tx.invoices().updateDraft(draft.id(), draft.version(), empty));

        List<LineItem> createdLines = store.inTenant(tenant, tx -> tx.invoices().lineItems(created.id()));
        Optional<Invoice> emptiedStored = store.inTenant(tenant, tx -> tx.invoices().find(emptied.id()));

        assertThat(createdLines).isEmpty();
        assertThat(emptiedStored).contains(emptied);
        assertThat(emptied.lines()).isEmpty();
    }

    /**
     * A page reads its invoices' lines as rows joined to them, grouped back per invoice: each
     * invoice on it must be the one {@code find} reads, whether it has lines or none, and whether its
     * neighbours on the page have any.
     */
    @Test
    void a_page_holds_each_invoice_as_find_reads_it_with_its_lines_or_none() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        InvoiceDraft empty = InvoiceDraft.builder(EUR).client(client).issuedOn(TODAY).taxRate(BigDecimal.ZERO).build();
        Invoice paid = fixture.sentInvoice(tenant, client);
        store.inTenant(tenant, tx -> tx.payments().record(Payment.pending(PaymentId.generate(fixture.clock), paid.id(),
                paid.total(), PaymentMethod.CARD, TODAY, null, null).complete()));
        List<InvoiceId> ids = new ArrayList<>(List.of(paid.id()));
        for (InvoiceDraft draft : List.of(empty, fixture.draft(client), empty, fixture.draft(client), empty)) {
            ids.add(store.inTenant(tenant, tx -> tx.invoices().createDraft(draft)).id());
        }

        Page<Invoice> page = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), ids.size()));
        List<Invoice> found = ids.stream()
                .map(id -> store.inTenant(tenant, tx -> tx.invoices().find(id)).orElseThrow()).toList();

        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).containsExactlyInAnyOrderElementsOf(found);
        assertThat(page.items()).extracting(invoice -> invoice.lines().size()).containsOnly(0, 2);
        assertThat(found.getFirst().paidDate()).isNotNull();
    }

    @Test
    void each_tenant_numbers_its_invoices_from_one() {
        TenantId first = fixture.newTenant();
        TenantId second = fixture.newTenant();
        ClientId firstClient = fixture.newClient(first, 30);
        ClientId secondClient = fixture.newClient(second, 30);

        fixture.sentInvoice(first, firstClient);
        Invoice firstAgain = fixture.sentInvoice(first, firstClient);
        Invoice secondsFirst = fixture.sentInvoice(second, secondClient);

        assertThat(firstAgain.number().text()).isEqualTo("INV-000002");
        assertThat(secondsFirst.number().text()).isEqualTo("INV-000001");
        assertThat(store.inTenant(first, tx -> tx.invoices().list(InvoiceFilter.all(), 10)).items()).hasSize(2);
    }

    @Test
    void keyset_pages_walk_every_invoice_once_newest_issue_date_first() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        List<InvoiceId> created = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            InvoiceDraft draft = draftIssuedOn(client, TODAY.minusDays(day % 3));
            created.add(store.inTenant(tenant, tx -> tx.invoices().createDraft(draft)).id());
        }

        List<Invoice> walked = new ArrayList<>();
        Page<Invoice> page = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), 3));
        walked.addAll(page.items());
        while (page.hasMore()) {
            InvoiceId last = page.items().getLast().id();
            page = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all().after(last), 3));
            walked.addAll(page.items());
        }

        assertThat(walked).extracting(Invoice::id).containsExactlyInAnyOrderElementsOf(created);
        assertThat(walked).extracting(Invoice::issueDate).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void overdue_is_derived_from_due_date_and_today_not_stored() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice pastDue = sent(fixture.storeOn(TODAY.minusDays(40)), tenant, draftIssuedOn(client, TODAY));
        Invoice current = sent(fixture.storeOn(TODAY.minusDays(5)), tenant, draftIssuedOn(client, TODAY));
        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));

        assertThat(idsWithStatus(tenant, DisplayStatus.OVERDUE)).containsExactly(pastDue.id());
        assertThat(idsWithStatus(tenant, DisplayStatus.SENT)).containsExactly(current.id());
        assertThat(idsWithStatus(tenant, DisplayStatus.DRAFT)).containsExactly(draft.id());
        assertThat(pastDue.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(pastDue.statusOn(TODAY)).isEqualTo(DisplayStatus.OVERDUE);
    }

    @Test
    void invoices_filter_by_client_and_issue_date_range() {
        TenantId tenant = fixture.newTenant();
        ClientId one = fixture.newClient(tenant, 30);
        ClientId other = fixture.newClient(tenant, 30);
        Invoice old = store.inTenant(tenant, tx -> tx.invoices().createDraft(draftIssuedOn(one, TODAY.minusDays(60))));
        Invoice recent = store.inTenant(tenant, tx -> tx.invoices().createDraft(draftIssuedOn(one, TODAY)));
        store.inTenant(tenant, tx -> tx.invoices().createDraft(draftIssuedOn(other, TODAY)));

        assertThat(store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all().forClient(one), 10)).items())
                .extracting(Invoice::id).containsExactly(recent.id(), old.id());
        assertThat(store.inTenant(tenant, tx -> tx.invoices()
                .list(InvoiceFilter.all().forClient(one).issuedBetween(TODAY.minusDays(90), TODAY.minusDays(30)), 10))
                .items()).extracting(Invoice::id).containsExactly(old.id());
    }

    @Test
    void a_draft_is_edited_then_sent_viewed_and_a_sent_invoice_can_no_longer_be_edited() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
        InvoiceDraft edit = InvoiceDraft.builder(EUR).client(client).issuedOn(TODAY).taxRate(BigDecimal.ZERO)
                .line("Workshop", BigDecimal.ONE, new BigDecimal("900.00")).build();

        Invoice edited = store.inTenant(tenant, tx -> tx.invoices().updateDraft(draft.id(), draft.version(), edit));
        Invoice sent = store.inTenant(tenant, tx -> tx.invoices().issue(edited.id(), edited.version()));
        Invoice viewed = store.inTenant(tenant, tx -> tx.invoices().markViewed(sent.id(), sent.version()));

        assertThat(edited.number()).isEqualTo(draft.number());
        List<LineItem> lines = store.inTenant(tenant, tx -> tx.invoices().lineItems(draft.id()));
        assertThat(lines).extracting(LineItem::description).containsExactly("Workshop");
        assertThat(viewed.status()).isEqualTo(InvoiceStatus.VIEWED);
        assertThat(viewed.total()).isEqualTo(Money.of("900.00", EUR));
        assertThatThrownBy(() -> store.inTenant(tenant,
                tx -> tx.invoices().updateDraft(viewed.id(), viewed.version(), edit)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be DRAFT");
    }

    @Test
    void a_stale_version_is_refused_and_changes_nothing() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
        store.inTenant(tenant, tx -> tx.invoices().issue(draft.id(), draft.version()));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.invoices().voidInvoice(draft.id(), draft.version())))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ConcurrencyConflictException.Reason.STALE_VERSION));
        assertThat(store.inTenant(tenant, tx -> tx.invoices().find(draft.id())).orElseThrow().status())
                .isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void an_illegal_transition_names_both_states() {
        TenantId tenant = fixture.newTenant();
        Invoice sent = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.invoices().voidInvoice(sent.id(), sent.version())))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("SENT").hasMessageContaining("VOID");
    }

    @Test
    void another_tenants_invoice_is_not_found() {
        TenantId owner = fixture.newTenant();
        TenantId other = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(owner, fixture.newClient(owner, 30));

        Optional<Invoice> seenByOther = store.inTenant(other, tx -> tx.invoices().find(invoice.id()));
        assertThat(seenByOther).isEmpty();
        assertThatThrownBy(() -> store.inTenant(other, tx -> tx.invoices().issue(invoice.id(), invoice.version())))
                .isInstanceOf(NotFoundException.class);
    }

    private InvoiceDraft draftIssuedOn(ClientId client, java.time.LocalDate issueDate) {
        return InvoiceDraft.builder(EUR).client(client).issuedOn(issueDate).taxRate(new BigDecimal("10"))
                .line("Support", BigDecimal.ONE, new BigDecimal("100.00")).build();
    }

    private static Invoice sent(InvoiceStore on, TenantId tenant, InvoiceDraft draft) {
        return on.inTenant(tenant, tx -> {
            Invoice created = tx.invoices().createDraft(draft);
            return tx.invoices().issue(created.id(), created.version());
        });
    }

    private List<InvoiceId> idsWithStatus(TenantId tenant, DisplayStatus status) {
        return store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all().withStatus(status), 100))
                .items().stream().map(Invoice::id).toList();
    }
}

package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.ConstraintViolationException;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.Party;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.series.NumberPattern;
import io.invoicekit.core.series.NumberingSeries;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.testing.MigratedDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Numbers are given as invoices are issued, in a tenant's series; issued invoices keep what they say. */
class InvoiceIssuingTest extends StoreTest {

    InvoiceIssuingTest(MigratedDatabase database) {
        super(database, 2);
    }

    @Test
    void a_draft_has_no_number_and_issuing_numbers_it_in_the_default_series_naming_seller_and_buyer() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);

        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
        Invoice first = issue(store, tenant, draft);
        Invoice second = fixture.sentInvoice(tenant, client);

        assertThat(draft.number()).isNull();
        assertThat(first.number()).isEqualTo(InvoiceNumber.of("INV-000001"));
        assertThat(second.number()).isEqualTo(InvoiceNumber.of("INV-000002"));
        assertThat(first.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(first.issueDate()).isEqualTo(TODAY);
        assertThat(first.seller()).isEqualTo(new Party("Tenant " + tenant.value(), null, null));
        assertThat(first.buyer()).isEqualTo(new Party("Acme 30", null, null));
        assertThat(first).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(draft.issue(first.number(), TODAY, first.seller(), first.buyer()));
    }

    @Test
    void an_issued_invoice_keeps_the_seller_and_buyer_of_its_day() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice before = fixture.sentInvoice(tenant, client);

        Party seller = new Party("Books Ltd", "1 High Street, Dublin", "IE1234567T");
        store.inTenantRun(tenant, tx -> {
            tx.profile().updateSeller(seller);
            Client current = tx.clients().find(client).orElseThrow();
            tx.clients().update(new Client(client, "Acme Renamed", current.email(), PaymentTerms.ofDays(30),
                    "Hauptstrasse 1, Berlin", "DE123456789", current.version()));
        });
        Invoice after = fixture.sentInvoice(tenant, client);

        assertThat(store.inTenant(tenant, tx -> tx.invoices().find(before.id())).orElseThrow()).isEqualTo(before);
        assertThat(after.seller()).isEqualTo(seller);
        assertThat(after.buyer()).isEqualTo(new Party("Acme Renamed", "Hauptstrasse 1, Berlin", "DE123456789"));
        Party current = store.inTenant(tenant, tx -> tx.profile().seller());
        assertThat(current).isEqualTo(seller);
    }

    @Test
    void a_leaving_client_is_erased_while_the_invoices_issued_to_it_keep_naming_it() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice issued = fixture.sentInvoice(tenant, client);
        Client before = store.inTenant(tenant, tx -> tx.clients().find(client)).orElseThrow();

        Client erased = store.inTenant(tenant, tx -> tx.clients().erase(client, before.version()));

        assertThat(erased.name()).isEqualTo("Erased client");
        assertThat(erased.email()).isEqualTo("erased-" + client.value() + "@erased.invalid");
        assertThat(erased.address()).isNull();
        assertThat(store.inTenant(tenant, tx -> tx.invoices().find(issued.id())).orElseThrow().buyer())
                .isEqualTo(new Party("Acme 30", null, null));
        List<Client> found = store.inTenant(tenant, tx -> tx.clients().search("Acme", 10));
        assertThat(found).isEmpty();
    }

    @Test
    void a_rolled_back_issue_and_a_discarded_draft_leave_no_gap() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice kept = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
        Invoice discarded = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> {
            tx.invoices().issue(kept.id(), kept.version());
            throw new IllegalStateException("the service changed its mind");
        })).hasMessage("the service changed its mind");
        store.inTenantRun(tenant, tx -> tx.invoices().discard(discarded.id(), discarded.version()));

        Optional<Invoice> gone = store.inTenant(tenant, tx -> tx.invoices().find(discarded.id()));
        assertThat(gone).isEmpty();
        assertThat(issue(store, tenant, kept).number()).isEqualTo(InvoiceNumber.of("INV-000001"));
    }

    @Test
    void an_issued_invoice_is_never_discarded() {
        TenantId tenant = fixture.newTenant();
        Invoice issued = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));

        assertThatThrownBy(() -> store.inTenantRun(tenant, tx -> tx.invoices().discard(issued.id(), issued.version())))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invoice INV-000001 cannot be discarded: status must be DRAFT to discard, was SENT; "
                        + "number must be absent to discard: a numbered invoice is kept, was INV-000001");
        Optional<Invoice> kept = store.inTenant(tenant, tx -> tx.invoices().find(issued.id()));
        assertThat(kept).contains(issued);
    }

    @Test
    void a_yearly_series_of_its_own_restarts_on_the_first_of_january() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        NumberingSeries shop = store.inTenant(tenant, tx -> tx.series().create(DocumentKind.INVOICE, "Shop", "S",
                NumberPattern.of("{prefix}{yyyy}-{seq:6}"), ResetPeriod.YEARLY, false));
        InvoiceStore newYearsEve = fixture.storeOn(LocalDate.of(2026, 12, 31));
        InvoiceStore newYear = fixture.storeOn(LocalDate.of(2027, 1, 1));

        String first = issueIn(newYearsEve, tenant, client, shop);
        String second = issueIn(newYearsEve, tenant, client, shop);
        String third = issueIn(newYear, tenant, client, shop);
        String inDefault = issue(newYear, tenant, store.inTenant(tenant,
                tx -> tx.invoices().createDraft(fixture.draft(client)))).number().text();

        assertThat(first).isEqualTo("S2026-000001");
        assertThat(second).isEqualTo("S2026-000002");
        assertThat(third).isEqualTo("S2027-000001");
        assertThat(inDefault).isEqualTo("INV-000001");
    }

    @Test
    void an_issue_date_before_the_last_one_of_its_series_is_refused() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        NumberingSeries series = store.inTenant(tenant, tx -> tx.series().defaultFor(DocumentKind.INVOICE)).orElseThrow();
        issueIn(fixture.storeOn(TODAY.plusDays(1)), tenant, client, series);
        Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));

        assertThatThrownBy(() -> issue(store, tenant, draft))
                .isInstanceOfSatisfying(ConstraintViolationException.class, refused -> {
                    assertThat(refused.constraint()).isEqualTo("invoice_series_dates_ascending");
                    assertThat(refused.rule()).isEqualTo("issueDate must not be before the last issue date of its series");
                });
        assertThat(store.inTenant(tenant, tx -> tx.invoices().find(draft.id())).orElseThrow().number()).isNull();
    }

    @Test
    void a_new_format_writes_the_numbers_to_come_and_never_renumbers_the_issued() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice before = fixture.sentInvoice(tenant, client);
        NumberingSeries series = store.inTenant(tenant, tx -> tx.series().defaultFor(DocumentKind.INVOICE)).orElseThrow();

        NumberingSeries changed = store.inTenant(tenant, tx -> tx.series().changeFormat(series.id(), series.version(),
                "R-", NumberPattern.of("{prefix}{yyyy}/{seq:3}"), ResetPeriod.NEVER));
        Invoice after = fixture.sentInvoice(tenant, client);

        assertThat(changed.version()).isEqualTo(series.version() + 1);
        assertThat(store.inTenant(tenant, tx -> tx.invoices().find(before.id())).orElseThrow().number().text())
                .isEqualTo("INV-000001");
        assertThat(after.number().text()).isEqualTo("R-2026/002");
    }

    @Test
    void a_series_given_a_yearly_reset_mid_year_counts_on_until_the_next_year() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        fixture.sentInvoice(tenant, client);
        NumberingSeries series = store.inTenant(tenant, tx -> tx.series().defaultFor(DocumentKind.INVOICE)).orElseThrow();

        store.inTenant(tenant, tx -> tx.series().changeFormat(series.id(), series.version(), "INV-",
                NumberPattern.of("{prefix}{yyyy}-{seq:6}"), ResetPeriod.YEARLY));
        String sameYear = fixture.sentInvoice(tenant, client).number().text();
        String nextYear = issueIn(fixture.storeOn(LocalDate.of(2027, 1, 4)), tenant, client, series);

        assertThat(sameYear).isEqualTo("INV-2026-000002");
        assertThat(nextYear).isEqualTo("INV-2027-000001");
    }

    @Test
    void a_new_default_series_takes_over_and_the_old_one_stays_usable() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        NumberingSeries old = store.inTenant(tenant, tx -> tx.series().defaultFor(DocumentKind.INVOICE)).orElseThrow();

        NumberingSeries channel = store.inTenant(tenant, tx -> tx.series().create(DocumentKind.INVOICE, "Channel B",
                "B-", NumberPattern.DEFAULT, ResetPeriod.NEVER, true));
        String inNewDefault = fixture.sentInvoice(tenant, client).number().text();
        String inOld = issueIn(store, tenant, client, old);

        assertThat(inNewDefault).isEqualTo("B-000001");
        assertThat(inOld).isEqualTo("INV-000001");
        List<NumberingSeries> all = store.inTenant(tenant, tx -> tx.series().list());
        assertThat(all).extracting(NumberingSeries::kind, NumberingSeries::name, NumberingSeries::isDefault)
                .containsExactly(
                        tuple(DocumentKind.CREDIT_NOTE, "Credit notes", true),
                        tuple(DocumentKind.INVOICE, "Channel B", true),
                        tuple(DocumentKind.INVOICE, "Invoices", false));
        assertThat(channel.isDefault()).isTrue();
    }

    @Test
    void the_readme_example_of_issuing_runs_as_written() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        var invoiceDraft = fixture.draft(client);
        Invoice otherDraft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));

        // --- from the README, "Issuing invoices" ---
        store.inTenantRun(tenant, tx -> tx.profile().updateSeller(
                new Party("Books Ltd", "1 High Street, Dublin", "IE1234567T")));   // named on invoices from now on
        NumberingSeries shop = store.inTenant(tenant, tx -> tx.series().create(DocumentKind.INVOICE, "Shop", "S",
                NumberPattern.of("{prefix}{yyyy}-{seq:6}"), ResetPeriod.YEARLY, false));
        Invoice issued = store.inTenant(tenant, tx -> {
            Invoice draft = tx.invoices().createDraft(invoiceDraft);                // no number yet
            return tx.invoices().issue(draft.id(), draft.version(), shop.id());    // S2026-000001, dated today
        });
        store.inTenantRun(tenant, tx -> tx.invoices().discard(otherDraft.id(), otherDraft.version())); // no gap
        // --- end of the README ---

        assertThat(issued.number().text()).isEqualTo("S2026-000001");
        assertThat(issued.seller().name()).isEqualTo("Books Ltd");
        Optional<Invoice> discarded = store.inTenant(tenant, tx -> tx.invoices().find(otherDraft.id()));
        assertThat(discarded).isEmpty();
    }

    private static Invoice issue(InvoiceStore on, TenantId tenant, Invoice draft) {
        return on.inTenant(tenant, tx -> tx.invoices().issue(draft.id(), draft.version()));
    }

    private String issueIn(InvoiceStore on, TenantId tenant, ClientId client, NumberingSeries series) {
        return on.inTenant(tenant, tx -> {
            Invoice draft = tx.invoices().createDraft(fixture.draft(client));
            return tx.invoices().issue(draft.id(), draft.version(), series.id());
        }).number().text();
    }
}

package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.EUR;
import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.OverpaymentException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.series.NumberPattern;
import io.invoicekit.core.series.NumberingSeries;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends StoreTest {

    private static final int THREADS = 16;
    private static final int TENANTS = 4;
    private static final int ISSUES_PER_THREAD = 60;

    private final MigratedDatabase database;

    ConcurrencyTest(MigratedDatabase database) {
        super(database, THREADS);
        this.database = database;
    }

    /** One in ten issues is rolled back on purpose: its number must come back. */
    private static final class ChangedItsMind extends RuntimeException {
        ChangedItsMind() {
            super("rolled back on purpose");
        }
    }

    /** A tenant with a client and two invoice series: its default one and a yearly one of its own. */
    private record Biller(TenantId tenant, ClientId client, List<NumberingSeries> series) {
    }

    @Test
    void sixteen_threads_issuing_and_crediting_in_several_tenants_and_series_leave_every_series_numbered_1_to_n_and_one_audit_row_per_change() throws Exception {
        List<Biller> billers = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            TenantId tenant = fixture.newTenant();
            List<NumberingSeries> series = store.inTenant(tenant, tx -> List.of(
                    tx.series().defaultFor(DocumentKind.INVOICE).orElseThrow(),
                    tx.series().create(DocumentKind.INVOICE, "Shop", "S", NumberPattern.of("{prefix}{yyyy}-{seq:4}"),
                            ResetPeriod.YEARLY, false)));
            billers.add(new Biller(tenant, fixture.newClient(tenant, 30), series));
        }

        List<Callable<Integer>> workers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int first = thread;
            workers.add(() -> {
                int committed = 0;
                for (int i = 0; i < ISSUES_PER_THREAD; i++) {
                    Biller biller = billers.get((first + i) % TENANTS);
                    NumberingSeries series = biller.series().get(i % 2);
                    int attempt = first * ISSUES_PER_THREAD + i;
                    Invoice draft = store.inTenant(biller.tenant(),
                            tx -> tx.invoices().createDraft(fixture.draft(biller.client())));
                    if (attempt % 7 == 0) { // a draft given up: discarding it leaves no gap
                        store.inTenantRun(biller.tenant(), tx -> tx.invoices().discard(draft.id(), draft.version()));
                        continue;
                    }
                    try {
                        store.inTenant(biller.tenant(), tx -> {
                            Invoice issued = tx.invoices().issue(draft.id(), draft.version(), series.id());
                            if (attempt % 10 == 0) {
                                throw new ChangedItsMind();
                            }
                            return issued;
                        });
                        committed++;
                    } catch (ChangedItsMind expected) {
                        // the number this transaction took is returned by its rollback; the draft stays
                        continue;
                    }
                    if (attempt % 3 == 0) {
                        credit(biller.tenant(), draft, attempt % 10 == 3);
                    }
                }
                return committed;
            });
        }
        int committed = runAll(workers).stream().mapToInt(Integer::intValue).sum();

        int numbered = 0;
        int credited = 0;
        for (Biller biller : billers) {
            List<Invoice> invoices = allInvoices(biller.tenant());
            for (NumberingSeries series : biller.series()) {
                List<String> numbers = invoices.stream().map(Invoice::number).filter(Objects::nonNull)
                        .map(InvoiceNumber::text).filter(number -> number.startsWith(series.prefix())).sorted().toList();
                assertThat(numbers).as("numbers of %s in %s", biller.tenant(), series.name())
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size())
                                .mapToObj(sequence -> series.numberFor(TODAY, sequence)).sorted().toList());
                numbered += numbers.size();
            }
            List<String> creditNotes = new ArrayList<>();
            for (Invoice invoice : invoices) {
                List<CreditNote> notes = store.inTenant(biller.tenant(), tx -> tx.creditNotes().forInvoice(invoice.id()));
                notes.forEach(note -> creditNotes.add(note.number().text()));
                assertThat(invoice.amountCredited().amount())
                        .isEqualByComparingTo(new BigDecimal("1.20").multiply(BigDecimal.valueOf(notes.size())));
                List<AuditEvent> history = store.inTenant(biller.tenant(), tx -> tx.audit().of(invoice.id()));
                // One row per change: the invoice and its two lines created, the issue if it committed,
                // and each credit note that committed.
                List<String> expected = new ArrayList<>(List.of("created", "created", "created"));
                if (invoice.number() != null) {
                    expected.add("changed");
                }
                notes.forEach(note -> expected.add("changed"));
                assertThat(history).as("history of %s", invoice.id()).extracting(AuditEvent::action)
                        .containsExactlyElementsOf(expected);
            }
            assertThat(creditNotes.stream().sorted().toList()).as("credit notes of %s", biller.tenant())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, creditNotes.size())
                            .mapToObj("CN-%06d"::formatted).toList());
            credited += creditNotes.size();
        }
        assertThat(numbered).isEqualTo(committed).isPositive();
        assertThat(credited).isPositive();
    }

    @Test
    void concurrent_payments_on_one_invoice_never_pay_more_than_its_total() throws Exception {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        int attemptsPerThread = 12; // 16 x 12 x 1.00 = 192.00 offered against a total of 155.99

        List<Callable<Integer>> payers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            payers.add(() -> {
                int refused = 0;
                for (int i = 0; i < attemptsPerThread; i++) {
                    Payment payment = Payment.pending(PaymentId.generate(fixture.clock), invoice.id(),
                            Money.of("1.00", EUR), PaymentMethod.CARD, TODAY, null, null).complete();
                    try {
                        store.inTenant(tenant, tx -> tx.payments().record(payment));
                    } catch (OverpaymentException expected) {
                        refused++;
                    }
                }
                return refused;
            });
        }
        int refused = runAll(payers).stream().mapToInt(Integer::intValue).sum();

        Invoice after = store.inTenant(tenant, tx -> tx.invoices().find(invoice.id())).orElseThrow();
        List<Payment> stored = store.inTenant(tenant, tx -> tx.payments().forInvoice(invoice.id()));
        Money sumOfCompleted = stored.stream().map(Payment::amount).reduce(Money.zero(EUR), Money::plus);
        assertThat(after.amountPaid()).isEqualTo(sumOfCompleted);
        assertThat(after.total().isGreaterThan(after.amountPaid()) || after.total().equals(after.amountPaid()))
                .isTrue();
        assertThat(stored).hasSize(155);
        assertThat(refused).isEqualTo(THREADS * attemptsPerThread - 155);
    }

    @Test
    void completing_a_payment_that_the_transaction_holding_its_invoice_failed_is_refused_as_failed() throws Exception {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        Payment pending = store.inTenant(tenant, tx -> tx.payments().record(Payment.pending(
                PaymentId.generate(fixture.clock), invoice.id(), Money.of("1.00", EUR), PaymentMethod.CARD, TODAY, null,
                null)));
        ExecutorService completer = Executors.newSingleThreadExecutor();
        try {
            // Failing leaves the invoice as it was: the completion, waiting for the invoice's lock
            // meanwhile, reads the payment in a snapshot that still has it pending.
            Future<Payment> completion = store.inTenant(tenant, tx -> {
                tx.payments().fail(pending.id());
                Future<Payment> waiting = completer.submit(
                        () -> store.inTenant(tenant, other -> other.payments().complete(pending.id())));
                awaitOneSessionWaitingForALock();
                return waiting;
            });

            assertThatThrownBy(completion::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStatusTransitionException.class);
        } finally {
            completer.shutdownNow();
        }
    }

    @Test
    void issuing_a_credit_note_that_the_transaction_holding_it_issued_is_refused_as_stale() throws Exception {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        CreditNote draft = store.inTenant(tenant,
                tx -> tx.creditNotes().createDraft(CreditNoteDraft.inFull(invoice, "Ordered twice")));
        ExecutorService issuer = Executors.newSingleThreadExecutor();
        try {
            // The second issue waits for the draft's lock in the statement that reads it, so it reads
            // the draft as it was before the first issue; the database's issue then finds no draft
            // at that version.
            Future<CreditNote> second = store.inTenant(tenant, tx -> {
                tx.creditNotes().issue(draft.id(), draft.version());
                Future<CreditNote> waiting = issuer.submit(
                        () -> store.inTenant(tenant, other -> other.creditNotes().issue(draft.id(), draft.version())));
                awaitOneSessionWaitingForALock();
                return waiting;
            });

            assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConcurrencyConflictException.class)
                    .hasMessageContaining("was changed by someone else since version " + draft.version());
        } finally {
            issuer.shutdownNow();
        }
    }

    private void awaitOneSessionWaitingForALock() {
        try (Connection owner = database.owner().connect();
             PreparedStatement waiting = owner.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where usename = ? and datname = current_database() and wait_event_type = 'Lock'""")) {
            waiting.setString(1, database.application().user());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (true) {
                try (ResultSet count = waiting.executeQuery()) {
                    if (count.next() && count.getInt(1) == 1) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no session waited for the invoice's lock");
                }
                Thread.onSpinWait();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A credit note of 1.00 (1.20 with the invoices' 20% tax), rolled back on purpose when asked. */
    private void credit(TenantId tenant, Invoice invoice, boolean rollBack) {
        try {
            store.inTenant(tenant, tx -> {
                CreditNote draft = tx.creditNotes().createDraft(new CreditNoteDraft(invoice.id(), "Goodwill",
                        List.of(new LineDraft("Goodwill", Quantity.of("1"), Money.of("1.00", EUR), null))));
                CreditNote issued = tx.creditNotes().issue(draft.id(), draft.version());
                if (rollBack) {
                    throw new ChangedItsMind();
                }
                return issued;
            });
        } catch (ChangedItsMind expected) {
            // its number goes back to the credit-note series
        }
    }

    private List<Invoice> allInvoices(TenantId tenant) {
        List<Invoice> invoices = new ArrayList<>();
        Page<Invoice> page = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), Page.MAX_LIMIT));
        invoices.addAll(page.items());
        while (page.hasMore()) {
            var last = page.items().getLast().id();
            page = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all().after(last), Page.MAX_LIMIT));
            invoices.addAll(page.items());
        }
        return invoices;
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : executor.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}

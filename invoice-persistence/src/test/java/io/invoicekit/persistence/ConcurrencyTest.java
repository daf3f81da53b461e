package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.EUR;
import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.OverpaymentException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testdb.MigratedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends StoreTest {

    private static final int THREADS = 16;
    private static final int TENANTS = 4;
    private static final int CREATIONS_PER_THREAD = 150;


    ConcurrencyTest(MigratedDatabase database) {
        super(database, THREADS);
    }

    /** One in ten creations is rolled back on purpose: its number must come back. */
    private static final class ChangedItsMind extends RuntimeException {
        ChangedItsMind() {
            super("rolled back on purpose");
        }
    }

    @Test
    void sixteen_threads_creating_invoices_for_several_tenants_leave_every_tenant_numbered_1_to_n() throws Exception {
        List<TenantId> tenants = new ArrayList<>();
        List<ClientId> clients = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(fixture.newTenant());
            clients.add(fixture.newClient(tenants.get(i), 30));
        }

        List<Callable<Integer>> workers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int first = thread;
            workers.add(() -> {
                int committed = 0;
                for (int i = 0; i < CREATIONS_PER_THREAD; i++) {
                    int tenant = (first + i) % TENANTS;
                    boolean rollBack = (first * CREATIONS_PER_THREAD + i) % 10 == 0;
                    try {
                        store.inTenant(tenants.get(tenant), tx -> {
                            Invoice invoice = tx.invoices().createDraft(fixture.draft(clients.get(tenant)));
                            if (rollBack) {
                                throw new ChangedItsMind();
                            }
                            return invoice;
                        });
                        committed++;
                    } catch (ChangedItsMind expected) {
                        // the number this transaction took is returned by its rollback
                    }
                }
                return committed;
            });
        }
        int committed = runAll(workers).stream().mapToInt(Integer::intValue).sum();

        int numbered = 0;
        for (TenantId tenant : tenants) {
            List<Long> numbers = allNumbers(tenant);
            assertThat(numbers).as("numbers of %s", tenant)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
            numbered += numbers.size();
        }
        assertThat(numbered).isEqualTo(committed);
        assertThat(committed).isEqualTo(THREADS * CREATIONS_PER_THREAD * 9 / 10);
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

    private List<Long> allNumbers(TenantId tenant) {
        List<Long> numbers = new ArrayList<>();
        Page<Invoice> page = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), Page.MAX_LIMIT));
        page.items().forEach(invoice -> numbers.add(invoice.number().sequence()));
        while (page.hasMore()) {
            var last = page.items().getLast().id();
            page = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all().after(last), Page.MAX_LIMIT));
            page.items().forEach(invoice -> numbers.add(invoice.number().sequence()));
        }
        numbers.sort(null);
        return numbers;
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

package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.Party;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.Refund;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.series.NumberPattern;
import io.invoicekit.core.series.NumberingSeries;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.RefundId;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import io.invoicekit.testing.protocol.RoundTripCounter;
import io.invoicekit.testing.protocol.RoundTripCounter.RoundTrip;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public operation within its round-trip budget, counted on the wire (Sync and Query
 * messages) by a relay between the driver and PostgreSQL: a read sets the tenant in the round trip
 * of its statement and commits, 2; a write may send one statement more, 3. Small operations are
 * mostly round trips, so this is their cost, asserted deterministically where timings cannot be.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripBudgetTest {

    static final int READ = 2;
    static final int WRITE = 3;
    /** PooledDataSources' prepareThreshold, and one more. */
    private static final int PREPARED_AFTER = 4;

    private final RoundTripCounter counter;
    private final HikariDataSource pool;
    private final InvoiceStore store;
    private final StoreFixture fixture;
    private final TenantId tenant;
    private final ClientId client;

    RoundTripBudgetTest(MigratedDatabase database) {
        this.fixture = new StoreFixture(database, 2);
        ConnectionSettings application = database.application();
        this.counter = RoundTripCounter.inFrontOf(application);
        ConnectionSettings counted = counter.through(application);
        // One connection, no background checks of it: every exchange counted is the operation's.
        this.pool = PooledDataSources.hikari(counted.jdbcUrl(), counted.user(), counted.password(), config -> {
            config.setMaximumPoolSize(1);
            config.setKeepaliveTime(0);
        });
        this.store = InvoiceStore.builder().dataSource(pool).tenantSigning(fixture.signing).clock(fixture.clock)
                .build();
        this.tenant = fixture.newTenant();
        this.client = fixture.newClient(tenant, 30);
    }

    @AfterAll
    void close() {
        pool.close();
        counter.close();
        fixture.close();
    }

    /**
     * An operation, its budget, and what it needs made first (not counted). A write that needs more
     * than {@link #WRITE} says why ({@link #allowing}): the count is still asserted, so it cannot
     * creep up unnoticed.
     */
    record Operation(String name, int budget, Function<RoundTripBudgetTest, Function<TenantTransaction, ?>> work) {

        Operation allowing(int roundTrips, String why) {
            return new Operation(name + " (" + roundTrips + ": " + why + ")", roundTrips, work);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Operation> operations() {
        return Stream.of(
                read("no work at all", test -> tx -> null),
                read("clients().find", test -> tx -> tx.clients().find(test.client)),
                read("clients().list", test -> tx -> tx.clients().list(20)),
                read("clients().listAfter", test -> tx -> tx.clients().listAfter(test.client, 20)),
                read("clients().search", test -> tx -> tx.clients().search("acme", 20)),
                write("clients().create", test -> tx -> tx.clients().create(test.newClient())),
                write("clients().update", test -> {
                    Client client = test.store.inTenant(test.tenant, tx -> tx.clients().create(test.newClient()));
                    return tx -> tx.clients().update(new Client(client.id(), "Renamed", client.email(),
                            client.paymentTerms(), client.address(), client.taxId(), client.version()));
                }),
                write("clients().erase", test -> {
                    Client client = test.store.inTenant(test.tenant, tx -> tx.clients().create(test.newClient()));
                    return tx -> tx.clients().erase(client.id(), client.version());
                }),
                write("services().create", test -> tx -> tx.services().create(test.newService())),
                write("services().update", test -> {
                    ServiceItem item = test.store.inTenant(test.tenant, tx -> tx.services().create(test.newService()));
                    return tx -> tx.services().update(new ServiceItem(item.id(), "Renamed", item.description(),
                            item.unitPrice(), item.defaultTaxRate(), true, item.version()));
                }),
                write("services().deactivate", test -> {
                    ServiceItem item = test.store.inTenant(test.tenant, tx -> tx.services().create(test.newService()));
                    return tx -> tx.services().deactivate(item.id());
                }),
                read("services().find", test -> {
                    ServiceItem item = test.store.inTenant(test.tenant, tx -> tx.services().create(test.newService()));
                    return tx -> tx.services().find(item.id());
                }),
                read("services().listActive", test -> tx -> tx.services().listActive(20)),
                write("invoices().createDraft", test -> tx -> tx.invoices().createDraft(test.fixture.draft(test.client))),
                write("invoices().updateDraft", test -> {
                    Invoice draft = test.draft();
                    return tx -> tx.invoices().updateDraft(draft.id(), draft.version(), test.fixture.draft(test.client));
                }),
                write("invoices().issue", test -> {
                    Invoice draft = test.draft();
                    return tx -> tx.invoices().issue(draft.id(), draft.version());
                }),
                write("invoices().discard", test -> {
                    Invoice draft = test.draft();
                    return tx -> {
                        tx.invoices().discard(draft.id(), draft.version());
                        return null;
                    };
                }),
                write("invoices().markViewed", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.invoices().markViewed(sent.id(), sent.version());
                }),
                read("invoices().find", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.invoices().find(sent.id());
                }),
                read("invoices().lineItems", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.invoices().lineItems(sent.id());
                }),
                read("invoices().list", test -> tx -> tx.invoices().list(InvoiceFilter.all(), 20)),
                read("invoices().summaries", test -> tx -> tx.invoices().summaries(InvoiceFilter.all(), 20)),
                read("invoices().summaries, overdue", test -> tx -> tx.invoices().summaries(
                        InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), 20)),
                read("invoices().list, overdue", test -> tx -> tx.invoices().list(
                        InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), 20)),
                write("payments().record", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.payments().record(test.payment(sent).complete());
                }),
                write("payments().complete", test -> {
                    Payment pending = test.pendingPayment();
                    return tx -> tx.payments().complete(pending.id());
                }),
                write("payments().fail", test -> {
                    Payment pending = test.pendingPayment();
                    return tx -> tx.payments().fail(pending.id());
                }),
                write("payments().refund", test -> {
                    Invoice sent = test.sent();
                    test.store.inTenant(test.tenant, tx -> tx.payments().record(test.payment(sent).complete()));
                    CreditNote credit = test.store.inTenant(test.tenant,
                            tx -> tx.creditNotes().creditInFull(sent.id(), "Ordered twice"));
                    return tx -> tx.payments().refund(new Refund(RefundId.generate(test.fixture.clock), credit.id(),
                            sent.id(), Money.of("1.00", StoreFixture.EUR), PaymentMethod.BANK_TRANSFER,
                            StoreFixture.TODAY, null));
                }),
                read("payments().forInvoice", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.payments().forInvoice(sent.id());
                }),
                read("payments().refundsOf", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.payments().refundsOf(sent.id());
                }),
                write("creditNotes().createDraft", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.creditNotes().createDraft(CreditNoteDraft.inFull(sent, "Ordered twice"));
                }),
                write("creditNotes().issue", test -> {
                    Invoice sent = test.sent();
                    CreditNote draft = test.store.inTenant(test.tenant,
                            tx -> tx.creditNotes().createDraft(CreditNoteDraft.inFull(sent, "Ordered twice")));
                    return tx -> tx.creditNotes().issue(draft.id(), draft.version());
                }),
                write("creditNotes().creditInFull", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.creditNotes().creditInFull(sent.id(), "Ordered twice");
                }).allowing(4, "lock the invoice, store the credit note with its lines, issue it"),
                write("creditNotes().discard", test -> {
                    Invoice sent = test.sent();
                    CreditNote draft = test.store.inTenant(test.tenant,
                            tx -> tx.creditNotes().createDraft(CreditNoteDraft.inFull(sent, "Ordered twice")));
                    return tx -> {
                        tx.creditNotes().discard(draft.id(), draft.version());
                        return null;
                    };
                }),
                read("creditNotes().forInvoice", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.creditNotes().forInvoice(sent.id());
                }),
                write("series().create", test -> tx -> tx.series().create(DocumentKind.INVOICE, "Series "
                        + System.nanoTime(), "S-", NumberPattern.DEFAULT, ResetPeriod.NEVER, false)),
                write("series().changeFormat", test -> {
                    NumberingSeries series = test.newSeries();
                    return tx -> tx.series().changeFormat(series.id(), series.version(), "T-",
                            NumberPattern.of("{prefix}{yyyy}-{seq:4}"), ResetPeriod.YEARLY);
                }),
                write("series().makeDefault", test -> {
                    NumberingSeries series = test.newSeries();
                    return tx -> tx.series().makeDefault(series.id(), series.version());
                }),
                read("series().defaultFor", test -> tx -> tx.series().defaultFor(DocumentKind.INVOICE)),
                read("series().list", test -> tx -> tx.series().list()),
                read("profile().seller", test -> tx -> tx.profile().seller()),
                write("profile().updateSeller", test -> tx -> {
                    tx.profile().updateSeller(new Party("Seller " + System.nanoTime(), "1 Main St", null));
                    return null;
                }),
                read("audit().of(invoice)", test -> {
                    Invoice sent = test.sent();
                    return tx -> tx.audit().of(sent.id());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void every_operation_stays_within_its_round_trip_budget(Operation operation) {
        // Before counting, as often as the driver takes to server-prepare a statement: it looks up a
        // type the first time a connection sees it, and a prepared statement can be sent differently
        // (one with an untyped parameter is described, then sent after a Sync of its own).
        for (int warmUp = 0; warmUp < PREPARED_AFTER; warmUp++) {
            store.inTenant(tenant, operation.work().apply(this));
        }
        Function<TenantTransaction, ?> work = operation.work().apply(this);

        List<RoundTrip> roundTrips = counter.during(() -> store.inTenant(tenant, work));

        assertThat(roundTrips).as("%s sent %s", operation.name(), roundTrips).hasSizeLessThanOrEqualTo(operation.budget());
    }

    private static Operation read(String name, Function<RoundTripBudgetTest, Function<TenantTransaction, ?>> work) {
        return new Operation(name, READ, work);
    }

    private static Operation write(String name, Function<RoundTripBudgetTest, Function<TenantTransaction, ?>> work) {
        return new Operation(name, WRITE, work);
    }

    private Client newClient() {
        return Client.create(ClientId.generate(fixture.clock), "Acme " + System.nanoTime(), "billing@acme.example",
                PaymentTerms.ofDays(14), null, null);
    }

    private ServiceItem newService() {
        return ServiceItem.create(ServiceItemId.generate(fixture.clock), "Hosting " + System.nanoTime(), null,
                Money.of("10.00", StoreFixture.EUR), TaxRate.of(new BigDecimal("20")));
    }

    private Invoice draft() {
        return store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
    }

    private Invoice sent() {
        return fixture.sentInvoice(tenant, client);
    }

    private Payment payment(Invoice invoice) {
        return Payment.pending(PaymentId.generate(fixture.clock), invoice.id(), Money.of("1.00", StoreFixture.EUR),
                PaymentMethod.BANK_TRANSFER, StoreFixture.TODAY, null, null);
    }

    private Payment pendingPayment() {
        Invoice sent = sent();
        return store.inTenant(tenant, tx -> tx.payments().record(payment(sent)));
    }

    private NumberingSeries newSeries() {
        return store.inTenant(tenant, tx -> tx.series().create(DocumentKind.INVOICE, "Series " + System.nanoTime(),
                "S-", NumberPattern.DEFAULT, ResetPeriod.NEVER, false));
    }
}

package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.LineItemId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.persistence.Page;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The Hibernate ORM peer: the operations of the benchmarks as a team would write them with
 * Hibernate 7 and discriminator multi-tenancy ({@code @TenantId} on {@code user_id}), on the
 * tables of the schema {@code peer}, which have no row-level security: Hibernate's tenant filter
 * is the only thing between one tenant's rows and another's. Each operation is one transaction of
 * a session of its own, the tenant given per call ({@link CallTenant}); every result is detached,
 * its lines (where it has them) fetched.
 *
 * <p>Configured as such a team would: the pool handed in as the data source, JDBC batching with
 * inserts and updates ordered, no second-level cache (our repositories have none either),
 * statistics off.
 */
public final class HibernatePeer implements AutoCloseable {

    private static final int BATCH_SIZE = 50;
    private static final List<InvoiceStatus> AWAITING_PAYMENT =
            List.of(InvoiceStatus.SENT, InvoiceStatus.VIEWED, InvoiceStatus.PARTIALLY_PAID);

    private static final String LINES_OF_INVOICE = "from LineItem l where l.invoice.id = :invoice order by l.position";
    private static final String CLIENT_SEARCH = """
            from Client c
            where lower(c.name) like :pattern escape '\\' or lower(c.email) like :pattern escape '\\'
            order by lower(c.name), c.id""";
    private static final String NEWEST = "order by i.issueDate desc, i.id desc";
    private static final String OVERDUE = "where i.status in :awaiting and i.dueDate < :today ";
    /*
     * Paged ids first, then the invoices of those ids with their lines: a fetch join with a limit
     * would be paged in memory (HHH90003004), every invoice of the tenant read with its lines.
     */
    private static final String INVOICES_WITH_LINES = "from Invoice i left join fetch i.lines where i.id in :ids "
            + NEWEST;
    private static final String SUMMARY = "select new " + InvoiceSummary.class.getName() + "(i.id, i.number, c.name, "
            + "i.issueDate, i.dueDate, i.total, i.total - i.amountPaid - i.amountCredited, i.status) "
            + "from Invoice i join i.client c ";
    private static final String DEFAULT_SERIES = "from InvoiceSeries s where s.documentKind = 'invoice' and s.isDefault";

    private final SessionFactory sessions;
    private final CallTenant tenants;
    private final Clock clock;

    private HibernatePeer(SessionFactory sessions, CallTenant tenants, Clock clock) {
        this.sessions = sessions;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * The peer on {@code dataSource} (a pool of the peer's login, {@code PeerSchema.LOGIN}), its
     * "today" from {@code clock}; close it to close its session factory (not the pool).
     */
    public static HibernatePeer start(DataSource dataSource, Clock clock) {
        var tenants = new CallTenant();
        SessionFactory sessions = new HibernatePersistenceConfiguration("invoicekit-peer")
                .managedClasses(Tenant.class, Client.class, InvoiceSeries.class, Invoice.class, LineItem.class,
                        Payment.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, tenants)
                .defaultSchema("peer")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .collectStatistics(false)
                .createEntityManagerFactory();
        return new HibernatePeer(sessions, tenants, clock);
    }

    /** Runs {@code work} in one transaction of a session of {@code tenant}'s. */
    public <R> R inTenant(UUID tenant, Function<Session, R> work) {
        return tenants.during(tenant, () -> sessions.fromTransaction(work));
    }

    /** The lines of one of the tenant's invoices, in position order (none for an invoice it does not have). */
    public List<LineItem> lineItems(UUID tenant, UUID invoice) {
        return inTenant(tenant, session -> session.createSelectionQuery(LINES_OF_INVOICE, LineItem.class)
                .setParameter("invoice", invoice)
                .getResultList());
    }

    /** Clients whose name or email contains {@code text}, ignoring case, the first {@code limit} by name. */
    public List<Client> searchClients(UUID tenant, String text, int limit) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        return inTenant(tenant, session -> session.createSelectionQuery(CLIENT_SEARCH, Client.class)
                .setParameter("pattern", pattern)
                .setMaxResults(limit)
                .getResultList());
    }

    /** The tenant's newest {@code limit} invoices (by issue date, then id) with their lines. */
    public Page<Invoice> invoices(UUID tenant, int limit) {
        return inTenant(tenant, session -> withLines(session, session.createSelectionQuery(
                        "select i.id from Invoice i " + NEWEST, UUID.class)
                .setMaxResults(limit + 1)
                .getResultList(), limit));
    }

    /** The same, of the invoices OVERDUE today: awaiting payment and due before today. */
    public Page<Invoice> overdueInvoices(UUID tenant, int limit) {
        return inTenant(tenant, session -> withLines(session, session.createSelectionQuery(
                        "select i.id from Invoice i " + OVERDUE + NEWEST, UUID.class)
                .setParameter("awaiting", AWAITING_PAYMENT)
                .setParameter("today", LocalDate.now(clock))
                .setMaxResults(limit + 1)
                .getResultList(), limit));
    }

    /** The tenant's newest {@code limit} invoices as rows of a list screen. */
    public Page<InvoiceSummary> summaries(UUID tenant, int limit) {
        return inTenant(tenant, session -> page(session.createSelectionQuery(SUMMARY + NEWEST, InvoiceSummary.class)
                .setMaxResults(limit + 1)
                .getResultList(), limit));
    }

    /** The same, of the invoices OVERDUE today. */
    public Page<InvoiceSummary> overdueSummaries(UUID tenant, int limit) {
        return inTenant(tenant, session -> page(session.createSelectionQuery(SUMMARY + OVERDUE + NEWEST,
                        InvoiceSummary.class)
                .setParameter("awaiting", AWAITING_PAYMENT)
                .setParameter("today", LocalDate.now(clock))
                .setMaxResults(limit + 1)
                .getResultList(), limit));
    }

    /**
     * Creates {@code draft} (due after the client's payment terms unless it says when) and issues it
     * in the tenant's default series, dated today, in one transaction: the counter row locked, its
     * next number taken, the seller and buyer copied. Issued before it is persisted, so that it is
     * inserted as it ends up: persisted as a draft, the insert would keep the draft's state and an
     * update follow it at the flush.
     */
    public Invoice createAndIssue(UUID tenant, InvoiceDraft draft) {
        return inTenant(tenant, session -> {
            Client client = session.find(Client.class, new TenantScopedId(tenant, draft.clientId().value()));
            if (client == null) {
                throw new IllegalArgumentException("client " + draft.clientId().value() + " does not exist for tenant "
                        + tenant);
            }
            Tenant seller = session.find(Tenant.class, tenant);
            LocalDate due = draft.dueDateUnder(PaymentTerms.ofDays(client.paymentTermsDays()));
            var invoice = new Invoice(InvoiceId.generate(clock).value(), client, draft, due,
                    () -> LineItemId.generate(clock).value());
            // Last, as our issue_invoice takes it: the counter stays locked until the commit.
            InvoiceSeries series = session.createSelectionQuery(DEFAULT_SERIES, InvoiceSeries.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getSingleResult();
            LocalDate today = LocalDate.now(clock);
            invoice.issue(series.take(today), today, clock.instant(), seller);
            session.persist(invoice);
            return invoice;
        });
    }

    /** Records a completed payment of {@code amount} on one of the tenant's invoices, locked first. */
    public Payment recordPayment(UUID tenant, UUID invoiceId, BigDecimal amount, PaymentMethod method) {
        return inTenant(tenant, session -> {
            Invoice invoice = session.find(Invoice.class, new TenantScopedId(tenant, invoiceId),
                    LockModeType.PESSIMISTIC_WRITE);
            if (invoice == null) {
                throw new IllegalArgumentException("invoice " + invoiceId + " does not exist for tenant " + tenant);
            }
            Payment payment = invoice.pay(PaymentId.generate(clock).value(), amount, method, LocalDate.now(clock),
                    clock.instant());
            session.persist(payment);
            return payment;
        });
    }

    @Override
    public void close() {
        sessions.close();
    }

    private static Page<Invoice> withLines(Session session, List<UUID> ids, int limit) {
        List<UUID> page = ids.subList(0, Math.min(limit, ids.size()));
        List<Invoice> invoices = page.isEmpty() ? List.of()
                : session.createSelectionQuery(INVOICES_WITH_LINES, Invoice.class).setParameter("ids", page)
                        .getResultList();
        return new Page<>(invoices, ids.size() > limit);
    }

    private static <T> Page<T> page(List<T> fetched, int limit) {
        return new Page<>(fetched.subList(0, Math.min(limit, fetched.size())), fetched.size() > limit);
    }

    /** User text inside a LIKE pattern: its own % and _ must match literally, as in our ClientRepository. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package io.invoicekit.benchmarks.operations;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Invoices a benchmark makes for itself outside the measured code, as the owner: drafts of
 * 1,000.00 before tax with one line, for the tenant's first client, dated the data set's today
 * (never before a series' last issue date), with the benchmark's mark as their notes, by which
 * {@link #removeAll} finds them again.
 */
final class BenchmarkInvoices {

    // The drafts and their one line in one statement; a draft has no number until it is issued.
    private static final String MAKE_DRAFTS = """
            with invoice as (
                insert into invoices (user_id, id, client_id, currency, issue_date, due_date, tax_rate, subtotal, tax,
                                      total, notes)
                select ?, gen_random_uuid(), (select id from clients where user_id = ? order by id limit 1),
                       ?, ?, ?, ?, 1000.00, round(1000.00 * ? / 100, 2), 1000.00 + round(1000.00 * ? / 100, 2), ?
                from generate_series(1, ?)
                returning id
            )
            insert into line_items (user_id, id, invoice_id, currency, position, description, quantity, unit_price,
                                    amount)
            select ?, gen_random_uuid(), invoice.id, ?, 1, 'Retainer', 1, 1000.00, 1000.00
            from invoice
            returning invoice_id""";
    private static final String SET_TENANT = "select set_config('app.user_id', ?, true)";
    // Each in the tenant's default series; count() skips a draft that issue_invoice did not find.
    private static final String ISSUE_ALL = """
            select count(issue_invoice(draft, 0, null, cast(? as date)))
            from unnest(cast(? as uuid[])) as draft""";
    /*
     * An invoice with a number is never deleted: the delete guard refuses it even to a superuser.
     * These are the benchmark's own, in a database dedicated to the benchmarks, so the owner
     * deletes them as a replica would, with triggers off; foreign keys are triggers too, so the
     * payments and lines go first, explicitly, as the cascade would have taken them.
     */
    private static final String AS_REPLICA = "set local session_replication_role = replica";
    private static final String MARKED = "select user_id, id from invoices where notes = ?";
    private static final String DELETE_PAYMENTS = "delete from payments where (user_id, invoice_id) in (" + MARKED + ")";
    private static final String DELETE_LINES = "delete from line_items where (user_id, invoice_id) in (" + MARKED + ")";
    private static final String DELETE_INVOICES = "delete from invoices where notes = ?";

    private final String mark;
    private final Currency currency;
    private final BigDecimal taxRate;
    private final LocalDate today;

    BenchmarkInvoices(String mark, Currency currency, BigDecimal taxRate, LocalDate today) {
        this.mark = mark;
        this.currency = currency;
        this.taxRate = taxRate;
        this.today = today;
    }

    String mark() {
        return mark;
    }

    /** Makes {@code count} drafts of {@code tenant}; returns their ids. */
    List<UUID> drafts(Connection owner, UUID tenant, int count) throws SQLException {
        return BenchmarkDatabase.ids(owner, MAKE_DRAFTS, tenant, tenant, currency.getCurrencyCode(), today,
                today.plusDays(30), taxRate, taxRate, taxRate, mark, count, tenant, currency.getCurrencyCode());
    }

    /** Issues {@code drafts} of {@code tenant}, dated today; the owner sets the tenant that issue_invoice numbers for. */
    void issue(Connection owner, UUID tenant, List<UUID> drafts) throws SQLException {
        inOneTransaction(owner, transaction -> {
            TenantSql.query(transaction, SET_TENANT, tenant.toString());
            long issued = (Long) TenantSql.query(transaction, ISSUE_ALL, today,
                    drafts.stream().map(UUID::toString).toArray(String[]::new)).getFirst()[0];
            if (issued != drafts.size()) {
                throw new IllegalStateException("issued " + issued + " of the " + drafts.size() + " drafts made for tenant "
                        + tenant);
            }
            return issued;
        });
    }

    /**
     * Deletes every invoice with this mark, drafts and issued ones, with their lines and payments,
     * and puts the series counters back where {@code before} found them, in one transaction: the
     * database is left as the benchmark found it, and the numbers it gave are given again later.
     */
    void removeAll(Connection owner, SeriesCounters before) throws SQLException {
        inOneTransaction(owner, transaction -> {
            TenantSql.update(transaction, AS_REPLICA);
            TenantSql.update(transaction, DELETE_PAYMENTS, mark);
            TenantSql.update(transaction, DELETE_LINES, mark);
            int invoices = TenantSql.update(transaction, DELETE_INVOICES, mark);
            before.restore(transaction);
            return invoices;
        });
    }

    private static <T> T inOneTransaction(Connection owner, SqlWork<T> work) throws SQLException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try {
            T result = work.run(owner);
            owner.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }
}

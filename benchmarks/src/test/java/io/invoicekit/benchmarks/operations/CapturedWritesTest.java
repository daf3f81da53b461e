package io.invoicekit.benchmarks.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write benchmarks' JDBC variants replay the repository's statements, captured without
 * changing the data, with a call's own ids: what they store is what the repository stores. On a
 * database of its own: the benchmarks add invoices the reads' tests would list.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapturedWritesTest {

    private final SmokeTarget smoke;

    CapturedWritesTest(MigratedDatabase database) throws SQLException {
        smoke = SmokeTarget.load(database);
    }

    @Test
    void a_replayed_payment_is_stored_as_the_repository_stores_one() throws SQLException {
        Payment ours = (Payment) smoke.invokeOnce(new BenchmarkCase(RecordPayment.class, Variant.REPOSITORY));
        UUID replayed = (UUID) smoke.invokeOnce(new BenchmarkCase(RecordPayment.class, Variant.JDBC));

        assertThat(replayed).isNotEqualTo(ours.id().value());
        assertThat(stored(replayed)).isEqualTo(stored(ours.id().value())).isNotEmpty();
    }

    @Test
    void a_replayed_draft_is_stored_as_the_repository_stores_one_and_issued() throws SQLException {
        Invoice ours = (Invoice) smoke.invokeOnce(new BenchmarkCase(CreateInvoice.class, Variant.REPOSITORY));
        String replayed = (String) smoke.invokeOnce(new BenchmarkCase(CreateInvoice.class, Variant.JDBC));

        assertThat(replayed).isNotEqualTo(ours.number().text());
        assertThat(issued(replayed)).isEqualTo(issued(ours.number().text())).isNotEmpty();
    }

    @Test
    void capturing_a_write_leaves_the_data_as_it_was() throws SQLException {
        long before = payments();
        assertThat(smoke.captured(new BenchmarkCase(RecordPayment.class, Variant.JDBC)).statements())
                .extracting(CapturedSql.Statement::sql).anyMatch(sql -> sql.startsWith("insert into"));
        assertThat(payments()).isEqualTo(before);
    }

    @Test
    void issuing_by_jdbc_sends_the_statements_the_repository_issues_with() throws SQLException {
        UUID tenant = smoke.largest();
        UUID draft = smoke.asOwner(owner -> {
            Object[] terms = TenantSql.query(owner, "select currency, tax_rate from invoices where user_id = ? limit 1",
                    tenant).getFirst();
            return new BenchmarkInvoices("issuing drift", Currency.getInstance(((String) terms[0]).strip()),
                    (BigDecimal) terms[1], DataSetPlan.AS_OF).drafts(owner, tenant, 1).getFirst();
        });
        TenantSigning signing = TenantSigning.signed(TenantKey.parse(smoke.database().tenantKey()));
        Clock today = Clock.fixed(DataSetPlan.AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

        CapturedSql issue = CapturedSql.capture(smoke.database().applicationDataSource(), recording ->
                InvoiceStore.builder().dataSource(recording).clock(today).tenantSigning(signing).build()
                        .inTenant(TenantId.of(tenant), tx -> tx.invoices().issue(InvoiceId.of(draft), 0)));

        // Written out by hand (IssueSql), as the repository sends them but for the schema it names.
        assertThat(issue.statements()).extracting(statement -> normalized(statement.sql()))
                .containsExactly(normalized(InvoiceQueries.LOCK_INVOICE), normalized(IssueSql.ISSUE));
    }

    private static String normalized(String sql) {
        return CapturedSql.unqualified(sql).replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")");
    }

    /**
     * An invoice of the largest tenant issued with {@code number}: its columns but its id, client
     * (each call picks one), due date (the client's terms) and number, with its lines.
     */
    private List<Object> issued(String number) throws SQLException {
        return smoke.asOwner(owner -> List.of(TenantSql.query(owner, "select i.status, i.currency, i.issue_date, "
                + "i.tax_rate, i.subtotal, i.tax, i.total, i.version, i.buyer_name is not null, i.notes is null, "
                + "(select array_agg(l.position || ' ' || l.description || ' ' || l.quantity || ' ' || l.unit_price "
                + "|| ' ' || l.amount || ' ' || (l.service_id is null) order by l.position) from line_items l "
                + "where l.user_id = i.user_id and l.invoice_id = i.id)::text "
                + "from invoices i where i.user_id = ? and i.invoice_number = ?", smoke.largest(), number).getFirst()));
    }

    /** A stored payment's columns but its id and invoice, and its invoice's mark (the trial's own). */
    private List<Object> stored(UUID payment) throws SQLException {
        return smoke.asOwner(owner -> List.of(TenantSql.query(owner, "select p.user_id, p.currency, p.amount, "
                + "p.method, p.status, p.payment_date, p.transaction_id is null, p.notes is null, i.notes "
                + "from payments p join invoices i on i.user_id = p.user_id and i.id = p.invoice_id where p.id = ?",
                payment).getFirst()));
    }

    private long payments() throws SQLException {
        return smoke.asOwner(owner -> (Long) TenantSql.query(owner, "select count(*) from payments").getFirst()[0]);
    }
}

package io.invoicekit.benchmarks.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceSummary;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.persistence.Page;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reads' JDBC variants send what the repository sends: each read benchmark captures its one
 * statement from the repository, without the tenant setting the store folds in front of it, and
 * its replay reads the repository's rows, in its order, through every way in that replays it. On
 * the smoke-scale data set as loaded (no write benchmark in this class: the baseline copies would
 * miss what it adds), largest tenant, signed context (as {@link OutsideJmh} sets a case up).
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapturedReadsTest {

    private final SmokeTarget smoke;

    CapturedReadsTest(MigratedDatabase database) throws SQLException {
        smoke = SmokeTarget.load(database);
    }

    @ParameterizedTest
    @ValueSource(classes = {InvoicesOfTenant.class, LineItemsOfInvoice.class, InvoicesByStatus.class,
            ClientSearch.class, SummariesOfTenant.class, SummariesByStatus.class})
    void each_read_captures_its_statement_without_the_tenant_setting(Class<? extends BenchmarkDatabase> benchmark)
            throws SQLException {
        List<CapturedSql.Statement> statements = smoke.captured(new BenchmarkCase(benchmark, Variant.JDBC))
                .statements();

        assertThat(statements).hasSize(1);
        CapturedSql.Statement statement = statements.getFirst();
        assertThat(statement.sql()).startsWith("select").doesNotContain("set_config", "require_tenant", ";");
        // Every parameter of the SQL bound, from the first: none of the setting's three left, none shifted.
        int parameters = (int) statement.sql().chars().filter(c -> c == '?').count();
        assertThat(statement.bindings()).extracting(CapturedSql.Binding::index)
                .containsExactlyElementsOf(Stream.iterate(1, i -> i + 1).limit(parameters).toList());
        assertThat(statement.bindings()).extracting(binding -> String.valueOf(binding.value()))
                .contains(smoke.largest().toString())
                .noneMatch(value -> value.startsWith("app."));
    }

    @Test
    void client_search_captures_the_search_by_trigrams() throws SQLException {
        assertThat(smoke.captured(new BenchmarkCase(ClientSearch.class, Variant.JDBC)).statements().getFirst().sql())
                .contains("client_search_trigrams");
    }

    @Test
    void the_report_explains_the_captured_statements() throws SQLException {
        List<QueryPlans.Plan> plans = QueryPlans.explain(smoke.target());

        assertThat(plans).hasSize(8).allSatisfy(plan -> assertThat(plan.text()).contains("Execution Time"));
        assertThat(plans).filteredOn(plan -> plan.benchmark() == ClientSearch.class)
                .allSatisfy(plan -> assertThat(plan.text()).contains("client_search_trigrams"));
    }

    static Stream<Arguments> replays() {
        List<Arguments> replays = new ArrayList<>();
        for (var benchmark : List.of(InvoicesOfTenant.class, InvoicesByStatus.class, SummariesOfTenant.class,
                SummariesByStatus.class)) {
            for (Variant variant : List.of(Variant.JDBC, Variant.JDBC_WITHOUT_RLS, Variant.PER_ROW_POLICY)) {
                replays.add(Arguments.of(benchmark, variant));
            }
        }
        for (Variant variant : List.of(Variant.JDBC, Variant.JDBC_WITHOUT_RLS, Variant.NO_INDEXES)) {
            replays.add(Arguments.of(ClientSearch.class, variant));
        }
        return replays.stream();
    }

    @ParameterizedTest
    @MethodSource("replays")
    void the_replay_reads_the_rows_the_repository_reads(Class<? extends BenchmarkDatabase> benchmark, Variant variant)
            throws SQLException {
        Object repositoryResult = smoke.invokeOnce(new BenchmarkCase(benchmark, Variant.REPOSITORY));
        List<List<UUID>> ours = idsOf(repositoryResult);
        @SuppressWarnings("unchecked")
        List<Object[]> replayed = (List<Object[]>) smoke.invokeOnce(new BenchmarkCase(benchmark, variant));
        List<List<UUID>> read = InvoiceList.class.isAssignableFrom(benchmark) ? invoicesIn(replayed)
                : replayed.stream().map(row -> List.of((UUID) row[0])).toList();

        // A page's query reads one row more than the page, to tell whether another page follows.
        boolean more = repositoryResult instanceof Page<?> page && page.hasMore();
        assertThat(ours).isNotEmpty();
        assertThat(read).hasSize(ours.size() + (more ? 1 : 0));
        assertThat(read.subList(0, ours.size())).isEqualTo(ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JDBC", "JDBC_WITHOUT_RLS", "PER_ROW_POLICY", "NO_INDEXES"})
    void every_way_in_replays_the_lines_of_an_invoice(Variant variant) throws SQLException {
        @SuppressWarnings("unchecked")
        List<Object[]> replayed = (List<Object[]>) smoke.invokeOnce(new BenchmarkCase(LineItemsOfInvoice.class, variant));

        List<UUID> lines = linesRead(replayed);
        assertThat(lines).isNotEmpty();
        assertThat(smoke.asOwner(owner -> TenantSql.query(owner, "select count(distinct invoice_id) from line_items "
                + "where user_id = ? and id = any(cast(? as uuid[]))", smoke.largest(),
                "{" + String.join(",", lines.stream().map(UUID::toString).toList()) + "}")).getFirst()[0])
                .isEqualTo(1L);
    }

    @Test
    void a_substituted_invoice_is_read_in_place_of_the_captured_one() throws SQLException {
        TenantSigning signing = TenantSigning.signed(TenantKey.parse(smoke.database().tenantKey()));
        TenantId tenant = TenantId.of(smoke.largest());
        List<UUID> invoices = smoke.asOwner(owner -> BenchmarkDatabase.ids(owner, "select invoice_id from line_items "
                + "where user_id = ? group by invoice_id order by count(*) desc, invoice_id limit 2", smoke.largest()));
        UUID captured = invoices.get(0);
        UUID other = invoices.get(1);
        DataSource application = smoke.database().applicationDataSource();
        CapturedSql sql = CapturedSql.capture(application, recording -> store(recording, signing)
                .inTenant(tenant, tx -> tx.invoices().lineItems(InvoiceId.of(captured))));
        TenantSql jdbc = TenantSql.asTheStore(application, signing);
        InvoiceStore store = store(application, signing);

        List<UUID> otherLines = store.inTenant(tenant, tx -> tx.invoices().lineItems(InvoiceId.of(other))).stream()
                .map(line -> line.id().value()).toList();
        assertThat(linesRead(jdbc.inTransaction(smoke.largest(), tx -> sql.replay(tx, Map.of(captured, other)))))
                .isNotEmpty().isEqualTo(otherLines);
        assertThat(linesRead(jdbc.inTransaction(smoke.largest(), tx -> sql.replay(tx, Map.of()))))
                .isEqualTo(store.inTenant(tenant, tx -> tx.invoices().lineItems(InvoiceId.of(captured))).stream()
                        .map(line -> line.id().value()).toList())
                .isNotEqualTo(otherLines);
        assertThatThrownBy(() -> jdbc.inTransaction(smoke.largest(),
                tx -> sql.replay(tx, Map.of(UUID.randomUUID(), other))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bound nowhere");
    }

    private static InvoiceStore store(DataSource dataSource, TenantSigning signing) {
        return InvoiceStore.builder().dataSource(dataSource).tenantSigning(signing).build();
    }

    /** Each row's id, then, for an invoice, its lines' ids. */
    private static List<List<UUID>> idsOf(Object repositoryResult) {
        List<?> items = repositoryResult instanceof Page<?> page ? page.items() : (List<?>) repositoryResult;
        return items.stream().map(item -> switch (item) {
            case Invoice invoice -> Stream.concat(Stream.of(invoice.id().value()),
                    invoice.lines().stream().map(line -> line.id().value())).toList();
            case InvoiceSummary summary -> List.of(summary.id().value());
            case Client client -> List.of(client.id().value());
            default -> throw new IllegalArgumentException("not a repository row: " + item);
        }).toList();
    }

    /**
     * A list's rows as its invoices: each invoice's id, then its lines' ids. The rows are one per
     * line, an invoice's one after the other, the line's columns last, its id the first of them
     * (seven: id, description, quantity, unit price, amount, currency, service); one row whose line
     * id is null for an invoice without lines.
     */
    private static List<List<UUID>> invoicesIn(List<Object[]> rows) {
        List<List<UUID>> invoices = new ArrayList<>();
        for (Object[] row : rows) {
            UUID invoice = (UUID) row[0];
            if (invoices.isEmpty() || !invoices.getLast().getFirst().equals(invoice)) {
                invoices.add(new ArrayList<>(List.of(invoice)));
            }
            UUID line = (UUID) row[row.length - 7];
            if (line != null) {
                invoices.getLast().add(line);
            }
        }
        return invoices;
    }

    /** The ids of the lines that line items read: one row per line, its id first (null for an invoice without any). */
    private static List<UUID> linesRead(List<Object[]> rows) {
        return rows.stream().map(row -> (UUID) row[0]).filter(Objects::nonNull).toList();
    }
}

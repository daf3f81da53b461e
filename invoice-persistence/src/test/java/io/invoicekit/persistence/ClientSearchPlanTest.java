package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How client search reads under row-level security, from its plan as the application role runs it
 * (EXPLAIN ANALYZE): a text whose windows few clients have is looked up in the windows' primary key,
 * and only its candidates are read from clients; a text whose windows most clients have reads each
 * client of the tenant once instead. The tenant is large enough for both (3,000 clients, a window
 * of every one of them past the search's limit of 1,024), and another tenant has the same names.
 */
class ClientSearchPlanTest extends StoreTest {

    private static final int CLIENTS = 3_000;
    /** One client in a hundred is an Okafor; every one has a mailbox at shared.example. */
    private static final int OKAFORS = CLIENTS / 100;

    private final MigratedDatabase database;
    private TenantId tenant;

    ClientSearchPlanTest(MigratedDatabase database) {
        super(database, 2);
        this.database = database;
    }

    /** A plan node: what it read, how, and how many rows it gave over all its loops. */
    private record Node(String type, String relation, String index, String indexCondition, long loops, long rows) {
    }

    @BeforeAll
    void a_large_tenant_and_another_with_the_same_names() throws SQLException {
        tenant = fixture.newTenant();
        TenantId other = fixture.newTenant();
        try (Connection owner = database.ownerDataSource().getConnection()) {
            for (TenantId each : List.of(tenant, other)) {
                try (PreparedStatement insert = owner.prepareStatement("""
                        insert into clients (user_id, id, name, email)
                        select ?, gen_random_uuid(),
                               case when n % 100 = 0 then 'Okafor Gardens ' || n else 'Nakamura Studios ' || n end,
                               'accounts.' || n || '@shared.example'
                        from generate_series(1, ?) n""")) {
                    insert.setObject(1, each.value());
                    insert.setInt(2, CLIENTS);
                    insert.executeUpdate();
                }
            }
            try (Statement vacuum = owner.createStatement()) {
                // As autovacuum leaves them: the windows' pages all visible, so that reading the key suffices.
                vacuum.execute("vacuum analyze clients, client_search_trigrams");
            }
        }
    }

    @Test
    void a_rare_text_reads_its_windows_by_the_primary_key_and_only_its_candidates_from_clients() {
        List<Node> plan = plan("kafo");

        assertThat(plan).filteredOn(node -> "client_search_trigrams".equals(node.relation())).isNotEmpty()
                .allSatisfy(node -> {
                    assertThat(node.index()).isEqualTo("client_search_trigrams_pkey");
                    assertThat(node.indexCondition()).contains("user_id = ").contains("trigram = ");
                })
                .as("windows kaf and afo, each of the tenant's Okafors")
                .extracting(Node::rows).containsExactly(2L * OKAFORS);
        assertThat(plan).filteredOn(node -> "clients".equals(node.relation()) && node.loops() > 0)
                .as("each candidate looked up by its key, no other client read")
                .singleElement().satisfies(node -> {
                    assertThat(node.index()).isEqualTo("clients_pkey");
                    assertThat(node.loops()).isEqualTo(OKAFORS);
                    assertThat(node.rows()).isEqualTo(OKAFORS);
                });
    }

    @Test
    void a_text_whose_windows_most_clients_have_reads_each_client_once_instead() {
        List<Node> plan = plan("shared.example");

        assertThat(plan).filteredOn(node -> "client_search_trigrams".equals(node.relation()))
                .as("at most 1,024 clients of each of the 12 windows")
                .extracting(Node::rows).containsExactly(12L * 1_024);
        assertThat(plan).filteredOn(node -> "clients".equals(node.relation()) && node.loops() > 0)
                .singleElement().satisfies(node -> {
                    assertThat(node.type()).isNotEqualTo("Index Scan");
                    assertThat(node.rows()).isEqualTo(CLIENTS);
                });
    }

    /**
     * The nodes of the plan the search for {@code text} runs with, as the application role in the
     * tenant's transaction: its statement and bind values as the repository sends them, under
     * EXPLAIN, whose JSON the database itself takes apart.
     */
    private List<Node> plan(String text) {
        return store.inTenant(tenant, tx -> {
            ResultQuery<?> search = tx.clients().searchQuery(text, 20);
            String plan = tx.dsl().fetch("explain (analyze, format json) " + search.getSQL(),
                    search.getBindValues().toArray()).get(0).get(0, String.class);
            // A bitmap heap scan reads what the bitmap index scan under it found: its index is that one's.
            return tx.dsl().fetch("""
                            with recursive node(plan) as (
                                select cast(? as jsonb) -> 0 -> 'Plan'
                                union all
                                select child from node, jsonb_array_elements(node.plan -> 'Plans') as child
                            )
                            select plan ->> 'Node Type', plan ->> 'Relation Name',
                                   coalesce(plan ->> 'Index Name', plan -> 'Plans' -> 0 ->> 'Index Name'),
                                   coalesce(plan ->> 'Index Cond', plan -> 'Plans' -> 0 ->> 'Index Cond'),
                                   (plan ->> 'Actual Loops')::numeric,
                                   round((plan ->> 'Actual Rows')::numeric * (plan ->> 'Actual Loops')::numeric)
                            from node""", plan)
                    .map(row -> new Node(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class),
                            row.get(3, String.class), row.get(4, BigDecimal.class).longValueExact(),
                            row.get(5, BigDecimal.class).longValueExact()));
        });
    }
}

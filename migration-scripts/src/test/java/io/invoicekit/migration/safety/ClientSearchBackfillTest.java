package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * V18's backfill of client search windows (backfill_client_search_trigrams): an upgrade stores the
 * windows of every tenant's clients, also as a plain schema owner, from which row-level security
 * hides the tenants (the backfill lifts FORCE on clients for the one transaction that lists them,
 * then sets each tenant, as the owner may), and clients stay forced; clients loaded with triggers
 * off, as the benchmarks' loader loads them, get theirs from calling it, in batches of any size,
 * once however often it runs. The windows expected are computed here from lower() and substr().
 */
@ExtendWith(ScratchDatabaseExtension.class)
class ClientSearchBackfillTest {

    /** Every client's windows as stored: "tenant window client". */
    static final String STORED = "select user_id || ' ' || trigram || ' ' || client_id"
            + " from client_search_trigrams order by 1";

    /** Every client's windows as they should be. */
    static final String EXPECTED = """
            select distinct c.user_id || ' ' || substr(lower(v.text), i, 3) || ' ' || c.id
            from clients c
            cross join lateral (values (c.name), (c.email)) as v (text)
            cross join lateral generate_series(1, length(lower(v.text)) - 2) as i
            order by 1""";

    private static final List<String> NAMES = List.of("Okafor Gardens", "Nakamura Studios", "Romano Legal",
            "Chen Health", "Kim Energy");

    private final ScratchDatabases databases;

    ClientSearchBackfillTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    @Test
    void an_upgrade_by_a_plain_owner_stores_the_windows_of_every_tenants_clients_and_leaves_clients_forced()
            throws SQLException {
        ConnectionSettings superuser = databases.empty();
        String role = "plain_owner_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        new AsOwner(superuser).execute("create role " + role + " login password '" + password + "'",
                "alter database \"" + superuser.database() + "\" owner to " + role);
        ConnectionSettings plainOwner = superuser.as(role, password);
        try {
            InvoiceMigrations.forDataSource(plainOwner.dataSource()).target("17").build().migrate();
            List<UUID> tenants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            try (Connection owner = plainOwner.connect()) {
                owner.setAutoCommit(false);
                for (UUID tenant : tenants) {
                    // The owner is no member of the application role: it sets a tenant unsigned.
                    run(owner, "select set_config('app.user_id', ?, true)", tenant.toString());
                    run(owner, "insert into users (id, name, email) values (?, 'Tenant', 'owner@tenant.example')", tenant);
                    for (String name : NAMES) {
                        insertClient(owner, tenant, name);
                    }
                    owner.commit();
                }
            }

            InvoiceMigrations.forDataSource(plainOwner.dataSource()).build().migrate();

            List<String> stored = new AsOwner(superuser).queryStrings(STORED);
            assertThat(stored).isEqualTo(new AsOwner(superuser).queryStrings(EXPECTED));
            assertThat(stored).extracting(line -> line.substring(0, 36)).as("the tenants with windows")
                    .containsOnly(tenants.stream().map(UUID::toString).toArray(String[]::new));
            assertThat(new AsOwner(superuser).queryLong("select count(*) from pg_class"
                    + " where oid = 'public.clients'::regclass and relforcerowsecurity")).isOne();
        } finally {
            new AsOwner(superuser).execute("reassign owned by " + role + " to current_user", "drop owned by " + role,
                    "drop role " + role);
        }
    }

    @Test
    void clients_loaded_with_triggers_off_get_their_windows_from_the_backfill_once_in_batches_of_any_size()
            throws SQLException {
        ConnectionSettings owner = databases.migrated().owner();
        try (Connection loader = owner.connect()) {
            for (int tenant = 0; tenant < 2; tenant++) {
                UUID user = UUID.randomUUID();
                run(loader, "insert into users (id, name, email) values (?, 'Tenant', 'owner@tenant.example')", user);
                run(loader, "set session_replication_role = replica");
                for (String name : NAMES) {
                    insertClient(loader, user, name);
                }
                run(loader, "reset session_replication_role");
            }
        }
        List<String> loaded = new AsOwner(owner).queryStrings(STORED);

        new AsOwner(owner).execute("call backfill_client_search_trigrams(3)");
        List<String> inBatchesOfThree = new AsOwner(owner).queryStrings(STORED);
        new AsOwner(owner).execute("call backfill_client_search_trigrams(1000)");

        assertThat(loaded).isEmpty();
        assertThat(inBatchesOfThree).isEqualTo(new AsOwner(owner).queryStrings(EXPECTED)).hasSizeGreaterThan(2 * NAMES.size() * 20);
        assertThat(new AsOwner(owner).queryStrings(STORED)).isEqualTo(inBatchesOfThree);
    }

    private static void insertClient(Connection connection, UUID tenant, String name) throws SQLException {
        run(connection, "insert into clients (user_id, id, name, email) values (?, ?, ?, ?)", tenant, UUID.randomUUID(),
                name, "accounts@" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example");
    }

    private static void run(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }
}

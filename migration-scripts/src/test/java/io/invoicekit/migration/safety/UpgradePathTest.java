package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every released version can be upgraded to the latest: data written at that version survives
 * unchanged (or, for a table a migration replaces, moved where the migration says), and the
 * schema it ends with is exactly a fresh install's.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class UpgradePathTest {

    /** V4 to V10's per-tenant counters; V11 moves each into the tenant's default invoice series. */
    private static final String COUNTERS = "invoice_number_counters";

    /** Each tenant's default invoice series' counter, by tenant. */
    private static final String DEFAULT_SERIES_COUNTERS = "SELECT user_id, last_number FROM invoice_series"
            + " WHERE document_kind = 'invoice' AND is_default";

    /** Each tenant's default credit-note series' counter, by tenant (V12 gives every tenant one). */
    private static final String DEFAULT_CREDIT_NOTE_SERIES_COUNTERS = "SELECT user_id, last_number FROM invoice_series"
            + " WHERE document_kind = 'credit_note' AND is_default AND prefix = 'CN-' AND pattern = '{prefix}{seq:6}'";

    private final ScratchDatabases databases;

    UpgradePathTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    static List<Integer> versionsBeforeTheLatest() {
        return MigrationScripts.versionsBeforeTheLatest();
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("versionsBeforeTheLatest")
    void upgrading_keeps_every_row_and_ends_with_the_schema_of_a_fresh_install(int version) {
        ConnectionSettings database = databases.empty();
        InvoiceMigrations.forDataSource(database.dataSource()).target(String.valueOf(version)).build().migrate();
        SampleData.load(database, version);
        // V11 drops the counters once their counts are in the default series: compared below.
        TableContents.Columns columns = TableContents.Columns.of(database).withoutTable(COUNTERS);
        if (version >= 11) {
            // V12 gives every tenant a credit-note series beside its invoice series: compared below.
            columns = columns.withoutRows("invoice_series", "document_kind = 'credit_note'");
        }
        if (version < 5) {
            // The V5 due-date backfill is an UPDATE, and an UPDATE moves updated_at (V5's header).
            columns = columns.without("invoices", "updated_at");
        }
        TableContents before = TableContents.read(database, columns);
        Map<String, Long> lastNumbers = lastNumbersGiven(new AsOwner(database));

        InvoiceMigrations.forDataSource(database.dataSource()).build().migrate();

        assertThat(before.count("invoices")).isPositive();
        assertThat(TableContents.read(database, columns)).isEqualTo(before);
        assertThat(lastNumbers).as("numbers given before the upgrade").isNotEmpty().doesNotContainValue(0L);
        assertThat(new AsOwner(database).queryLongs(DEFAULT_SERIES_COUNTERS))
                .as("each tenant's default series goes on from the last number it was given")
                .isEqualTo(lastNumbers);
        assertThat(new AsOwner(database).queryLongs(DEFAULT_CREDIT_NOTE_SERIES_COUNTERS))
                .as("each tenant's default credit-note series, which has given no number yet")
                .isEqualTo(tenantsCountingFromZero(new AsOwner(database)));
        if (version < 13) {
            // The trail starts empty: V13 records the changes made after it, not the rows written before.
            assertThat(new AsOwner(database).queryLong("SELECT count(*) FROM audit_events"))
                    .as("audit events of rows written before the trail existed").isZero();
        }
        // Before V18 no client had search windows: its backfill stores them (after it, the trigger did).
        assertThat(new AsOwner(database).queryStrings(ClientSearchBackfillTest.STORED)).as("client search windows")
                .isNotEmpty().isEqualTo(new AsOwner(database).queryStrings(ClientSearchBackfillTest.EXPECTED));
        assertThat(CatalogSnapshot.of(database).diff(freshInstall())).as("schema differences from a fresh install")
                .isEmpty();
    }

    /**
     * V15 keeps a deployment working whose release sets the bare app.user_id: a database that has
     * held tenants starts in compatibility mode; one that never had a tenant starts signed.
     */
    @Test
    void the_signed_tenant_context_starts_in_compatibility_mode_only_where_tenants_exist() {
        ConnectionSettings upgraded = databases.empty();
        InvoiceMigrations.forDataSource(upgraded.dataSource()).target("14").build().migrate();
        SampleData.load(upgraded, 14);
        InvoiceMigrations.forDataSource(upgraded.dataSource()).build().migrate();
        ConnectionSettings fresh = databases.empty();
        InvoiceMigrations.forDataSource(fresh.dataSource()).build().migrate();

        String unsignedAllowed = "SELECT count(*) FROM tenant_context_mode WHERE unsigned_allowed";
        assertThat(new AsOwner(upgraded).queryLong(unsignedAllowed)).as("upgraded with tenants").isOne();
        assertThat(new AsOwner(fresh).queryLong(unsignedAllowed)).as("fresh install").isZero();
    }

    /** The data the latest version's application writes: drafts without numbers, invoices numbered as issued. */
    @Test
    void sample_data_of_the_latest_version_is_numbered_at_issue_in_each_tenants_default_series() {
        ConnectionSettings database = databases.migrated().owner();
        AsOwner owner = new AsOwner(database);

        SampleData.load(database, MigrationScripts.latest());

        assertThat(owner.queryLong("SELECT count(*) FROM invoices WHERE status <> 'draft'")).isPositive();
        assertThat(owner.queryLong("SELECT count(*) FROM invoices WHERE status = 'draft' AND invoice_number IS NOT NULL"))
                .as("numbered drafts").isZero();
        assertThat(owner.queryLongs(DEFAULT_SERIES_COUNTERS))
                .as("each tenant's default series counted what it issued")
                .isEqualTo(owner.queryLongs("SELECT user_id, count(*) FILTER (WHERE status <> 'draft') FROM invoices"
                        + " GROUP BY user_id"));
        assertThat(owner.queryLong("SELECT count(*) FROM invoices i JOIN invoice_series s"
                + " ON s.user_id = i.user_id AND s.id = i.series_id"
                + " WHERE i.invoice_number <> invoice_number_render(s.pattern, s.prefix, i.issue_date, i.sequence_number)"))
                .as("numbers that are not their series' pattern at their sequence").isZero();
    }

    /**
     * The last number each tenant was given, by tenant: its counter where the schema has one
     * (V4 on); before, the highest number among its invoices, which V4 starts the counter from.
     */
    private static Map<String, Long> lastNumbersGiven(AsOwner owner) {
        boolean hasCounters = owner.queryLong("SELECT count(*) FROM pg_class WHERE oid = to_regclass('public."
                + COUNTERS + "')") == 1;
        return owner.queryLongs(hasCounters
                ? "SELECT user_id, last_value FROM " + COUNTERS
                : "SELECT user_id, max(substring(invoice_number FROM 5)::bigint) FROM invoices GROUP BY user_id");
    }

    private static Map<String, Long> tenantsCountingFromZero(AsOwner owner) {
        return owner.queryLongs("SELECT id, 0 FROM users");
    }

    private CatalogSnapshot freshInstall() {
        return CatalogSnapshot.of(databases.migrated().owner());
    }
}

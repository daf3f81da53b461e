package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant key invariant of the design, read from the catalog of the migrated schema: every
 * tenant-owned table carries user_id, NOT NULL, in every primary, unique and foreign key, so a row
 * can never point at another tenant's row and the schema can be distributed by user_id.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantKeyInvariantTest {

    private static final List<String> TENANT_OWNED_TABLES = List.of(
            "clients", "services", "invoices", "line_items", "payments", "invoice_series",
            "credit_notes", "credit_note_lines", "refunds", "audit_events", "client_search_trigrams");

    /** The tables (not views) of schema public that have a user_id column, as a CTE. */
    private static final String WITH_TENANT_OWNED = """
            with tenant_owned as (
                select t.oid, t.relname, k.attnum as tenant_key, k.attnotnull as tenant_key_not_null
                from pg_class t
                join pg_namespace n on n.oid = t.relnamespace
                join pg_attribute k on k.attrelid = t.oid and k.attname = 'user_id' and not k.attisdropped
                where n.nspname = 'public' and t.relkind in ('r', 'p')
            )
            """;

    private final Sql owner;

    TenantKeyInvariantTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
    }

    @Test
    void the_tables_with_a_user_id_are_exactly_the_tenant_owned_tables() throws SQLException {
        List<String> tables = owner.list(WITH_TENANT_OWNED + "select relname from tenant_owned", String.class);

        assertThat(tables).containsExactlyInAnyOrderElementsOf(TENANT_OWNED_TABLES);
    }

    @Test
    void the_tenant_key_is_not_null_in_every_tenant_owned_table() throws SQLException {
        record TenantKey(String table, boolean notNull) {
        }
        List<TenantKey> keys = owner.list(WITH_TENANT_OWNED + "select relname, tenant_key_not_null from tenant_owned",
                row -> new TenantKey(row.getString(1), row.getBoolean(2)));

        assertThat(keys).extracting(TenantKey::table).containsExactlyInAnyOrderElementsOf(TENANT_OWNED_TABLES);
        assertThat(keys).allSatisfy(key -> assertThat(key.notNull()).as(key.table()).isTrue());
    }

    @Test
    void every_primary_unique_and_foreign_key_of_a_tenant_owned_table_includes_the_tenant_key() throws SQLException {
        record Key(String table, String name, boolean includesTenantKey) {
        }
        List<Key> keys = owner.list(WITH_TENANT_OWNED + """
                        select t.relname, c.conname, t.tenant_key = any (c.conkey)
                        from tenant_owned t
                        join pg_constraint c on c.conrelid = t.oid
                        where c.contype in ('p', 'u', 'f')
                        """,
                row -> new Key(row.getString(1), row.getString(2), row.getBoolean(3)));

        assertThat(keys).extracting(Key::table).containsAll(TENANT_OWNED_TABLES);
        assertThat(keys).extracting(Key::name).contains("invoices_number_unique_per_tenant", "line_items_invoice_fk");
        assertThat(keys).allSatisfy(key -> assertThat(key.includesTenantKey()).as(key.name()).isTrue());
    }

    @Test
    void every_foreign_key_of_a_tenant_owned_table_matches_the_tenant_key_to_the_referenced_tenant_key()
            throws SQLException {
        record ForeignKey(String name, String referencedColumn, String referencedTenantKey) {
        }
        // users is the tenant itself: its tenant key is id. Every other referenced table's is user_id.
        List<ForeignKey> foreignKeys = owner.list(WITH_TENANT_OWNED + """
                        select c.conname,
                               r.relname || '.' || ra.attname,
                               r.relname || '.' || case when r.relname = 'users' then 'id' else 'user_id' end
                        from tenant_owned t
                        join pg_constraint c on c.conrelid = t.oid and c.contype = 'f'
                        join pg_class r on r.oid = c.confrelid
                        join pg_attribute ra on ra.attrelid = c.confrelid
                                            and ra.attnum = c.confkey[array_position(c.conkey, t.tenant_key)]
                        """,
                row -> new ForeignKey(row.getString(1), row.getString(2), row.getString(3)));

        assertThat(foreignKeys).extracting(ForeignKey::name)
                .contains("clients_user_id_fkey", "invoices_client_fk", "line_items_invoice_fk", "payments_invoice_fk",
                        "invoices_series_fk", "invoice_series_user_fk", "credit_notes_invoice_fk",
                        "credit_notes_series_fk", "credit_note_lines_credit_note_fk", "refunds_credit_note_fk",
                        "audit_events_user_fk");
        assertThat(foreignKeys).allSatisfy(key ->
                assertThat(key.referencedColumn()).as(key.name()).isEqualTo(key.referencedTenantKey()));
    }

    @Test
    void no_tenant_owned_table_takes_a_value_from_a_sequence() throws SQLException {
        record Column(String table, String name, boolean fromSequence) {
        }
        // Identity columns and serials (a nextval default) both draw from a sequence shared by all
        // tenants, which would reveal every tenant's activity to every other.
        List<Column> columns = owner.list(WITH_TENANT_OWNED + """
                        select t.relname, a.attname,
                               a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid) ~* 'nextval', false)
                        from tenant_owned t
                        join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
                        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                        """,
                row -> new Column(row.getString(1), row.getString(2), row.getBoolean(3)));

        assertThat(columns).extracting(Column::table).containsAll(TENANT_OWNED_TABLES);
        assertThat(columns).allSatisfy(column ->
                assertThat(column.fromSequence()).as(column.table() + "." + column.name()).isFalse());
    }
}

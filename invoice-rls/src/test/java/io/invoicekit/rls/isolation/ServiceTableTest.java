package io.invoicekit.rls.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.DatabaseSnapshot;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service grows the schema with tables of its own, which the probe knows only from the catalog:
 * one protected as ours are (row-level security forced, the tenant in every key, a serial id), and
 * one that is not. The probe must attack both, find the second's weaknesses and none in the first,
 * and leave the first's sequence where it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabaseExtension.class)
@DisabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "jdbc:.*",
        disabledReason = "adds tables to the schema: only on a database server of its own, not on one given by URL")
class ServiceTableTest {

    private static final String SERVICE_TABLES = """
            create table service_notes (
                user_id    uuid not null references users (id),
                id         bigserial,
                invoice_id uuid not null,
                body       text not null check (length(body) <= 500),
                primary key (user_id, id),
                foreign key (user_id, invoice_id) references invoices (user_id, id));
            alter table service_notes enable row level security;
            alter table service_notes force row level security;
            create policy service_notes_tenant on service_notes
                using (user_id = (select current_tenant_id())) with check (user_id = (select current_tenant_id()));
            grant select, insert, update (body), delete on service_notes to %1$s;
            grant usage on sequence service_notes_id_seq to %1$s;

            create table service_tags (
                user_id uuid not null references users (id),
                id      uuid primary key,
                code    text not null unique,
                note_id bigint);
            grant select, insert, update, delete on service_tags to %1$s;
            """;

    private final DatabaseSnapshot before;
    private final IsolationReport report;
    private final DatabaseSnapshot after;

    ServiceTableTest(MigratedDatabase database) throws SQLException {
        try (Session owner = Session.open(database.ownerDataSource(), ServiceKey.OWNER)) {
            owner.rows(SERVICE_TABLES.formatted(database.applicationRole()));
            owner.commit();
        }
        this.before = DatabaseSnapshot.of(database.ownerDataSource());
        this.report = IsolationProbe.builder(database.applicationDataSource())
                .tenantKey(ServiceKey.of(database)).build().run();
        this.after = DatabaseSnapshot.of(database.ownerDataSource());
    }

    @Test
    void the_protected_service_table_is_attacked_and_holds() {
        List<IsolationReport.Row> rows = rowsOf("service_notes");

        assertThat(rows).extracting(IsolationReport.Row::attack).contains("control: read my own row",
                "read another tenant's rows", "copy my row with another tenant's key",
                "insert another tenant's existing row, ON CONFLICT DO NOTHING",
                "point invoice_id at another tenant's row", "empty tenant '': insert", "TRUNCATE (ignores row-level security)");
        assertThat(rows).allSatisfy(row -> assertThat(row.asExpected()).as(row.toString()).isTrue());
        assertThat(rows).noneMatch(row -> row.observed().contains(Expected.NOT_SEEDED));
        // The role may update body: the update meets the policy, not a missing privilege.
        assertThat(rows).filteredOn(row -> row.attack().equals("update another tenant's rows (RETURNING)"))
                .singleElement().extracting(IsolationReport.Row::observed).isEqualTo("0 rows");
    }

    @Test
    void the_unprotected_service_table_is_reported_for_each_weakness() {
        assertThat(report.findings()).extracting(IsolationReport.Row::table).containsOnly("service_tags");
        assertThat(report.findings()).extracting(IsolationReport.Row::attack).contains(
                "read another tenant's rows", "copy my row with another tenant's key", "empty tenant '': read",
                "unique keys without the tenant column (a violation tells another tenant's value)");
        assertThat(report.passed()).isFalse();
        assertThat(report.notRun()).extracting(IsolationReport.Row::table).doesNotContain("service_notes", "service_tags");
    }

    @Test
    void the_service_tables_sequence_and_rows_are_left_as_found() {
        assertThat(before.sequences()).containsKey("public.service_notes_id_seq");
        assertThat(after).isEqualTo(before);
    }

    private List<IsolationReport.Row> rowsOf(String table) {
        return report.rows().stream().filter(row -> row.table().equals(table)).toList();
    }
}

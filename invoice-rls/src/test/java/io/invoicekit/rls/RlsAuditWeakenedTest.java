package io.invoicekit.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.invoicekit.rls.Finding.Kind;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a fresh copy of the schema, weakened once for every kind of finding, the audit reports each
 * weakness and nothing else. The role attributes (superuser, BYPASSRLS) are cluster-wide, so they
 * go to throwaway roles audited as the application role, dropped afterwards; hence this runs only
 * on a database server of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabaseExtension.class)
@DisabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "jdbc:.*",
        disabledReason = "creates a superuser and weakens the schema: only on a server of its own, not on one given by URL")
class RlsAuditWeakenedTest {

    /**
     * A weakening and the finding it must cause.
     *
     * @param sql    run as the owner; %1$s is the throwaway application role, %2$s its login
     * @param object the finding's object; the same placeholders
     */
    private record Weakening(Kind kind, String object, String sql) {
    }

    private static final List<Weakening> WEAKENINGS = List.of(
            new Weakening(Kind.RLS_NOT_ENABLED, "services", "alter table services disable row level security"),
            new Weakening(Kind.RLS_NOT_FORCED, "payments", "alter table payments no force row level security"),
            new Weakening(Kind.COMMAND_WITHOUT_POLICY, "line_items", "drop policy line_items_delete on line_items"),
            new Weakening(Kind.POLICY_NOT_TENANT_PREDICATE, "clients.clients_open",
                    "create policy clients_open on clients for select using (true)"),
            new Weakening(Kind.APP_ROLE_OWNS_OBJECT, "audit_owned",
                    "create table audit_owned (id integer); alter table audit_owned owner to %1$s"),
            new Weakening(Kind.APP_ROLE_IS_SUPERUSER, "%2$s", "create role %2$s login superuser in role %1$s"),
            new Weakening(Kind.APP_ROLE_BYPASSES_RLS, "%1$s", "alter role %1$s bypassrls"),
            new Weakening(Kind.APP_ROLE_EXCESS_PRIVILEGE, "invoices", "grant truncate on invoices to %1$s"),
            new Weakening(Kind.APP_ROLE_CAN_CREATE, "public", "grant create on schema public to %1$s"),
            new Weakening(Kind.PUBLIC_TABLE_PRIVILEGE, "users", "grant select on users to public"),
            new Weakening(Kind.SECURITY_DEFINER_WITHOUT_SEARCH_PATH, "audit_invoice_count()",
                    "create function audit_invoice_count() returns bigint security definer language sql "
                            + "as 'select count(*) from invoices'"),
            new Weakening(Kind.APP_ROLE_CAN_CREATE_TEMP, "%3$s", "grant temporary on database %3$s to %1$s"),
            new Weakening(Kind.FUNCTION_WITHOUT_SEARCH_PATH, "audit_tenant_names()",
                    "create function audit_tenant_names() returns setof text language sql as 'select name from users'"),
            new Weakening(Kind.VIEW_NOT_SECURITY_INVOKER, "audit_all_invoices",
                    "create view audit_all_invoices as select * from invoices"),
            // Through an invoker view: the outer view still reads invoices as its owner.
            new Weakening(Kind.VIEW_NOT_SECURITY_INVOKER, "audit_duplicates",
                    "create view audit_duplicates as select * from invoice_number_duplicates"),
            new Weakening(Kind.VIEW_NOT_SECURITY_INVOKER, "audit_totals",
                    "create materialized view audit_totals as select user_id, sum(total) from invoices group by user_id"),
            new Weakening(Kind.DEFAULT_TENANT, "role %1$s in database %3$s",
                    "alter role %1$s in database %3$s set app.user_id = '00000000-0000-0000-0000-000000000001'"),
            new Weakening(Kind.UNSIGNED_TENANTS_ALLOWED, "tenant_context_mode", "call allow_unsigned_tenants()"));

    private final MigratedDatabase database;
    private final String role = "audit_app_" + UUID.randomUUID().toString().replace("-", "");
    private final String login = role + "_login";
    private boolean rolesCreated;
    private AuditReport report;

    RlsAuditWeakenedTest(MigratedDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void weaken_a_copy_of_the_schema_and_audit_it() throws SQLException {
        execute("create role " + role + " nologin");
        rolesCreated = true;
        for (Weakening weakening : WEAKENINGS) {
            execute(fill(weakening.sql()));
        }
        report = RlsAudit.of(database.ownerDataSource()).audit(role, "public");
        System.out.println(report);
    }

    @AfterAll
    void drop_the_throwaway_roles() throws SQLException {
        if (rolesCreated) {
            execute("drop owned by " + role);
            execute("drop role if exists " + login + ", " + role);
        }
    }

    @Test
    void every_kind_of_finding_has_a_weakening_here() {
        assertThat(WEAKENINGS.stream().map(Weakening::kind)).contains(Kind.values());
    }

    @TestFactory
    Stream<DynamicTest> the_audit_reports_each_weakness() {
        return WEAKENINGS.stream().map(weakening -> dynamicTest(weakening.kind() + ": " + fill(weakening.sql()),
                () -> assertThat(report.findings())
                        .anySatisfy(finding -> {
                            assertThat(finding.kind()).isEqualTo(weakening.kind());
                            assertThat(finding.object()).isEqualTo(fill(weakening.object()));
                        })));
    }

    @Test
    void the_audit_reports_nothing_but_the_weaknesses() {
        assertThat(report.findings().stream().map(finding -> finding.kind() + " " + finding.object()))
                .containsExactlyInAnyOrderElementsOf(WEAKENINGS.stream()
                        .map(weakening -> weakening.kind() + " " + fill(weakening.object()))
                        .toList());
    }

    private String fill(String template) {
        return template.formatted(role, login, database.owner().database());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.ownerDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

package io.invoicekit.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit of the schema as the migrations leave it; {@link RlsAuditWeakenedTest} weakens it. */
@ExtendWith(TestDatabaseExtension.class)
class RlsAuditTest {

    private final MigratedDatabase database;

    RlsAuditTest(MigratedDatabase database) {
        this.database = database;
    }

    @Test
    void the_migrated_schema_has_no_findings() {
        AuditReport report = RlsAudit.of(database.ownerDataSource()).audit(database.applicationRole(), "public");

        System.out.println(report);
        assertThat(report.findings()).isEmpty();
        assertThat(report.isClean()).isTrue();
    }

    @Test
    void the_application_role_itself_can_run_the_audit_and_finds_the_same() {
        AuditReport asOwner = RlsAudit.of(database.ownerDataSource()).audit(database.applicationRole(), "public");
        AuditReport asApplication =
                RlsAudit.of(database.applicationDataSource()).audit(database.applicationRole(), "public");

        assertThat(asApplication).isEqualTo(asOwner);
    }

    static Stream<Arguments> scopes_that_would_audit_nothing() {
        return Stream.of(
                Arguments.of("no_such_role", "public", "applicationRole 'no_such_role' does not exist"),
                Arguments.of("invoice_app", "no_such_schema", "schema 'no_such_schema' does not exist"),
                Arguments.of("invoice_app", "pg_catalog", "schema 'pg_catalog' has no tenant-owned tables "
                        + "(a table users or tables with a user_id column): nothing to audit"));
    }

    @ParameterizedTest
    @MethodSource("scopes_that_would_audit_nothing")
    void a_scope_that_would_audit_nothing_is_refused(String role, String schema, String message) {
        String applicationRole = role.equals("invoice_app") ? database.applicationRole() : role;

        assertThatThrownBy(() -> RlsAudit.of(database.ownerDataSource()).audit(applicationRole, schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}

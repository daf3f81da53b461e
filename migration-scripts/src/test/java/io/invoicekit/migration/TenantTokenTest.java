package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * V15's verification, as the application login, with tokens made by the JDK's HMAC-SHA256: the
 * database accepts exactly the tokens the key signed for the tenant they name, until their expiry,
 * and says why it refuses the others; the owner's procedures keep a signed database with a key.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantTokenTest {

    private final Sql owner;
    private final Sql application;
    private final TenantTokens key;
    private final UUID tenant = UUID.randomUUID();

    TenantTokenTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
        this.application = Sql.on(database.applicationDataSource());
        this.key = TenantTokens.of(database.tenantKey());
    }

    @Test
    void a_token_the_key_signed_gives_its_tenant() throws SQLException {
        assertThat(tenantFor(key.token(tenant))).isEqualTo(tenant.toString());
        assertThat(refusalFor(key.token(tenant))).isNull();
    }

    @Test
    void an_expired_token_gives_no_tenant_and_says_when_it_expired() throws SQLException {
        String expired = key.token(tenant, Instant.now().minusSeconds(1));

        assertThat(tenantFor(expired)).isNull();
        assertThat(refusalFor(expired)).startsWith("the tenant token expired at ");
    }

    @Test
    void a_token_of_another_secret_relabelled_or_redated_gives_no_tenant() throws SQLException {
        String valid = key.token(tenant);
        String otherSecret = new TenantTokens(key.keyId(), new byte[32]).token(tenant);
        String relabelled = valid.replace(tenant.toString(), UUID.randomUUID().toString());
        String[] part = valid.split("\\.");
        String redated = String.join(".", part[0], part[1], part[2], Long.toString(Long.parseLong(part[3]) + 3600), part[4]);

        for (String forged : new String[] {otherSecret, relabelled, redated}) {
            assertThat(tenantFor(forged)).as(forged).isNull();
            assertThat(refusalFor(forged)).as(forged).isEqualTo("the tenant token's signature does not match key "
                    + key.keyId() + " (another secret under the same id?)");
        }
    }

    @Test
    void a_malformed_or_unknown_token_gives_no_tenant() throws SQLException {
        assertThat(tenantFor("v1.x")).isNull();
        assertThat(refusalFor("v1.x")).startsWith("the tenant token is not of the form");
        String unknown = new TenantTokens("unknown", new byte[32]).token(tenant);
        assertThat(tenantFor(unknown)).isNull();
        assertThat(refusalFor(unknown)).isEqualTo("the tenant token is signed with key unknown, which this database does not have");
        assertThat(refusalFor("")).isEqualTo("no tenant is set");
    }

    @Test
    void a_retired_key_gives_no_tenant_from_the_next_statement_and_the_last_key_is_never_retired() throws SQLException {
        TenantTokens next = TenantTokens.of(owner.one("select public.create_tenant_key('next')", String.class));
        String signedByNext = next.token(tenant);
        assertThat(tenantFor(signedByNext)).isEqualTo(tenant.toString());

        owner.update("call public.retire_tenant_key('next')");

        assertThat(tenantFor(signedByNext)).isNull();
        assertThat(refusalFor(signedByNext)).startsWith("the tenant token is signed with key next, retired at ");
        assertThatThrownBy(() -> owner.update("call public.retire_tenant_key(?)", key.keyId()))
                .isInstanceOf(PSQLException.class)
                .hasMessageContaining("is the last valid key: create its successor first");
        assertThat(tenantFor(key.token(tenant))).isEqualTo(tenant.toString());
    }

    @Test
    void the_mode_is_signed_only_with_a_valid_key_and_unsigned_ids_count_only_in_compatibility_mode() throws SQLException {
        assertThat(tenantForBareId()).isNull();

        owner.update("call public.allow_unsigned_tenants()");
        assertThat(tenantForBareId()).isEqualTo(tenant.toString());
        assertThat(tenantFor(key.token(tenant, Instant.now().minusSeconds(1))))
                .as("an invalid token is never a bare id's fallback").isNull();

        owner.update("call public.require_signed_tenants()");
        assertThat(tenantForBareId()).isNull();
    }

    private String tenantForBareId() throws SQLException {
        return application.inTransaction(sql -> sql.one("select public.current_tenant_id()::text from"
                + " (select set_config('app.user_id', ?, true) offset 0) tenant", String.class, tenant.toString()));
    }

    private String tenantFor(String token) throws SQLException {
        return application.inTransaction(sql -> sql.one("select public.current_tenant_id()::text from"
                + " (select set_config('app.tenant_token', ?, true) offset 0) token", String.class, token));
    }

    private String refusalFor(String token) throws SQLException {
        return application.inTransaction(sql -> sql.one("select public.tenant_refusal() from"
                + " (select set_config('app.tenant_token', ?, true) offset 0) token", String.class, token));
    }
}

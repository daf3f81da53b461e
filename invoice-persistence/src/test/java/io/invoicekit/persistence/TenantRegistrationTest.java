package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;

class TenantRegistrationTest extends StoreTest {

    TenantRegistrationTest(MigratedDatabase database) {
        super(database, 1);
    }

    @Test
    void a_tenant_registers_with_its_name_and_email_stripped() {
        TenantId tenant = TenantId.generate(fixture.clock);

        store.registerTenant(tenant, "  Acme Ltd ", " owner@acme.example\n");
        String seller = store.inTenant(tenant, tx -> tx.profile().seller().name());

        assertThat(seller).isEqualTo("Acme Ltd");
    }

    /** Before V14 the database took any email for a tenant, and Java passed it on. */
    @Test
    void an_email_that_is_no_address_is_refused_in_java_and_nothing_is_stored() {
        TenantId tenant = TenantId.generate(fixture.clock);

        assertThatThrownBy(() -> store.registerTenant(tenant, "Acme Ltd", "owner at acme.example"))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.violations())
                        .containsExactly(new Violation("email", "format", "must be an address like ana@example.com: "
                                + "one @, a dot after it, no white space, at most 254 characters, was \"owner at acme.example\"")));
        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.profile().seller()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_missing_name_email_or_tenant_is_a_validation_exception_naming_each() {
        assertThatThrownBy(() -> store.registerTenant(TenantId.generate(fixture.clock), null, null))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.violations())
                        .extracting(Violation::field).containsExactly("name", "email"));
        assertThatThrownBy(() -> store.registerTenant(null, "Acme Ltd", "owner@acme.example"))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.violations())
                        .extracting(Violation::field).containsExactly("id"));
    }
}

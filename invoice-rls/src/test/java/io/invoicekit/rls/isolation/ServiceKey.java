package io.invoicekit.rls.isolation;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;

/** The test database's tenant key, as the service reads it from its configuration, and the owner's unsigned view. */
final class ServiceKey {

    /** The owner may set app.user_id unsigned: it is not a member of the application role. */
    static final TenantSigning OWNER = TenantSigning.unsigned();

    private ServiceKey() {
    }

    static TenantKey of(MigratedDatabase database) {
        return TenantKey.parse(database.tenantKey());
    }

    static TenantSigning signing(MigratedDatabase database) {
        return TenantSigning.signed(of(database));
    }
}

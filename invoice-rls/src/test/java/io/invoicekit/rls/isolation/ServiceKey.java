package io.invoicekit.rls.isolation;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The test database's tenant key, as the service reads it from its configuration, and the owner's unsigned view. */
final class ServiceKey {

    /** The owner may set app.user_id unsigned: it is not a member of the application role. */
    static final TenantSigning OWNER = TenantSigning.unsigned();

    private ServiceKey() {
    }

    static TenantKey of(MigratedDatabase database) {
        return TenantKey.parse(database.tenantKey());
    }

    /** A key made and retired again, as a rotation leaves the one before. */
    static TenantKey retired(MigratedDatabase database) throws SQLException {
        try (Connection owner = database.owner().connect(); Statement statement = owner.createStatement();
             ResultSet created = statement.executeQuery("select public.create_tenant_key('retired-"
                     + UUID.randomUUID().toString().substring(0, 8) + "')")) {
            created.next();
            TenantKey key = TenantKey.parse(created.getString(1));
            statement.execute("call public.retire_tenant_key('" + key.id() + "')");
            return key;
        }
    }

    static TenantSigning signing(MigratedDatabase database) {
        return TenantSigning.signed(of(database));
    }
}

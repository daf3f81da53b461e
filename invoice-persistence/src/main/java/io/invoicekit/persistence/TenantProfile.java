package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;

import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.invoice.Party;
import io.invoicekit.core.tenant.TenantId;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The tenant as the seller its invoices name. Obtained from {@link TenantTransaction#profile()};
 * valid only inside that transaction.
 */
public final class TenantProfile {

    private final DSLContext transaction;
    private final UUID tenant;

    TenantProfile(DSLContext transaction, TenantId tenant) {
        this.transaction = transaction;
        this.tenant = tenant.value();
    }

    /**
     * The seller an invoice issued now names: the legal name (or, while none is set, the name the
     * tenant registered with), the address and the VAT id.
     */
    public Party seller() {
        return transaction.select(coalesce(USERS.LEGAL_NAME, USERS.NAME), USERS.ADDRESS, USERS.VAT_ID)
                .from(USERS)
                .where(USERS.ID.eq(tenant))
                .fetchOptional(record -> new Party(record.value1(), record.value2(), record.value3()))
                .orElseThrow(() -> new NotFoundException("tenant " + tenant + " is not registered"));
    }

    /** Names {@code seller} on the invoices issued from now on; issued invoices keep the seller they name. */
    public void updateSeller(Party seller) {
        transaction.update(USERS)
                .set(USERS.LEGAL_NAME, seller.name())
                .set(USERS.ADDRESS, seller.address())
                .set(USERS.VAT_ID, seller.vatId())
                .where(USERS.ID.eq(tenant))
                .execute();
    }
}

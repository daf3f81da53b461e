package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.SERVICES;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.internal.jooq.tables.records.ServicesRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.SelectSelectStep;

/**
 * A tenant's catalog of services. Items are deactivated, never deleted: invoices keep pointing
 * at them. Obtained from {@link TenantTransaction#services()}; valid only inside it.
 */
public final class ServiceCatalog {

    private final DSLContext transaction;
    private final UUID tenant;

    ServiceCatalog(DSLContext transaction, TenantId tenant) {
        this.transaction = transaction;
        this.tenant = tenant.value();
    }

    public ServiceItem create(ServiceItem item) {
        transaction.insertInto(SERVICES)
                .set(SERVICES.USER_ID, tenant)
                .set(SERVICES.ID, item.id().value())
                .set(contentOf(item))
                .set(SERVICES.VERSION, item.version())
                .execute();
        return item; // stored exactly as given: no column of it is computed by the database
    }

    /** Replaces the item's fields, refusing a stale version with {@link ConcurrencyConflictException}. */
    public ServiceItem update(ServiceItem item) {
        int updated = transaction.update(SERVICES)
                .set(contentOf(item))
                .set(SERVICES.VERSION, SERVICES.VERSION.plus(1))
                .where(isMine(item.id()).and(SERVICES.VERSION.eq(item.version())))
                .execute();
        if (updated == 0) {
            throw StaleVersions.of("service", item.id().value(), item.version(), find(item.id()).isPresent());
        }
        return new ServiceItem(item.id(), item.name(), item.description(), item.unitPrice(), item.defaultTaxRate(),
                item.active(), item.version() + 1);
    }

    /** Takes the item out of the catalog for new invoices; existing invoices are unaffected. */
    public ServiceItem deactivate(ServiceItemId id) {
        int updated = transaction.update(SERVICES)
                .set(SERVICES.ACTIVE, false)
                .set(SERVICES.VERSION, SERVICES.VERSION.plus(1))
                .where(isMine(id))
                .execute();
        if (updated == 0) {
            throw new NotFoundException("service " + id.value() + " does not exist for this tenant");
        }
        return find(id).orElseThrow();
    }

    public Optional<ServiceItem> find(ServiceItemId id) {
        return selectItems().from(SERVICES).where(isMine(id)).fetchOptional(mapping(ServiceItem::new));
    }

    /** Active items ordered by name, the first page. */
    public Page<ServiceItem> listActive(int limit) {
        return page(SERVICES.USER_ID.eq(tenant), limit);
    }

    /** Active items ordered by name, the page after the item {@code after}. */
    public Page<ServiceItem> listActiveAfter(ServiceItemId after, int limit) {
        return page(SERVICES.USER_ID.eq(tenant).and(row(lower(SERVICES.NAME), SERVICES.ID).gt(
                select(lower(SERVICES.NAME), SERVICES.ID).from(SERVICES).where(isMine(after)))), limit);
    }

    private Page<ServiceItem> page(Condition condition, int limit) {
        List<ServiceItem> fetched = selectItems().from(SERVICES)
                .where(condition.and(SERVICES.ACTIVE))
                .orderBy(lower(SERVICES.NAME), SERVICES.ID)
                .limit(Page.checkLimit(limit) + 1)
                .fetch(mapping(ServiceItem::new));
        return Page.of(fetched, limit);
    }

    /** The columns a person edits, shared by create and update. */
    private static ServicesRecord contentOf(ServiceItem item) {
        return new ServicesRecord()
                .setName(item.name())
                .setDescription(item.description())
                .setUnitPrice(item.unitPrice().amount())
                .setCurrency(item.unitPrice().currency())
                .setDefaultTaxRate(item.defaultTaxRate().percent())
                .setActive(item.active());
    }

    private Condition isMine(ServiceItemId id) {
        return SERVICES.USER_ID.eq(tenant).and(SERVICES.ID.eq(id.value()));
    }

    private SelectSelectStep<Record7<ServiceItemId, String, String, Money, TaxRate, Boolean, Long>> selectItems() {
        return transaction.select(
                SERVICES.ID.convertFrom(ServiceItemId::of),
                SERVICES.NAME,
                SERVICES.DESCRIPTION,
                row(SERVICES.UNIT_PRICE, SERVICES.CURRENCY).mapping(Money.class, Money::of),
                SERVICES.DEFAULT_TAX_RATE.convertFrom(TaxRate::of),
                SERVICES.ACTIVE,
                SERVICES.VERSION);
    }
}

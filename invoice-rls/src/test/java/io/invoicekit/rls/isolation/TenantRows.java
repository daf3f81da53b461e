package io.invoicekit.rls.isolation;

import java.util.UUID;

/**
 * One tenant of the probe and the ids of its one row in every tenant-owned table.
 *
 * @param name          how the report shows it ("A")
 * @param tenant        the tenant's id
 * @param client        its client
 * @param service       its catalog item
 * @param invoice       its invoice
 * @param lineItem      the line item on that invoice
 * @param payment       the payment of that invoice
 * @param invoiceNumber the invoice's number
 * @param transactionId the payment's transaction id
 */
public record TenantRows(String name, UUID tenant, UUID client, UUID service, UUID invoice, UUID lineItem,
                         UUID payment, String invoiceNumber, String transactionId) {

    static TenantRows random(String name, String invoiceNumber) {
        return new TenantRows(name, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), invoiceNumber, "probe-" + UUID.randomUUID());
    }

    /** The values of this tenant's existing row in {@code table}. */
    public RowValues existingRow(TenantTable table) {
        UUID id = switch (table) {
            case USERS, INVOICE_NUMBER_COUNTERS -> tenant;
            case CLIENTS -> client;
            case SERVICES -> service;
            case INVOICES -> invoice;
            case LINE_ITEMS -> lineItem;
            case PAYMENTS -> payment;
        };
        return new RowValues(tenant, id, client, service, invoice, 1, invoiceNumber, transactionId);
    }

    /**
     * A row this tenant does not have yet: a new id, a number and a transaction id no tenant has,
     * position 2, and this tenant's client, catalog item and invoice.
     */
    public RowValues newRow() {
        return new RowValues(tenant, UUID.randomUUID(), client, service, invoice, 2, "INV-900001",
                "probe-" + UUID.randomUUID());
    }
}

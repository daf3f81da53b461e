package io.invoicekit.rls.isolation;

import java.util.UUID;

/**
 * One tenant of the probe and the ids of its rows: one in every tenant-owned table, and a second,
 * empty draft invoice for new lines (a sent invoice's lines never change).
 *
 * @param name          how the report shows it ("A")
 * @param tenant        the tenant's id
 * @param client        its client
 * @param service       its catalog item
 * @param series        its numbering series of its own (the default one is the database's doing)
 * @param invoice       its sent invoice
 * @param lineItem      the line item on that invoice
 * @param payment       the (pending) payment of that invoice
 * @param creditNote    a draft credit note of that invoice
 * @param creditNoteLine the line of that credit note
 * @param draft         its draft, without lines
 * @param transactionId the payment's transaction id
 */
record TenantRows(String name, UUID tenant, UUID client, UUID service, UUID series, UUID invoice,
                         UUID lineItem, UUID payment, UUID creditNote, UUID creditNoteLine, UUID draft,
                         String transactionId) {

    static TenantRows random(String name) {
        return new TenantRows(name, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "probe-" + UUID.randomUUID());
    }

    /** The values of this tenant's existing row in {@code table}. */
    RowValues existingRow(TenantTable table) {
        UUID id = switch (table) {
            case USERS -> tenant;
            case CLIENTS -> client;
            case SERVICES -> service;
            case INVOICE_SERIES -> series;
            case INVOICES -> invoice;
            case LINE_ITEMS -> lineItem;
            case PAYMENTS -> payment;
            case CREDIT_NOTES -> creditNote;
            case CREDIT_NOTE_LINES -> creditNoteLine;
        };
        return new RowValues(tenant, id, client, service, invoice, creditNote, 1, transactionId);
    }

    /**
     * A row of {@code table} this tenant does not have yet: a new id and transaction id, position
     * 1 on the draft for a line item, and this tenant's client, catalog item and sent invoice.
     */
    RowValues newRow(TenantTable table) {
        return new RowValues(tenant, UUID.randomUUID(), client, service,
                table == TenantTable.LINE_ITEMS ? draft : invoice, creditNote, table == TenantTable.CREDIT_NOTE_LINES ? 2 : 1,
                "probe-" + UUID.randomUUID());
    }
}

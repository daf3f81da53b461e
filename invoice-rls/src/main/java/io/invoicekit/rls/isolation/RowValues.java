package io.invoicekit.rls.isolation;

import java.util.UUID;

/**
 * The values of one row to insert into any tenant-owned table: each table's insert takes those it
 * has columns for.
 *
 * @param tenant        the tenant key ({@code user_id}, or {@code id} of {@code users})
 * @param id            the row's own id
 * @param client        the client an invoice is for
 * @param service       the catalog item a line item refers to
 * @param invoice       the invoice a line item, payment or credit note belongs to
 * @param creditNote    the credit note a credit-note line belongs to
 * @param position      a line item's position on its invoice
 * @param transactionId a payment's provider transaction id
 */
record RowValues(UUID tenant, UUID id, UUID client, UUID service, UUID invoice, UUID creditNote,
                        int position, String transactionId) {

    RowValues withClient(UUID other) {
        return new RowValues(tenant, id, other, service, invoice, creditNote, position, transactionId);
    }

    RowValues withService(UUID other) {
        return new RowValues(tenant, id, client, other, invoice, creditNote, position, transactionId);
    }

    RowValues withInvoice(UUID other) {
        return new RowValues(tenant, id, client, service, other, creditNote, position, transactionId);
    }

    RowValues withCreditNote(UUID other) {
        return new RowValues(tenant, id, client, service, invoice, other, position, transactionId);
    }

    /** This row with the id and the unique value (transaction id) of {@code other}. */
    RowValues withUniqueValuesOf(RowValues other) {
        return new RowValues(tenant, other.id, client, service, invoice, creditNote, position, other.transactionId);
    }
}

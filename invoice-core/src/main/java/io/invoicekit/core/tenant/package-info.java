/**
 * Who owns the data and how its rows are named: {@link io.invoicekit.core.tenant.TenantId} and one
 * id type per tenant-owned row ({@link io.invoicekit.core.tenant.ClientId}, {@link
 * io.invoicekit.core.tenant.InvoiceId}, ...), so that no signature takes a bare UUID and an invoice
 * id cannot be passed where a client id is meant.
 *
 * <p>Ids are UUIDs, never numbers from a sequence: a sequence shared by all tenants would tell each
 * tenant how busy the others are. Ids made here are time-ordered (UUIDv7), so new rows land at the
 * end of the primary-key index instead of at random pages of it.
 */
package io.invoicekit.core.tenant;

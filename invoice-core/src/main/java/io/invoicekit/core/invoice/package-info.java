/**
 * Invoices: what a service gives to create one ({@link io.invoicekit.core.invoice.InvoiceDraft}),
 * the stored {@link io.invoicekit.core.invoice.Invoice} with its {@link
 * io.invoicekit.core.invoice.LineItem}s, its number, its lifecycle, and the totals computed exactly
 * as the database's CHECK constraints compute them.
 */
package io.invoicekit.core.invoice;

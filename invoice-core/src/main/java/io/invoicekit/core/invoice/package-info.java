/**
 * Invoices: what a service gives to create one ({@link io.invoicekit.core.invoice.InvoiceDraft}),
 * the stored {@link io.invoicekit.core.invoice.Invoice} with its {@link
 * io.invoicekit.core.invoice.LineItem}s, its number, its lifecycle, the totals computed exactly
 * as the database's CHECK constraints compute them, and the row a list shows of it ({@link
 * io.invoicekit.core.invoice.InvoiceSummary}).
 */
package io.invoicekit.core.invoice;

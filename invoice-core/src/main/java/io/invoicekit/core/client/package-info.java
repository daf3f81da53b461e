/**
 * The people and companies a tenant bills: {@link io.invoicekit.core.client.Client} and the {@link
 * io.invoicekit.core.client.PaymentTerms} that set when their invoices fall due.
 */
package io.invoicekit.core.client;

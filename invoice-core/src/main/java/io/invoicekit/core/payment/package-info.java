/**
 * Money received, or expected, against an invoice: {@link io.invoicekit.core.payment.Payment} and
 * its lifecycle. How payments change an invoice is the invoice's rule: {@code Invoice.applyPayments}.
 */
package io.invoicekit.core.payment;

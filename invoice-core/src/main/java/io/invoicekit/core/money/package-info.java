/**
 * Amounts and the numbers they are computed from: {@link io.invoicekit.core.money.Money} in a
 * currency's minor units, {@link io.invoicekit.core.money.Quantity} and {@link
 * io.invoicekit.core.money.TaxRate}. All arithmetic is {@link java.math.BigDecimal}, never double,
 * and rounds in one place, half up, as invoicing and PostgreSQL's {@code round(numeric)} do.
 */
package io.invoicekit.core.money;

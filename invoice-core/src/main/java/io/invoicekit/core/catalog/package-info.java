/**
 * A tenant's service catalog: the {@link io.invoicekit.core.catalog.ServiceItem}s it sells, whose
 * name and price become an invoice line when picked.
 */
package io.invoicekit.core.catalog;

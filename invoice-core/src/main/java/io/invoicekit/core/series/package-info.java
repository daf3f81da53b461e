/**
 * Numbering series: how a tenant's invoices and credit notes are numbered as they are issued.
 */
package io.invoicekit.core.series;

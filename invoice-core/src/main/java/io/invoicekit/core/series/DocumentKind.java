package io.invoicekit.core.series;

/** What a series numbers: invoices, or the credit notes that correct them (each in series of its own). */
public enum DocumentKind {
    INVOICE,
    CREDIT_NOTE
}

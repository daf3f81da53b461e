package io.invoicekit.benchmarks.data;

/** A generated row, written in the column order of its table's COPY statement. */
sealed interface CopyRow permits Rows.Tenant, Rows.Client, Rows.Invoice, Rows.LineItem, Rows.Payment {

    void writeTo(CopyText line);
}

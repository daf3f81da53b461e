package io.invoicekit.core.invoice;

/** A credit note is written as a draft and issued once; issued, it never changes. */
public enum CreditNoteStatus {
    DRAFT,
    ISSUED
}

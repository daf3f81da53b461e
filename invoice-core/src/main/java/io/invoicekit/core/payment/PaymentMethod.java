package io.invoicekit.core.payment;

/** How a client paid. The database stores the lower-case name of each constant. */
public enum PaymentMethod {
    BANK_TRANSFER,
    CARD,
    CASH,
    CHEQUE,
    OTHER
}

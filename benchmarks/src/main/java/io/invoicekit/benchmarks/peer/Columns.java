package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import jakarta.persistence.Converter;

/** The converters of the enumerations the peer's entities store, one per enumeration. */
final class Columns {

    private Columns() {
    }

    @Converter
    static final class InvoiceStatusColumn extends LowerCaseEnum<InvoiceStatus> {
        InvoiceStatusColumn() {
            super(InvoiceStatus.class);
        }
    }

    @Converter
    static final class PaymentStatusColumn extends LowerCaseEnum<PaymentStatus> {
        PaymentStatusColumn() {
            super(PaymentStatus.class);
        }
    }

    @Converter
    static final class PaymentMethodColumn extends LowerCaseEnum<PaymentMethod> {
        PaymentMethodColumn() {
            super(PaymentMethod.class);
        }
    }
}

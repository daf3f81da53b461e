package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A payment against an {@link Invoice}; made by {@link Invoice#pay}, which moves the invoice's amount paid. */
@Entity
@Table(name = "payments")
@IdClass(TenantScopedId.class)
public class Payment {

    @Id
    @TenantId
    @Column(name = "user_id")
    private UUID userId;
    @Id
    private UUID id;
    // (user_id, invoice_id), read only as on LineItem: invoice_id written through invoiceId.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumns({
            @JoinColumn(name = "user_id", referencedColumnName = "user_id", insertable = false, updatable = false),
            @JoinColumn(name = "invoice_id", referencedColumnName = "id", insertable = false, updatable = false)})
    private Invoice invoice;
    @Column(name = "invoice_id")
    private UUID invoiceId;
    private String currency;
    private BigDecimal amount;
    @Convert(converter = Columns.PaymentMethodColumn.class)
    private PaymentMethod method;
    @Convert(converter = Columns.PaymentStatusColumn.class)
    private PaymentStatus status;
    @Column(name = "payment_date")
    private LocalDate paymentDate;
    @Column(name = "transaction_id")
    private String transactionId;
    private String notes;
    @Version
    private long version;

    protected Payment() {
    }

    Payment(UUID id, Invoice invoice, BigDecimal amount, PaymentMethod method, PaymentStatus status,
            LocalDate paymentDate) {
        this.id = id;
        this.invoice = invoice;
        this.invoiceId = invoice.id();
        this.currency = invoice.currency();
        this.amount = amount;
        this.method = method;
        this.status = status;
        this.paymentDate = paymentDate;
    }

    public UUID id() {
        return id;
    }

    public BigDecimal amount() {
        return amount;
    }

    public PaymentMethod method() {
        return method;
    }

    public PaymentStatus status() {
        return status;
    }

    public LocalDate paymentDate() {
        return paymentDate;
    }
}

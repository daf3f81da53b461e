package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.invoice.LineDraft;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A line of an {@link Invoice}. */
@Entity
@Table(name = "line_items")
@IdClass(TenantScopedId.class)
public class LineItem {

    @Id
    @TenantId
    @Column(name = "user_id")
    private UUID userId;
    @Id
    private UUID id;
    /*
     * The foreign key (user_id, invoice_id), both columns: Invoice.lines is keyed by it, so that a
     * fetch join reads the lines through line_items' (user_id, invoice_id, position) index. Read
     * only, because Hibernate refuses a property whose columns are partly insertable, and user_id is
     * written by the @TenantId: invoice_id is written through invoiceId.
     */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumns({
            @JoinColumn(name = "user_id", referencedColumnName = "user_id", insertable = false, updatable = false),
            @JoinColumn(name = "invoice_id", referencedColumnName = "id", insertable = false, updatable = false)})
    private Invoice invoice;
    @Column(name = "invoice_id")
    private UUID invoiceId;
    private String currency;
    private int position;
    @Column(name = "service_id")
    private UUID serviceId;
    private String description;
    private BigDecimal quantity;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    private BigDecimal amount;

    protected LineItem() {
    }

    LineItem(UUID id, Invoice invoice, int position, LineDraft line) {
        this.id = id;
        this.invoice = invoice;
        this.invoiceId = invoice.id();
        this.currency = invoice.currency();
        this.position = position;
        this.serviceId = line.serviceItemId() == null ? null : line.serviceItemId().value();
        this.description = line.description();
        this.quantity = line.quantity().value();
        this.unitPrice = line.unitPrice().amount();
        this.amount = line.amount().amount();
    }

    public UUID id() {
        return id;
    }


    public UUID serviceId() {
        return serviceId;
    }

    public String description() {
        return description;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal amount() {
        return amount;
    }

}

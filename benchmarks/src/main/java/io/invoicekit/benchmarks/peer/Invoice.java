package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.InvoiceTotals;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.annotations.TenantId;

/**
 * An invoice with its lines. Created as a draft from an {@link InvoiceDraft} (the totals as the
 * domain computes them), numbered and sent by {@link #issue}, paid by {@link #pay}: the rules that
 * our database enforces with its functions and triggers, here in the entity, as a Hibernate
 * application has them.
 */
@Entity
@Table(name = "invoices")
@IdClass(TenantScopedId.class)
public class Invoice {

    private static final Set<InvoiceStatus> PAYABLE =
            EnumSet.of(InvoiceStatus.SENT, InvoiceStatus.VIEWED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID);

    @Id
    @TenantId
    @Column(name = "user_id")
    private UUID userId;
    @Id
    private UUID id;
    // (user_id, client_id), read only as LineItem.invoice is: client_id written through clientId.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumns({
            @JoinColumn(name = "user_id", referencedColumnName = "user_id", insertable = false, updatable = false),
            @JoinColumn(name = "client_id", referencedColumnName = "id", insertable = false, updatable = false)})
    private Client client;
    @Column(name = "client_id")
    private UUID clientId;
    @Column(name = "invoice_number")
    private String number;
    @Convert(converter = Columns.InvoiceStatusColumn.class)
    private InvoiceStatus status;
    private String currency;
    @Column(name = "issue_date")
    private LocalDate issueDate;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Column(name = "tax_rate")
    private BigDecimal taxRate;
    private BigDecimal subtotal;
    private BigDecimal tax;
    private BigDecimal total;
    @Column(name = "amount_paid")
    private BigDecimal amountPaid;
    @Column(name = "amount_credited")
    private BigDecimal amountCredited;
    @Column(name = "paid_date")
    private Instant paidDate;
    private String notes;
    @Column(name = "purchase_order")
    private String purchaseOrder;
    @Column(name = "series_id")
    private UUID seriesId;
    @Column(name = "sequence_number")
    private Long sequenceNumber;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "seller_name")
    private String sellerName;
    @Column(name = "seller_address")
    private String sellerAddress;
    @Column(name = "seller_vat_id")
    private String sellerVatId;
    @Column(name = "buyer_name")
    private String buyerName;
    @Column(name = "buyer_address")
    private String buyerAddress;
    @Column(name = "buyer_vat_id")
    private String buyerVatId;
    @Version
    private long version;
    // Keyed by line_items' (user_id, invoice_id): see LineItem.invoice.
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<LineItem> lines = new ArrayList<>();

    protected Invoice() {
    }

    /** A draft of {@code client} with the draft's lines, each given an id by {@code ids}, due on {@code dueDate}. */
    Invoice(UUID id, Client client, InvoiceDraft draft, LocalDate dueDate, Supplier<UUID> ids) {
        InvoiceTotals totals = draft.totals();
        this.id = id;
        this.client = client;
        this.clientId = client.id();
        this.status = InvoiceStatus.DRAFT;
        this.currency = draft.currency().getCurrencyCode();
        this.issueDate = draft.issueDate();
        this.dueDate = dueDate;
        this.taxRate = draft.taxRate().percent();
        this.subtotal = totals.subtotal().amount();
        this.tax = totals.tax().amount();
        this.total = totals.total().amount();
        this.amountPaid = BigDecimal.ZERO;
        this.amountCredited = BigDecimal.ZERO;
        this.notes = draft.notes();
        this.purchaseOrder = draft.purchaseOrder();
        for (LineDraft line : draft.lines()) {
            lines.add(new LineItem(ids.get(), this, lines.size() + 1, line));
        }
    }

    /**
     * Numbers the draft with {@code number} and sends it dated {@code today} (the due date keeps its
     * distance from the issue date), with the seller and the buyer copied onto it, as our
     * issue_invoice does.
     */
    void issue(InvoiceSeries.Number taken, LocalDate today, Instant now, Tenant seller) {
        if (status != InvoiceStatus.DRAFT) {
            throw new IllegalStateException("invoice " + number + " is " + status + " and issued already");
        }
        if (lines.isEmpty() || total.signum() <= 0) {
            throw new IllegalStateException("invoice " + id + " needs a line and a positive total to be issued");
        }
        dueDate = today.plusDays(ChronoUnit.DAYS.between(issueDate, dueDate));
        issueDate = today;
        number = taken.text();
        seriesId = taken.seriesId();
        sequenceNumber = taken.sequence();
        status = InvoiceStatus.SENT;
        issuedAt = now;
        sellerName = seller.sellerName();
        sellerAddress = seller.address();
        sellerVatId = seller.vatId();
        buyerName = client.name();
        buyerAddress = client.address();
        buyerVatId = client.taxId();
    }

    /**
     * A completed payment of {@code amount}, added to the amount paid, the status following it:
     * only on an issued invoice neither void nor credited, and never beyond what is left to pay.
     */
    Payment pay(UUID paymentId, BigDecimal amount, PaymentMethod method, LocalDate paymentDate, Instant now) {
        if (!PAYABLE.contains(status)) {
            throw new IllegalStateException("invoice " + number + " is " + status + " and takes no payments");
        }
        BigDecimal paid = amountPaid.add(amount);
        if (amount.signum() <= 0 || paid.add(amountCredited).compareTo(total) > 0) {
            throw new IllegalStateException("invoice " + number + " of " + total + ", paid " + amountPaid + " and credited "
                    + amountCredited + ", cannot take " + amount);
        }
        amountPaid = paid;
        boolean settled = paid.add(amountCredited).compareTo(total) >= 0;
        status = settled ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
        paidDate = settled ? (paidDate != null ? paidDate : now) : null;
        return new Payment(paymentId, this, amount, method, PaymentStatus.COMPLETED, paymentDate);
    }

    public UUID id() {
        return id;
    }

    public UUID clientId() {
        return clientId;
    }

    public String number() {
        return number;
    }

    public InvoiceStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal tax() {
        return tax;
    }

    public BigDecimal total() {
        return total;
    }

    public BigDecimal amountPaid() {
        return amountPaid;
    }

    public BigDecimal amountCredited() {
        return amountCredited;
    }

    public Instant paidDate() {
        return paidDate;
    }

    public String notes() {
        return notes;
    }

    public String purchaseOrder() {
        return purchaseOrder;
    }

    public String sellerName() {
        return sellerName;
    }

    public String buyerName() {
        return buyerName;
    }


    /** The lines in position order; read them inside the transaction or after a fetch join. */
    public List<LineItem> lines() {
        return Collections.unmodifiableList(lines);
    }
}

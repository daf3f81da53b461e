package io.invoicekit.core.invoice;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.validation.Violations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What a service gives to create an invoice: the client, the currency, the issue date, the tax rate,
 * the lines, and optionally a due date (null: the client's payment terms set it), notes and the
 * client's purchase-order reference (at most 100 characters). A draft may have no line yet; sending
 * the invoice needs one ({@link Invoice#send()}). Every line is priced in the draft's currency, one
 * of at most two minor units; dates are of the years 1 to 9999; the totals stay below 10^10.
 *
 * <p>The constructor takes values already made, and a {@link Quantity} or {@link TaxRate} that is
 * wrong is refused when it is made, on its own. To report every mistake of a form at once, build the
 * draft from what the person typed with {@link #builder(Currency)}.
 */
public record InvoiceDraft(
        ClientId clientId,
        Currency currency,
        LocalDate issueDate,
        LocalDate dueDate,
        TaxRate taxRate,
        List<LineDraft> lines,
        String notes,
        String purchaseOrder) {

    public InvoiceDraft {
        var violations = new Violations();
        violations.require("clientId", clientId);
        if (violations.require("currency", currency)) {
            Money.checkStorableCurrency(violations, currency);
        }
        InvoiceRules.checkDates(violations, issueDate, dueDate, true);
        violations.require("taxRate", taxRate);
        InvoiceRules.checkLines(violations, lines, currency, LineDraft::unitPrice);
        notes = InvoiceRules.notes(violations, notes);
        purchaseOrder = InvoiceRules.purchaseOrder(violations, purchaseOrder);
        if (violations.isEmpty()) {
            // Each line fits, their sum may not.
            var totals = totals(currency, lines, taxRate);
            totals.subtotal().checkStorable(violations, "subtotal");
            totals.tax().checkStorable(violations, "tax");
            totals.total().checkStorable(violations, "total");
        }
        violations.throwIfAny("invalid invoice draft");
        lines = List.copyOf(lines);
    }

    /** Starts a draft in the currency from what a person typed; {@link Builder#build()} checks it all. */
    public static Builder builder(Currency currency) {
        return new Builder(currency);
    }

    /** The due date given, or else the issue date plus the client's payment terms. */
    public LocalDate dueDateUnder(PaymentTerms terms) {
        return dueDate != null ? dueDate : terms.dueDateFor(issueDate);
    }

    /** The totals the invoice will have, as the database computes them. */
    public InvoiceTotals totals() {
        return totals(currency, lines, taxRate);
    }

    private static InvoiceTotals totals(Currency currency, List<LineDraft> lines, TaxRate taxRate) {
        return InvoiceTotals.of(currency, lines.stream().map(LineDraft::amount).toList(), taxRate);
    }

    /**
     * Gathers a draft from what a person typed and checks it all at once in {@link #build()}, which
     * reports every mistake with the field it is in: {@code invalid invoice draft: lines[2].quantity
     * must be greater than 0, was -1; taxRate must be between 0 and 100, was 120}. Not thread-safe.
     */
    public static final class Builder {

        private final Currency currency;
        private final List<LineInput> lines = new ArrayList<>();
        private ClientId clientId;
        private LocalDate issueDate;
        private LocalDate dueDate;
        private BigDecimal taxRate;
        private String notes;
        private String purchaseOrder;

        private Builder(Currency currency) {
            this.currency = Violations.required("currency", currency);
        }

        public Builder client(ClientId clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder issuedOn(LocalDate issueDate) {
            this.issueDate = issueDate;
            return this;
        }

        /** A due date of its own, instead of the client's payment terms. */
        public Builder dueOn(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        /** The tax rate in percent: 20 for 20%. */
        public Builder taxRate(BigDecimal percent) {
            this.taxRate = percent;
            return this;
        }

        /** A line typed in by hand, priced in the draft's currency. */
        public Builder line(String description, BigDecimal quantity, BigDecimal unitPrice) {
            lines.add((violations, path) -> {
                var checkedQuantity = violations.value(path + ".quantity", () -> Quantity.of(quantity));
                var price = violations.value(path + ".unitPrice", () -> Money.of(unitPrice, currency));
                return violations.nested(path, () -> new LineDraft(description, checkedQuantity, price, null));
            });
            return this;
        }

        /** A line billing a catalog item at its name and unit price. */
        public Builder line(ServiceItem item, BigDecimal quantity) {
            lines.add((violations, path) -> {
                if (!violations.require(path, item)) {
                    return null;
                }
                var checkedQuantity = violations.value(path + ".quantity", () -> Quantity.of(quantity));
                return violations.nested(path, () -> LineDraft.forItem(item, checkedQuantity));
            });
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public Builder purchaseOrder(String purchaseOrder) {
            this.purchaseOrder = purchaseOrder;
            return this;
        }

        /** The draft, or a {@code ValidationException} listing every mistake. */
        public InvoiceDraft build() {
            var violations = new Violations();
            var drafts = new ArrayList<LineDraft>();
            for (int i = 0; i < lines.size(); i++) {
                drafts.add(lines.get(i).read(violations, "lines[" + i + "]"));
            }
            var rate = violations.value("taxRate", () -> TaxRate.of(taxRate));
            var draft = violations.nested("", () ->
                    new InvoiceDraft(clientId, currency, issueDate, dueDate, rate, drafts, notes, purchaseOrder));
            violations.throwIfAny("invalid invoice draft");
            return draft;
        }

        /** A line as typed, read into a draft line at {@code path} or reported there. */
        private interface LineInput {
            LineDraft read(Violations violations, String path);
        }
    }
}

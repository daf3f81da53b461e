package io.invoicekit.core.invoice;

import static java.util.Objects.requireNonNull;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.money.CurrencyMismatchException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.LineItemId;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

/**
 * A stored invoice: its number, client, dates, lines, tax rate, totals, what was paid, and where it
 * stands ({@link InvoiceStatus}). Each change returns a new invoice; the lifecycle refuses illegal
 * moves with an {@link IllegalStatusTransitionException}.
 *
 * <p>A draft has no number: the database gives one as it issues the invoice, in a series of the
 * tenant, and copies the seller and the buyer onto it ({@link Party}). Drafts numbered before
 * numbers were given at issue keep theirs; invoices issued before snapshots have none (null).
 *
 * <p>The canonical constructor takes the full state, as a repository reads it from a row, and
 * refuses a state the database would not hold: totals not computed as {@link InvoiceTotals} computes
 * them, amounts in two currencies, a due date before the issue date, an amount paid that does not fit
 * the status, a paid date on an unpaid invoice. Notes, the purchase-order reference (at most 100
 * characters) and the paid date are null when absent. {@code version} is the
 * optimistic-locking version as read, 0 for an invoice not stored yet; the repository increments it
 * on each update, the domain never does.
 */
public record Invoice(
        InvoiceId id,
        InvoiceNumber number,
        ClientId clientId,
        LocalDate issueDate,
        LocalDate dueDate,
        TaxRate taxRate,
        List<LineItem> lines,
        Money subtotal,
        Money tax,
        Money total,
        Money amountPaid,
        Money amountCredited,
        InvoiceStatus status,
        Instant paidDate,
        String notes,
        String purchaseOrder,
        Party seller,
        Party buyer,
        long version) {

    public Invoice {
        var parts = new Violations();
        parts.require("id", id);
        parts.require("clientId", clientId);
        InvoiceRules.checkDates(parts, issueDate, dueDate, false);
        parts.require("taxRate", taxRate);
        if (parts.require("subtotal", subtotal)) {
            Money.checkStorableCurrency(parts, subtotal.currency());
            subtotal.checkStorable(parts, "subtotal");
        }
        InvoiceRules.checkLines(parts, lines, subtotal == null ? null : subtotal.currency(), LineItem::unitPrice);
        if (parts.require("tax", tax)) {
            tax.checkStorable(parts, "tax");
        }
        if (parts.require("total", total)) {
            total.checkStorable(parts, "total");
        }
        parts.require("amountPaid", amountPaid);
        parts.require("amountCredited", amountCredited);
        if (parts.require("status", status) && status != InvoiceStatus.DRAFT) {
            parts.require("number", number);
        }
        notes = InvoiceRules.notes(parts, notes);
        purchaseOrder = InvoiceRules.purchaseOrder(parts, purchaseOrder);
        parts.checkVersion(version);
        parts.throwIfAny("invalid invoice");

        // The rules that tie the parts together only make sense once every part is sound.
        var whole = new Violations();
        checkTotals(whole, lines, taxRate, subtotal, tax, total);
        checkSettlement(whole, status, total, amountPaid, amountCredited, paidDate);
        if (status != InvoiceStatus.DRAFT && status != InvoiceStatus.VOID) {
            checkSendable(whole, lines, total);
        }
        whole.throwIfAny("invalid invoice");
        lines = List.copyOf(lines);
    }

    /**
     * A new invoice from a draft, as a {@code DRAFT} without a number and with nothing paid, at
     * version 0. Its lines' ids are new UUIDv7s from the clock. The due date is the draft's, or else
     * the issue date plus the client's terms.
     */
    public static Invoice create(InvoiceId id, InvoiceDraft draft, PaymentTerms clientTerms, Clock clock) {
        var given = new Violations();
        given.require("draft", draft);
        given.require("clientTerms", clientTerms);
        given.throwIfAny("invalid invoice");
        requireNonNull(clock, "clock is null");
        var lines = draft.lines().stream()
                .map(line -> LineItem.from(LineItemId.generate(clock), line))
                .toList();
        var totals = draft.totals();
        return new Invoice(
                id,
                null,
                draft.clientId(),
                draft.issueDate(),
                draft.dueDateUnder(clientTerms),
                draft.taxRate(),
                lines,
                totals.subtotal(),
                totals.tax(),
                totals.total(),
                Money.zero(draft.currency()),
                Money.zero(draft.currency()),
                InvoiceStatus.DRAFT,
                null,
                draft.notes(),
                draft.purchaseOrder(),
                null,
                null,
                0);
    }

    public Currency currency() {
        return total.currency();
    }

    /**
     * What the client still owes: the total less what was paid and what credit notes credited;
     * below 0 when a credit note left more paid than owed, which a refund pays back.
     */
    public Money balance() {
        return InvoiceRules.balance(total, amountPaid, amountCredited);
    }

    /**
     * Refuses a credit note of {@code creditTotal} (tax included) that this invoice cannot take:
     * only an issued invoice that is not credited in full is credited, by more than 0 and at most
     * what is left of its total, so that credit notes never add up to more than it billed.
     */
    public void checkCreditable(Money creditTotal) {
        requireNonNull(creditTotal, "creditTotal is null");
        var violations = new Violations();
        violations.check(status != InvoiceStatus.DRAFT && status != InvoiceStatus.VOID
                        && status != InvoiceStatus.CREDITED, "status", "creditable",
                () -> "must be issued and not yet credited in full to credit, was " + status);
        Money left = total.minus(amountCredited);
        violations.check(creditTotal.isPositive() && !creditTotal.isGreaterThan(left), "total", "withinInvoice",
                () -> "must be more than 0 and at most the " + left + " left to credit of the total " + total + ", was "
                        + creditTotal);
        violations.throwIfAny(subject() + " cannot be credited");
    }

    /** Refuses a refund beyond what was paid above what is owed: the negated {@link #balance()}. */
    public void checkRefundable(Money refund) {
        requireNonNull(refund, "refund is null");
        var violations = new Violations();
        Money owedBack = Money.zero(currency()).minus(balance());
        violations.check(refund.isPositive() && !refund.isGreaterThan(owedBack), "amount", "owedBack",
                () -> "must be more than 0 and at most the " + owedBack + " paid beyond what is owed, was " + refund);
        violations.throwIfAny(subject() + " cannot refund");
    }

    /**
     * Refuses to issue what cannot be issued: only a draft is issued ({@code DRAFT} to {@code SENT}),
     * with at least one line and a total greater than 0 (one without is refused with both reasons).
     * Issuing itself is the database's: it gives the number and copies seller and buyer.
     */
    public void checkIssuable() {
        // SENT is also where a refund of everything takes a paid invoice back, a move the lifecycle
        // allows but issuing does not.
        if (status != InvoiceStatus.DRAFT) {
            throw new IllegalStatusTransitionException(subject(), status, InvoiceStatus.SENT);
        }
        var violations = new Violations();
        checkSendable(violations, lines, total);
        violations.throwIfAny(subject() + " cannot be issued");
    }

    /**
     * This draft as the database issues it: {@code SENT}, numbered {@code given} (a draft numbered
     * before numbers were given at issue keeps its own), dated {@code issueDate} with its due date
     * as many days after it as the draft had, naming {@code seller} and {@code buyer}. Refused as
     * {@link #checkIssuable()} refuses.
     */
    public Invoice issue(InvoiceNumber given, LocalDate issuedOn, Party sellerOnIssue, Party buyerOnIssue) {
        checkIssuable();
        var parts = new Violations();
        parts.require("number", given);
        if (parts.require("issueDate", issuedOn)) {
            parts.checkDate("issueDate", issuedOn);
        }
        parts.require("seller", sellerOnIssue);
        parts.require("buyer", buyerOnIssue);
        parts.throwIfAny(subject() + " cannot be issued");
        LocalDate due = issuedOn.plusDays(ChronoUnit.DAYS.between(issueDate, dueDate));
        return new Invoice(id, number == null ? given : number, clientId, issuedOn, due, taxRate, lines, subtotal,
                tax, total, amountPaid, amountCredited, InvoiceStatus.SENT, paidDate, notes, purchaseOrder, sellerOnIssue,
                buyerOnIssue, version);
    }

    /**
     * Refuses to discard what is kept: only a draft without a number is discarded (deleted), so
     * that no number given is ever missing.
     */
    public void checkDiscardable() {
        var violations = new Violations();
        violations.check(status == InvoiceStatus.DRAFT, "status", "draft", () -> "must be DRAFT to discard, was " + status);
        violations.check(number == null, "number", "unnumbered",
                () -> "must be absent to discard: a numbered invoice is kept, was " + number);
        violations.throwIfAny(subject() + " cannot be discarded");
    }

    /** The client opened the invoice: {@code SENT} to {@code VIEWED}; a viewed invoice stays as it is. */
    public Invoice markViewed() {
        if (status == InvoiceStatus.VIEWED) {
            return this;
        }
        requireMoveTo(InvoiceStatus.VIEWED);
        return with(InvoiceStatus.VIEWED, amountPaid, paidDate);
    }

    /**
     * Cancels a draft that has a number (one numbered before numbers were given at issue), keeping
     * the number on record. An issued invoice is cancelled by a credit note; a draft without a
     * number is discarded.
     */
    public Invoice voidInvoice() {
        requireMoveTo(InvoiceStatus.VOID);
        if (number == null) {
            throw new ValidationException(subject() + " cannot be voided", List.of(new Violation("number",
                    "numbered", "must be present to void: a draft without a number is discarded instead")));
        }
        return with(InvoiceStatus.VOID, amountPaid, paidDate);
    }

    /**
     * This invoice with all its payments applied, as the database's payment trigger leaves it. The
     * amount paid is the sum of the {@code COMPLETED} payments (pending ones do not count yet,
     * refunded ones before refunds went through credit notes no longer); the status follows it and
     * what was credited: {@code PARTIALLY_PAID} below the total, {@code PAID} once payments and
     * credit notes cover it, with the paid date from the clock when it first gets there.
     *
     * <p>Refused: payments of another invoice or currency ({@link CurrencyMismatchException}),
     * pending or completed payments on a {@code DRAFT}, {@code VOID} or {@code CREDITED} invoice,
     * and completed payments above the total less what was credited ({@link OverpaymentException}).
     *
     * @param payments every payment made against this invoice, in any status
     */
    public Invoice applyPayments(List<Payment> payments, Clock clock) {
        requireNonNull(payments, "payments is null");
        requireNonNull(clock, "clock is null");
        var violations = new Violations();
        var live = false;
        var paid = Money.zero(currency());
        for (int i = 0; i < payments.size(); i++) {
            var payment = payments.get(i);
            violations.check(payment.invoiceId().equals(id), "payments[" + i + "].invoiceId", "sameInvoice",
                    () -> "must be " + id.value() + ", was " + payment.invoiceId().value());
            if (!payment.amount().currency().equals(currency())) {
                throw new CurrencyMismatchException(subject() + " cannot take payment " + payment.id().value(),
                        currency(), payment.amount().currency());
            }
            live |= payment.status().isLive();
            if (payment.status().countsAsPaid()) {
                paid = paid.plus(payment.amount());
            }
        }
        violations.check(!live || status != InvoiceStatus.DRAFT && status != InvoiceStatus.VOID
                        && status != InvoiceStatus.CREDITED,
                "status", "payable", () -> "must be issued and neither void nor credited to take payments, was " + status);
        violations.throwIfAny(subject() + " cannot take these payments");
        if (paid.plus(amountCredited).isGreaterThan(total)) {
            throw new OverpaymentException(subject(), total.minus(amountCredited), paid, amountCredited.isPositive());
        }
        var next = statusWhenPaid(paid);
        if (next != status) {
            requireMoveTo(next);
        }
        var paidAt = next != InvoiceStatus.PAID ? null : status == InvoiceStatus.PAID ? paidDate : clock.instant();
        return with(next, paid, paidAt);
    }

    /** Whether, on {@code day}, the client owes part of the total and the due date has passed. */
    public boolean isOverdueOn(LocalDate day) {
        return statusOn(day) == DisplayStatus.OVERDUE;
    }

    /** The status to show on {@code day}: the stored one, or {@code OVERDUE}. Pass today from a {@link Clock}. */
    public DisplayStatus statusOn(LocalDate day) {
        return DisplayStatus.of(status, balance(), dueDate, day);
    }

    /** The database's invoice_settled_status: what this invoice is with {@code paid} and what is credited. */
    private InvoiceStatus statusWhenPaid(Money paid) {
        if (amountCredited.equals(total) && total.isPositive()) {
            return InvoiceStatus.CREDITED;
        }
        if (paid.isPositive() && !total.isGreaterThan(paid.plus(amountCredited))) {
            return InvoiceStatus.PAID;
        }
        if (paid.isPositive()) {
            return InvoiceStatus.PARTIALLY_PAID;
        }
        // Nothing paid, or all of it refunded: whether the client had viewed it before is not kept.
        return status == InvoiceStatus.PARTIALLY_PAID || status == InvoiceStatus.PAID ? InvoiceStatus.SENT : status;
    }

    private void requireMoveTo(InvoiceStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalStatusTransitionException(subject(), status, next);
        }
    }

    private Invoice with(InvoiceStatus next, Money newAmountPaid, Instant newPaidDate) {
        return new Invoice(id, number, clientId, issueDate, dueDate, taxRate, lines, subtotal, tax, total,
                newAmountPaid, amountCredited, next, newPaidDate, notes, purchaseOrder, seller, buyer, version);
    }

    private String subject() {
        return number == null ? "draft " + id.value() : "invoice " + number;
    }

    private static void checkTotals(
            Violations violations, List<LineItem> lines, TaxRate taxRate, Money subtotal, Money tax, Money total) {
        var expected = InvoiceTotals.of(
                subtotal.currency(), lines.stream().map(LineItem::amount).toList(), taxRate);
        violations.check(subtotal.equals(expected.subtotal()), "subtotal", "sumOfLines",
                () -> "must be the sum of the line amounts, " + expected.subtotal() + ", was " + subtotal);
        violations.check(tax.equals(expected.tax()), "tax", "taxOnSubtotal",
                () -> "must equal subtotal x taxRate / 100, rounded half up: " + expected.tax() + ", was " + tax);
        violations.check(total.equals(expected.total()), "total", "subtotalPlusTax",
                () -> "must equal subtotal + tax: " + expected.total() + ", was " + total);
    }

    /**
     * What was paid and credited fits the status, as the database's invoices_status_matches_settlement
     * says: nothing before issue; credited in full when CREDITED; covered by payments and credit
     * notes when PAID, in part when PARTIALLY_PAID; a paid date once PAID (kept when credited later).
     */
    private static void checkSettlement(Violations violations, InvoiceStatus status, Money total, Money amountPaid,
                                        Money amountCredited, Instant paidDate) {
        boolean sameCurrency = true;
        for (var amount : List.of(amountPaid, amountCredited)) {
            if (!amount.currency().equals(total.currency())) {
                violations.add(amount == amountPaid ? "amountPaid" : "amountCredited", "sameCurrency",
                        "must be in " + total.currency() + ", was " + amount);
                sameCurrency = false;
            }
        }
        if (!sameCurrency) {
            return;
        }
        violations.check(!amountPaid.isGreaterThan(total), "amountPaid", "withinTotal",
                () -> "must be at most the total " + total + ", was " + amountPaid);
        violations.check(!amountCredited.isGreaterThan(total), "amountCredited", "withinTotal",
                () -> "must be at most the total " + total + ", was " + amountCredited);
        Money covered = amountPaid.plus(amountCredited);
        boolean partlyCredited = amountCredited.isZero() || total.isGreaterThan(amountCredited);
        switch (status) {
            case DRAFT, VOID -> {
                violations.check(amountPaid.isZero(), "amountPaid", "nothingPaid",
                        () -> "must be 0 while the invoice is " + status + ", was " + amountPaid);
                violations.check(amountCredited.isZero(), "amountCredited", "nothingCredited",
                        () -> "must be 0 while the invoice is " + status + ", was " + amountCredited);
            }
            case SENT, VIEWED -> {
                violations.check(amountPaid.isZero(), "amountPaid", "nothingPaid",
                        () -> "must be 0 while the invoice is " + status + ", was " + amountPaid);
                violations.check(partlyCredited, "amountCredited", "partlyCredited",
                        () -> "must be less than the total " + total + " while " + status + ", was " + amountCredited);
            }
            case PARTIALLY_PAID -> violations.check(amountPaid.isPositive() && total.isGreaterThan(covered),
                    "amountPaid", "partlyPaid", () -> "must be more than 0 and, with " + amountCredited
                            + " credited, less than the total " + total + " while PARTIALLY_PAID, was " + amountPaid);
            case PAID -> violations.check(amountPaid.isPositive() && !total.isGreaterThan(covered) && partlyCredited,
                    "amountPaid", "fullyPaid", () -> "must, with " + amountCredited + " credited, cover the total " + total
                            + " while PAID, was " + amountPaid);
            case CREDITED -> violations.check(amountCredited.equals(total) && total.isPositive(), "amountCredited",
                    "fullyCredited", () -> "must be the total " + total + " while CREDITED, was " + amountCredited);
        }
        if (status == InvoiceStatus.PAID) {
            violations.require("paidDate", paidDate);
        } else if (status != InvoiceStatus.CREDITED) {
            violations.check(paidDate == null, "paidDate", "onlyWhenPaid",
                    () -> "must be absent while the invoice is " + status + ", was " + paidDate);
        }
    }

    /** The rule for sending: an invoice goes out with at least one line and something to pay. */
    private static void checkSendable(Violations violations, List<LineItem> lines, Money total) {
        violations.check(!lines.isEmpty(), "lines", "sendable", () -> "must hold at least one line to send the invoice");
        violations.check(total.isPositive(), "total", "sendable",
                () -> "must be greater than 0 to send the invoice, was " + total);
    }
}

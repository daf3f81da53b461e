package io.invoicekit.core.money;

import static java.util.Objects.requireNonNull;

import io.invoicekit.core.validation.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in a currency, always at the currency's scale (its minor units: 2 for EUR, 0 for JPY, 3
 * for BHD), so two equal amounts are {@code equals} and the database stores what Java computed.
 *
 * <p>An amount with more decimals than the currency has is refused, never silently rounded: EUR
 * 1.234 is a typo, not EUR 1.23. Rounding happens only where arithmetic makes new decimals ({@link
 * #times(Quantity)}, {@link #percent(TaxRate)}), always {@link RoundingMode#HALF_UP}: half a minor
 * unit goes away from zero, as invoicing does and as PostgreSQL's {@code round(numeric)} does.
 * Amounts may be negative (a balance, a difference); the types that hold money say where not.
 * Amounts in two currencies never mix: see {@link CurrencyMismatchException}.
 *
 * <p>An amount itself may be as large as arithmetic makes it; the types that store one check it
 * with {@link #checkStorable}: every money column of the schema is {@code numeric(12,2)}.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** numeric(12,2) holds the amounts of currencies with up to two minor units exactly. */
    private static final int STORED_MINOR_UNITS = 2;
    /** numeric(12,2) holds ten digits before the point: PostgreSQL refuses 10^10 (SQLSTATE 22003). */
    private static final BigDecimal STORED_LIMIT = BigDecimal.TEN.pow(10);

    public Money {
        var violations = new Violations();
        violations.require("amount", amount);
        if (violations.require("currency", currency)) {
            violations.check(currency.getDefaultFractionDigits() >= 0, "currency", "minorUnits",
                    () -> "must have minor units, was " + currency);
        }
        if (violations.isEmpty()) {
            violations.checkDecimals("amount", amount, currency.getDefaultFractionDigits());
        }
        violations.throwIfAny(subject(currency));
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    /** Reads an amount a person typed, such as {@code 1250.50}; refuses more decimals than the currency has. */
    public static Money of(String amount, Currency currency) {
        return new Money(DecimalText.parse(amount, "amount", subject(currency)), currency);
    }

    /** The amount in the currency; refuses more decimals than the currency has. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Records, under {@code currency}, a currency whose amounts the database cannot store exactly:
     * one with more than two minor units (BHD), in the words of {@code invoices_currency_supported}.
     * Checked by the documents that choose a currency (an invoice draft, a catalog item); their
     * lines, payments and refunds are in the document's currency.
     */
    public static void checkStorableCurrency(Violations violations, Currency currency) {
        violations.check(currency.getDefaultFractionDigits() >= 0
                        && currency.getDefaultFractionDigits() <= STORED_MINOR_UNITS, "currency", "supported",
                () -> "must be an ISO 4217 code with at most " + STORED_MINOR_UNITS + " minor units, was " + currency);
    }

    /**
     * Records, under {@code field}, an amount of ten digits or more before the point, which
     * numeric(12,2) does not hold (PostgreSQL would refuse it with SQLSTATE 22003).
     */
    public void checkStorable(Violations violations, String field) {
        violations.check(amount.abs().compareTo(STORED_LIMIT) < 0, field, "storable",
                () -> "must be less than " + STORED_LIMIT + " in absolute value, was " + this);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(inSameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(inSameCurrency(other).amount), currency);
    }

    /** This unit price times the quantity, rounded half up to the currency's scale: JPY 333 × 1.5 is JPY 500. */
    public Money times(Quantity quantity) {
        return roundedHalfUp(amount.multiply(quantity.value()));
    }

    /**
     * The rate's percent of this amount, rounded half up to the currency's scale: 20% of EUR 10.05
     * is EUR 2.01. The product is exact before rounding, as in PostgreSQL, whose numeric division
     * keeps at least 16 significant digits, more than the few decimals this product can have.
     */
    public Money percent(TaxRate rate) {
        return roundedHalfUp(amount.multiply(rate.percent()).movePointLeft(2));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return amount.compareTo(inSameCurrency(other).amount) > 0;
    }

    /** {@code EUR 1250.50}. */
    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }

    private static String subject(Currency currency) {
        return currency == null ? "invalid money" : "invalid " + currency + " amount";
    }

    private Money roundedHalfUp(BigDecimal exact) {
        return new Money(exact.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    private Money inSameCurrency(Money other) {
        requireNonNull(other, "other amount is null");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(
                    "cannot combine " + this + " with " + other, currency, other.currency);
        }
        return other;
    }
}

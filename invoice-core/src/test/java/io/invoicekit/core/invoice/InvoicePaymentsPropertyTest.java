package io.invoicekit.core.invoice;

import io.invoicekit.core.tenant.InvoiceId;
import static io.invoicekit.core.invoice.InvoiceExamples.CLOCK;
import static io.invoicekit.core.invoice.InvoiceExamples.ISSUED;
import static io.invoicekit.core.invoice.InvoiceExamples.NUMBER;
import static io.invoicekit.core.invoice.InvoiceExamples.BUYER;
import static io.invoicekit.core.invoice.InvoiceExamples.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import io.invoicekit.core.tenant.PaymentId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever payments a sent invoice receives, in whatever status, the amount paid is what the
 * completed ones sum to, the balance is the rest, and the status follows; or, when the completed
 * ones exceed the total, they are refused as an overpayment.
 */
class InvoicePaymentsPropertyTest {

    /** A sent invoice and payments against it, each in its final status. */
    record Scenario(Invoice invoice, List<Payment> payments) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return InvoiceArbitraries.sendableDrafts()
                .map(draft -> Invoice.create(InvoiceId.generate(CLOCK), draft, PaymentTerms.DEFAULT, CLOCK).issue(NUMBER, ISSUED, SELLER, BUYER))
                .flatMap(invoice -> {
                    long minorUnits = invoice.total().amount().unscaledValue().longValueExact();
                    // Cuts split the total into payments that add up to it exactly; an extra one may overpay.
                    var cuts = Arbitraries.longs().between(1, minorUnits).set().ofMaxSize(4);
                    var statuses = Arbitraries.of(PaymentStatus.class).list().ofSize(6);
                    var extra = Arbitraries.longs().between(1, minorUnits).injectNull(0.7);
                    return Combinators.combine(cuts, statuses, extra)
                            .as((cutSet, statusList, extraUnits) ->
                                    new Scenario(invoice, payments(invoice, cutSet, statusList, extraUnits)));
                });
    }

    private static List<Payment> payments(Invoice invoice, Set<Long> cuts, List<PaymentStatus> statuses,
                                          Long extraUnits) {
        long total = invoice.total().amount().unscaledValue().longValueExact();
        var bounds = new TreeSet<>(cuts);
        bounds.add(0L);
        bounds.add(total);
        var amounts = new ArrayList<Long>();
        Long previous = null;
        for (long bound : bounds) {
            if (previous != null) {
                amounts.add(bound - previous);
            }
            previous = bound;
        }
        if (extraUnits != null) {
            amounts.add(extraUnits);
        }
        int minorUnits = invoice.total().amount().scale();
        var payments = new ArrayList<Payment>();
        for (int i = 0; i < amounts.size(); i++) {
            var amount = Money.of(BigDecimal.valueOf(amounts.get(i), minorUnits), invoice.currency());
            payments.add(new Payment(PaymentId.generate(CLOCK), invoice.id(), amount, PaymentMethod.BANK_TRANSFER,
                    statuses.get(i), ISSUED, null, null, 0));
        }
        return payments;
    }

    private static BigDecimal sumOf(List<Payment> payments, PaymentStatus... statuses) {
        var counted = List.of(statuses);
        return payments.stream().filter(p -> counted.contains(p.status()))
                .map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Property
    void the_amount_paid_is_what_completed_payments_sum_to_and_the_status_follows_it(
            @ForAll("scenarios") Scenario scenario) {
        var invoice = scenario.invoice();
        var total = invoice.total().amount();
        var paid = sumOf(scenario.payments(), PaymentStatus.COMPLETED);
        // Every outcome must come up, or the property would hold while checking little.
        Statistics.label("outcome").coverage(outcomes -> {
            outcomes.check("overpayment refused").count(times -> times > 0);
            outcomes.check(InvoiceStatus.SENT).count(times -> times > 0);
            outcomes.check(InvoiceStatus.PARTIALLY_PAID).count(times -> times > 0);
            outcomes.check(InvoiceStatus.PAID).count(times -> times > 0);
        });

        if (paid.compareTo(total) > 0) {
            Statistics.label("outcome").collect("overpayment refused");
            assertThatThrownBy(() -> invoice.applyPayments(scenario.payments(), CLOCK))
                    .isInstanceOfSatisfying(OverpaymentException.class, refused -> {
                        assertThat(refused.total()).isEqualTo(invoice.total());
                        assertThat(refused.paid().amount()).isEqualByComparingTo(paid);
                    });
            return;
        }
        var applied = invoice.applyPayments(scenario.payments(), CLOCK);
        var expectedStatus = paid.signum() == 0 ? InvoiceStatus.SENT
                : paid.compareTo(total) == 0 ? InvoiceStatus.PAID
                : InvoiceStatus.PARTIALLY_PAID;
        Statistics.label("outcome").collect(expectedStatus);

        assertThat(applied.amountPaid().amount()).isEqualByComparingTo(paid);
        assertThat(applied.balance().amount()).isEqualByComparingTo(total.subtract(paid));
        assertThat(applied.status()).isEqualTo(expectedStatus);
        assertThat(applied.paidDate()).isEqualTo(expectedStatus == InvoiceStatus.PAID ? CLOCK.instant() : null);
        assertThat(applied.total()).isEqualTo(invoice.total());
    }

    @Property
    void applying_payments_as_they_arrive_ends_where_applying_them_all_at_once_does(
            @ForAll("scenarios") Scenario scenario) {
        var invoice = scenario.invoice();
        var payments = scenario.payments();
        if (sumOf(payments, PaymentStatus.COMPLETED).compareTo(invoice.total().amount()) > 0) {
            return;
        }

        var stepByStep = invoice;
        for (int arrived = 1; arrived <= payments.size(); arrived++) {
            stepByStep = stepByStep.applyPayments(payments.subList(0, arrived), CLOCK);
        }

        assertThat(stepByStep).isEqualTo(invoice.applyPayments(payments, CLOCK));
    }
}

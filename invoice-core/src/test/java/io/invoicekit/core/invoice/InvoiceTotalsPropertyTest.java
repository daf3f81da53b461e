package io.invoicekit.core.invoice;

import io.invoicekit.core.tenant.InvoiceId;
import static io.invoicekit.core.invoice.InvoiceExamples.CLOCK;
import static io.invoicekit.core.invoice.InvoiceExamples.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The totals of any invoice are those the database's CHECK constraints compute. The expected values
 * are recomputed here with plain BigDecimal, as the SQL states them, not with the code under test.
 */
class InvoiceTotalsPropertyTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Provide
    Arbitrary<InvoiceDraft> drafts() {
        return InvoiceArbitraries.drafts();
    }

    @Property
    void totals_are_what_the_database_checks_compute(@ForAll("drafts") InvoiceDraft draft) {
        var invoice = Invoice.create(InvoiceId.generate(CLOCK), draft, PaymentTerms.DEFAULT, CLOCK);
        int minorUnits = draft.currency().getDefaultFractionDigits();
        Statistics.label("currency").collect(draft.currency());

        var subtotal = BigDecimal.ZERO.setScale(minorUnits);
        for (int i = 0; i < draft.lines().size(); i++) {
            var line = draft.lines().get(i);
            // amount = round(quantity * unit_price, minor_units)
            var amount = line.quantity().value().multiply(line.unitPrice().amount())
                    .setScale(minorUnits, RoundingMode.HALF_UP);
            assertThat(invoice.lines().get(i).amount().amount()).isEqualTo(amount);
            subtotal = subtotal.add(amount);
        }
        // tax = round(subtotal * tax_rate / 100, minor_units); total = subtotal + tax
        var tax = subtotal.multiply(draft.taxRate().percent()).divide(HUNDRED)
                .setScale(minorUnits, RoundingMode.HALF_UP);
        var total = subtotal.add(tax);

        assertThat(invoice.subtotal().amount()).isEqualTo(subtotal);
        assertThat(invoice.tax().amount()).isEqualTo(tax);
        assertThat(invoice.total().amount()).isEqualTo(total);
    }

    @Property
    void no_minor_unit_is_lost_or_invented_across_the_lines(@ForAll("drafts") InvoiceDraft draft) {
        var invoice = Invoice.create(InvoiceId.generate(CLOCK), draft, PaymentTerms.DEFAULT, CLOCK);
        int minorUnits = draft.currency().getDefaultFractionDigits();

        var sumOfLines = invoice.lines().stream().map(LineItem::amount)
                .reduce(Money.zero(draft.currency()), Money::plus);

        assertThat(sumOfLines).isEqualTo(invoice.subtotal());
        assertThat(invoice.total().minus(invoice.tax())).isEqualTo(invoice.subtotal());
        assertThat(invoice.lines())
                .allSatisfy(line -> assertThat(line.amount().amount().scale()).isEqualTo(minorUnits));
        assertThat(invoice.subtotal().amount().scale()).isEqualTo(minorUnits);
        assertThat(invoice.tax().amount().scale()).isEqualTo(minorUnits);
        assertThat(invoice.total().amount().scale()).isEqualTo(minorUnits);
    }

    @Property
    void an_invoice_read_back_from_its_row_is_the_invoice_written(@ForAll("drafts") InvoiceDraft draft) {
        var invoice = Invoice.create(InvoiceId.generate(CLOCK), draft, PaymentTerms.DEFAULT, CLOCK);

        var lines = invoice.lines().stream().map(line -> new LineItem(line.id(), line.description(), line.quantity(),
                line.unitPrice(), line.amount(), line.serviceItemId())).toList();
        var fromRow = new Invoice(invoice.id(), invoice.number(), invoice.clientId(), invoice.issueDate(),
                invoice.dueDate(), invoice.taxRate(), lines, invoice.subtotal(), invoice.tax(), invoice.total(),
                invoice.amountPaid(), invoice.amountCredited(), invoice.status(), invoice.paidDate(), invoice.notes(), invoice.purchaseOrder(),
                invoice.seller(), invoice.buyer(), invoice.version());

        assertThat(fromRow).isEqualTo(invoice);
        assertThat(draft.totals()).isEqualTo(new InvoiceTotals(invoice.subtotal(), invoice.tax(), invoice.total()));
    }
}

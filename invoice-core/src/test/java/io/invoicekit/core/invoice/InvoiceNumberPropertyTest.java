package io.invoicekit.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class InvoiceNumberPropertyTest {

    @Property
    void every_number_reads_back_as_itself(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long sequence) {
        var number = new InvoiceNumber(sequence);

        assertThat(InvoiceNumber.parse(number.toString())).isEqualTo(number);
    }
}

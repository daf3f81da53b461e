package io.invoicekit.core.invoice;

import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;

/**
 * Who sells or buys, as an issued invoice names them (EU VAT Directive art. 226(5): "the full name
 * and address of the taxable person and of the customer", with their VAT ids): copied from the
 * tenant and the client on the day of issue, so that later edits of either never change what an
 * issued invoice says. The name (1 to 200 characters, not blank) is required; address and VAT id
 * are null when there is none, and a blank text counts as none.
 */
public record Party(String name, String address, String vatId) {

    private static final TextRule NAME = TextRule.required("name", 200);
    private static final TextRule ADDRESS = TextRule.optional("address");
    private static final TextRule VAT_ID = TextRule.optional("vatId");

    public Party {
        var violations = new Violations();
        name = NAME.check(violations, name);
        address = ADDRESS.check(violations, address);
        vatId = VAT_ID.check(violations, vatId);
        violations.throwIfAny("invalid party");
    }
}

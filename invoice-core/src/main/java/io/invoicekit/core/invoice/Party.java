package io.invoicekit.core.invoice;

import io.invoicekit.core.validation.Violations;

/**
 * Who sells or buys, as an issued invoice names them (EU VAT Directive art. 226(5): "the full name
 * and address of the taxable person and of the customer", with their VAT ids): copied from the
 * tenant and the client on the day of issue, so that later edits of either never change what an
 * issued invoice says. The name (1 to 200 characters) is required; address and VAT id are null
 * when there is none, and a blank text counts as none.
 */
public record Party(String name, String address, String vatId) {

    private static final int NAME_MAX = 200;

    public Party {
        var violations = new Violations();
        name = violations.requiredText("name", name, NAME_MAX);
        address = violations.optionalText(address);
        vatId = violations.optionalText(vatId);
        violations.throwIfAny("invalid party");
    }
}

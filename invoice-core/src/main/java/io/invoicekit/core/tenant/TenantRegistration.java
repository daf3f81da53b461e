package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.EmailRule;
import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;

/**
 * What registering a tenant takes: its id, the name it registers with (1 to 200 characters, not
 * blank; invoices name it as the seller until a legal name is set) and the email address of its
 * owner, under the same rules as a client's ({@link EmailRule}). Both are stored stripped.
 */
public record TenantRegistration(TenantId id, String name, String email) {

    private static final TextRule NAME = TextRule.required("name", 200);
    private static final EmailRule EMAIL = new EmailRule("email");

    public TenantRegistration {
        var violations = new Violations();
        violations.require("id", id);
        name = NAME.check(violations, name);
        email = EMAIL.check(violations, email);
        violations.throwIfAny("invalid tenant registration");
    }
}

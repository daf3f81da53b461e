package io.invoicekit.core.client;

import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.validation.EmailRule;
import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;

/**
 * A person or company a tenant bills. The name (1 to 200 characters, not blank) and the email
 * address ({@link EmailRule}) are required and stored stripped of surrounding white space. The
 * address and the tax id are optional free texts: null when the client has none, and a blank text
 * counts as none. Every text is refused as the database would refuse it ({@link TextRule}).
 *
 * <p>{@code version} is the optimistic-locking version as read from the database: 0 for a client
 * not stored yet and for a stored one never changed since. The repository updates a client only if
 * its stored version is still this one, and increments it; the domain never changes it.
 */
public record Client(
        ClientId id,
        String name,
        String email,
        PaymentTerms paymentTerms,
        String address,
        String taxId,
        long version) {

    private static final TextRule NAME = TextRule.required("name", 200);
    private static final EmailRule EMAIL = new EmailRule("email");
    private static final TextRule ADDRESS = TextRule.optional("address");
    private static final TextRule TAX_ID = TextRule.optional("taxId");

    public Client {
        var violations = new Violations();
        violations.require("id", id);
        name = NAME.check(violations, name);
        email = EMAIL.check(violations, email);
        violations.require("paymentTerms", paymentTerms);
        address = ADDRESS.check(violations, address);
        taxId = TAX_ID.check(violations, taxId);
        violations.checkVersion(version);
        violations.throwIfAny("invalid client");
    }

    /** A client not stored yet, at version 0. Address and tax id may be null. */
    public static Client create(
            ClientId id, String name, String email, PaymentTerms paymentTerms, String address, String taxId) {
        return new Client(id, name, email, paymentTerms, address, taxId, 0);
    }
}

package io.invoicekit.core.client;

import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.validation.Violations;
import java.util.regex.Pattern;

/**
 * A person or company a tenant bills. The name (1 to 200 characters) and the email address (at most
 * 254 characters, the longest an address can be) are required and stored stripped of surrounding
 * white space. The address and the tax id are optional free texts: null when the client has none,
 * and a blank text counts as none.
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

    private static final int NAME_MAX = 200;
    private static final int EMAIL_MAX = 254;
    // Deliberately loose: one @, no spaces, a dot in the domain. Only sending a mail proves more.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Client {
        var violations = new Violations();
        violations.require("id", id);
        name = violations.requiredText("name", name, NAME_MAX);
        email = violations.requiredText("email", email, EMAIL_MAX);
        if (email != null) {
            violations.check(EMAIL.matcher(email).matches(), "email", "format",
                    "must be an email address like ana@example.com, was \"" + email + "\"");
        }
        violations.require("paymentTerms", paymentTerms);
        address = violations.optionalText(address);
        taxId = violations.optionalText(taxId);
        violations.checkVersion(version);
        violations.throwIfAny("invalid client");
    }

    /** A client not stored yet, at version 0. Address and tax id may be null. */
    public static Client create(
            ClientId id, String name, String email, PaymentTerms paymentTerms, String address, String taxId) {
        return new Client(id, name, email, paymentTerms, address, taxId, 0);
    }
}

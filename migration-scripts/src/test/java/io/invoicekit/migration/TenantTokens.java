package io.invoicekit.migration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tenant tokens as V15's current_tenant_id() verifies them, made here from the JDK's HMAC-SHA256:
 * an implementation independent of the database's (core sha256() and stored pads), so that the
 * two agreeing proves the database's right. invoice-rls's TenantKey makes them for services
 * (this module cannot depend on it: invoice-rls tests against these migrations).
 *
 * @param keyId  the key's id
 * @param secret the key's secret
 */
record TenantTokens(String keyId, byte[] secret) {

    /** The tokens of a key written as {@code <key id>:<secret in hex>}, as create_tenant_key returns it. */
    static TenantTokens of(String key) {
        int colon = key.indexOf(':');
        return new TenantTokens(key.substring(0, colon), HexFormat.of().parseHex(key.substring(colon + 1)));
    }

    /** A token for {@code tenant} that expires at {@code expiry}. */
    String token(UUID tenant, Instant expiry) {
        return signed("v1." + keyId + "." + tenant + "." + expiry.getEpochSecond());
    }

    /** A token for {@code tenant} good for five minutes. */
    String token(UUID tenant) {
        return token(tenant, Instant.now().plusSeconds(300));
    }

    /** {@code payload} with its HMAC-SHA256 under this key appended as V15 reads it. */
    String signed(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return payload + "." + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

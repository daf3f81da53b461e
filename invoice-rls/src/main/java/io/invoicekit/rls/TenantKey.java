package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key the service signs its tenant tokens with, as the database's {@code create_tenant_key}
 * made it: an id and a secret of 32 to 64 bytes, written {@code <key id>:<secret in hex>}. The
 * database keeps its copy where the application role cannot read it; the service reads its copy
 * from configuration ({@link #fromEnvironment}, {@link #fromFile}), never from code. Neither
 * {@link #toString()} nor any message of this class shows the secret.
 */
public final class TenantKey {

    /** The environment variable that holds the key itself. */
    public static final String ENVIRONMENT = "INVOICEKIT_TENANT_KEY";
    /** The environment variable that names a file holding the key (a secret mounted as a file). */
    public static final String FILE_ENVIRONMENT = "INVOICEKIT_TENANT_KEY_FILE";

    /** A key id, as the database's tenant_keys_id_valid has it: 1 to 32 letters, digits, _ or -. */
    private static final String ID = "[A-Za-z0-9_-]{1,32}";
    private static final Pattern FORM = Pattern.compile("(" + ID + "):((?:[0-9a-fA-F]{2}){32,64})");
    private static final String RULE = "a tenant key must read '<key id>:<secret in hex>', a key id of 1 to 32 "
            + "letters, digits, _ or -, and a secret of 32 to 64 bytes (64 to 128 hex digits)";
    private static final String ALGORITHM = "HmacSHA256";

    private final String id;
    private final SecretKeySpec secret;

    private TenantKey(String id, byte[] secret) {
        this.id = id;
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    /**
     * The key written as {@code <key id>:<secret in hex>}; surrounding white space is ignored.
     *
     * @throws IllegalArgumentException naming the rule, never the text, when it is not of that form
     */
    public static TenantKey parse(String text) {
        var matcher = FORM.matcher(requireNonNull(text, "tenant key is null").strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(RULE);
        }
        return new TenantKey(matcher.group(1), HexFormat.of().parseHex(matcher.group(2)));
    }

    /** The key in {@code file}, which holds it as {@link #parse} reads it (as {@code invoicekit tenant-keys create} writes it). */
    public static TenantKey fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tenant key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the tenant key file " + file + " holds no key: " + RULE, e);
        }
    }

    /**
     * The key in the file named by {@value #FILE_ENVIRONMENT}, else in {@value #ENVIRONMENT}; empty
     * when neither is set.
     *
     * @throws IllegalArgumentException when both are set, or the one set holds no key
     */
    public static Optional<TenantKey> fromEnvironment(Map<String, String> environment) {
        String file = environment.get(FILE_ENVIRONMENT);
        String key = environment.get(ENVIRONMENT);
        if (file != null && key != null) {
            throw new IllegalArgumentException("both " + FILE_ENVIRONMENT + " and " + ENVIRONMENT + " are set: set one");
        }
        if (file != null) {
            return Optional.of(fromFile(Path.of(file)));
        }
        try {
            return Optional.ofNullable(key).map(TenantKey::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENVIRONMENT + " holds no key: " + RULE, e);
        }
    }

    /** Whether {@code id} is a key id the database takes (1 to 32 letters, digits, _ or -). */
    public static boolean isValidId(String id) {
        return id != null && id.matches(ID);
    }

    /** The key's id, which every token names so that the database knows which key to check it with. */
    public String id() {
        return id;
    }

    /**
     * A token for {@code tenant} that the database accepts until {@code expiry} (whole seconds,
     * rounded down): {@code v1.<key id>.<tenant>.<expiry, Unix seconds>.<HMAC-SHA256 of the rest, hex>}.
     */
    public String token(UUID tenant, Instant expiry) {
        String payload = "v1." + id + "." + requireNonNull(tenant, "tenant is null") + "." + expiry.getEpochSecond();
        return payload + "." + HexFormat.of().formatHex(mac(payload));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    /** The id only: the secret never appears in a log line. */
    @Override
    public String toString() {
        return "TenantKey[id=" + id + "]";
    }
}

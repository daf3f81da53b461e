package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How a {@link TenantContext} tells the database its tenant: {@linkplain #signed signed} with the
 * service's {@link TenantKey}, which SQL run as the application role cannot forge, or, for a
 * database still in compatibility mode, {@linkplain #unsigned unsigned} as the bare id any session
 * could set. Chosen explicitly; {@link #fromEnvironment} is the default of a service.
 */
public sealed interface TenantSigning {

    /** How long a token is good for, by default: the longest a tenant's transaction may run. */
    Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /** Tokens signed with {@code key}, good for {@link #DEFAULT_LIFETIME}. */
    static TenantSigning signed(TenantKey key) {
        return new Signed(key, DEFAULT_LIFETIME);
    }

    /**
     * The bare tenant id in {@code app.user_id}, as before signed tokens: for a database in
     * compatibility mode only (a database that requires tokens gives such a transaction no tenant,
     * and the context then fails with a {@link io.invoicekit.core.failure.TenantTokenRefusedException}).
     * The audit and the health check report that mode as a finding.
     */
    static TenantSigning unsigned() {
        return new Unsigned("app.user_id");
    }

    /**
     * Signed with the key the environment names ({@link TenantKey#fromEnvironment}).
     *
     * @throws IllegalStateException when the environment names no key
     */
    static TenantSigning fromEnvironment(Map<String, String> environment) {
        return signed(TenantKey.fromEnvironment(environment).orElseThrow(() -> new IllegalStateException(
                "no tenant key: set " + TenantKey.FILE_ENVIRONMENT + " to a file holding the key that 'invoicekit "
                        + "tenant-keys create' wrote, or " + TenantKey.ENVIRONMENT + " to the key itself; or choose "
                        + "TenantSigning.unsigned() for a database in compatibility mode")));
    }

    /** The setting a transaction's tenant is given in. */
    String setting();

    /** What the setting is given for {@code tenant} at {@code now}. */
    String value(UUID tenant, Instant now);

    /**
     * Tokens signed with {@code key}, each good for {@code lifetime} from the moment it is made:
     * long enough for a tenant's transaction, which sees nothing from its first statement after
     * the expiry on; short, since a token read from the network or the server's log can be
     * replayed until then.
     */
    record Signed(TenantKey key, Duration lifetime) implements TenantSigning {

        public Signed {
            requireNonNull(key, "key is null");
            requireNonNull(lifetime, "lifetime is null");
            if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("a tenant token's lifetime must be 1 second to 1 day, was " + lifetime);
            }
        }

        @Override
        public String setting() {
            return "app.tenant_token";
        }

        @Override
        public String value(UUID tenant, Instant now) {
            return key.token(tenant, now.plus(lifetime));
        }
    }

    /**
     * The bare tenant id in {@code setting}: {@code app.user_id} for a database in compatibility
     * mode, or a service's own schema's setting.
     */
    record Unsigned(String setting) implements TenantSigning {

        public Unsigned {
            requireNonNull(setting, "setting is null");
        }

        @Override
        public String value(UUID tenant, Instant now) {
            return tenant.toString();
        }
    }
}

package io.invoicekit.spring.boot;

import static io.invoicekit.spring.boot.ServiceContexts.newClient;
import static io.invoicekit.spring.boot.ServiceContexts.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.failure.TenantTokenRefusedException;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code invoicekit.tenant-signing.*}: the key the store signs its tenant tokens with, from a file,
 * the property itself or the environment; compatibility mode only when chosen; no start-up without
 * one of them.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantSigningAutoConfigurationTest {

    private final MigratedDatabase database;
    private final String key;
    private final ApplicationContextRunner unkeyed;

    TenantSigningAutoConfigurationTest(MigratedDatabase database) {
        this.database = database;
        this.key = database.tenantKey();
        this.unkeyed = ServiceContexts.withoutTenantKey(database.application(), database.owner());
    }

    @Test
    void a_key_file_signs_the_stores_tenant_tokens(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("tenant.key"), key + "\n"); // a line, newline and all

        unkeyed.withPropertyValues("invoicekit.tenant-signing.key-file=" + file).run(context -> {
            assertThat(context.getBean(InvoiceKitProperties.class).tenantSigning().keyFile()).isEqualTo(file);
            InvoiceStore store = context.getBean(InvoiceStore.class);
            TenantId tenant = newTenant(store);
            ClientId client = newClient(store, tenant);

            Optional<Client> found = store.inTenant(tenant, tx -> tx.clients().find(client));
            assertThat(found).isPresent();
        });
    }

    @Test
    void a_key_file_and_a_key_together_fail_the_start_up_naming_both(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("tenant.key"), key);

        ServiceContexts.service(database).withPropertyValues("invoicekit.tenant-signing.key-file=" + file)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("invoicekit.tenant-signing.key-file")
                        .hasMessageContaining("invoicekit.tenant-signing.key are set"));
    }

    @Test
    void unsigned_with_a_key_fails_the_start_up() {
        ServiceContexts.service(database).withPropertyValues("invoicekit.tenant-signing.unsigned=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("invoicekit.tenant-signing.unsigned=true and a key"));
    }

    @Test
    void without_any_key_the_start_up_fails_naming_where_one_goes() {
        assumeTrue(System.getenv(TenantKey.ENVIRONMENT) == null && System.getenv(TenantKey.FILE_ENVIRONMENT) == null,
                "this machine's environment names a tenant key");

        unkeyed.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invoicekit.tenant-signing.key-file")
                .hasMessageContaining("invoicekit.tenant-signing.key ")
                .hasMessageContaining(TenantKey.FILE_ENVIRONMENT).hasMessageContaining(TenantKey.ENVIRONMENT + ")")
                .hasMessageContaining("invoicekit.tenant-signing.unsigned=true"));
    }

    @Test
    void a_key_that_is_no_key_fails_the_start_up_naming_the_property_and_never_showing_the_text() {
        String secret = "00112233445566778899aabbccddeeff"; // 16 bytes: too short for a key

        unkeyed.withPropertyValues("invoicekit.tenant-signing.key=invoicekit-test:" + secret)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("invoicekit.tenant-signing.key holds no key")
                        .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(secret)));
    }

    /** The test database requires signed tokens: compatibility mode starts, and then every call is refused. */
    @Test
    void unsigned_against_a_database_that_requires_tokens_every_store_call_is_refused() {
        unkeyed.withPropertyValues("invoicekit.tenant-signing.unsigned=true").run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);

            assertThatThrownBy(() -> newTenant(store)).isInstanceOf(TenantTokenRefusedException.class);
        });
    }

    /** Unset in the properties, the key is the environment's, as for a plain service. */
    @Test
    void without_a_key_in_the_properties_the_environments_is_taken(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("tenant.key"), key);
        InvoiceKitProperties.TenantSigning unset = new InvoiceKitProperties.TenantSigning(null, null,
                Duration.ofSeconds(30), false);

        TenantSigning signing = unset.signing(Map.of(TenantKey.FILE_ENVIRONMENT, file.toString()));

        assertThat(signing).isInstanceOfSatisfying(TenantSigning.Signed.class, signed -> {
            assertThat(signed.key().id()).isEqualTo(MigratedDatabase.TEST_KEY);
            assertThat(signed.lifetime()).isEqualTo(Duration.ofSeconds(30));
        });
        // A key in the properties wins; the environment is not read.
        assertThat(new InvoiceKitProperties.TenantSigning(null, key, TenantSigning.DEFAULT_LIFETIME, false)
                .signing(Map.of(TenantKey.ENVIRONMENT, "no key"))).isInstanceOf(TenantSigning.Signed.class);
    }

    @Test
    void the_properties_are_bound_and_never_print_the_key() {
        ServiceContexts.service(database).run(context -> {
            InvoiceKitProperties properties = context.getBean(InvoiceKitProperties.class);
            assertThat(properties.tenantSigning().key()).isEqualTo(key);
            assertThat(properties.tenantSigning().lifetime()).isEqualTo(TenantSigning.DEFAULT_LIFETIME);
            assertThat(properties.tenantSigning().unsigned()).isFalse();
            assertThat(properties.toString()).contains("TenantSigning[").doesNotContain(secretOf(key));
        });
        ServiceContexts.service(database).withPropertyValues("invoicekit.tenant-signing.lifetime=90s").run(context ->
                assertThat(context.getBean(InvoiceKitProperties.class).tenantSigning().lifetime())
                        .isEqualTo(Duration.ofSeconds(90)));
    }

    private static String secretOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A store's listener hears of every call once it ended: its tenant, its duration and what the caller got. */
class StoreListenerTest extends StoreTest {

    private final List<StoreCall> calls = new CopyOnWriteArrayList<>();
    private final InvoiceStore listened;

    StoreListenerTest(MigratedDatabase database) {
        super(database, 2);
        this.listened = InvoiceStore.builder().dataSource(fixture.pool).tenantSigning(fixture.signing).clock(fixture.clock).listener(calls::add).build();
    }

    @BeforeEach
    void noCallsYet() {
        calls.clear();
    }

    @Test
    void a_successful_call_is_reported_with_its_tenant_and_duration() {
        TenantId tenant = fixture.newTenant();

        listened.inTenant(tenant, tx -> tx.clients().list(10));

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.tenant()).isEqualTo(tenant);
            assertThat(call.succeeded()).isTrue();
            assertThat(call.failure()).isNull();
            assertThat(call.duration()).isPositive();
        });
    }

    @Test
    void a_failed_call_is_reported_with_the_very_exception_the_caller_received() {
        TenantId tenant = fixture.newTenant();
        Client created = listened.inTenant(tenant, tx -> tx.clients().create(Client.create(ClientId.generate(fixture.clock),
                "Beta", "b@beta.example", PaymentTerms.DEFAULT, null, null)));
        listened.inTenant(tenant, tx -> tx.clients().update(renamed(created, "Beta One")));
        calls.clear();

        assertThatThrownBy(() -> listened.inTenant(tenant, tx -> tx.clients().update(renamed(created, "Beta Two"))))
                .isInstanceOf(ConcurrencyConflictException.class)
                .satisfies(thrown -> assertThat(calls).singleElement().satisfies(call -> {
                    assertThat(call.succeeded()).isFalse();
                    assertThat(call.failure()).isSameAs(thrown);
                }));
    }

    @Test
    void a_call_inside_another_calls_work_is_part_of_it() {
        TenantId tenant = fixture.newTenant();

        listened.inTenant(tenant, outer -> listened.inTenant(tenant, inner -> inner.clients().list(10)));

        assertThat(calls).singleElement().satisfies(call -> assertThat(call.succeeded()).isTrue());
    }

    @Test
    void registering_a_tenant_is_a_call_too() {
        TenantId tenant = TenantId.generate(fixture.clock);

        listened.registerTenant(tenant, "Gamma Ltd", "owner@gamma.example");

        assertThat(calls).extracting(StoreCall::tenant).containsExactly(tenant);
    }

    private static Client renamed(Client client, String name) {
        return new Client(client.id(), name, client.email(), client.paymentTerms(), client.address(), client.taxId(),
                client.version());
    }
}

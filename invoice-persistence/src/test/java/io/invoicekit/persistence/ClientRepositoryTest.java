package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientRepositoryTest extends StoreTest {


    ClientRepositoryTest(MigratedDatabase database) {
        super(database, 4);
    }

    @Test
    void a_client_round_trips_and_an_update_bumps_its_version() {
        TenantId tenant = fixture.newTenant();
        Client client = newClient("Zeta GmbH", "ap@zeta.example");

        Client created = store.inTenant(tenant, tx -> tx.clients().create(client));
        Client renamed = new Client(created.id(), "Zeta AG", created.email(), PaymentTerms.ofDays(45),
                "Bahnhofstrasse 1, Zürich", "CHE-123.456.789", created.version());
        Client updated = store.inTenant(tenant, tx -> tx.clients().update(renamed));

        assertThat(created).isEqualTo(client);
        assertThat(updated.version()).isEqualTo(1);
        Optional<Client> reloaded = store.inTenant(tenant, tx -> tx.clients().find(client.id()));
        assertThat(reloaded).contains(updated);
        Client cleared = store.inTenant(tenant, tx -> tx.clients().update(new Client(updated.id(), updated.name(),
                updated.email(), updated.paymentTerms(), null, null, updated.version())));
        assertThat(cleared.address()).isNull();
        assertThat(cleared.taxId()).isNull();
    }

    @Test
    void an_update_from_a_stale_read_is_refused() {
        TenantId tenant = fixture.newTenant();
        Client created = store.inTenant(tenant, tx -> tx.clients().create(newClient("Beta", "b@beta.example")));
        store.inTenant(tenant, tx -> tx.clients().update(withName(created, "Beta One")));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.clients().update(withName(created, "Beta Two"))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConcurrencyConflictException.Reason.STALE_VERSION))
                .hasMessageContaining("changed by someone else since version 0");
        assertThat(store.inTenant(tenant, tx -> tx.clients().find(created.id())).orElseThrow().name())
                .isEqualTo("Beta One");
    }

    @Test
    void clients_are_paged_by_name_with_a_keyset() {
        TenantId tenant = fixture.newTenant();
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            store.inTenant(tenant, tx -> tx.clients().create(newClient(name, name.toLowerCase() + "@x.example")));
        }

        List<String> names = new ArrayList<>();
        Page<Client> page = store.inTenant(tenant, tx -> tx.clients().list(2));
        page.items().forEach(c -> names.add(c.name()));
        while (page.hasMore()) {
            ClientId last = page.items().getLast().id();
            page = store.inTenant(tenant, tx -> tx.clients().listAfter(last, 2));
            page.items().forEach(c -> names.add(c.name()));
        }

        assertThat(names).containsExactly("Alpha", "Bravo", "charlie", "delta", "echo");
    }

    @Test
    void search_finds_substrings_of_name_or_email_and_takes_wildcards_literally() {
        TenantId tenant = fixture.newTenant();
        TenantId other = fixture.newTenant();
        store.inTenant(tenant, tx -> tx.clients().create(newClient("Northwind Traders", "ap@northwind.example")));
        store.inTenant(tenant, tx -> tx.clients().create(newClient("100% Organic", "hello@organic.example")));
        store.inTenant(tenant, tx -> tx.clients().create(newClient("Contoso", "invoices@contoso.example")));
        store.inTenant(other, tx -> tx.clients().create(newClient("Northwind Clone", "x@clone.example")));

        assertThat(names(store.inTenant(tenant, tx -> tx.clients().search("WIND", 10))))
                .containsExactly("Northwind Traders");
        assertThat(names(store.inTenant(tenant, tx -> tx.clients().search("contoso.ex", 10))))
                .containsExactly("Contoso");
        assertThat(names(store.inTenant(tenant, tx -> tx.clients().search("0%", 10))))
                .containsExactly("100% Organic");
        List<Client> underscore = store.inTenant(tenant, tx -> tx.clients().search("_", 10));
        assertThat(underscore).isEmpty();
    }

    @Test
    void catalog_items_are_created_updated_listed_and_deactivated() {
        TenantId tenant = fixture.newTenant();
        ServiceItem audit = ServiceItem.create(ServiceItemId.generate(fixture.clock), "Audit", "Yearly audit",
                Money.of("1200.00", StoreFixture.EUR), TaxRate.of("20"));
        ServiceItem backup = ServiceItem.create(ServiceItemId.generate(fixture.clock), "Backup", null,
                Money.of("9.90", StoreFixture.EUR), TaxRate.of("20"));
        store.inTenant(tenant, tx -> tx.services().create(audit));
        store.inTenant(tenant, tx -> tx.services().create(backup));

        ServiceItem repriced = store.inTenant(tenant, tx -> tx.services().update(new ServiceItem(audit.id(),
                "Audit", "Yearly audit", Money.of("1350.00", StoreFixture.EUR), TaxRate.of("20"), true, 0)));
        store.inTenant(tenant, tx -> tx.services().deactivate(backup.id()));

        assertThat(repriced.unitPrice()).isEqualTo(Money.of("1350.00", StoreFixture.EUR));
        assertThat(store.inTenant(tenant, tx -> tx.services().listActive(10)).items())
                .extracting(ServiceItem::name).containsExactly("Audit");
        assertThat(store.inTenant(tenant, tx -> tx.services().find(backup.id())).orElseThrow().active()).isFalse();
    }

    private Client newClient(String name, String email) {
        return Client.create(ClientId.generate(fixture.clock), name, email, PaymentTerms.DEFAULT, null, null);
    }

    private static Client withName(Client client, String name) {
        return new Client(client.id(), name, client.email(), client.paymentTerms(), client.address(),
                client.taxId(), client.version());
    }

    private static List<String> names(List<Client> clients) {
        return clients.stream().map(Client::name).toList();
    }
}

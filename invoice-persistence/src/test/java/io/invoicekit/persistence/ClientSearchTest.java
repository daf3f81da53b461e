package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Client search finds exactly what ILIKE finds, in the order of lower(name) and id, whatever the
 * text: random names and emails of upper and lower case, ß and ẞ, İ, ı and i, é and É, Σ, σ and ς,
 * an emoji, %, _ and \, searched for by texts of 0 to 5 characters cut from them (their case
 * changed at random) or made up, before and after clients are renamed and erased. In a small tenant
 * every window of a text is looked up; in one of 1,100 clients that share the windows of their
 * domain, past what the search looks up, LIKE checks every client instead. As the application role
 * through the repository; the oracle is ILIKE in the same transaction. The seed is in every message.
 */
class ClientSearchTest extends StoreTest {

    /** What names and emails are made of: cases Java and PostgreSQL lower differently among them. */
    private static final int[] ALPHABET = "aAbBkKoOfFßẞİıiIéÉΣσςΟο😀%_\\.-".codePoints().toArray();
    /** The clients whose name or email is ILIKE the pattern, escaped with ! (the search escapes with \). */
    private static final String ORACLE = """
            select id from clients
            where user_id = ? and (name ilike ? escape '!' or email ilike ? escape '!')
            order by lower(name), id""";

    private final long seed = new Random().nextLong();
    private final Random random = new Random(seed);
    private final List<Client> small = new ArrayList<>();
    private final List<Client> large = new ArrayList<>();
    private TenantId smallTenant;
    private TenantId largeTenant;

    ClientSearchTest(MigratedDatabase database) {
        super(database, 2);
    }

    @BeforeAll
    void two_tenants_of_random_clients() {
        smallTenant = fixture.newTenant();
        largeTenant = fixture.newTenant();
        small.addAll(create(smallTenant, 150, () -> word(1, 6) + "@" + word(1, 6) + "." + word(1, 3)));
        large.addAll(create(largeTenant, 1_100, () -> word(1, 4) + "@shared.example"));
    }

    @Test
    void every_search_finds_what_ilike_finds_before_and_after_renames_and_erasures() {
        for (int round = 0; round < 3; round++) {
            if (round > 0) {
                renameAndErase(smallTenant, small);
                renameAndErase(largeTenant, large);
            }
            searchAsIlike(smallTenant, small, 300, round);
            List<String> common = List.of("shared", "Shared.Example", "ed.ex", "@sh", "e.e");
            searchAsIlike(largeTenant, large, 60, round, common);
        }
    }

    /**
     * {@code count} random texts, and {@code more}, searched for in the tenant with the largest
     * limit and with a small one, against ILIKE in the same transaction.
     */
    private void searchAsIlike(TenantId tenant, List<Client> clients, int count, int round, List<String> more) {
        List<String> texts = new ArrayList<>(more);
        for (int i = 0; i < count; i++) {
            texts.add(random.nextInt(4) == 0 ? word(0, 5) : cutFrom(clients.get(random.nextInt(clients.size()))));
        }
        texts.addAll(List.of("", "%", "_", "\\", "%_", "a%", "_b", "\\%", "İ", "ß", "Σ", "😀"));
        store.inTenantRun(tenant, tx -> {
            for (String text : texts) {
                String pattern = "%" + text.replaceAll("[!%_]", "!$0") + "%";
                List<UUID> expected = tx.dsl().fetch(ORACLE, tenant.value(), pattern, pattern).getValues(0, UUID.class);
                String context = "seed " + seed + ", round " + round + ", text \"" + text + "\"";
                assertThat(ids(tx.clients().search(text, Page.MAX_LIMIT))).as(context).isEqualTo(expected);
                assertThat(ids(tx.clients().search(text, 3))).as(context + ", limit 3")
                        .isEqualTo(expected.subList(0, Math.min(3, expected.size())));
            }
        });
    }

    private void searchAsIlike(TenantId tenant, List<Client> clients, int count, int round) {
        searchAsIlike(tenant, clients, count, round, List.of());
    }

    /** A third of the clients get new names and emails, one in twenty is erased. */
    private void renameAndErase(TenantId tenant, List<Client> clients) {
        store.inTenantRun(tenant, tx -> {
            for (int i = 0; i < clients.size(); i++) {
                Client client = clients.get(i);
                int dice = random.nextInt(20);
                if (dice == 0) {
                    clients.set(i, tx.clients().erase(client.id(), client.version()));
                } else if (dice < 7) {
                    String email = random.nextBoolean() ? client.email() : word(1, 6) + "@" + word(1, 6) + ".example";
                    clients.set(i, tx.clients().update(new Client(client.id(), name(), email, client.paymentTerms(),
                            client.address(), client.taxId(), client.version())));
                }
            }
        });
    }

    private List<Client> create(TenantId tenant, int count, Supplier<String> email) {
        return store.inTenant(tenant, tx -> {
            List<Client> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(tx.clients().create(Client.create(ClientId.generate(fixture.clock), name(), email.get(),
                        PaymentTerms.DEFAULT, null, null)));
            }
            return created;
        });
    }

    /** Up to five characters of the client's name or email, each in upper or lower case or as it is. */
    private String cutFrom(Client client) {
        int[] text = (random.nextBoolean() ? client.name() : client.email()).codePoints().toArray();
        int length = Math.min(text.length, random.nextInt(6));
        int start = random.nextInt(text.length - length + 1);
        StringBuilder cut = new StringBuilder();
        for (int i = start; i < start + length; i++) {
            String character = Character.toString(text[i]);
            cut.append(switch (random.nextInt(3)) {
                case 0 -> character.toUpperCase(Locale.ROOT);
                case 1 -> character.toLowerCase(Locale.ROOT);
                default -> character;
            });
        }
        return cut.toString();
    }

    /** A name of one or two words. */
    private String name() {
        return random.nextBoolean() ? word(1, 8) : word(1, 6) + " " + word(1, 6);
    }

    /** {@code min} to {@code max} characters of the alphabet, never white space. */
    private String word(int min, int max) {
        return random.ints(min + random.nextInt(max - min + 1), 0, ALPHABET.length)
                .mapToObj(i -> Character.toString(ALPHABET[i])).collect(Collectors.joining());
    }

    private static List<UUID> ids(List<Client> clients) {
        return clients.stream().map(client -> client.id().value()).toList();
    }
}

package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Client search's windows (V18): client_search_trigrams holds every distinct 3-character window of
 * each client's lower(name) and lower(email), whatever writes the client: the application creating
 * and renaming it, the owner deleting it or purging its tenant (the backfill: ClientSearchBackfillTest).
 * The application reads its tenant's windows and writes none. The windows expected are computed
 * here from lower() and substr(), not by search_windows.
 */
@ExtendWith(TestDatabaseExtension.class)
class ClientSearchTrigramsTest {

    /** A tenant's windows as stored: "window client". */
    private static final String STORED = "select trigram || ' ' || client_id from client_search_trigrams"
            + " where user_id = ? order by 1";

    /** A tenant's windows as they should be. */
    private static final String EXPECTED = """
            select distinct substr(lower(v.text), i, 3) || ' ' || c.id
            from clients c
            cross join lateral (values (c.name), (c.email)) as v (text)
            cross join lateral generate_series(1, length(lower(v.text)) - 2) as i
            where c.user_id = ?
            order by 1""";

    private final Sql owner;
    private final Sql application;

    ClientSearchTrigramsTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
        this.application = Sql.asApplication(database);
    }

    @Test
    void search_windows_are_the_distinct_three_character_windows_of_the_lower_case_text() throws SQLException {
        assertThat(windows("Kafo")).isEqualTo("afo|kaf");
        assertThat(windows("ABCabc")).isEqualTo("abc|bca|cab");
        assertThat(windows("aaaa")).isEqualTo("aaa");
        assertThat(windows("100%_\\")).as("in byte order").isEqualTo("%_\\|0%_|00%|100");
        assertThat(windows("Ab😀c")).as("characters, not bytes or UTF-16 units").isEqualTo("ab😀|b😀c");
        assertThat(windows("ab")).isEmpty();
        assertThat(windows("")).isEmpty();
        assertThat(owner.one("select search_windows(null) is null", Boolean.class)).isTrue();
        for (String text : List.of("İSTANBUL", "ΟΔΟΣ", "Straße", "ÉCOLE", "ǅemal")) {
            assertThat(owner.one("""
                            select search_windows(?) = array(select distinct substr(lower(?), i, 3) collate "C"
                                                             from generate_series(1, length(lower(?)) - 2) as i
                                                             order by 1)""",
                    Boolean.class, text, text, text)).as("the windows of lower(%s)", text).isTrue();
        }
    }

    @Test
    void a_clients_windows_follow_its_name_and_email_as_the_application_writes_it() throws SQLException {
        Tenant tenant = Tenant.create(owner);
        UUID client = application.inTenantTransaction(tenant.id(), transaction -> transaction.insert(
                tenant.client().with("name", "Okafor Gardens").with("email", "acme@acme.example")));
        List<String> created = storedAsExpected(tenant);

        application.inTenantTransaction(tenant.id(), transaction -> transaction.update(
                "update clients set name = 'Zeta Nakamura' where user_id = ? and id = ?", tenant.id(), client));
        List<String> renamed = storedAsExpected(tenant);
        application.inTenantTransaction(tenant.id(), transaction -> transaction.update(
                "update clients set email = 'ap@nakamura.example', payment_terms_days = 45 where user_id = ? and id = ?",
                tenant.id(), client));
        List<String> newEmail = storedAsExpected(tenant);
        application.inTenantTransaction(tenant.id(), transaction -> transaction.update(
                "update clients set name = name, payment_terms_days = 60 where user_id = ? and id = ?",
                tenant.id(), client));

        assertThat(created).contains("kaf " + client, "acm " + client);
        assertThat(renamed).as("the name's windows changed, the email's kept").doesNotContain("kaf " + client)
                .contains("acm " + client, "ura " + client);
        assertThat(newEmail).doesNotContain("acm " + client).contains("ura " + client, "ap@ " + client);
        assertThat(storedAsExpected(tenant)).isEqualTo(newEmail);
    }

    @Test
    void the_windows_of_a_deleted_client_and_of_a_purged_tenant_go_with_them() throws SQLException {
        Tenant tenant = Tenant.create(owner);
        UUID deleted = owner.insert(tenant.client().with("name", "Okafor Gardens"));
        UUID kept = owner.insert(tenant.client().with("name", "Nakamura Studios"));

        owner.update("delete from clients where user_id = ? and id = ?", tenant.id(), deleted);
        List<String> afterDelete = storedAsExpected(tenant);
        owner.update("call purge_tenant(?, interval '0 days')", tenant.id());

        assertThat(afterDelete).isNotEmpty().allMatch(window -> window.endsWith(" " + kept));
        assertThat(stored(tenant)).isEmpty();
    }

    @Test
    void the_application_reads_its_tenants_windows_and_writes_none_even_its_own() throws SQLException {
        Tenant tenant = Tenant.create(owner);
        Tenant other = Tenant.create(owner);
        UUID client = owner.insert(tenant.client());
        owner.insert(other.client());
        List<String> windows = stored(tenant);

        List<String> readByApplication = application.inTenantTransaction(tenant.id(),
                transaction -> transaction.list(STORED, String.class, tenant.id()));
        List<String> othersReadByApplication = application.inTenantTransaction(tenant.id(),
                transaction -> transaction.list(STORED, String.class, other.id()));
        Violation insert = Violation.raisedBy(() -> application.inTenantTransaction(tenant.id(),
                transaction -> transaction.update("insert into client_search_trigrams (user_id, trigram, client_id)"
                        + " values (?, 'zzz', ?)", tenant.id(), client)));
        Violation update = Violation.raisedBy(() -> application.inTenantTransaction(tenant.id(),
                transaction -> transaction.update("update client_search_trigrams set trigram = 'zzz' where user_id = ?",
                        tenant.id())));
        Violation delete = Violation.raisedBy(() -> application.inTenantTransaction(tenant.id(),
                transaction -> transaction.update("delete from client_search_trigrams where user_id = ?", tenant.id())));

        assertThat(readByApplication).isEqualTo(windows).isNotEmpty();
        assertThat(othersReadByApplication).isEmpty();
        assertThat(List.of(insert, update, delete)).containsOnly(Violation.noPrivilege());
        assertThat(stored(tenant)).isEqualTo(windows);
    }

    /** search_windows(text) as one string, its windows in its order, separated by |. */
    private String windows(String text) throws SQLException {
        return owner.one("select array_to_string(search_windows(?), '|')", String.class, text);
    }

    /** The tenant's windows as stored, once shown to be the windows expected. */
    private List<String> storedAsExpected(Tenant tenant) throws SQLException {
        List<String> stored = stored(tenant);
        assertThat(stored).isEqualTo(expected(tenant));
        return stored;
    }

    private List<String> stored(Tenant tenant) throws SQLException {
        return owner.list(STORED, String.class, tenant.id());
    }

    private List<String> expected(Tenant tenant) throws SQLException {
        return owner.list(EXPECTED, String.class, tenant.id());
    }
}

package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Routines.searchWindows;
import static io.invoicekit.persistence.internal.jooq.Tables.CLIENTS;
import static io.invoicekit.persistence.internal.jooq.Tables.CLIENT_SEARCH_TRIGRAMS;
import static java.util.Objects.requireNonNull;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.cardinality;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.unnest;
import static org.jooq.impl.DSL.with;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.internal.jooq.tables.records.ClientsRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record7;
import org.jooq.Select;
import org.jooq.impl.SQLDataType;
import org.jooq.ResultQuery;
import org.jooq.SelectSelectStep;
import org.jooq.Table;

/**
 * A tenant's clients. Obtained from {@link TenantTransaction#clients()}; valid only inside that
 * transaction.
 */
public final class ClientRepository {

    /**
     * A window that more clients have than this is not looked up: reading its clients would cost
     * more than checking the tenant's clients with LIKE.
     */
    private static final int COMMON = 1024;

    /** The columns of clients that {@link #selectClients(Table)} reads. */
    private static final List<Field<?>> CLIENT_COLUMNS = List.of(CLIENTS.ID, CLIENTS.NAME, CLIENTS.EMAIL,
            CLIENTS.PAYMENT_TERMS_DAYS, CLIENTS.ADDRESS, CLIENTS.TAX_ID, CLIENTS.VERSION);

    /** The column of {@link #windowsOf}: the clients that have a window. */
    private static final String CLIENTS_HAVING_IT = "clients_having_it";

    private static final QueryShape<Record7<ClientId, String, String, PaymentTerms, String, String, Long>> SEARCH =
            QueryShape.of(value -> search(value.of(CLIENTS.USER_ID), value.of(CLIENTS.NAME), value.of(CLIENTS.NAME),
                    value.of(SQLDataType.INTEGER)));

    private final DSLContext transaction;
    private final UUID tenant;

    ClientRepository(DSLContext transaction, TenantId tenant) {
        this.transaction = transaction;
        this.tenant = tenant.value();
    }

    /** Stores a new client (version 0) and returns it. */
    public Client create(Client client) {
        transaction.insertInto(CLIENTS)
                .set(CLIENTS.USER_ID, tenant)
                .set(CLIENTS.ID, client.id().value())
                .set(contentOf(client))
                .set(CLIENTS.VERSION, client.version())
                .execute();
        return client; // stored exactly as given: no column of it is computed by the database
    }

    /**
     * Replaces a client's fields if nobody changed it since it was read: the update carries the
     * version read, and a stale one is refused with {@link ConcurrencyConflictException}.
     */
    public Client update(Client client) {
        int updated = transaction.update(CLIENTS)
                .set(contentOf(client))
                .set(CLIENTS.VERSION, CLIENTS.VERSION.plus(1))
                .where(isMine(client.id()).and(CLIENTS.VERSION.eq(client.version())))
                .execute();
        if (updated == 0) {
            throw StaleVersions.of("client", client.id().value(), client.version(), find(client.id()).isPresent());
        }
        return new Client(client.id(), client.name(), client.email(), client.paymentTerms(), client.address(),
                client.taxId(), client.version() + 1);
    }

    /**
     * Erases a client's personal data (GDPR art. 17) where the law does not require keeping it:
     * name, email, address and tax id are replaced, the payment terms kept. Invoices and credit
     * notes issued to the client keep the buyer they name (the retention of art. 17(3)(b)); drafts
     * issued later name the erased client. Refused if the client changed since {@code version}.
     */
    public Client erase(ClientId id, long version) {
        Client current = find(id).orElseThrow(
                () -> new NotFoundException("client " + id.value() + " does not exist for this tenant"));
        return update(new Client(id, "Erased client", "erased-" + id.value() + "@erased.invalid",
                current.paymentTerms(), null, null, version));
    }

    public Optional<Client> find(ClientId id) {
        return transaction.fetchOptional(selectClients(CLIENTS).from(CLIENTS).where(isMine(id)))
                .map(mapping(Client::new)::map);
    }

    /** Clients ordered by name, the first page. */
    public Page<Client> list(int limit) {
        return page(CLIENTS.USER_ID.eq(tenant), limit);
    }

    /** Clients ordered by name, the page after the client {@code after}. */
    public Page<Client> listAfter(ClientId after, int limit) {
        return page(CLIENTS.USER_ID.eq(tenant).and(row(lower(CLIENTS.NAME), CLIENTS.ID).gt(
                select(lower(CLIENTS.NAME), CLIENTS.ID).from(CLIENTS).where(isMine(after)))), limit);
    }

    /**
     * Clients whose name or email contains {@code text}, ignoring case as PostgreSQL's ILIKE does
     * (both lowered by the database's lower(), never by Java's, which differs on İ or a final Σ),
     * ordered by lower(name) and id, at most {@code limit}. {@code %}, {@code _} and {@code \}
     * match themselves.
     *
     * <p>Under row-level security LIKE cannot use an index (it is not leakproof, so the policy
     * comes first). So the text is cut into its 3-character windows (V18's search_windows) and
     * each window is looked up, by equality, which is leakproof, in the clients' windows
     * (client_search_trigrams), reading at most {@value #COMMON} clients per window. The clients
     * that have every window found in fewer are the candidates, each checked again with LIKE.
     * A text with no such window (shorter than three characters, or made of windows that many
     * clients share, where the candidates would be most of the tenant) is checked with LIKE on
     * every client of the tenant instead.
     */
    public List<Client> search(String text, int limit) {
        return searchQuery(text, limit).fetch(mapping(Client::new));
    }

    /** The one statement {@link #search} runs (ClientSearchPlanTest explains it). */
    ResultQuery<Record7<ClientId, String, String, PaymentTerms, String, String, Long>> searchQuery(String text,
                                                                                                 int limit) {
        requireNonNull(text, "text is null");
        // Escaped, then lowered by the database: lower() leaves \, % and _ as they are.
        return SEARCH.with(transaction, tenant, "%" + escapeLike(text) + "%", text, Page.checkLimit(limit));
    }

    /** The search's statement, of the tenant, the LIKE pattern, the text and the limit. */
    private static Select<Record7<ClientId, String, String, PaymentTerms, String, String, Long>> search(
            Field<UUID> tenant, Field<String> likePattern, Field<String> text, Field<Integer> limit) {
        Field<String> pattern = lower(likePattern);
        Condition matches = lower(CLIENTS.NAME).like(pattern, '\\').or(lower(CLIENTS.EMAIL).like(pattern, '\\'));
        // Both materialized: each window's clients are read once, though three parts read them.
        CommonTableExpression<Record1<UUID[]>> windows = windowsOf(tenant, text);
        CommonTableExpression<Record1<UUID[]>> selective = selectiveOf(windows);
        Field<UUID> candidate = field(name("candidate", "client_id"), UUID.class);
        // Each part ordered and limited too: LIKE on every client may then stop at the first matches
        // in the order of the name index, as the search did before V18.
        Table<?> found = with(windows, selective)
                .select(CLIENT_COLUMNS)
                .from(CLIENTS)
                .where(CLIENTS.USER_ID.eq(tenant))
                .and(CLIENTS.ID.in(select(candidate)
                        .from(selective, unnest(selective.field(CLIENTS_HAVING_IT, UUID[].class))
                                .as("candidate", "client_id"))
                        .groupBy(candidate)
                        .having(count().eq(selectCount().from(selective)))))
                .and(matches)
                .orderBy(lower(CLIENTS.NAME), CLIENTS.ID)
                .limit(limit)
                .unionAll(select(CLIENT_COLUMNS)
                        .from(CLIENTS)
                        .where(CLIENTS.USER_ID.eq(tenant))
                        .andNotExists(selectOne().from(selective))
                        .and(matches)
                        .orderBy(lower(CLIENTS.NAME), CLIENTS.ID)
                        .limit(limit))
                .asTable("found");
        return selectClients(found)
                .from(found)
                .orderBy(lower(found.field(CLIENTS.NAME)), found.field(CLIENTS.ID))
                .limit(limit);
    }

    /**
     * For each window of {@code text} (none if it is shorter than three characters), an array of
     * the tenant's clients that have it: all of them if fewer than {@value #COMMON} do.
     */
    private static CommonTableExpression<Record1<UUID[]>> windowsOf(Field<UUID> tenant, Field<String> text) {
        Field<String> window = field(name("search_window", "trigram"), String.class);
        return name("windows").fields(CLIENTS_HAVING_IT).asMaterialized(
                select(array(select(CLIENT_SEARCH_TRIGRAMS.CLIENT_ID)
                        .from(CLIENT_SEARCH_TRIGRAMS)
                        .where(CLIENT_SEARCH_TRIGRAMS.USER_ID.eq(tenant))
                        .and(CLIENT_SEARCH_TRIGRAMS.TRIGRAM.eq(window))
                        .limit(inline(COMMON))))
                        // In a sub-select, so that no plan knows the windows (a custom plan would fold the
                        // call): PostgreSQL then caches the statement's generic plan, rather than plan it
                        // again on every call (0.4 ms) because a custom plan looks a little cheaper.
                        .from(unnest(field(select(searchWindows(text)))).as("search_window", "trigram")));
    }

    /**
     * The windows worth looking up: those fewer than {@value #COMMON} clients have, with all of
     * them. A window no client has is one (and then no client is a candidate).
     */
    private static CommonTableExpression<Record1<UUID[]>> selectiveOf(
            CommonTableExpression<Record1<UUID[]>> windows) {
        Field<UUID[]> clientsHavingIt = windows.field(CLIENTS_HAVING_IT, UUID[].class);
        return name("selective_windows").fields(CLIENTS_HAVING_IT).asMaterialized(
                select(clientsHavingIt).from(windows).where(cardinality(clientsHavingIt).lt(inline(COMMON))));
    }

    /** User text inside a LIKE pattern: its own %, _ and \ must match literally. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Page<Client> page(Condition condition, int limit) {
        List<Client> fetched = transaction.fetch(selectClients(CLIENTS).from(CLIENTS)
                        .where(condition)
                        .orderBy(lower(CLIENTS.NAME), CLIENTS.ID)
                        .limit(Page.checkLimit(limit) + 1))
                .map(mapping(Client::new));
        return Page.of(fetched, limit);
    }

    /** The columns a person edits, shared by create and update. */
    private static ClientsRecord contentOf(Client client) {
        return new ClientsRecord()
                .setName(client.name())
                .setEmail(client.email())
                .setPaymentTermsDays(client.paymentTerms().days())
                .setAddress(client.address())
                .setTaxId(client.taxId());
    }

    private Condition isMine(ClientId id) {
        return CLIENTS.USER_ID.eq(tenant).and(CLIENTS.ID.eq(id.value()));
    }

    /** The columns a {@link Client} is made of, of {@code rows}: clients, or a selection of {@link #CLIENT_COLUMNS}. */
    private static SelectSelectStep<Record7<ClientId, String, String, PaymentTerms, String, String, Long>>
            selectClients(Table<?> rows) {
        return select(
                rows.field(CLIENTS.ID).convertFrom(ClientId::of),
                rows.field(CLIENTS.NAME),
                rows.field(CLIENTS.EMAIL),
                rows.field(CLIENTS.PAYMENT_TERMS_DAYS).convertFrom(PaymentTerms::ofDays),
                rows.field(CLIENTS.ADDRESS),
                rows.field(CLIENTS.TAX_ID),
                rows.field(CLIENTS.VERSION));
    }
}

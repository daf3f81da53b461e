package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.CLIENTS;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.internal.jooq.tables.records.ClientsRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.SelectSelectStep;

/**
 * A tenant's clients. Obtained from {@link TenantTransaction#clients()}; valid only inside that
 * transaction.
 */
public final class ClientRepository {

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
        return selectClients().from(CLIENTS).where(isMine(id)).fetchOptional(mapping(Client::new));
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
     * Clients whose name or email contains {@code text}, ignoring case, ordered by name. Served
     * by the trigram indexes on lower(name) and lower(email).
     */
    public List<Client> search(String text, int limit) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        return selectClients().from(CLIENTS)
                .where(CLIENTS.USER_ID.eq(tenant))
                .and(lower(CLIENTS.NAME).like(pattern, '\\').or(lower(CLIENTS.EMAIL).like(pattern, '\\')))
                .orderBy(lower(CLIENTS.NAME), CLIENTS.ID)
                .limit(Page.checkLimit(limit))
                .fetch(mapping(Client::new));
    }

    /** User text inside a LIKE pattern: its own % and _ must match literally. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Page<Client> page(Condition condition, int limit) {
        List<Client> fetched = selectClients().from(CLIENTS)
                .where(condition)
                .orderBy(lower(CLIENTS.NAME), CLIENTS.ID)
                .limit(Page.checkLimit(limit) + 1)
                .fetch(mapping(Client::new));
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

    private SelectSelectStep<Record7<ClientId, String, String, PaymentTerms, String, String, Long>> selectClients() {
        return transaction.select(
                CLIENTS.ID.convertFrom(ClientId::of),
                CLIENTS.NAME,
                CLIENTS.EMAIL,
                CLIENTS.PAYMENT_TERMS_DAYS.convertFrom(PaymentTerms::ofDays),
                CLIENTS.ADDRESS,
                CLIENTS.TAX_ID,
                CLIENTS.VERSION);
    }
}

package io.invoicekit.migration;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant of one test, with a random id: the tests may run against a shared database that other
 * tests and people use, so they never assume empty tables and look only at their own tenants.
 * The rows it makes are valid; a test breaks one value of a row with {@link Row#with}.
 */
record Tenant(UUID id) {

    private static final List<String> TABLES = List.of(
            "users", "clients", "services", "invoices", "line_items", "payments", "invoice_series",
            "credit_notes", "credit_note_lines", "refunds", "audit_events", "client_search_trigrams");

    static Tenant create(Sql owner) throws SQLException {
        Tenant tenant = new Tenant(UUID.randomUUID());
        owner.update("insert into users (id, name, email) values (?, ?, ?)",
                tenant.id, "Tenant " + tenant.id, tenant.id + "@tenant.example");
        return tenant;
    }

    Row client() {
        return Row.of("clients",
                "user_id", id, "id", UUID.randomUUID(),
                "name", "Acme Ltd", "email", "billing@acme.example", "payment_terms_days", 30);
    }

    Row service() {
        return Row.of("services",
                "user_id", id, "id", UUID.randomUUID(),
                "name", "Consulting hour", "unit_price", new BigDecimal("100.00"), "currency", "USD",
                "default_tax_rate", new BigDecimal("20.00"));
    }

    /** The day {@link #invoice} is dated, and the day {@link #invoiceWithLine} issues it on. */
    static final LocalDate ISSUE_DATE = LocalDate.of(2025, 1, 10);

    /** A draft of 100.00 USD, untaxed, due 30 days after it is dated; without a number until it is issued. */
    Row invoice(UUID clientId) {
        return Row.of("invoices",
                "user_id", id, "id", UUID.randomUUID(), "client_id", clientId, "currency", "USD",
                "issue_date", ISSUE_DATE, "due_date", LocalDate.of(2025, 2, 9),
                "tax_rate", new BigDecimal("0.00"), "subtotal", new BigDecimal("100.00"),
                "tax", new BigDecimal("0.00"), "total", new BigDecimal("100.00"));
    }

    /** One hour at 100.00 USD: the whole of {@link #invoice}. */
    Row lineItem(UUID invoiceId, UUID serviceId) {
        return Row.of("line_items",
                "user_id", id, "id", UUID.randomUUID(), "invoice_id", invoiceId, "currency", "USD",
                "position", 1, "service_id", serviceId, "description", "Consulting",
                "quantity", new BigDecimal("1"), "unit_price", new BigDecimal("100.00"),
                "amount", new BigDecimal("100.00"));
    }

    /** A second invoice series of this tenant, "Export": EXP- and four digits, never restarting. */
    Row series() {
        return Row.of("invoice_series",
                "user_id", id, "id", UUID.randomUUID(), "document_kind", "invoice", "name", "Export",
                "prefix", "EXP-", "pattern", "{prefix}{seq:4}", "reset_period", "never");
    }

    /**
     * Stores {@link #invoice} with its {@link #lineItem} (a draft's totals are its lines' at
     * commit), then moves it along the lifecycle to {@code status}: draft (no number), sent
     * (issued in the default series on {@link #ISSUE_DATE}), viewed, paid (sent, then paid in
     * full by one completed {@link #payment}), or void. Only a draft that was numbered before V11
     * can be void: it is stored with the number the counter gave it then.
     */
    UUID invoiceWithLine(Sql sql, UUID clientId, String status) throws SQLException {
        Row draft = invoice(clientId);
        return invoiceWithLine(sql, draft, lineItem(draft.id(), null), status);
    }

    /** {@link #invoiceWithLine(Sql, UUID, String)} of another draft and line (another currency, a tax rate). */
    UUID invoiceWithLine(Sql sql, Row invoiceDraft, Row line, String status) throws SQLException {
        return sql.atomically(transaction -> {
            Row draft = invoiceDraft;
            if (status.equals("void")) {
                draft = draft.with("invoice_number", numberAsBeforeV11(transaction));
            }
            UUID invoice = transaction.insert(draft);
            transaction.insert(line);
            switch (status) {
                case "draft" -> {
                }
                case "sent" -> issue(transaction, invoice, ISSUE_DATE);
                case "paid" -> {
                    issue(transaction, invoice, ISSUE_DATE);
                    transaction.insert(payment(invoice, (BigDecimal) draft.values().get("total"))
                            .with("currency", draft.values().get("currency")));
                }
                case "viewed" -> {
                    issue(transaction, invoice, ISSUE_DATE);
                    changeStatus(transaction, invoice, "viewed");
                }
                case "void" -> changeStatus(transaction, invoice, "void");
                default -> throw new IllegalArgumentException(
                        "status must be draft, sent, viewed, paid or void, was " + status);
            }
            return invoice;
        });
    }

    /** The id of this tenant's default invoice series, which every tenant has from its creation on. */
    UUID defaultSeries(Sql sql) throws SQLException {
        return defaultSeries(sql, "invoice");
    }

    /** The id of this tenant's default series of {@code documentKind} (invoice or credit_note). */
    UUID defaultSeries(Sql sql, String documentKind) throws SQLException {
        return sql.one("select id from invoice_series where user_id = ? and document_kind = ? and is_default",
                UUID.class, id, documentKind);
    }

    /** Issues a draft of this tenant in its default series, dated {@code issueDate}; returns its number. */
    String issue(Sql sql, UUID invoice, LocalDate issueDate) throws SQLException {
        return issue(sql, invoice, null, issueDate);
    }

    /**
     * Issues a draft of this tenant in {@code series} (null: the default) with issue_invoice, as
     * the application does, at the version it has now; returns the number it was given.
     */
    String issue(Sql sql, UUID invoice, UUID series, LocalDate issueDate) throws SQLException {
        return issueDocument(sql, "issue_invoice", "invoices", "invoice_number", invoice, series, issueDate);
    }

    /** Calls {@code function} (issue_invoice, issue_credit_note) as the tenant; returns the number given. */
    private String issueDocument(Sql sql, String function, String table, String numberColumn, UUID document,
                                 UUID series, LocalDate issueDate) throws SQLException {
        return sql.atomically(transaction -> {
            setAsTenant(transaction);
            Long version = transaction.one("select " + function + "(?, (select version from " + table
                    + " where user_id = ? and id = ?), ?, ?)", Long.class, document, id, document, series, issueDate);
            if (version == null) {
                throw new IllegalStateException("tenant " + id + " has no " + table + " row " + document + " to issue");
            }
            return transaction.one("select " + numberColumn + " from " + table + " where user_id = ? and id = ?",
                    String.class, id, document);
        });
    }

    /** Moves an invoice of this tenant to viewed or void with change_invoice_status, at its current version. */
    void changeStatus(Sql sql, UUID invoice, String status) throws SQLException {
        sql.atomically(transaction -> {
            setAsTenant(transaction);
            Long version = transaction.one("select change_invoice_status(?, (select version from invoices"
                    + " where user_id = ? and id = ?), ?)", Long.class, invoice, id, invoice, status);
            if (version == null) {
                throw new IllegalStateException("tenant " + id + " has no invoice " + invoice + " to make " + status);
            }
            return version;
        });
    }

    /**
     * An audit event of this tenant as the database writes one, for the rules that refuse any
     * other writer: the invoice {@code documentId} changed, by no one in particular.
     */
    Row auditEvent(UUID documentId) {
        return Row.of("audit_events",
                "user_id", id, "id", UUID.randomUUID(), "document_kind", "invoice", "document_id", documentId,
                "changed_table", "invoices", "action", "changed", "changes", Sql.jsonb("{\"notes\": [null, \"x\"]}"));
    }

    /** This tenant for the rest of the transaction, as invoice-rls sets it (issue_invoice numbers for it). */
    void setAsTenant(Sql transaction) throws SQLException {
        transaction.setTenant(id);
    }

    /**
     * The number V8 gave a draft as it was stored: the next of the tenant's counter, which V11
     * made its default series' (so that the series never gives that number again). As the owner.
     */
    private String numberAsBeforeV11(Sql owner) throws SQLException {
        return owner.one("update invoice_series set last_number = last_number + 1"
                + " where user_id = ? and document_kind = 'invoice' and is_default"
                + " returning invoice_number_render(pattern, prefix, ?, last_number)", String.class, id, ISSUE_DATE);
    }

    /** A draft credit note of the invoice, in USD like {@link #invoice}; its lines say what it credits. */
    Row creditNote(UUID invoiceId) {
        return Row.of("credit_notes",
                "user_id", id, "id", UUID.randomUUID(), "invoice_id", invoiceId, "currency", "USD",
                "reason", "Consulting hour not delivered");
    }

    /** One line of {@code amount} USD (once at that price), at position 1 of the credit note. */
    Row creditNoteLine(UUID creditNoteId, String amount) {
        return Row.of("credit_note_lines",
                "user_id", id, "id", UUID.randomUUID(), "credit_note_id", creditNoteId, "currency", "USD",
                "position", 1, "description", "Consulting not delivered", "quantity", new BigDecimal("1"),
                "unit_price", new BigDecimal(amount), "amount", new BigDecimal(amount));
    }

    /** Stores a draft {@link #creditNote} of the invoice with one {@link #creditNoteLine} of {@code amount}; its id. */
    UUID creditNoteWithLine(Sql sql, UUID invoiceId, String amount) throws SQLException {
        return sql.atomically(transaction -> {
            UUID creditNote = transaction.insert(creditNote(invoiceId));
            transaction.insert(creditNoteLine(creditNote, amount));
            return creditNote;
        });
    }

    /**
     * Issues a draft credit note of this tenant in its default credit-note series with
     * issue_credit_note, as the application does, at the version it has now; returns its number.
     */
    String issueCreditNote(Sql sql, UUID creditNote, LocalDate issueDate) throws SQLException {
        return issueCreditNote(sql, creditNote, null, issueDate);
    }

    /** {@link #issueCreditNote(Sql, UUID, LocalDate)} in {@code series} (null: the default). */
    String issueCreditNote(Sql sql, UUID creditNote, UUID series, LocalDate issueDate) throws SQLException {
        return issueDocument(sql, "issue_credit_note", "credit_notes", "credit_note_number", creditNote, series,
                issueDate);
    }

    /**
     * Credits the invoice {@code amount} (before tax) by a credit note of one line, issued on
     * {@link #ISSUE_DATE}, in one transaction; returns the credit note's id.
     */
    UUID credit(Sql sql, UUID invoiceId, String amount) throws SQLException {
        return sql.atomically(transaction -> {
            setAsTenant(transaction);
            UUID creditNote = creditNoteWithLine(transaction, invoiceId, amount);
            issueCreditNote(transaction, creditNote, ISSUE_DATE);
            return creditNote;
        });
    }

    /** A refund by bank transfer of {@code amount} USD against the credit note of the invoice. */
    Row refund(UUID creditNoteId, UUID invoiceId, String amount) {
        return Row.of("refunds",
                "user_id", id, "id", UUID.randomUUID(), "credit_note_id", creditNoteId, "invoice_id", invoiceId,
                "currency", "USD", "amount", new BigDecimal(amount), "method", "bank_transfer",
                "transaction_id", "refund-" + UUID.randomUUID(), "refund_date", LocalDate.of(2025, 1, 25));
    }

    /** A completed card payment in USD with a provider transaction id of its own. */
    Row payment(UUID invoiceId, BigDecimal amount) {
        return Row.of("payments",
                "user_id", id, "id", UUID.randomUUID(), "invoice_id", invoiceId, "currency", "USD",
                "amount", amount, "method", "card", "status", "completed",
                "transaction_id", "txn-" + UUID.randomUUID(), "payment_date", LocalDate.of(2025, 1, 20));
    }

    /**
     * Every row of this tenant, as JSON per table: two equal snapshots mean nothing was stored,
     * changed or deleted in between.
     */
    Map<String, String> rows(Sql owner) throws SQLException {
        return owner.inSession(session -> {
            Map<String, String> rows = new LinkedHashMap<>();
            for (String table : TABLES) {
                // users is the tenant itself, keyed by id; every other table by user_id.
                String tenantKey = table.equals("users") ? "id" : "user_id";
                rows.put(table, session.one("select coalesce(json_agg(t order by t::text)::text, '[]') from "
                        + table + " t where " + tenantKey + " = ?", String.class, id));
            }
            return rows;
        });
    }
}

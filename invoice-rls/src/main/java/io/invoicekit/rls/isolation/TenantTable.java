package io.invoicekit.rls.isolation;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Every tenant-owned table the application role may use, with what a probe needs to attack it: its
 * tenant key, its primary key (the ON CONFLICT target) and an insert of a complete, valid row.
 * In foreign-key order: each table's rows may refer to rows of the tables before it. (The series'
 * counters are the database's alone: {@link DerivedStateAttacks} probes them.)
 */
enum TenantTable {

    USERS("users", "id", "id",
            "insert into users (id, name, email) values (?, 'Probe tenant', 'tenant@example.com')",
            row -> List.of(row.tenant())),
    CLIENTS("clients", "user_id", "user_id, id",
            "insert into clients (user_id, id, name, email) values (?, ?, 'Probe client', 'client@example.com')",
            row -> List.of(row.tenant(), row.id())),
    SERVICES("services", "user_id", "user_id, id",
            "insert into services (user_id, id, name, unit_price, currency) values (?, ?, 'Probe service', 10.00, 'EUR')",
            row -> List.of(row.tenant(), row.id())),
    // A series of its own beside the default one every tenant is given; its counter is the database's.
    INVOICE_SERIES("invoice_series", "user_id", "user_id, id", """
            insert into invoice_series (user_id, id, document_kind, name, prefix, pattern)
            values (?, ?, 'invoice', 'Probe series ' || ?, 'P-', '{prefix}{seq:4}')""",
            row -> List.of(row.tenant(), row.id(), row.id().toString())),
    // A draft of 10.00, the amount of one line; the database numbers it as it is issued.
    INVOICES("invoices", "user_id", "user_id, id", """
            insert into invoices (user_id, id, client_id, currency, issue_date, due_date, subtotal, total)
            values (?, ?, ?, 'EUR', date '2025-01-01', date '2025-01-31', 10.00, 10.00)""",
            row -> List.of(row.tenant(), row.id(), row.client())),
    LINE_ITEMS("line_items", "user_id", "user_id, id", """
            insert into line_items (user_id, id, invoice_id, currency, position, service_id, description,
                                    quantity, unit_price, amount)
            values (?, ?, ?, 'EUR', ?, ?, 'Probe line', 1, 10.00, 10.00)""",
            row -> List.of(row.tenant(), row.id(), row.invoice(), row.position(), row.service())),
    // Pending: a completed payment would change its invoice through the trigger.
    PAYMENTS("payments", "user_id", "user_id, id", """
            insert into payments (user_id, id, invoice_id, currency, amount, method, status, transaction_id, payment_date)
            values (?, ?, ?, 'EUR', 1.00, 'card', 'pending', ?, date '2025-01-02')""",
            row -> List.of(row.tenant(), row.id(), row.invoice(), row.transactionId())),
    // A draft: an issued credit note would change its invoice.
    CREDIT_NOTES("credit_notes", "user_id", "user_id, id", """
            insert into credit_notes (user_id, id, invoice_id, currency, reason)
            values (?, ?, ?, 'EUR', 'Probe credit')""",
            row -> List.of(row.tenant(), row.id(), row.invoice())),
    CREDIT_NOTE_LINES("credit_note_lines", "user_id", "user_id, id", """
            insert into credit_note_lines (user_id, id, credit_note_id, currency, position, description, quantity,
                                           unit_price, amount)
            values (?, ?, ?, 'EUR', ?, 'Probe credit line', 1, 1.00, 1.00)""",
            row -> List.of(row.tenant(), row.id(), row.creditNote(), row.position()));

    private final String table;
    private final String tenantKey;
    private final String primaryKey;
    private final String insert;
    private final Function<RowValues, List<Object>> binds;

    TenantTable(String table, String tenantKey, String primaryKey, String insert,
                Function<RowValues, List<Object>> binds) {
        this.table = table;
        this.tenantKey = tenantKey;
        this.primaryKey = primaryKey;
        this.insert = insert;
        this.binds = binds;
    }

    /** The table's name in SQL. */
    String table() {
        return table;
    }

    /** The column that holds the tenant. */
    String tenantKey() {
        return tenantKey;
    }

    /** The columns of the primary key, comma-separated. */
    String primaryKey() {
        return primaryKey;
    }

    /** Whether the tenant is the table's whole primary key: then no other unique value exists to reuse. */
    boolean keyedByTenantOnly() {
        return primaryKey.equals(tenantKey);
    }

    /** Inserts {@code row}, followed by {@code suffix} (an ON CONFLICT clause, RETURNING, or nothing). */
    long insert(Session session, RowValues row, String suffix) throws SQLException {
        return session.rows(insert + " " + suffix, binds.apply(row));
    }

    /** Inserts {@code row} with {@code suffix}, which must end in RETURNING one column; that column. */
    String insertReturning(Session session, RowValues row, String suffix) throws SQLException {
        return session.text(insert + " " + suffix, binds.apply(row));
    }

    @Override
    public String toString() {
        return table;
    }
}

package io.invoicekit.migration.safety;

import io.invoicekit.testing.ConnectionSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * A few tenants' worth of realistic data, written the way the application of a given schema
 * version writes it: three tenants, each with clients, catalog services, invoices in every
 * status with two line items, numbered by hand before V4, by get_next_invoice_number from V4,
 * by the database as they are inserted from V8 and as they are issued (issue_invoice) from V11,
 * with due dates and partial payments from V5. From V11 a draft has no number and only a draft
 * numbered before could be void: the void invoice of earlier versions is a draft there. Every
 * row satisfies the constraints of that version (and of every later one).
 */
final class SampleData {

    private static final int TENANTS = 3;
    private static final int CLIENTS = 3;
    private static final int INVOICES = 4;
    private static final String[] STATUSES = {"draft", "sent", "sent", "void"};

    private final Connection connection;
    private final int version;

    private SampleData(Connection connection, int version) {
        this.connection = connection;
        this.version = version;
    }

    /** Loads the data into a database migrated to {@code version}, as its owner. */
    static void load(ConnectionSettings database, int version) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            SampleData data = new SampleData(connection, version);
            for (int tenant = 1; tenant <= TENANTS; tenant++) {
                data.tenant(tenant);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("loading sample data at version " + version + ": " + e.getMessage(), e);
        }
    }

    private void tenant(int tenant) throws SQLException {
        UUID user = UUID.randomUUID();
        update("INSERT INTO users (id, name, email) VALUES (?, ?, ?)", user, "Tenant " + tenant, "owner" + tenant + "@example.com");
        UUID service = UUID.randomUUID();
        update("INSERT INTO services (user_id, id, name, unit_price, currency, default_tax_rate) VALUES (?, ?, ?, ?, 'EUR', 20)",
                user, service, "Consulting hour", new BigDecimal("50.00"));
        for (int client = 1; client <= CLIENTS; client++) {
            UUID clientId = UUID.randomUUID();
            update("INSERT INTO clients (user_id, id, name, email, payment_terms_days) VALUES (?, ?, ?, ?, ?)",
                    user, clientId, "Client " + tenant + "-" + client, "billing" + client + "@client" + tenant + ".example",
                    client * 15);
            for (int invoice = 1; invoice <= INVOICES; invoice++) {
                invoice(user, clientId, service, (client - 1) * INVOICES + invoice, writable(STATUSES[invoice - 1]));
            }
        }
    }

    /**
     * The status as this version's application can write it: from V11 only a draft numbered
     * before V11 can be void, and the application never numbers a draft, so it stores a draft.
     */
    private String writable(String status) {
        return version >= 11 && status.equals("void") ? "draft" : status;
    }

    private void invoice(UUID user, UUID client, UUID service, int sequence, String status) throws SQLException {
        UUID invoice = UUID.randomUUID();
        BigDecimal unitPrice = new BigDecimal("50.00").add(BigDecimal.valueOf(sequence));
        BigDecimal first = unitPrice.multiply(new BigDecimal("2.000")).setScale(2);
        BigDecimal second = new BigDecimal("20.00").multiply(new BigDecimal("1.500")).setScale(2);
        BigDecimal subtotal = first.add(second);
        BigDecimal tax = subtotal.multiply(new BigDecimal("20")).divide(new BigDecimal("100")).setScale(2, RoundingMode.HALF_UP);
        LocalDate issued = LocalDate.of(2025, 1, 1).plusDays(sequence);
        // From V8 on the database numbers an invoice (as it is inserted, from V11 as it is issued),
        // and an invoice leaves draft only with its lines, so it is stored as a draft and moved on
        // after them.
        boolean numberedByDatabase = version >= 8;
        boolean numberedAtIssue = version >= 11;
        String number = numberedByDatabase ? null : version >= 4 ? nextNumber(user) : "INV-%06d".formatted(sequence);
        String dueDate = version >= 5 ? ", due_date" : "";
        update("INSERT INTO invoices (user_id, id, client_id, invoice_number, status, currency, issue_date, tax_rate,"
                        + " subtotal, tax, total, notes, purchase_order" + dueDate + ")"
                        + " VALUES (?, ?, ?, ?, ?, 'EUR', ?, 20, ?, ?, ?, ?, ?" + (version >= 5 ? ", ?" : "") + ")",
                withDueDate(issued.plusDays(30), user, invoice, client, number, numberedByDatabase ? "draft" : status,
                        Date.valueOf(issued), subtotal, tax, subtotal.add(tax), "Thanks for your business", "PO-" + sequence));
        update("INSERT INTO line_items (user_id, id, invoice_id, currency, position, service_id, description, quantity, unit_price, amount)"
                        + " VALUES (?, ?, ?, 'EUR', 1, ?, 'Consulting', 2, ?, ?)",
                user, UUID.randomUUID(), invoice, service, unitPrice, first);
        update("INSERT INTO line_items (user_id, id, invoice_id, currency, position, description, quantity, unit_price, amount)"
                        + " VALUES (?, ?, ?, 'EUR', 2, 'Travel', 1.5, 20.00, ?)",
                user, UUID.randomUUID(), invoice, second);
        if (numberedAtIssue && status.equals("sent")) {
            issue(user, invoice, issued);
        } else if (numberedByDatabase && !status.equals("draft")) {
            update("UPDATE invoices SET status = ? WHERE user_id = ? AND id = ?", status, user, invoice);
        }
        if (version >= 5 && status.equals("sent")) {
            update("INSERT INTO payments (user_id, id, invoice_id, currency, amount, method, status, transaction_id, payment_date)"
                            + " VALUES (?, ?, ?, 'EUR', 50.00, 'bank_transfer', 'completed', ?, ?)",
                    user, UUID.randomUUID(), invoice, "tx-" + UUID.randomUUID(), Date.valueOf(issued.plusDays(10)));
        }
    }

    /**
     * Issues the draft in its tenant's default series, as the owner with the tenant set for the
     * rest of the load's transaction (issue_invoice numbers for the transaction's tenant).
     */
    private void issue(UUID user, UUID invoice, LocalDate issueDate) throws SQLException {
        query("SELECT set_config('app.user_id', ?, true)", user.toString());
        String newVersion = query("SELECT issue_invoice(?, (SELECT version FROM invoices WHERE user_id = ? AND id = ?),"
                + " NULL, ?)", invoice, user, invoice, Date.valueOf(issueDate));
        if (newVersion == null) {
            throw new IllegalStateException("issue_invoice found no draft " + invoice + " of tenant " + user);
        }
    }

    private Object[] withDueDate(LocalDate dueDate, Object... values) {
        if (version < 5) {
            return values;
        }
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = Date.valueOf(dueDate);
        return all;
    }

    private String nextNumber(UUID user) throws SQLException {
        return query("SELECT get_next_invoice_number(?)", user);
    }

    /** The first column of the one row a query returns, as text. */
    private String query(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row from " + sql);
                }
                return result.getString(1);
            }
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}

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
            "users", "clients", "services", "invoices", "line_items", "payments", "invoice_number_counters");

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

    /** A draft of 100.00 USD, untaxed, due 30 days after it was issued; the database numbers it. */
    Row invoice(UUID clientId) {
        return Row.of("invoices",
                "user_id", id, "id", UUID.randomUUID(), "client_id", clientId, "currency", "USD",
                "issue_date", LocalDate.of(2025, 1, 10), "due_date", LocalDate.of(2025, 2, 9),
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

    /**
     * Stores {@link #invoice} with its {@link #lineItem} (a draft's totals are its lines' at
     * commit), then moves it along the lifecycle to {@code status}: draft, sent, viewed or void.
     */
    UUID invoiceWithLine(Sql sql, UUID clientId, String status) throws SQLException {
        List<String> moves = switch (status) {
            case "draft" -> List.of();
            case "sent" -> List.of("sent");
            case "viewed" -> List.of("sent", "viewed");
            case "void" -> List.of("void");
            default -> throw new IllegalArgumentException("status must be draft, sent, viewed or void, was " + status);
        };
        return sql.atomically(transaction -> {
            UUID invoice = transaction.insert(invoice(clientId));
            transaction.insert(lineItem(invoice, null));
            for (String move : moves) {
                transaction.update("update invoices set status = ? where user_id = ? and id = ?", move, id, invoice);
            }
            return invoice;
        });
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

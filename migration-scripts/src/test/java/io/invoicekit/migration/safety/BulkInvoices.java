package io.invoicekit.migration.safety;

import io.invoicekit.testing.ConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Many invoices in the shape every version before V5 knows (no due date, nothing paid), written
 * with set-based SQL: {@value #TENANTS} tenants with {@value #CLIENTS_PER_TENANT} clients each,
 * and {@code count} invoices with one line item. Invoice {@code n} (1-based) is keyed by
 * {@link #tenant(int)} and {@link #invoice(int)} and carries {@code "bulk n"} in its notes.
 */
final class BulkInvoices {

    static final int TENANTS = 20;
    static final int CLIENTS_PER_TENANT = 20;

    private BulkInvoices() {
    }

    static void load(ConnectionSettings database, int count) {
        List<String> statements = List.of(
                "INSERT INTO users (id, name, email)"
                        + " SELECT md5('tenant' || t)::uuid, 'Tenant ' || t, 'owner' || t || '@example.com'"
                        + " FROM generate_series(0, " + (TENANTS - 1) + ") t",
                "INSERT INTO clients (user_id, id, name, email, payment_terms_days)"
                        + " SELECT md5('tenant' || t)::uuid, md5('client' || t || '-' || c)::uuid, 'Client ' || t || '-' || c,"
                        + " 'billing' || c || '@client' || t || '.example', 15 * (c % 4)"
                        + " FROM generate_series(0, " + (TENANTS - 1) + ") t, generate_series(0, " + (CLIENTS_PER_TENANT - 1) + ") c",
                "INSERT INTO invoices (user_id, id, client_id, invoice_number, status, currency, issue_date, tax_rate,"
                        + " subtotal, tax, total, notes)"
                        + " SELECT md5('tenant' || n % " + TENANTS + ")::uuid, md5('invoice' || n)::uuid,"
                        + " md5('client' || n % " + TENANTS + " || '-' || n % " + CLIENTS_PER_TENANT + ")::uuid,"
                        + " 'INV-' || lpad((n / " + TENANTS + " + 1)::text, 6, '0'),"
                        + " (ARRAY['draft', 'sent', 'viewed'])[n % 3 + 1], 'EUR', date '2024-01-01' + n % 365, 20,"
                        + " 100 + n % 100, round((100 + n % 100) * 0.2, 2), 100 + n % 100 + round((100 + n % 100) * 0.2, 2),"
                        + " 'bulk ' || n"
                        + " FROM generate_series(1, ?) n",
                "INSERT INTO line_items (user_id, id, invoice_id, currency, position, description, quantity, unit_price, amount)"
                        + " SELECT md5('tenant' || n % " + TENANTS + ")::uuid, md5('line' || n)::uuid, md5('invoice' || n)::uuid,"
                        + " 'EUR', 1, 'Monthly service', 1, 100 + n % 100, 100 + n % 100"
                        + " FROM generate_series(1, ?) n",
                "ANALYZE");
        try (Connection connection = database.connect()) {
            for (String sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    if (sql.contains("?")) {
                        statement.setInt(1, count);
                    }
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + count + " invoices: " + e.getMessage(), e);
        }
    }

    static UUID tenant(int n) {
        return md5Uuid("tenant" + n % TENANTS);
    }

    static UUID client(int n) {
        return md5Uuid("client" + n % TENANTS + "-" + n % CLIENTS_PER_TENANT);
    }

    /** The number of a draft at or just below {@code n} (every third invoice is one), at least 3. */
    static int draft(int n) {
        return Math.max(3, n - n % 3);
    }

    static UUID invoice(int n) {
        return md5Uuid("invoice" + n);
    }

    /** PostgreSQL's {@code md5(text)::uuid}. */
    private static UUID md5Uuid(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (digest[i] & 0xff);
                low = (low << 8) | (digest[i + 8] & 0xff);
            }
            return new UUID(high, low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}

package io.invoicekit.persistence;

import static io.invoicekit.persistence.ConcurrencyConflictException.Reason.DEADLOCK;
import static io.invoicekit.persistence.ConcurrencyConflictException.Reason.LOCK_TIMEOUT;
import static io.invoicekit.persistence.ConcurrencyConflictException.Reason.SERIALIZATION_FAILURE;

import io.invoicekit.persistence.ConstraintViolationException.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates PostgreSQL errors into {@link DatabaseException}s by SQLSTATE and constraint name,
 * which PostgreSQL reports as fields of the error, so no message text is parsed.
 */
final class DatabaseErrors {

    /** The schema's constraints, and the rules enforced by triggers, in words. */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("users_name_not_blank", "name must be 1 to 200 characters, not blank"),
            Map.entry("clients_name_not_blank", "name must be 1 to 200 characters, not blank"),
            Map.entry("clients_email_format", "email must be an address of at most 254 characters"),
            Map.entry("clients_payment_terms_range", "paymentTermsDays must be between 0 and 365"),
            Map.entry("services_name_not_blank", "name must be 1 to 200 characters, not blank"),
            Map.entry("services_unit_price_non_negative",
                    "unitPrice must be at least 0, in the currency's minor units"),
            Map.entry("services_default_tax_rate_range", "defaultTaxRate must be between 0 and 100"),
            Map.entry("services_currency_supported",
                    "currency must be an ISO 4217 code with at most 2 minor units"),
            Map.entry("invoices_status_valid", "status must be a known invoice status"),
            Map.entry("invoices_currency_supported",
                    "currency must be an ISO 4217 code with at most 2 minor units"),
            Map.entry("invoices_tax_rate_range", "taxRate must be between 0 and 100"),
            Map.entry("invoices_subtotal_non_negative",
                    "subtotal must be at least 0, in the currency's minor units"),
            Map.entry("invoices_tax_consistent", "tax must equal subtotal x taxRate / 100, rounded half up"),
            Map.entry("invoices_total_consistent", "total must equal subtotal + tax"),
            Map.entry("invoices_purchase_order_length", "purchaseOrder must be at most 100 characters"),
            Map.entry("invoices_due_date_required", "dueDate is required"),
            Map.entry("invoices_due_not_before_issue", "dueDate must not be before issueDate"),
            Map.entry("invoices_amount_paid_within_total",
                    "amount paid must stay between 0 and the invoice total: the payment would overpay"),
            Map.entry("invoices_void_only_unpaid", "an invoice with payments cannot be void"),
            Map.entry("invoices_number_canonical", "invoice number must be INV- and at least six digits, no extra zero"),
            Map.entry("invoices_number_unique_per_tenant", "invoice number is already used by this tenant"),
            Map.entry("invoices_client_fk", "client must be one of this tenant's clients"),
            Map.entry("line_items_quantity_positive", "quantity must be greater than 0"),
            Map.entry("line_items_unit_price_non_negative",
                    "unitPrice must be at least 0, in the currency's minor units"),
            Map.entry("line_items_amount_consistent",
                    "amount must equal quantity x unitPrice, rounded half up to the currency"),
            Map.entry("line_items_description_not_blank", "description must be 1 to 1000 characters"),
            Map.entry("line_items_position_positive", "position must be at least 1"),
            Map.entry("line_items_invoice_fk", "invoice must be one of this tenant's, in the same currency"),
            Map.entry("line_items_service_fk", "service must be one of this tenant's catalog items"),
            Map.entry("payments_amount_positive", "amount must be greater than 0"),
            Map.entry("payments_method_valid", "method must be a known payment method"),
            Map.entry("payments_status_valid", "status must be a known payment status"),
            Map.entry("payments_invoice_fk", "invoice must be one of this tenant's, in the same currency"),
            Map.entry("payments_transaction_id_unique", "transactionId is already recorded for this tenant"),
            Map.entry("payments_invoice_payable", "payments can only be recorded on sent, unpaid invoices"),
            Map.entry("payments_status_transition",
                    "payment status moves pending -> completed | failed, completed -> refunded"),
            Map.entry("payments_immutable", "a payment's record never changes, only its status"));

    private DatabaseErrors() {
    }

    /** The typed exception for {@code failure}, or {@code failure} itself if none applies. */
    static RuntimeException translate(RuntimeException failure) {
        PSQLException psql = findPsqlException(failure);
        if (psql == null || psql.getSQLState() == null) {
            return failure;
        }
        String state = psql.getSQLState();
        ServerErrorMessage server = psql.getServerErrorMessage();
        return switch (state) {
            case "23514" -> violation(Kind.CHECK, state, server, failure);
            case "23502" -> violation(Kind.NOT_NULL, state, server, failure);
            case "23503" -> violation(Kind.FOREIGN_KEY, state, server, failure);
            case "23505" -> violation(Kind.UNIQUE, state, server, failure);
            case "40001" -> new ConcurrencyConflictException(SERIALIZATION_FAILURE,
                    "serialization failure: another transaction changed the same data; retry", state, failure);
            case "40P01" -> new ConcurrencyConflictException(DEADLOCK,
                    "deadlock detected; retry", state, failure);
            case "55P03" -> new ConcurrencyConflictException(LOCK_TIMEOUT,
                    "a lock was not granted within lock_timeout; retry", state, failure);
            case "42501" -> new TenantAccessDeniedException(
                    "refused by row-level security or privileges: " + psql.getMessage(), state, failure);
            default -> failure;
        };
    }

    private static ConstraintViolationException violation(
            Kind kind, String state, ServerErrorMessage server, RuntimeException failure) {
        String table = server == null ? "?" : Objects.requireNonNullElse(server.getTable(), "?");
        String constraint = server == null ? null : server.getConstraint();
        String rule = constraint == null ? null : RULES.get(constraint);
        if (rule == null) {
            rule = kind == Kind.NOT_NULL && server != null
                    ? server.getColumn() + " is required"
                    : server == null ? failure.getMessage() : server.getMessage();
        }
        return new ConstraintViolationException(kind, state, table,
                Objects.requireNonNullElse(constraint, kind.name().toLowerCase(Locale.ROOT)), rule, failure);
    }

    private static PSQLException findPsqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                return psql;
            }
        }
        return null;
    }
}

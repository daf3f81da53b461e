package io.invoicekit.core.failure;

/**
 * The database refused a row: a CHECK, NOT NULL, foreign key or unique constraint, or a rule a
 * trigger enforces. {@link #constraint()} names it, {@link #rule()} says it in words.
 */
public final class ConstraintViolationException extends DatabaseException {

    /** What kind of constraint was violated. */
    public enum Kind { CHECK, NOT_NULL, FOREIGN_KEY, UNIQUE, OTHER }

    private final Kind kind;
    private final String table;
    private final String constraint;
    private final String rule;

    public ConstraintViolationException(Kind kind, String sqlState, String table, String constraint, String rule,
                                 Throwable cause) {
        super(table + ": " + rule + " (" + constraint + ", SQLSTATE " + sqlState + ")", sqlState, cause);
        this.kind = kind;
        this.table = table;
        this.constraint = constraint;
        this.rule = rule;
    }

    /** False: the same row breaks the same rule again. */
    @Override
    public boolean retryable() {
        return false;
    }

    public Kind kind() {
        return kind;
    }

    /** The table the refused row belongs to. */
    public String table() {
        return table;
    }

    /** The constraint's name, e.g. {@code invoices_amount_paid_within_total}. */
    public String constraint() {
        return constraint;
    }

    /** The rule in words, e.g. "amount paid must stay between 0 and the invoice total". */
    public String rule() {
        return rule;
    }
}

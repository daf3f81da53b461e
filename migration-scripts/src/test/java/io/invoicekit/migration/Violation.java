package io.invoicekit.migration;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Why PostgreSQL refused a write, as a client sees it: the SQLSTATE and the constraint (or, for
 * NOT NULL, the column) the server names in its error.
 */
record Violation(String sqlState, String constraint, String column) {

    /** A write that is expected to fail. */
    @FunctionalInterface
    interface Write {
        void run() throws SQLException;
    }

    static Violation check(String constraint) {
        return new Violation("23514", constraint, null);
    }

    static Violation notNull(String column) {
        return new Violation("23502", null, column);
    }

    static Violation foreignKey(String constraint) {
        return new Violation("23503", constraint, null);
    }

    static Violation unique(String constraint) {
        return new Violation("23505", constraint, null);
    }

    /** A row-level security policy refused the row. */
    static Violation rowLevelSecurity() {
        return new Violation("42501", null, null);
    }

    /** The role lacks a privilege (a column it may not write, a table it may not touch): also 42501. */
    static Violation noPrivilege() {
        return new Violation("42501", null, null);
    }

    /** What the database refused the write with; fails the test when the database accepted it. */
    static Violation raisedBy(Write write) throws SQLException {
        return of(write).orElseThrow(() -> new AssertionError("the database accepted a write it must refuse"));
    }

    /** What the database refused the write with, or empty when it accepted it. */
    static Optional<Violation> of(Write write) throws SQLException {
        try {
            write.run();
            return Optional.empty();
        } catch (PSQLException refused) {
            ServerErrorMessage message = refused.getServerErrorMessage();
            if (message == null) {
                throw refused;
            }
            return Optional.of(new Violation(refused.getSQLState(), message.getConstraint(), message.getColumn()));
        }
    }
}

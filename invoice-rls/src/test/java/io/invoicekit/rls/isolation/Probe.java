package io.invoicekit.rls.isolation;

import java.sql.SQLException;

/**
 * One attack on one target (a table, a function, the pool) and what a sound database does about it.
 *
 * @param attack   what is tried, in words
 * @param target   the table or object attacked
 * @param expected the outcome on a sound database
 * @param action   runs the attack in a fresh session of the application role and says what happened
 */
public record Probe(String attack, String target, Expected expected, Action action) {

    /** A probe whose action runs after {@code tenant} was set, as TenantContext sets it. */
    public static Probe as(TenantRows tenant, String attack, String target, Expected expected, Action action) {
        return new Probe(attack, target, expected, session -> {
            session.tenant(tenant.tenant());
            return action.run(session);
        });
    }

    /** An attack. An {@link SQLException} it lets through counts as {@link Outcome.Refused}. */
    @FunctionalInterface
    public interface Action {
        Outcome run(Session session) throws SQLException;
    }
}

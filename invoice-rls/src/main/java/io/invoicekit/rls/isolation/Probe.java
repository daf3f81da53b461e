package io.invoicekit.rls.isolation;

import java.sql.SQLException;

/**
 * One attack on one target (a table, a function, the pool) and what a sound database does about it.
 *
 * @param attack   what is tried, in words
 * @param target   the table or object attacked
 * @param expected the outcome on a sound database
 * @param seeded   whether the probe's tenants are seeded into the session first ({@link TwoTenants#seed})
 * @param action   runs the attack in a fresh session of the application role and says what happened
 */
record Probe(String attack, String target, Expected expected, boolean seeded, Action action) {

    /** A probe on a session of its own, with no rows seeded: it sees what the database has committed. */
    static Probe unseeded(String attack, String target, Expected expected, Action action) {
        return new Probe(attack, target, expected, false, action);
    }

    /** A probe whose action runs after both tenants were seeded and {@code tenant} was set, as TenantContext sets it. */
    static Probe as(TenantRows tenant, String attack, String target, Expected expected, Action action) {
        return new Probe(attack, target, expected, true, session -> {
            session.tenant(tenant.tenant());
            return action.run(session);
        });
    }

    /** An attack. An {@link SQLException} it lets through counts as {@link Outcome.Refused}. */
    @FunctionalInterface
    interface Action {
        Outcome run(Session session) throws SQLException;
    }
}

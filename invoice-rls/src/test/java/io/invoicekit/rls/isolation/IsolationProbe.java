package io.invoicekit.rls.isolation;

import io.invoicekit.testing.MigratedDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * Every attack of the isolation suite, run as the application role against two tenants of
 * {@link TwoTenants}, each in a fresh session whose changes are never committed. It reports what
 * the database did and leaves judging to the caller: the suite asserts that a sound schema blocks
 * every attack, and the weakened-schema test, with the same probes, that a weakened one does not.
 */
public final class IsolationProbe {

    private final DataSource application;
    private final List<Probe> probes;

    public IsolationProbe(MigratedDatabase database, TwoTenants tenants) {
        this.application = database.applicationDataSource();
        this.probes = Stream.of(
                        new CrossTenantAttacks(tenants).probes(),
                        new MissingTenantAttacks(tenants).probes(),
                        new SessionAttacks(application, tenants).probes(),
                        new InjectionAttacks().probes(),
                        new CatalogAttacks(tenants).probes(),
                        new HostileRoleAttacks(application, tenants).probes(),
                        new DerivedStateAttacks(tenants).probes())
                .flatMap(List::stream)
                .toList();
    }

    public List<Probe> probes() {
        return probes;
    }

    /** Runs one probe in a fresh session of the application role; an error is what it observed. */
    public Observation run(Probe probe) {
        Outcome outcome;
        try (Session session = Session.open(application)) {
            outcome = probe.action().run(session);
        } catch (SQLException e) {
            outcome = new Outcome.Refused(e.getSQLState(), message(e));
        } catch (RuntimeException e) {
            // The Java API's refusals (TenantSwitchException, ValidationException) come this way.
            outcome = new Outcome.Refused(e.getClass().getSimpleName(), e.getMessage());
        }
        return new Observation(probe, outcome);
    }

    private static String message(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return e.getMessage().lines().findFirst().orElse("");
    }
}

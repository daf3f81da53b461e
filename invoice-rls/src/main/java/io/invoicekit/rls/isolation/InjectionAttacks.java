package io.invoicekit.rls.isolation;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.rls.isolation.Outcome.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenant ids that carry SQL. Passed to set_config as a bind parameter they are only ever a value:
 * stored verbatim, then refused by the policies' uuid cast (22P02), never executed. The Java API
 * refuses them before any SQL, because a TenantId is a UUID.
 */
final class InjectionAttacks {

    private static final List<String> HOSTILE_TENANTS = List.of("'; drop table invoices; --", "x' or '1'='1");

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String hostile : HOSTILE_TENANTS) {
            String attack = "tenant \"" + hostile + "\"";
            probes.add(Probe.unseeded(attack + " through set_config: what app.user_id reads", "app.user_id",
                    Expected.value("the text, verbatim"),
                    session -> {
                        session.tenant(hostile);
                        String stored = session.text("select current_setting('app.user_id')");
                        return new Value(hostile.equals(stored) ? "the text, verbatim" : stored);
                    }));
            for (TenantTable table : TenantTable.values()) {
                probes.add(Probe.unseeded(attack + " through set_config, then read", table.table(),
                        Expected.refused("22P02").because("not a uuid; a dropped table would give 42P01"),
                        session -> {
                            session.tenant(hostile);
                            return Outcome.rows(session.number("select count(*) from " + table.table()));
                        }));
            }
            probes.add(Probe.unseeded(attack + " through TenantId.parse", "TenantId",
                    Expected.refused("ValidationException").because("before any SQL"),
                    session -> new Value("accepted " + TenantId.parse(hostile))));
        }
        return probes;
    }
}

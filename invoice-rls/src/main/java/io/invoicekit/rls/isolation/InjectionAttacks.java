package io.invoicekit.rls.isolation;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.rls.isolation.Outcome.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenant ids that carry SQL. Passed to set_config as a bind parameter they are only ever a value:
 * stored verbatim, never executed: unsigned, refused by the policies' uuid cast (22P02); in place
 * of a token, no tenant. The Java API
 * refuses them before any SQL, because a TenantId is a UUID.
 */
final class InjectionAttacks {

    private static final List<String> HOSTILE_TENANTS = List.of("'; drop table invoices; --", "x' or '1'='1");

    private final boolean signed;

    InjectionAttacks(TenantSigning signing) {
        this.signed = signing instanceof TenantSigning.Signed;
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String hostile : HOSTILE_TENANTS) {
            String attack = "tenant \"" + hostile + "\"";
            probes.add(Probe.unseeded(attack + " through set_config: what the tenant setting reads", "tenant setting",
                    Expected.value("the text, verbatim"),
                    session -> {
                        session.tenant(hostile);
                        String stored = session.setting();
                        return new Value(stored.equals("'" + hostile + "'") ? "the text, verbatim" : stored);
                    }));
            for (TenantTable table : TenantTable.values()) {
                probes.add(Probe.unseeded(attack + " through set_config, then read", table.table(),
                        signed ? Expected.count(0, "rows").because("not a token: no tenant")
                                : Expected.refused("22P02").because("not a uuid; a dropped table would give 42P01"),
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

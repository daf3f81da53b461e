package io.invoicekit.rls.isolation;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.isolation.Outcome.Value;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A session of the application role that makes itself tenant B without B's token: B's id
 * unsigned, tokens for B under a wrong secret, an unknown or a retired key, an expired token, A's
 * token relabelled, a token replayed after its expiry, set_config mid-statement. Each must see
 * none of B's rows and write none; the keys and the mode must stay out of the role's reach. Only
 * for a database that requires signed tokens, probed with the service's key.
 */
final class SignedTenantAttacks {

    private static final String KEYS = "tenant_keys";

    /** A way to claim tenant B in the current transaction. */
    private record Forgery(String description, Claim claim) {
    }

    @FunctionalInterface
    private interface Claim {
        void make(Session session) throws SQLException;
    }

    private final TenantKey key;
    private final Optional<TenantKey> retired;
    private final TenantRows mine;
    private final TenantRows other;

    SignedTenantAttacks(TenantKey key, Optional<TenantKey> retired, TwoTenants tenants) {
        this.key = key;
        this.retired = retired;
        this.mine = tenants.mine();
        this.other = tenants.other();
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Forgery forgery : forgeries()) {
            for (TenantTable table : TenantTable.values()) {
                probes.add(seeded(forgery.description() + ": read B's rows", table.table(), Expected.count(0, "rows"),
                        session -> {
                            forgery.claim().make(session);
                            return Outcome.rows(session.number(
                                    "select count(*) from " + table.table() + " where " + table.tenantKey() + " = ?",
                                    other.tenant()));
                        }));
            }
            probes.add(seeded(forgery.description() + ": insert a client of B's", "clients", Expected.refused("42501"),
                    session -> {
                        forgery.claim().make(session);
                        return Outcome.rows(TenantTable.CLIENTS.insert(session, other.newRow(TenantTable.CLIENTS), ""));
                    }));
        }
        probes.add(seeded("B's token replayed after its expiry: B's clients before it, and after", "clients",
                Expected.value("1 before, 0 after"), this::replayAfterExpiry));
        for (TenantTable table : TenantTable.values()) {
            String ofB = " from " + table.table() + " where " + table.tenantKey() + " = ?";
            probes.add(seeded("set_config of B's id in a CTE, mid-statement: read B's rows", table.table(),
                    Expected.count(0, "rows"),
                    session -> {
                        session.tenant(mine.tenant());
                        return Outcome.rows(session.number("with forged as materialized (select "
                                + "set_config('app.tenant_token', '', true), set_config('app.user_id', ?, true)) "
                                + "select count(*) from forged, (select 1" + ofB + ") rows", other.tenant().toString(),
                                other.tenant()));
                    }));
            probes.add(seeded("set_config of A's token relabelled as B in the WHERE clause, mid-statement",
                    table.table(), Expected.count(0, "rows"),
                    session -> {
                        session.tenant(mine.tenant());
                        return Outcome.rows(session.number("select count(*)" + ofB
                                        + " and set_config('app.tenant_token', ?, true) is not null", other.tenant(),
                                relabelled(key.token(mine.tenant(), Instant.now().plusSeconds(60)))));
                    }));
        }
        probes.addAll(outOfReach());
        return probes;
    }

    private List<Forgery> forgeries() {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        List<Forgery> forgeries = new ArrayList<>(List.of(
                new Forgery("B's id unsigned in app.user_id, no token", session -> unsigned(session, "")),
                new Forgery("A's token, and B's id unsigned in app.user_id", session -> {
                    session.tenant(mine.tenant());
                    session.text("select set_config('app.user_id', ?, true)", other.tenant().toString());
                }),
                new Forgery("a token for B signed with another secret under the service's key id",
                        session -> token(session, randomKey(key.id()).token(other.tenant(), later))),
                new Forgery("a token for B under a key id the database does not have",
                        session -> token(session, randomKey("probe-unknown").token(other.tenant(), later))),
                new Forgery("a token for B that expired a minute ago",
                        session -> token(session, key.token(other.tenant(), Instant.now().minusSeconds(60)))),
                new Forgery("A's token relabelled as B",
                        session -> token(session, relabelled(key.token(mine.tenant(), later)))),
                new Forgery("A's token, its expiry moved a day later",
                        session -> token(session, laterExpiry(key.token(mine.tenant(), later)))),
                new Forgery("a bare id in place of the token",
                        session -> token(session, other.tenant().toString()))));
        retired.ifPresent(old -> forgeries.add(new Forgery("a token for B signed with a retired key",
                session -> token(session, old.token(other.tenant(), later)))));
        return forgeries;
    }

    /**
     * B's token, good for a second or two, sees B's client; once it expired, the same token in a new
     * transaction's statement sees nothing. (In the seeded transaction: a savepoint stands for the
     * new transaction, the setting being what carries the token.)
     */
    private Outcome replayAfterExpiry(Session session) throws SQLException {
        // Good for one to two seconds: the database reads the expiry in whole seconds.
        Instant expiry = Instant.ofEpochSecond(Instant.now().plusSeconds(2).getEpochSecond());
        String token = key.token(other.tenant(), expiry);
        String clientsOfB = "select count(*) from clients where user_id = ?";
        token(session, token);
        long before = session.number(clientsOfB, other.tenant());
        sleepUntil(expiry.plusMillis(50));
        token(session, token);
        long after = session.number(clientsOfB, other.tenant());
        return new Value(before + " before, " + after + " after");
    }

    /** The keys, the mode and their functions: none reachable by the application role. */
    private List<Probe> outOfReach() {
        return List.of(
                Probe.unseeded("read the tenant keys", KEYS, Expected.refused("42501"),
                        session -> Outcome.rows(session.number("select count(*) from public.tenant_keys"))),
                Probe.unseeded("read the tenant keys' planner statistics (pg_stats)", KEYS, Expected.count(0, "rows"),
                        session -> Outcome.rows(session.number(
                                "select count(*) from pg_stats where tablename = 'tenant_keys'"))),
                Probe.unseeded("create a tenant key (create_tenant_key)", KEYS, Expected.refused("42501"),
                        session -> new Value(session.text("select public.create_tenant_key('probe')"))),
                Probe.unseeded("retire the service's key (retire_tenant_key)", KEYS, Expected.refused("42501"),
                        session -> Outcome.rows(session.rows("call public.retire_tenant_key(?)", key.id()))),
                Probe.unseeded("allow unsigned tenants (allow_unsigned_tenants)", "tenant_context_mode",
                        Expected.refused("42501"),
                        session -> Outcome.rows(session.rows("call public.allow_unsigned_tenants()"))),
                Probe.unseeded("update the mode to unsigned", "tenant_context_mode", Expected.refused("42501"),
                        session -> Outcome.rows(session.rows(
                                "update public.tenant_context_mode set unsigned_allowed = true"))));
    }

    private static Probe seeded(String attack, String target, Expected expected, Probe.Action action) {
        return new Probe(attack, target, expected, true, action);
    }

    private void unsigned(Session session, String token) throws SQLException {
        token(session, token);
        session.text("select set_config('app.user_id', ?, true)", other.tenant().toString());
    }

    private static void token(Session session, String token) throws SQLException {
        session.text("select set_config('app.tenant_token', ?, true)", token);
    }

    private String relabelled(String token) {
        return token.replace(mine.tenant().toString(), other.tenant().toString());
    }

    private static String laterExpiry(String token) {
        String[] part = token.split("\\.");
        part[3] = Long.toString(Long.parseLong(part[3]) + Duration.ofDays(1).toSeconds());
        return String.join(".", part);
    }

    private static TenantKey randomKey(String id) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return TenantKey.parse(id + ":" + HexFormat.of().formatHex(secret));
    }

    private static void sleepUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a token to expire", e);
            }
        }
    }
}

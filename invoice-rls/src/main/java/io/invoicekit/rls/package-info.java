/**
 * Tenant isolation on PostgreSQL row-level security. {@link io.invoicekit.rls.TenantContext} runs
 * every tenant operation in a transaction whose first statement sets the tenant for that
 * transaction only, as a token signed with the service's {@link io.invoicekit.rls.TenantKey}
 * ({@link io.invoicekit.rls.TenantSigning}), which the database verifies once per statement against
 * keys the application role cannot read; {@link io.invoicekit.rls.RlsAudit} checks that a live
 * database's policies, roles, privileges and mode still make that token the only way to see or
 * change a tenant's rows; {@link io.invoicekit.rls.isolation.IsolationProbe} attacks it as the
 * application role to prove it.
 *
 * <p>What it cannot do: SQL run as the application role is the tenant its token names, and can do
 * as that tenant what the role may; a token captured from unencrypted traffic or from a server log
 * that records bind parameters can be replayed until it expires; a leaked key opens every tenant
 * until it is retired.
 */
package io.invoicekit.rls;

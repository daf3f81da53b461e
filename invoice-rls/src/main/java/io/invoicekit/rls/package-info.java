/**
 * Tenant isolation on PostgreSQL row-level security. {@link io.invoicekit.rls.TenantContext} runs
 * every tenant operation in a transaction whose first statement sets the tenant with
 * {@code set_config('app.user_id', ?, true)}, so the setting can never outlive it;
 * {@link io.invoicekit.rls.RlsAudit} checks that a live database's policies, roles and privileges
 * still make that setting the only way to see or change a tenant's rows.
 *
 * <p>What row-level security cannot do: any session of the application role may call
 * {@code set_config} with any tenant id, so SQL injection, or code that builds its own statements
 * outside {@code TenantContext}, can act as another tenant. The policies protect tenants from
 * application bugs that forget a filter, not from an attacker who runs SQL as the application.
 */
package io.invoicekit.rls;

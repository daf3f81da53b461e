-- Undo of V7 row-level security: takes back every privilege V7 granted to ${appRole}, then, one
-- table at a time, disables row-level security and drops the policies, and finally drops the
-- tenant functions.
--
-- Locks:   ACCESS EXCLUSIVE on one table at a time for an instant (each statement its own
--          transaction, never two tables' locks at once: that would deadlock with writers, see
--          V7's header); lock_timeout bounds each wait. Every statement can run again.
-- Hazard:  from here on nothing but the application's own WHERE clauses keeps tenants apart. The
--          privileges go first, so that members of ${appRole} lose access before any table
--          stops isolating tenants.
-- Kept:    the role ${appRole} (roles belong to the whole server and its logins are members of
--          it: DROP ROLE by hand once no database uses it), and CREATE on schema public stays
--          revoked from PUBLIC (the PostgreSQL 15+ default; V7 only enforced it).

-- Disabling row-level security twice does nothing, so running these again is safe; squawk cannot
-- tell, outside a transaction.
-- squawk-ignore-file prefer-robust-stmts

REVOKE ALL ON users, clients, services, invoice_number_counters, invoices, line_items, payments,
    invoice_number_duplicates FROM ${appRole};
REVOKE USAGE ON SCHEMA public FROM ${appRole};
GRANT EXECUTE ON PROCEDURE backfill_invoice_due_dates(integer) TO PUBLIC;

ALTER TABLE users NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS users_select ON users;
DROP POLICY IF EXISTS users_insert ON users;
DROP POLICY IF EXISTS users_update ON users;
DROP POLICY IF EXISTS users_delete ON users;

ALTER TABLE clients NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS clients_select ON clients;
DROP POLICY IF EXISTS clients_insert ON clients;
DROP POLICY IF EXISTS clients_update ON clients;
DROP POLICY IF EXISTS clients_delete ON clients;

ALTER TABLE services NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS services_select ON services;
DROP POLICY IF EXISTS services_insert ON services;
DROP POLICY IF EXISTS services_update ON services;
DROP POLICY IF EXISTS services_delete ON services;

ALTER TABLE invoices NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS invoices_select ON invoices;
DROP POLICY IF EXISTS invoices_insert ON invoices;
DROP POLICY IF EXISTS invoices_update ON invoices;
DROP POLICY IF EXISTS invoices_delete ON invoices;

ALTER TABLE line_items NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS line_items_select ON line_items;
DROP POLICY IF EXISTS line_items_insert ON line_items;
DROP POLICY IF EXISTS line_items_update ON line_items;
DROP POLICY IF EXISTS line_items_delete ON line_items;

ALTER TABLE payments NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS payments_select ON payments;
DROP POLICY IF EXISTS payments_insert ON payments;
DROP POLICY IF EXISTS payments_update ON payments;
DROP POLICY IF EXISTS payments_delete ON payments;

ALTER TABLE invoice_number_counters NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS invoice_number_counters_select ON invoice_number_counters;
DROP POLICY IF EXISTS invoice_number_counters_insert ON invoice_number_counters;
DROP POLICY IF EXISTS invoice_number_counters_update ON invoice_number_counters;
DROP POLICY IF EXISTS invoice_number_counters_delete ON invoice_number_counters;

DROP PROCEDURE IF EXISTS isolate_tenant_table(regclass, name);
DROP FUNCTION IF EXISTS current_tenant_id();

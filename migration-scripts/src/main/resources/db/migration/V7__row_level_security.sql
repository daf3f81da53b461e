-- V7 row-level security (seed phase 3): each tenant's rows are invisible to every other
-- tenant, even when application code has a bug.
--
-- Purpose: the application connects as a member of the NOLOGIN role ${appRole}: no ownership,
--          no DDL, no TRUNCATE, REFERENCES or TRIGGER, no BYPASSRLS. RLS is enabled and FORCED
--          (so it binds the owner too) on every tenant-owned table, with a policy per command.
--          The tenant is the transaction-scoped setting app.user_id, set with
--          set_config('app.user_id', $1, true) by invoice-rls; with no tenant (NULL or '') every
--          policy is false: nothing is visible and nothing can be written. The policies read the
--          tenant through (SELECT current_tenant_id()), an InitPlan evaluated once per query.
-- Locks:   ACCESS EXCLUSIVE on one tenant-owned table at a time, for the few milliseconds of
--          its CALL isolate_tenant_table (lock_timeout bounds the wait); no data is read or
--          rewritten. Hence no surrounding transaction (see the .conf beside it): holding one
--          table's lock while waiting for the next one deadlocks with writers, which lock parent
--          and child tables in either order (an invoice and then its lines; a line and then,
--          through its foreign key, its invoice). Each table is isolated atomically in its own
--          transaction, and the application role is granted access only after every table is.
-- Re-run:  every statement is idempotent; a run that stopped part way can simply run again.
-- Note:    with FORCE, data migrations that must see every tenant run as a role with BYPASSRLS
--          (or a superuser).
-- Undo:    db/undo/U7__row_level_security.sql: DROP POLICY each policy; ALTER TABLE ... NO FORCE
--          and DISABLE ROW LEVEL SECURITY; REVOKE what was granted to ${appRole}; DROP the
--          tenant functions. The role itself is kept (it belongs to the whole server).

DO
$$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE ${appRole} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END
$$;

-- '' rather than NULL once the setting has been used in the session: nullif covers both.
-- Qualified with pg_catalog (nullif is syntax): a session cannot shadow uuid or current_setting with
-- objects of its own (pg_temp) and so change what the policies compare.
CREATE OR REPLACE FUNCTION current_tenant_id() RETURNS pg_catalog.uuid
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT nullif(pg_catalog.current_setting('app.user_id', true), '')::pg_catalog.uuid
$$;

-- One definition of tenant isolation, called for every tenant-owned table (and by later
-- migrations that add one): RLS enabled and forced, one policy per command, each with USING
-- and (for writes) WITH CHECK on the tenant key.
CREATE OR REPLACE PROCEDURE isolate_tenant_table(tbl regclass, tenant_column name DEFAULT 'user_id')
    LANGUAGE plpgsql AS
$$
DECLARE
    table_name  text := (SELECT relname FROM pg_class WHERE oid = tbl);
    is_tenant   text := format('%I = (SELECT current_tenant_id())', tenant_column);
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', table_name || '_select', tbl);
    EXECUTE format('CREATE POLICY %I ON %s FOR SELECT USING (%s)', table_name || '_select', tbl, is_tenant);
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', table_name || '_insert', tbl);
    EXECUTE format('CREATE POLICY %I ON %s FOR INSERT WITH CHECK (%s)', table_name || '_insert', tbl, is_tenant);
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', table_name || '_update', tbl);
    EXECUTE format('CREATE POLICY %I ON %s FOR UPDATE USING (%s) WITH CHECK (%s)',
                   table_name || '_update', tbl, is_tenant, is_tenant);
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', table_name || '_delete', tbl);
    EXECUTE format('CREATE POLICY %I ON %s FOR DELETE USING (%s)', table_name || '_delete', tbl, is_tenant);
END
$$;
REVOKE ALL ON PROCEDURE isolate_tenant_table(regclass, name) FROM PUBLIC;

-- users is the tenant itself: its key column is id.
CALL isolate_tenant_table('users', 'id');
CALL isolate_tenant_table('clients');
CALL isolate_tenant_table('services');
CALL isolate_tenant_table('invoices');
CALL isolate_tenant_table('line_items');
CALL isolate_tenant_table('payments');
CALL isolate_tenant_table('invoice_number_counters');

-- Only now that every table is isolated: until here the role can read nothing.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${appRole};

GRANT SELECT, INSERT, UPDATE ON users, clients, services, invoice_number_counters TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON invoices, line_items TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON payments TO ${appRole};
GRANT SELECT ON invoice_number_duplicates TO ${appRole};
REVOKE ALL ON PROCEDURE backfill_invoice_due_dates(integer) FROM PUBLIC;

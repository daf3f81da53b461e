-- Undo of V2 critical indexes: drops its indexes, then pg_trgm and the schema that holds it.
--
-- Locks:   DROP INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE, writers keep going (queries that used
--          the indexes get slower). Run outside a transaction, statement by statement
--          (InvoiceMigrations#undo does); every statement can run again.

DROP INDEX CONCURRENTLY IF EXISTS services_user_name_idx;
DROP INDEX CONCURRENTLY IF EXISTS clients_email_trgm_idx;
DROP INDEX CONCURRENTLY IF EXISTS clients_name_trgm_idx;
DROP INDEX CONCURRENTLY IF EXISTS clients_user_name_idx;
DROP INDEX CONCURRENTLY IF EXISTS invoices_user_issue_date_idx;
DROP INDEX CONCURRENTLY IF EXISTS invoices_user_client_idx;
DROP INDEX CONCURRENTLY IF EXISTS invoices_user_status_idx;

-- Fails, keeping everything, if something else came to use pg_trgm since.
DROP EXTENSION IF EXISTS pg_trgm;

-- The schema may have held other extensions before V2 created it "if not exists": keep it then.
DO
$$
BEGIN
    DROP SCHEMA IF EXISTS extensions;
EXCEPTION
    WHEN dependent_objects_still_exist THEN
        RAISE NOTICE 'schema extensions kept: it holds objects V2 did not create';
END
$$;

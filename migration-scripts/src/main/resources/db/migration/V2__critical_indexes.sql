-- V2 critical indexes (seed phase 1): the indexes behind "get 1000 invoices", "get line items",
-- "filter by status", "invoices of a client" and "client search".
--
-- Purpose: tenant-leading btree indexes (the policy column leads, so the RLS predicate and the
--          repositories' explicit user_id filter are index conditions) and trigram indexes for
--          substring search on client name and email.
-- Locks:   CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE only, writers keep going. Hence the
--          script runs outside a transaction (see the .conf beside it).
-- Re-run:  a build interrupted part way leaves an INVALID index behind; each index is dropped
--          (if present) and built again, so running the migration again repairs it.
-- Undo:    db/undo/U2__critical_indexes.sql: DROP INDEX CONCURRENTLY each index below, then
--          DROP EXTENSION pg_trgm and the extensions schema if nothing else is in it.

-- pg_trgm lives in its own schema so that public holds only the application's objects (and the
-- generated jOOQ code only those). Substring search is LIKE on lower(...), a core operator the
-- trigram index serves without the extension's functions on anyone's search_path.
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions;

DROP INDEX CONCURRENTLY IF EXISTS invoices_user_status_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_user_status_idx
    ON invoices (user_id, status, issue_date);

DROP INDEX CONCURRENTLY IF EXISTS invoices_user_client_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_user_client_idx
    ON invoices (user_id, client_id, issue_date DESC);

DROP INDEX CONCURRENTLY IF EXISTS invoices_user_issue_date_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_user_issue_date_idx
    ON invoices (user_id, issue_date DESC, id DESC);

DROP INDEX CONCURRENTLY IF EXISTS clients_user_name_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS clients_user_name_idx
    ON clients (user_id, lower(name), id);

DROP INDEX CONCURRENTLY IF EXISTS clients_name_trgm_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS clients_name_trgm_idx
    ON clients USING gin (lower(name) extensions.gin_trgm_ops);

DROP INDEX CONCURRENTLY IF EXISTS clients_email_trgm_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS clients_email_trgm_idx
    ON clients USING gin (lower(email) extensions.gin_trgm_ops);

DROP INDEX CONCURRENTLY IF EXISTS services_user_name_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS services_user_name_idx
    ON services (user_id, lower(name), id);

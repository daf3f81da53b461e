-- V18 client search trigrams: substring search on clients under row-level security through an
-- index on leakproof equality, kept by the database.
--
-- Purpose: client search (lower(name) or lower(email) contains the text) cannot use V2's trigram
--          indexes as the application role: LIKE is not LEAKPROOF, so the planner applies the
--          policy first and reads every client of the tenant (6-12 ms for 6,000 clients). Here:
--          * search_windows(text): the distinct 3-character windows of lower(text), the one
--            definition the trigger below and the search both use, so they never disagree. A text
--            that contains another contains each of its windows;
--          * client_search_trigrams (user_id, trigram, client_id): every window of each client's
--            lower(name) and lower(email). Its primary key serves "user_id = $1 AND trigram =
--            ANY (search_windows($2))", equality on uuid and text, which is leakproof and so an
--            index condition under the policy; the clients that have every window are the
--            candidates, which the search checks again with LIKE. Isolated as every tenant table
--            is; ${appRole} may read its tenant's rows and never write them: the trigger
--            clients_search_trigrams writes them (SECURITY DEFINER, as the other derived state),
--            on every insert, update of the name, email or key, and delete of a client (so also
--            when purge_tenant removes a tenant's clients). No foreign key to clients: its check
--            would cost a lookup per window of every client written, and a delete of a client
--            would scan the tenant's windows (the key leads with the window); the trigger deletes
--            by the key instead;
--          * backfill_client_search_trigrams(batch_size), for the owner: the windows of the
--            clients stored before this version (or loaded with triggers off), tenant by tenant.
-- Compat:  the release before this one runs on this version (it never reads the new table; its
--          client writes fire the trigger). This release's search needs the table. The trigger
--          writes as the owner, whom the policy binds: a role other than the owner that bypasses
--          row-level security (a superuser, say, on a database a plain owner migrated) writes
--          clients with their tenant set, as it must write invoices for their audit trail.
-- Locks:   a new table and functions; CREATE TRIGGER takes SHARE ROW EXCLUSIVE on clients for an
--          instant. The backfill lists the tenants that have clients in a transaction of its
--          own: row-level security hides them from an owner that does not bypass it, so it lifts
--          FORCE on clients for that transaction only (ACCESS EXCLUSIVE on clients for the
--          milliseconds of a walk of its primary key, waiting at most lock_timeout; no other
--          session ever sees clients unforced). Then, with the tenant set as the owner may set
--          it, batches of short transactions that lock their clients FOR SHARE while they store
--          their windows: a writer of one of those clients waits at most one batch. Hence no
--          surrounding transaction (see the .conf beside it).
-- Re-run:  every statement is idempotent; the backfill stores only windows not yet stored.
-- Undo:    db/undo/U18__client_search_trigrams.sql drops the trigger, the table and the functions.

-- lower() as ILIKE and the search's LIKE have it (the input's collation, the database's ctype);
-- distinct byte for byte, so that no collation can fold two windows into one.
CREATE OR REPLACE FUNCTION public.search_windows(input text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT coalesce(array_agg(DISTINCT substr(folded.lowered, window_start, 3) COLLATE "C"), '{}')
FROM (SELECT lower(input) AS lowered) folded
CROSS JOIN generate_series(1, length(folded.lowered) - 2) AS window_start
$$;

CREATE TABLE IF NOT EXISTS public.client_search_trigrams (
    user_id   uuid NOT NULL,
    trigram   text NOT NULL,
    client_id uuid NOT NULL,
    PRIMARY KEY (user_id, trigram, client_id)
);
CALL public.isolate_tenant_table('client_search_trigrams');
-- The windows are pieces of names and emails: no statistics of them (see V8).
CALL public.forget_column_statistics('public.client_search_trigrams', '{}');
GRANT SELECT ON public.client_search_trigrams TO ${appRole};
COMMENT ON TABLE public.client_search_trigrams IS
    'The 3-character windows (search_windows) of each client''s name and email, written by the trigger clients_search_trigrams only: what client search looks up under row-level security.';
COMMENT ON CONSTRAINT client_search_trigrams_pkey ON public.client_search_trigrams
    IS 'a client has each window of its name and email once';

-- A client's windows follow its name and email. On update only the difference is written. SECURITY
-- DEFINER because ${appRole} may not write the table; the rows are the changed client's, of the
-- transaction's tenant, so the table's policy lets the owner write them as it lets ${appRole}
-- write the client.
CREATE OR REPLACE FUNCTION public.keep_client_search_trigrams() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    moved       boolean := TG_OP <> 'UPDATE' OR (NEW.user_id, NEW.id) IS DISTINCT FROM (OLD.user_id, OLD.id);
    old_windows text[];
    new_windows text[];
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_windows := public.search_windows(OLD.name) || public.search_windows(OLD.email);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_windows := public.search_windows(NEW.name) || public.search_windows(NEW.email);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM public.client_search_trigrams t
        WHERE t.user_id = OLD.user_id AND t.trigram = ANY (old_windows) AND t.client_id = OLD.id
          AND (moved OR t.trigram <> ALL (new_windows));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO public.client_search_trigrams (user_id, trigram, client_id)
        SELECT DISTINCT NEW.user_id, w.trigram, NEW.id
        FROM unnest(new_windows) AS w(trigram)
        WHERE moved OR w.trigram <> ALL (old_windows)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION public.keep_client_search_trigrams() FROM PUBLIC;

CREATE OR REPLACE TRIGGER clients_search_trigrams
    AFTER INSERT OR UPDATE OF user_id, id, name, email OR DELETE ON clients
    FOR EACH ROW EXECUTE FUNCTION public.keep_client_search_trigrams();

-- The windows of the clients stored before the trigger (this version, or a load with triggers off),
-- tenant by tenant in batches of batch_size clients, each its own transaction (hence no SET
-- search_path, which would forbid the COMMITs: every name is qualified instead). Clients written
-- after the trigger was created have their windows already; a client renamed during the backfill
-- waits for its batch's FOR SHARE lock, or is read by the batch as renamed.
CREATE OR REPLACE PROCEDURE public.backfill_client_search_trigrams(batch_size integer)
    LANGUAGE plpgsql AS
$$
DECLARE
    nil         CONSTANT uuid := '00000000-0000-0000-0000-000000000000';
    hidden      boolean := pg_catalog.row_security_active('public.clients');
    tenants     uuid[];
    tenant      uuid;
    last_client uuid; -- the last client of the tenant looked at, NULL before its first batch
    stored      integer;
    total       bigint := 0;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION 'batch_size must be at least 1, was %', batch_size;
    END IF;
    -- Forced row-level security would hide every tenant from the owner: lifted for this one
    -- transaction, which holds clients' ACCESS EXCLUSIVE lock until FORCE is back.
    IF hidden THEN
        ALTER TABLE public.clients NO FORCE ROW LEVEL SECURITY;
    END IF;
    -- One descent of the primary key per tenant (there is no min(uuid)).
    WITH RECURSIVE tenant_key(user_id) AS (
        (SELECT c.user_id FROM public.clients c ORDER BY c.user_id LIMIT 1)
        UNION ALL
        SELECT (SELECT c.user_id FROM public.clients c WHERE c.user_id > k.user_id ORDER BY c.user_id LIMIT 1)
        FROM tenant_key k
        WHERE k.user_id IS NOT NULL
    )
    SELECT coalesce(pg_catalog.array_agg(k.user_id), '{}') INTO tenants FROM tenant_key k WHERE k.user_id IS NOT NULL;
    IF hidden THEN
        ALTER TABLE public.clients FORCE ROW LEVEL SECURITY;
    END IF;
    COMMIT;
    FOREACH tenant IN ARRAY tenants LOOP
        last_client := NULL;
        LOOP
            -- The owner is no member of the application role: its unsigned tenant counts (V15).
            PERFORM pg_catalog.set_config('app.user_id', tenant::text, true);
            IF hidden AND public.current_tenant_id() IS DISTINCT FROM tenant THEN
                RAISE EXCEPTION 'backfill_client_search_trigrams: % does not get tenant % from app.user_id '
                                '(a member of the application role?): run it as the schema owner', current_user, tenant;
            END IF;
            WITH batch AS (
                SELECT c.user_id, c.id, c.name, c.email
                FROM public.clients c
                WHERE c.user_id = tenant
                  AND c.id >= coalesce(last_client, nil)
                  AND c.id IS DISTINCT FROM last_client
                ORDER BY c.id
                LIMIT batch_size
                FOR SHARE
            ), inserted AS (
                INSERT INTO public.client_search_trigrams (user_id, trigram, client_id)
                SELECT DISTINCT b.user_id, w.trigram, b.id
                FROM batch b
                CROSS JOIN LATERAL pg_catalog.unnest(public.search_windows(b.name) || public.search_windows(b.email))
                    AS w(trigram)
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT pg_catalog.count(*) FROM inserted), last.id
            INTO stored, last_client
            FROM (SELECT b.id FROM batch b ORDER BY b.id DESC LIMIT 1) last;
            EXIT WHEN NOT FOUND;
            total := total + stored;
            COMMIT;
        END LOOP;
    END LOOP;
    RAISE NOTICE 'backfill_client_search_trigrams: done, % tenants, % windows stored', pg_catalog.cardinality(tenants), total;
END
$$;
REVOKE ALL ON PROCEDURE public.backfill_client_search_trigrams(integer) FROM PUBLIC;

CALL public.backfill_client_search_trigrams(1000);

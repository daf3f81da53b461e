-- Undo of V15 signed tenant context: current_tenant_id() reads app.user_id again, as V7 and V8
-- had it; the tenant keys, the mode and V15's functions are dropped.
--
-- Locks:   function definitions and V15's two tables change the catalog only.
-- Hazard:  from here on any session of the application role can set_config('app.user_id', ...)
--          to any tenant, and a service that signs tokens sees nothing: run the release before
--          V15 with it. The keys are gone; the service's copy of a key is of no further use.
-- Dropping what the migration created is what an undo is for (squawk keeps the rule for db/migration).
-- squawk-ignore-file ban-drop-table

CREATE OR REPLACE FUNCTION public.current_tenant_id() RETURNS pg_catalog.uuid
    LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT nullif(pg_catalog.current_setting('app.user_id', true), '')::pg_catalog.uuid
$$;

DROP PROCEDURE IF EXISTS public.allow_unsigned_tenants();
DROP PROCEDURE IF EXISTS public.require_signed_tenants();
DROP PROCEDURE IF EXISTS public.retire_tenant_key(text);
DROP FUNCTION IF EXISTS public.create_tenant_key(text);
DROP FUNCTION IF EXISTS public.tenant_refusal();
DROP TABLE IF EXISTS public.tenant_context_mode;
DROP TABLE IF EXISTS public.tenant_keys;
DROP FUNCTION IF EXISTS public.hmac_sha256_pad(bytea, integer);

-- V16 require_tenant(): a refused tenant context fails its statement.
--
-- Purpose: the tenant context now sends the statement that sets the tenant in the round trip of
--          the work's first statement, one round trip fewer per transaction. Should the database
--          give the transaction no tenant (an unknown or retired key, an expired token), the
--          work's statement must not run: it would see nothing, or fail a row-level security
--          check with a message that says nothing of the token. require_tenant() raises
--          tenant_refusal()'s reason as an error (SQLSTATE IK001), after which the server skips
--          the rest of the round trip; the service reports it as TenantTokenRefusedException.
-- Locks:   a new function: the catalog only.
-- Re-run:  CREATE OR REPLACE.
-- Undo:    db/undo/U16__require_tenant.sql drops it.

CREATE OR REPLACE FUNCTION public.require_tenant() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    refusal text := public.tenant_refusal();
BEGIN
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'IK001', MESSAGE = refusal;
    END IF;
END
$$;

COMMENT ON FUNCTION public.require_tenant() IS
    'Raises SQLSTATE IK001 with the reason when the transaction has no tenant (tenant_refusal()); the tenant context calls it as it sets the tenant.';

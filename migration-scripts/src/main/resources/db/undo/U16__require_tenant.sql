-- Undo of V16 require_tenant(): the function is dropped.
--
-- Locks:   the catalog only.
-- Hazard:  this release's TenantContext calls require_tenant() as it sets the tenant: run the
--          release before V16 with it.

DROP FUNCTION IF EXISTS public.require_tenant();

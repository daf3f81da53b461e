-- V15 signed tenant context: SQL run as the application role cannot make itself another tenant.
--
-- Purpose: until now the policies trusted app.user_id, which any session may set_config to any
--          id: SQL injection, or any code that runs SQL outside InvoiceStore, reached every tenant
--          whose id it could learn. Here the tenant is a token the service signs with a key the
--          application role cannot read, and current_tenant_id(), which every policy and guard
--          reads once per statement, verifies it:
--            v1.<key id>.<tenant uuid>.<expiry, Unix seconds>.<HMAC-SHA256 of the rest, hex>
--          set as app.tenant_token. It yields no tenant (nothing visible, nothing writable) when
--          the token is missing, malformed, expired at the statement's start, signed with a key
--          that is unknown or retired, or signed for another tenant than it names.
--          * HMAC-SHA256 (RFC 2104) is built from core sha256() (PostgreSQL 11+) and the key's
--            two pads, computed once when the key is stored: no pgcrypto, whose CREATE EXTENSION
--            needs a privilege on the database that a schema owner may not have.
--          * Keys live in tenant_keys, which only the owner reads; create_tenant_key makes one on
--            the server and returns it once, so the secret is never a statement's text or bound
--            parameter (never in the server log, pg_stat_statements or pg_stat_activity); two keys
--            are valid during a rotation; retire_tenant_key ends one, never the last.
--          * Sessions that are not members of ${appRole} (the owner, purge_tenant, a monitoring
--            role) may still set app.user_id unsigned: they are not what the tokens defend against.
--          * Compatibility mode (tenant_context_mode.unsigned_allowed) also takes app.user_id from
--            members of ${appRole}, as before; a token, when one is set, must still be valid.
--            RlsAudit and the health check report the mode as a finding.
-- Compat:  a database that has held tenants (its users table has pages) starts in compatibility
--          mode, so the release before this one, which sets app.user_id, keeps working; one that
--          never had a tenant starts signed. Switch with CALL require_signed_tenants() once every
--          instance signs (README, "Signed tenant context"), or allow_unsigned_tenants().
-- Locks:   function definitions and two new tables change the catalog only: no lock on a table
--          the application uses.
-- Re-run:  every statement is idempotent; the mode, once chosen, is kept.
-- Undo:    db/undo/U15__signed_tenant_context.sql: current_tenant_id() reads app.user_id again;
--          the keys, the mode and the functions are dropped.

-- The block of HMAC-SHA256 is 64 bytes: the key, zero-padded to 64 bytes, XOR each byte with pad
-- (0x36 inner, 0x5c outer).
CREATE OR REPLACE FUNCTION public.hmac_sha256_pad(secret bytea, pad integer) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    block bytea := secret || decode(repeat('00', 64 - length(secret)), 'hex');
BEGIN
    FOR i IN 0..63 LOOP
        block := set_byte(block, i, get_byte(block, i) # pad);
    END LOOP;
    RETURN block;
END
$$;

CREATE TABLE IF NOT EXISTS public.tenant_keys (
    key_id     text PRIMARY KEY,
    secret     bytea       NOT NULL,
    inner_pad  bytea GENERATED ALWAYS AS (public.hmac_sha256_pad(secret, 54)) STORED,
    outer_pad  bytea GENERATED ALWAYS AS (public.hmac_sha256_pad(secret, 92)) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz,
    CONSTRAINT tenant_keys_id_valid CHECK (key_id ~ '^[A-Za-z0-9_-]{1,32}$'),
    CONSTRAINT tenant_keys_secret_length CHECK (length(secret) BETWEEN 32 AND 64)
);
REVOKE ALL ON public.tenant_keys FROM PUBLIC, ${appRole};
-- No statistics of secrets in pg_statistic.
ALTER TABLE public.tenant_keys ALTER COLUMN secret SET STATISTICS 0,
    ALTER COLUMN inner_pad SET STATISTICS 0, ALTER COLUMN outer_pad SET STATISTICS 0;
COMMENT ON CONSTRAINT tenant_keys_pkey ON public.tenant_keys IS 'key id is already one of this database''s tenant keys';
COMMENT ON CONSTRAINT tenant_keys_id_valid ON public.tenant_keys
    IS 'key id must be 1 to 32 letters, digits, _ or -';
COMMENT ON CONSTRAINT tenant_keys_secret_length ON public.tenant_keys
    IS 'a tenant key''s secret must be 32 to 64 bytes';

CREATE TABLE IF NOT EXISTS public.tenant_context_mode (
    singleton        boolean PRIMARY KEY DEFAULT true,
    unsigned_allowed boolean     NOT NULL,
    changed_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenant_context_mode_one_row CHECK (singleton)
);
REVOKE ALL ON public.tenant_context_mode FROM PUBLIC, ${appRole};
-- The mode is no secret: the audit reads it as any role.
GRANT SELECT ON public.tenant_context_mode TO PUBLIC;
COMMENT ON CONSTRAINT tenant_context_mode_pkey ON public.tenant_context_mode IS 'the tenant context has one mode';
COMMENT ON CONSTRAINT tenant_context_mode_one_row ON public.tenant_context_mode IS 'the tenant context has one mode';
-- Row-level security hides the tenants from the owner; the size of their table does not.
INSERT INTO public.tenant_context_mode (unsigned_allowed)
VALUES (pg_relation_size('public.users') > 0)
ON CONFLICT (singleton) DO NOTHING;

-- The tenant of this statement, for every policy and guard: (SELECT current_tenant_id()) is an
-- InitPlan, evaluated once per statement. SECURITY DEFINER to read the keys. The MAC is checked
-- before anything else in the token is trusted: once it matches, the token is one the service
-- made, so its expiry and tenant parse. Both MACs are hashed before they are compared, so the
-- time the comparison takes says nothing about the expected one.
CREATE OR REPLACE FUNCTION public.current_tenant_id() RETURNS pg_catalog.uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    token text := current_setting('app.tenant_token', true);
    part  text[] := string_to_array(token, '.');
    pads  record;
BEGIN
    -- Without a token, app.user_id counts in compatibility mode, and for a login that is not a
    -- member of ${appRole} (session_user: inside SECURITY DEFINER current_user is the owner). A
    -- superuser is a member of every role, and trusted all the same.
    IF token IS NULL OR token = '' THEN
        IF (SELECT m.unsigned_allowed FROM public.tenant_context_mode m)
           OR NOT pg_has_role(session_user, '${appRole}', 'MEMBER')
           OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN
            RETURN nullif(current_setting('app.user_id', true), '')::uuid;
        END IF;
        RETURN NULL;
    END IF;
    IF cardinality(part) IS DISTINCT FROM 5 OR part[1] <> 'v1' THEN
        RETURN NULL;
    END IF;
    SELECT k.inner_pad, k.outer_pad INTO pads
    FROM public.tenant_keys k
    WHERE k.key_id = part[2] AND k.retired_at IS NULL;
    IF NOT FOUND
       OR sha256(convert_to(encode(sha256(pads.outer_pad || sha256(pads.inner_pad || convert_to(left(token, -65), 'UTF8'))), 'hex'), 'UTF8'))
          <> sha256(convert_to(part[5], 'UTF8')) THEN
        RETURN NULL;
    END IF;
    IF to_timestamp(part[4]::bigint) <= statement_timestamp() THEN
        RETURN NULL;
    END IF;
    RETURN part[3]::uuid;
END
$$;

-- Why this transaction has no tenant, in words for the service's exception; NULL when it has
-- one. TenantContext calls it in the statement that sets the tenant, so a wrong key, a retired
-- key or a clock out of step fails the call at once instead of showing an empty tenant. It says
-- whether a key id exists, never anything of a key.
CREATE OR REPLACE FUNCTION public.tenant_refusal() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    token   text := current_setting('app.tenant_token', true);
    part    text[] := string_to_array(token, '.');
    retired timestamptz;
BEGIN
    IF public.current_tenant_id() IS NOT NULL THEN
        RETURN NULL;
    END IF;
    IF token IS NULL OR token = '' THEN
        IF nullif(current_setting('app.user_id', true), '') IS NULL THEN
            RETURN 'no tenant is set';
        END IF;
        RETURN 'this database requires a signed tenant token from members of ${appRole}: '
            || 'app.user_id alone is ignored (see tenant_context_mode)';
    END IF;
    IF cardinality(part) IS DISTINCT FROM 5 OR part[1] <> 'v1' THEN
        RETURN 'the tenant token is not of the form v1.<key id>.<tenant>.<expiry>.<signature>';
    END IF;
    SELECT k.retired_at INTO retired FROM public.tenant_keys k WHERE k.key_id = part[2];
    IF NOT FOUND THEN
        RETURN format('the tenant token is signed with key %s, which this database does not have', part[2]);
    END IF;
    IF retired IS NOT NULL THEN
        RETURN format('the tenant token is signed with key %s, retired at %s', part[2], retired);
    END IF;
    IF part[4] ~ '^[0-9]{1,12}$' AND to_timestamp(part[4]::bigint) <= statement_timestamp() THEN
        RETURN format('the tenant token expired at %s; the database''s clock reads %s (clocks out of step?)',
                      to_timestamp(part[4]::bigint), statement_timestamp());
    END IF;
    RETURN format('the tenant token''s signature does not match key %s (another secret under the same id?)',
                  part[2]);
END
$$;

-- A new key, made on the server from pg_strong_random (four random UUIDs: 64 bytes, 488 random
-- bits) and returned once as the service reads it: '<key id>:<secret in hex>'. The secret is
-- never a statement's text or parameter, so no log and no statistics view has it; only the
-- result carries it.
CREATE OR REPLACE FUNCTION public.create_tenant_key(p_key_id text) RETURNS text
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    secret bytea := uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
                    || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid());
BEGIN
    INSERT INTO public.tenant_keys (key_id, secret) VALUES (p_key_id, secret);
    RETURN p_key_id || ':' || encode(secret, 'hex');
END
$$;
REVOKE ALL ON FUNCTION public.create_tenant_key(text) FROM PUBLIC;

-- Ends a key: tokens signed with it yield no tenant from the next statement on. Never the last
-- valid key while signed tokens are required: that would hide every tenant from the service.
CREATE OR REPLACE PROCEDURE public.retire_tenant_key(p_key_id text)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    PERFORM FROM public.tenant_keys WHERE retired_at IS NULL FOR UPDATE;
    UPDATE public.tenant_keys SET retired_at = now() WHERE key_id = p_key_id AND retired_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'tenant key % is not a valid key of this database', p_key_id
            USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT FROM public.tenant_keys WHERE retired_at IS NULL)
       AND NOT (SELECT m.unsigned_allowed FROM public.tenant_context_mode m) THEN
        RAISE EXCEPTION 'tenant key % is the last valid key: create its successor first', p_key_id
            USING ERRCODE = 'object_in_use';
    END IF;
END
$$;
REVOKE ALL ON PROCEDURE public.retire_tenant_key(text) FROM PUBLIC;

-- The mode, chosen explicitly by the owner. Signed only with a valid key to sign with.
CREATE OR REPLACE PROCEDURE public.require_signed_tenants()
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF NOT EXISTS (SELECT FROM public.tenant_keys WHERE retired_at IS NULL) THEN
        RAISE EXCEPTION 'no valid tenant key: create one (create_tenant_key) and give it to the service first'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE public.tenant_context_mode SET unsigned_allowed = false, changed_at = now();
END
$$;
REVOKE ALL ON PROCEDURE public.require_signed_tenants() FROM PUBLIC;

CREATE OR REPLACE PROCEDURE public.allow_unsigned_tenants()
    LANGUAGE sql
    SET search_path = pg_catalog, pg_temp AS
$$
UPDATE public.tenant_context_mode SET unsigned_allowed = true, changed_at = now();
$$;
REVOKE ALL ON PROCEDURE public.allow_unsigned_tenants() FROM PUBLIC;

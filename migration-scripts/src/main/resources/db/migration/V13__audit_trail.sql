-- V13 audit trail: every change to an invoice, a credit note, a payment or a refund appends a row,
-- written by the database in the changing transaction, that nobody but purge_tenant removes.
--
-- Purpose: GoBD (Germany) and LPF L102 B (France) ask that changes to accounting records be
--          logged and the log kept. The application could forget to write it, or write it
--          wrong; here a trigger writes it for every writer: what (the table, the document, the
--          action and the columns that changed, old and new), when (the clock at the change and
--          the transaction), who (the actor the service sets with the tenant, app.actor) and why
--          (a credit note's reason). ${appRole} may read its tenant's trail, never write it.
--          purge_tenant(tenant, retention), for the owner, removes a tenant with its documents and
--          trail once the retention period is over.
-- Locks:   a new table; CREATE TRIGGER takes SHARE ROW EXCLUSIVE on each audited table for an
--          instant. Hence no surrounding transaction (see the .conf beside it).
-- Re-run:  every statement is idempotent; a run that stopped part way can simply run again.
-- Undo:    none (no db/undo script): the trail is a record kept for the retention period.

CREATE TABLE IF NOT EXISTS audit_events (
    user_id        uuid        NOT NULL,
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    document_kind  text        NOT NULL,
    document_id    uuid        NOT NULL,
    changed_table  text        NOT NULL,
    action         text        NOT NULL,
    changes        jsonb       NOT NULL,
    actor          text,
    reason         text,
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (user_id, id),
    CONSTRAINT audit_events_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT audit_events_kind_valid CHECK (document_kind IN ('invoice', 'credit_note', 'payment', 'refund')),
    CONSTRAINT audit_events_action_valid CHECK (action IN ('created', 'changed', 'deleted'))
);
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_events_user_document_idx ON audit_events (user_id, document_id, occurred_at);
CALL public.isolate_tenant_table('audit_events');

-- One row per changed row: a line's change is its document's. An UPDATE that changes nothing but
-- updated_at is no change. purge_tenant's deletes are recorded too, and removed with the rest of the
-- trail at its end: skipping them on public.purging() would let ${appRole} keep its changes off the
-- trail, as purging() asks current_user, which here is this function's owner, and any role may set
-- invoicekit.purged_tenant. SECURITY DEFINER because ${appRole} may not write the trail.
CREATE OR REPLACE FUNCTION public.record_audit_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    changed   jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
    tenant    uuid := (changed ->> 'user_id')::uuid;
    diff      jsonb;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(n.key, jsonb_build_array(o.value, n.value)) INTO diff
        FROM jsonb_each(changed) n
        JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
        WHERE n.value IS DISTINCT FROM o.value AND n.key <> 'updated_at';
        IF diff IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    INSERT INTO public.audit_events (user_id, document_kind, document_id, changed_table, action, changes, actor,
                                     reason)
    VALUES (tenant,
            CASE TG_TABLE_NAME
                WHEN 'invoices' THEN 'invoice' WHEN 'line_items' THEN 'invoice'
                WHEN 'credit_notes' THEN 'credit_note' WHEN 'credit_note_lines' THEN 'credit_note'
                WHEN 'payments' THEN 'payment' ELSE 'refund'
            END,
            (changed ->> CASE TG_TABLE_NAME
                             WHEN 'line_items' THEN 'invoice_id' WHEN 'credit_note_lines' THEN 'credit_note_id'
                             ELSE 'id'
                         END)::uuid,
            TG_TABLE_NAME,
            CASE TG_OP WHEN 'INSERT' THEN 'created' WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END,
            coalesce(diff, changed),
            nullif(current_setting('app.actor', true), ''),
            CASE TG_TABLE_NAME WHEN 'credit_notes' THEN changed ->> 'reason' END);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION public.record_audit_event() FROM PUBLIC;

DROP TRIGGER IF EXISTS invoices_audit ON invoices;
CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION public.record_audit_event();
DROP TRIGGER IF EXISTS line_items_audit ON line_items;
CREATE TRIGGER line_items_audit AFTER INSERT OR UPDATE OR DELETE ON line_items
    FOR EACH ROW EXECUTE FUNCTION public.record_audit_event();
DROP TRIGGER IF EXISTS credit_notes_audit ON credit_notes;
CREATE TRIGGER credit_notes_audit AFTER INSERT OR UPDATE OR DELETE ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION public.record_audit_event();
DROP TRIGGER IF EXISTS credit_note_lines_audit ON credit_note_lines;
CREATE TRIGGER credit_note_lines_audit AFTER INSERT OR UPDATE OR DELETE ON credit_note_lines
    FOR EACH ROW EXECUTE FUNCTION public.record_audit_event();
DROP TRIGGER IF EXISTS payments_audit ON payments;
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE OR DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION public.record_audit_event();
DROP TRIGGER IF EXISTS refunds_audit ON refunds;
CREATE TRIGGER refunds_audit AFTER INSERT OR UPDATE OR DELETE ON refunds
    FOR EACH ROW EXECUTE FUNCTION public.record_audit_event();

-- The trail is appended to, never rewritten: for the owner too, purge_tenant aside.
CREATE OR REPLACE FUNCTION public.guard_audit_event_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND public.purging(OLD.user_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit event % is kept as written', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_events_append_only', TABLE = 'audit_events',
              DETAIL = 'the audit trail is only ever appended to';
END
$$;
DROP TRIGGER IF EXISTS audit_events_guard_change ON audit_events;
CREATE TRIGGER audit_events_guard_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION public.guard_audit_event_change();

-- Removes a tenant and everything it owns, issued documents and their trail included, once the
-- newest document was issued longer ago than p_retention (GoBD and LPF: 10 years; tests pass 0).
-- Owner only: not granted to ${appRole}, whose members the guards refuse even with the setting
-- this sets (purging).
CREATE OR REPLACE PROCEDURE public.purge_tenant(p_tenant uuid, p_retention interval DEFAULT interval '10 years')
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    newest date;
BEGIN
    PERFORM set_config('app.user_id', p_tenant::text, true);
    SELECT max(d.issue_date) INTO newest
    FROM (SELECT i.issue_date FROM public.invoices i WHERE i.user_id = p_tenant AND i.invoice_number IS NOT NULL
          UNION ALL
          SELECT n.issue_date FROM public.credit_notes n WHERE n.user_id = p_tenant) d;
    IF newest > current_date - p_retention THEN
        RAISE EXCEPTION 'tenant % issued a document on %, kept until % (retention %)', p_tenant, newest,
            (newest + p_retention)::date, p_retention
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_retained', TABLE = 'invoices',
                  DETAIL = 'a tenant''s issued invoices are kept for the retention period';
    END IF;
    PERFORM set_config('invoicekit.purged_tenant', p_tenant::text, true);
    DELETE FROM public.refunds WHERE user_id = p_tenant;
    DELETE FROM public.payments WHERE user_id = p_tenant;
    DELETE FROM public.credit_notes WHERE user_id = p_tenant;
    DELETE FROM public.invoices WHERE user_id = p_tenant;
    DELETE FROM public.invoice_series WHERE user_id = p_tenant;
    DELETE FROM public.audit_events WHERE user_id = p_tenant;
    DELETE FROM public.users WHERE id = p_tenant;
    PERFORM set_config('invoicekit.purged_tenant', '', true);
END
$$;
REVOKE ALL ON PROCEDURE public.purge_tenant(uuid, interval) FROM PUBLIC;

GRANT SELECT ON audit_events TO ${appRole};
CALL public.forget_column_statistics('public.audit_events', '{document_kind,changed_table,action}');

COMMENT ON CONSTRAINT audit_events_pkey ON audit_events IS 'id is already one of this tenant''s audit events';
COMMENT ON CONSTRAINT audit_events_user_fk ON audit_events IS 'the tenant must exist, and is kept while it has a trail';
COMMENT ON CONSTRAINT audit_events_kind_valid ON audit_events
    IS 'document kind must be invoice, credit note, payment or refund';
COMMENT ON CONSTRAINT audit_events_action_valid ON audit_events IS 'action must be created, changed or deleted';

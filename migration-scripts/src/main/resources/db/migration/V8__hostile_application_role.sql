-- V8 hostile application role, expand: the database keeps its invariants whatever SQL a member
-- of ${appRole} runs (a bug, an injection), not only what the library's Java code runs.
--
-- Purpose: a review ran SQL as the application role and found that a TEMP table named like ours
--          shadowed our tables inside the trigger functions (payments accepted on drafts and void
--          invoices, amounts paid left unchanged, even for the next tenant on a pooled
--          connection); that numbers, status, amounts paid and totals could be written directly,
--          and an issued invoice's lines changed; that a number could be stored in a second
--          spelling (INV-0000014 beside INV-000014); that a completed payment's date, method and
--          transaction id could be rewritten; and that EXPLAIN estimates revealed other tenants'
--          ids and texts. Here:
--          * no TEMP on this database for PUBLIC (so none for ${appRole}), and every function
--            pins search_path = pg_catalog, pg_temp (pg_temp last) and names our objects public.*;
--          * an invoice is numbered by the database as it is inserted (number_new_invoice, for
--            the transaction's tenant only), in the one spelling InvoiceNumber writes;
--          * status moves only along the lifecycle (invoice_status_can_become, the same table as
--            InvoiceStatus#canBecome); paid and partially paid are what the payments add up to
--            (apply_payment_to_invoice); a draft is sent only with lines and a total; the
--            lifecycle function change_invoice_status makes the other moves;
--          * an issued invoice's header and lines never change, and at commit every invoice's
--            subtotal is the sum of its lines (a deferred constraint trigger);
--          * a payment's record never changes, only its status along its lifecycle;
--          * no planner statistics but on columns whose values come from a short fixed list, and
--            the ones already gathered are removed where this PostgreSQL lets the owner do it.
-- Compat:  the release before this one runs on this version: it numbers invoices with
--          get_next_invoice_number and writes status itself, along the same lifecycle. V10 (the
--          contract step) takes those privileges from ${appRole} once every instance runs this
--          release.
-- Before:  an invoice marked paid without the payments that pay it (possible before V5) fails the
--          VALIDATE of invoices_status_matches_amount_paid: record its payments first.
-- Locks:   function definitions change the catalog only; each trigger is created under SHARE ROW
--          EXCLUSIVE on its one table, for an instant; constraints go NOT VALID then VALIDATE
--          (SHARE UPDATE EXCLUSIVE: reads and writes go on); SET STATISTICS takes SHARE UPDATE
--          EXCLUSIVE. Hence no surrounding transaction (see the .conf beside it): one table locked
--          at a time.
-- Re-run:  every statement is idempotent; a run that stopped part way can simply run again.
-- Undo:    none (no db/undo script): it only closes attacks, and the release before runs on it.
--          Restore the backup to go back.

-- Temporary tables and functions shadow ours for whoever's session has them; no one but the
-- database owner needs them. (A schema owner that does not own the database cannot revoke: the
-- statement then only warns, and RlsAudit reports TEMP for ${appRole}.)
DO
$$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, %I', current_database(), '${appRole}');
END
$$;

-- Functions of earlier versions whose bodies need no change: pinned in place.
ALTER FUNCTION public.set_updated_at() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION public.current_tenant_id() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION public.currency_minor_units(char) SET search_path = pg_catalog, pg_temp;

-- The lifecycle of InvoiceStatus#canBecome; a test compares the two for every pair.
CREATE OR REPLACE FUNCTION public.invoice_status_can_become(from_status text, to_status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT CASE from_status
           WHEN 'draft' THEN to_status IN ('sent', 'void')
           WHEN 'sent' THEN to_status IN ('viewed', 'partially_paid', 'paid', 'void')
           WHEN 'viewed' THEN to_status IN ('partially_paid', 'paid', 'void')
           WHEN 'partially_paid' THEN to_status IN ('paid', 'sent')
           WHEN 'paid' THEN to_status IN ('partially_paid', 'sent')
           ELSE false
       END
$$;

CREATE OR REPLACE FUNCTION public.default_invoice_due_date() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    SELECT NEW.issue_date + c.payment_terms_days
    INTO NEW.due_date
    FROM public.clients c
    WHERE c.user_id = NEW.user_id
      AND c.id = NEW.client_id;
    RETURN NEW;
END
$$;

-- The one spelling of a number: INV- and the sequence, at least six digits (never truncated).
CREATE OR REPLACE FUNCTION public.invoice_number_text(sequence bigint) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT 'INV-' || lpad(sequence::text, greatest(6, length(sequence::text)), '0')
$$;

-- Numbers are the database's: allocated from the tenant's counter as the invoice is inserted, in
-- the inserting transaction (a rollback returns the number), for the transaction's own tenant
-- only. SECURITY DEFINER because V10 takes the counters from ${appRole}. An invoice that arrives
-- with a number was numbered by the release before this one (get_next_invoice_number).
CREATE OR REPLACE FUNCTION public.number_new_invoice() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    sequence bigint;
BEGIN
    IF NEW.invoice_number IS NOT NULL THEN
        RETURN NEW;
    END IF;
    -- With no tenant set, the invoice's own policy refuses the row, and this allocation with it.
    IF NEW.user_id IS DISTINCT FROM coalesce(public.current_tenant_id(), NEW.user_id) THEN
        RAISE EXCEPTION 'an invoice is numbered only for the tenant of its transaction'
            USING ERRCODE = 'insufficient_privilege', TABLE = 'invoices';
    END IF;
    INSERT INTO public.invoice_number_counters AS counter (user_id, last_value)
    VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET last_value = counter.last_value + 1
    RETURNING counter.last_value INTO sequence;
    NEW.invoice_number := public.invoice_number_text(sequence);
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION public.number_new_invoice() FROM PUBLIC;

DROP TRIGGER IF EXISTS invoices_number_new ON invoices;
CREATE TRIGGER invoices_number_new BEFORE INSERT ON invoices
    FOR EACH ROW EXECUTE FUNCTION public.number_new_invoice();

-- For the release before this one, until V10 drops it: pinned; row-level security keeps it to the
-- transaction's tenant.
CREATE OR REPLACE FUNCTION public.get_next_invoice_number(p_user_id uuid) RETURNS text
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp AS
$$
INSERT INTO public.invoice_number_counters AS counter (user_id, last_value)
VALUES (p_user_id, 1)
ON CONFLICT (user_id) DO UPDATE SET last_value = counter.last_value + 1
RETURNING public.invoice_number_text(counter.last_value)
$$;

-- One spelling per number, the one InvoiceNumber writes: six digits, or more without a leading zero.
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_number_canonical,
    ADD CONSTRAINT invoices_number_canonical
        CHECK (invoice_number ~ '^INV-([0-9]{6}|[1-9][0-9]{6,18})$' AND invoice_number <> 'INV-000000') NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_number_canonical;
-- V3's looser format rule (INV- and six or more digits) says less than the canonical one: one rule, one place.
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_number_format;

-- Paid and partially paid are what the payments add up to, nothing else is paid at all.
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_status_matches_amount_paid,
    ADD CONSTRAINT invoices_status_matches_amount_paid
        CHECK (CASE status
                   WHEN 'paid' THEN amount_paid = total AND total > 0
                   WHEN 'partially_paid' THEN amount_paid > 0 AND amount_paid < total
                   ELSE amount_paid = 0
               END) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_status_matches_amount_paid;
-- V5's rule that a void invoice has nothing paid is part of the one above: one rule, one place.
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_void_only_unpaid;

-- Every change of an invoice row, whoever makes it: the key and the number never change; status
-- moves along the lifecycle; a draft is sent only with lines and a total; once issued (any
-- status but draft) the header is frozen and only payment state moves.
CREATE OR REPLACE FUNCTION public.guard_invoice_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF (NEW.user_id, NEW.id, NEW.invoice_number) IS DISTINCT FROM (OLD.user_id, OLD.id, OLD.invoice_number) THEN
        RAISE EXCEPTION 'the tenant, id and number of invoice % never change', OLD.invoice_number
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_identity_frozen', TABLE = 'invoices',
                  DETAIL = 'the tenant, id and number of an invoice never change';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT public.invoice_status_can_become(OLD.status, NEW.status) THEN
        RAISE EXCEPTION 'invoice % cannot go from % to %', OLD.invoice_number, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_status_transition', TABLE = 'invoices',
                  DETAIL = 'status moves draft -> sent -> viewed, to void while nothing is paid, '
                           'and to partially paid or paid only with payments';
    END IF;
    IF OLD.status = 'draft' AND NEW.status = 'sent'
       AND (NEW.total <= 0 OR NOT EXISTS (SELECT FROM public.line_items l
                                          WHERE l.user_id = NEW.user_id AND l.invoice_id = NEW.id)) THEN
        RAISE EXCEPTION 'invoice % is sent with at least one line and a total above 0', OLD.invoice_number
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_sendable', TABLE = 'invoices',
                  DETAIL = 'an invoice is sent with at least one line and a total above 0';
    END IF;
    IF OLD.status <> 'draft'
       AND (NEW.client_id, NEW.currency, NEW.issue_date, NEW.due_date, NEW.tax_rate, NEW.subtotal, NEW.tax,
            NEW.total, NEW.notes, NEW.purchase_order, NEW.created_at) IS DISTINCT FROM
           (OLD.client_id, OLD.currency, OLD.issue_date, OLD.due_date, OLD.tax_rate, OLD.subtotal, OLD.tax,
            OLD.total, OLD.notes, OLD.purchase_order, OLD.created_at) THEN
        RAISE EXCEPTION 'invoice % is %: its content no longer changes', OLD.invoice_number, OLD.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_content_frozen', TABLE = 'invoices',
                  DETAIL = 'an issued invoice''s content never changes: correct it with a credit note';
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS invoices_guard_change ON invoices;
CREATE TRIGGER invoices_guard_change BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION public.guard_invoice_change();
-- guard_invoice_change does all that guard_sent_invoice did, and more.
DROP TRIGGER IF EXISTS invoices_guard_sent ON invoices;
DROP FUNCTION IF EXISTS public.guard_sent_invoice();

-- Lines change only while their invoice is a draft. The share lock makes a concurrent send wait
-- for this transaction (or this one for the send, which it then sees). An invoice that is not
-- found is being deleted with its lines, or is another tenant's, which the policy then refuses.
CREATE OR REPLACE FUNCTION public.guard_line_item_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    line           public.line_items;
    invoice_status text;
BEGIN
    FOREACH line IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW] WHEN 'DELETE' THEN ARRAY[OLD] ELSE ARRAY[OLD, NEW] END
    LOOP
        SELECT i.status INTO invoice_status FROM public.invoices i
        WHERE i.user_id = line.user_id AND i.id = line.invoice_id
        FOR SHARE;
        IF invoice_status <> 'draft' THEN
            RAISE EXCEPTION 'the lines of a % invoice no longer change', invoice_status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'line_items_of_draft_only', TABLE = 'line_items',
                      DETAIL = 'lines change only while their invoice is a draft';
        END IF;
    END LOOP;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

DROP TRIGGER IF EXISTS line_items_guard_change ON line_items;
CREATE TRIGGER line_items_guard_change BEFORE INSERT OR UPDATE OR DELETE ON line_items
    FOR EACH ROW EXECUTE FUNCTION public.guard_line_item_change();

-- At commit, every invoice that was written, or whose lines were, has the subtotal of its lines
-- (tax and total follow from it by the CHECKs). Run as the caller: under row-level security an
-- invoice it cannot see means that the tenant was switched before commit, which fails closed.
CREATE OR REPLACE FUNCTION public.check_invoice_totals() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tenant          uuid;
    invoice         uuid;
    stored_subtotal numeric;
    line_total      numeric;
    problem         text;
BEGIN
    IF TG_TABLE_NAME = 'invoices' THEN
        tenant := NEW.user_id;
        invoice := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        tenant := OLD.user_id;
        invoice := OLD.invoice_id;
    ELSE
        tenant := NEW.user_id;
        invoice := NEW.invoice_id;
    END IF;
    SELECT i.subtotal,
           (SELECT coalesce(sum(l.amount), 0) FROM public.line_items l
            WHERE l.user_id = i.user_id AND l.invoice_id = i.id)
    INTO stored_subtotal, line_total
    FROM public.invoices i
    WHERE i.user_id = tenant AND i.id = invoice;
    IF NOT FOUND THEN
        IF NOT row_security_active('public.invoices') OR tenant = public.current_tenant_id() THEN
            RETURN NULL; -- deleted in this transaction, with its lines
        END IF;
        problem := format('invoice %s was written for another tenant than the one set at commit', invoice);
    ELSIF stored_subtotal <> line_total THEN
        problem := format('invoice %s has a subtotal of %s, its lines add up to %s', invoice, stored_subtotal,
                          line_total);
    ELSE
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '%', problem
        USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_totals_match_lines', TABLE = 'invoices',
              DETAIL = 'subtotal must equal the sum of the invoice''s line amounts at commit';
END
$$;

DROP TRIGGER IF EXISTS invoices_totals_match_lines ON invoices;
CREATE CONSTRAINT TRIGGER invoices_totals_match_lines AFTER INSERT OR UPDATE OF subtotal ON invoices
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION public.check_invoice_totals();
DROP TRIGGER IF EXISTS line_items_totals_match_lines ON line_items;
CREATE CONSTRAINT TRIGGER line_items_totals_match_lines AFTER INSERT OR UPDATE OR DELETE ON line_items
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION public.check_invoice_totals();

-- Status moves that are not payments: draft -> sent, sent -> viewed, draft/sent/viewed -> void.
-- guard_invoice_change keeps the lifecycle and invoices_status_matches_amount_paid keeps paid and
-- partially paid to what payments brought, for this function as for any writer. SECURITY
-- DEFINER because V10 takes UPDATE of status from ${appRole}; bound to the transaction's tenant
-- by its WHERE clause (and, for an owner without BYPASSRLS, by the forced policies).
-- Returns the new version, or NULL if the tenant has no such invoice at that version.
CREATE OR REPLACE FUNCTION public.change_invoice_status(p_invoice_id uuid, p_version bigint, p_status text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    new_version bigint;
BEGIN
    UPDATE public.invoices i
    SET status = p_status, version = i.version + 1
    WHERE i.user_id = public.current_tenant_id()
      AND i.id = p_invoice_id
      AND i.version = p_version
    RETURNING i.version INTO new_version;
    RETURN new_version;
END
$$;
REVOKE ALL ON FUNCTION public.change_invoice_status(uuid, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.change_invoice_status(uuid, bigint, text) TO ${appRole};

-- Payments are records: only status changes, along pending -> completed | failed and
-- completed -> refunded; money arrives only on a sent invoice that is not void.
CREATE OR REPLACE FUNCTION public.guard_payment_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    invoice_status text;
    status_allowed boolean;
BEGIN
    -- Checked when a payment is recorded and again when a pending one completes (the invoice may
    -- have been voided meanwhile). The row lock makes a concurrent void wait for us.
    IF NEW.status = 'completed' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'completed') THEN
        SELECT i.status INTO invoice_status FROM public.invoices i
        WHERE i.user_id = NEW.user_id AND i.id = NEW.invoice_id
        FOR UPDATE;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT i.status INTO invoice_status FROM public.invoices i
        WHERE i.user_id = NEW.user_id AND i.id = NEW.invoice_id;
    END IF;
    IF invoice_status IN ('draft', 'void') THEN
        RAISE EXCEPTION 'a payment cannot be recorded on a % invoice', invoice_status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_invoice_payable', TABLE = 'payments',
                  DETAIL = 'payments are recorded only on sent invoices that are not void';
    END IF;
    IF TG_OP = 'UPDATE'
       AND (NEW.user_id, NEW.id, NEW.invoice_id, NEW.amount, NEW.currency, NEW.method, NEW.transaction_id,
            NEW.payment_date, NEW.notes, NEW.created_at) IS DISTINCT FROM
           (OLD.user_id, OLD.id, OLD.invoice_id, OLD.amount, OLD.currency, OLD.method, OLD.transaction_id,
            OLD.payment_date, OLD.notes, OLD.created_at) THEN
        RAISE EXCEPTION 'payment % cannot change but for its status', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_immutable', TABLE = 'payments',
                  DETAIL = 'a payment''s record never changes, only its status';
    END IF;
    status_allowed := CASE TG_OP
                          WHEN 'INSERT' THEN NEW.status IN ('pending', 'completed')
                          ELSE NEW.status IS NOT DISTINCT FROM OLD.status
                               OR (OLD.status = 'pending' AND NEW.status IN ('completed', 'failed'))
                               OR (OLD.status = 'completed' AND NEW.status = 'refunded')
                      END;
    IF NOT status_allowed THEN
        RAISE EXCEPTION 'a payment cannot go from % to %',
            CASE TG_OP WHEN 'INSERT' THEN 'nothing' ELSE OLD.status END, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_status_transition', TABLE = 'payments',
                  DETAIL = 'a payment is recorded pending or completed, and moves pending -> completed | failed, '
                           'completed -> refunded';
    END IF;
    RETURN NEW;
END
$$;

-- SECURITY DEFINER because V10 takes UPDATE of amount_paid, status and paid_date from ${appRole}:
-- only this function moves them. NEW passed the payments policy (this trigger runs AFTER), so its
-- user_id is the transaction's tenant.
CREATE OR REPLACE FUNCTION public.apply_payment_to_invoice() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    delta numeric(12,2) := 0;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = 'completed' THEN
        delta := delta - OLD.amount;
    END IF;
    IF NEW.status = 'completed' THEN
        delta := delta + NEW.amount;
    END IF;
    IF delta = 0 THEN
        RETURN NULL;
    END IF;
    -- The UPDATE re-reads the latest committed row under its lock, so concurrent payments
    -- each add their own delta; the CHECK amount_paid <= total refuses an overpayment.
    UPDATE public.invoices i
    SET amount_paid = i.amount_paid + delta,
        status      = CASE
                          WHEN i.amount_paid + delta >= i.total THEN 'paid'
                          WHEN i.amount_paid + delta > 0 THEN 'partially_paid'
                          WHEN i.status IN ('paid', 'partially_paid') THEN 'sent'
                          ELSE i.status
                      END,
        paid_date   = CASE WHEN i.amount_paid + delta >= i.total THEN coalesce(i.paid_date, now()) END
    WHERE i.user_id = NEW.user_id
      AND i.id = NEW.invoice_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION public.apply_payment_to_invoice() FROM PUBLIC;

-- Planner statistics are read by EXPLAIN for every tenant's rows: the most common values and
-- histogram bounds of a column tell other tenants' ids, texts, amounts and dates apart from
-- invented ones. Only columns whose values come from a short fixed list (status, currency,
-- method, ...) keep statistics; what is already gathered is cleared where the owner may
-- (PostgreSQL 18's pg_clear_attribute_stats, or a superuser), else a warning says so.
CREATE OR REPLACE PROCEDURE public.forget_column_statistics(tbl regclass, keep name[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    col       name;
    clearable boolean := to_regproc('pg_catalog.pg_clear_attribute_stats') IS NOT NULL;
    superuser boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
BEGIN
    FOR col IN SELECT a.attname FROM pg_attribute a
               WHERE a.attrelid = tbl AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> ALL (keep)
               ORDER BY a.attnum
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 0', tbl, col);
        IF clearable THEN
            PERFORM pg_clear_attribute_stats(n.nspname::text, c.relname::text, col::text, false)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = tbl;
        ELSIF superuser THEN
            DELETE FROM pg_statistic s
            USING pg_attribute a
            WHERE s.starelid = tbl AND a.attrelid = tbl AND a.attname = col AND s.staattnum = a.attnum;
        END IF;
    END LOOP;
    -- reltuples is -1 until the table is first analyzed (PostgreSQL 14+): then there is nothing to clear.
    IF NOT (clearable OR superuser) AND (SELECT reltuples >= 0 FROM pg_class WHERE oid = tbl) THEN
        RAISE WARNING 'statistics of % gathered before V8 remain until a superuser deletes them '
                      'from pg_statistic (or the server runs PostgreSQL 18)', tbl;
    END IF;
END
$$;
REVOKE ALL ON PROCEDURE public.forget_column_statistics(regclass, name[]) FROM PUBLIC;

CALL public.forget_column_statistics('public.users', '{}');
CALL public.forget_column_statistics('public.clients', '{}');
CALL public.forget_column_statistics('public.services', '{currency,active}');
CALL public.forget_column_statistics('public.invoices', '{status,currency}');
CALL public.forget_column_statistics('public.line_items', '{currency}');
CALL public.forget_column_statistics('public.payments', '{currency,method,status}');
CALL public.forget_column_statistics('public.invoice_number_counters', '{}');

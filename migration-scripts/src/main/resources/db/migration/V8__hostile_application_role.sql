-- V8 hostile application role, part one: what SQL run as ${appRole} (a bug, an injection) could
-- do to other sessions and other tenants through our functions and the planner.
--
-- Purpose: a review ran SQL as the application role and found that a TEMP table named like ours
--          shadowed our tables inside the trigger functions: payments accepted on drafts and void
--          invoices, amounts paid left unchanged, and, on a pooled connection, the same for the
--          next tenant that borrowed it. It found that EXPLAIN estimates revealed other tenants'
--          ids and texts, that a number could be stored in a second spelling (INV-0000014 beside
--          INV-000014), and that a completed payment's date, method and transaction id could be
--          rewritten. Here:
--          * no TEMP on this database for PUBLIC (so none for ${appRole});
--          * every function pins search_path = pg_catalog, pg_temp (pg_temp last) and names our
--            objects public.*, so that nothing of a session's can stand in for them;
--          * one spelling per invoice number, the one InvoiceNumber writes;
--          * a payment's record never changes, only its status along its lifecycle;
--          * no planner statistics but on columns whose values come from a short fixed list, and
--            the ones already gathered are removed where this PostgreSQL lets the owner do it.
--          The release before this one runs unchanged on this version.
-- Locks:   CREATE OR REPLACE FUNCTION changes the catalog only; constraints go NOT VALID then
--          VALIDATE (SHARE UPDATE EXCLUSIVE: reads and writes go on); ALTER COLUMN SET STATISTICS
--          takes SHARE UPDATE EXCLUSIVE on one table at a time. Hence no surrounding transaction
--          (see the .conf beside it).
-- Re-run:  every statement is idempotent; a run that stopped part way can simply run again.
-- Undo:    none (no db/undo script): it only closes attacks, and the release before runs on it.
--          Statistics come back with ALTER TABLE ... ALTER COLUMN ... SET STATISTICS -1 and
--          ANALYZE; TEMP with GRANT TEMPORARY ON DATABASE ... TO PUBLIC.

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

-- The numbering function, pinned; row-level security keeps it to the transaction's tenant.
CREATE OR REPLACE FUNCTION public.get_next_invoice_number(p_user_id uuid) RETURNS text
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp AS
$$
INSERT INTO public.invoice_number_counters AS counter (user_id, last_value)
VALUES (p_user_id, 1)
ON CONFLICT (user_id) DO UPDATE SET last_value = counter.last_value + 1
RETURNING 'INV-' || lpad(counter.last_value::text, greatest(6, length(counter.last_value::text)), '0')
$$;

-- One spelling per number, the one InvoiceNumber writes: six digits, or more without a leading zero.
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_number_canonical,
    ADD CONSTRAINT invoices_number_canonical
        CHECK (invoice_number ~ '^INV-([0-9]{6}|[1-9][0-9]{6,18})$' AND invoice_number <> 'INV-000000') NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_number_canonical;
-- V3's looser format rule (INV- and six or more digits) says less than the canonical one: one rule, one place.
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_number_format;

-- What a sent invoice says was sent to the client (V5), pinned and qualified.
CREATE OR REPLACE FUNCTION public.guard_sent_invoice() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF OLD.status <> 'draft'
       AND (NEW.invoice_number, NEW.client_id, NEW.currency, NEW.issue_date, NEW.tax_rate,
            NEW.subtotal, NEW.tax, NEW.total) IS DISTINCT FROM
           (OLD.invoice_number, OLD.client_id, OLD.currency, OLD.issue_date, OLD.tax_rate,
            OLD.subtotal, OLD.tax, OLD.total) THEN
        RAISE EXCEPTION 'invoice % is %: its content no longer changes', OLD.invoice_number, OLD.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_content_frozen', TABLE = 'invoices';
    END IF;
    RETURN NEW;
END
$$;

-- Payments are records: only status changes, along pending -> completed | failed and
-- completed -> refunded; money arrives only on a sent invoice that is not void.
CREATE OR REPLACE FUNCTION public.guard_payment_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    invoice_status text;
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
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_invoice_payable', TABLE = 'payments';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status NOT IN ('pending', 'completed') THEN
            RAISE EXCEPTION 'a payment is recorded as pending or completed, not %', NEW.status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_status_transition', TABLE = 'payments';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.user_id, NEW.id, NEW.invoice_id, NEW.amount, NEW.currency, NEW.method, NEW.transaction_id,
        NEW.payment_date, NEW.notes, NEW.created_at) IS DISTINCT FROM
       (OLD.user_id, OLD.id, OLD.invoice_id, OLD.amount, OLD.currency, OLD.method, OLD.transaction_id,
        OLD.payment_date, OLD.notes, OLD.created_at) THEN
        RAISE EXCEPTION 'a payment''s record never changes, only its status'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_immutable', TABLE = 'payments';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT ((OLD.status = 'pending' AND NEW.status IN ('completed', 'failed'))
             OR (OLD.status = 'completed' AND NEW.status = 'refunded')) THEN
        RAISE EXCEPTION 'a payment cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_status_transition', TABLE = 'payments';
    END IF;
    RETURN NEW;
END
$$;

-- The payment trigger of V5, pinned and qualified.
CREATE OR REPLACE FUNCTION public.apply_payment_to_invoice() RETURNS trigger
    LANGUAGE plpgsql
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
-- One spelling per number, the one InvoiceNumber writes: six digits, or more without a leading zero.
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_number_canonical,
    ADD CONSTRAINT invoices_number_canonical
        CHECK (invoice_number ~ '^INV-([0-9]{6}|[1-9][0-9]{6,18})$' AND invoice_number <> 'INV-000000') NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_number_canonical;
-- V3's looser format rule (INV- and six or more digits) says less than the canonical one: one rule, one place.
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_number_format;

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

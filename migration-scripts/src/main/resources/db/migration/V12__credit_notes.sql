-- V12 credit notes: an issued invoice is corrected or cancelled by a credit note, never by an edit;
-- money paid back is a refund recorded against a credit note.
--
-- Purpose: EU VAT Directive art. 219 and 226(10a)-(10b): a document that amends an invoice is an
--          invoice of its own, referring to the one it amends. Until V11 a paid invoice could be
--          refunded back to sent and the only way to cancel an issued one was to void it (which
--          V11 stopped). Here:
--          * credit_notes and credit_note_lines: a draft written by ${appRole} (which invoice, a
--            reason, lines of what is credited), issued by issue_credit_note in the tenant's
--            credit-note series (a default one, CN- and six digits, for every tenant) with the
--            invoice's tax rate, its totals computed from its lines by the database, and the
--            invoice's seller and buyer; the sum of an invoice's credit notes never exceeds its
--            total, and from issue the credit note never changes and is never deleted;
--          * invoices.amount_credited, and the status credited once credit notes cover the
--            total; the balance is total - paid - credited, and status follows all three;
--          * refunds: money paid back against an issued credit note, at most what the credit note
--            credits and what was paid beyond what is owed; a refund lowers the amount paid. A
--            completed payment is no longer refunded by changing its status.
-- Locks:   new tables; ADD COLUMN with a constant default changes the catalog only (ACCESS
--          EXCLUSIVE for an instant, no rewrite); constraints go NOT VALID then VALIDATE. Hence no
--          surrounding transaction (see the .conf beside it): one table locked at a time.
-- Re-run:  every statement is idempotent; a run that stopped part way can simply run again.
-- Undo:    none (no db/undo script): credit notes and refunds are documents and money; restore
--          the backup to go back.

ALTER TABLE invoices ADD COLUMN IF NOT EXISTS amount_credited numeric(12,2) NOT NULL DEFAULT 0;
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_amount_credited_within_total,
    ADD CONSTRAINT invoices_amount_credited_within_total CHECK (amount_credited BETWEEN 0 AND total) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_amount_credited_within_total;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_status_valid,
    ADD CONSTRAINT invoices_status_valid
        CHECK (status IN ('draft', 'sent', 'viewed', 'partially_paid', 'paid', 'credited', 'void')) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_status_valid;

-- What an invoice is, from what was paid and credited: credited once credit notes cover the
-- total, paid once payments and credit notes do, partially paid below that.
CREATE OR REPLACE FUNCTION public.invoice_settled_status(current_status text, total numeric, paid numeric,
                                                         credited numeric) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT CASE
           WHEN credited = total AND total > 0 THEN 'credited'
           WHEN paid > 0 AND paid + credited >= total THEN 'paid'
           WHEN paid > 0 THEN 'partially_paid'
           WHEN current_status IN ('paid', 'partially_paid') THEN 'sent'
           ELSE current_status
       END
$$;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_status_matches_settlement,
    ADD CONSTRAINT invoices_status_matches_settlement
        CHECK (CASE status
                   WHEN 'credited' THEN amount_credited = total AND total > 0
                   WHEN 'paid' THEN amount_paid > 0 AND amount_paid + amount_credited >= total
                                    AND amount_credited < total
                   WHEN 'partially_paid' THEN amount_paid > 0 AND amount_paid + amount_credited < total
                   WHEN 'sent' THEN amount_paid = 0 AND (amount_credited = 0 OR amount_credited < total)
                   WHEN 'viewed' THEN amount_paid = 0 AND (amount_credited = 0 OR amount_credited < total)
                   ELSE amount_paid = 0 AND amount_credited = 0
               END) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_status_matches_settlement;
-- The rule above says all that V8's invoices_status_matches_amount_paid said, and more.
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_status_matches_amount_paid;

-- InvoiceStatus#canBecome: credited from any issued status, and final.
CREATE OR REPLACE FUNCTION public.invoice_status_can_become(from_status text, to_status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT CASE from_status
           WHEN 'draft' THEN to_status IN ('sent', 'void')
           WHEN 'sent' THEN to_status IN ('viewed', 'partially_paid', 'paid', 'credited')
           WHEN 'viewed' THEN to_status IN ('partially_paid', 'paid', 'credited')
           WHEN 'partially_paid' THEN to_status IN ('paid', 'sent', 'credited')
           WHEN 'paid' THEN to_status IN ('partially_paid', 'sent', 'credited')
           ELSE false
       END
$$;

-- Every tenant has a default series for each kind of document.
CREATE OR REPLACE FUNCTION public.create_default_series() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    INSERT INTO public.invoice_series (user_id, id, document_kind, name, prefix, pattern, is_default)
    VALUES (NEW.id, gen_random_uuid(), 'invoice', 'Invoices', 'INV-', '{prefix}{seq:6}', true),
           (NEW.id, gen_random_uuid(), 'credit_note', 'Credit notes', 'CN-', '{prefix}{seq:6}', true);
    RETURN NULL;
END
$$;

DO
$$
BEGIN
    IF row_security_active('public.users') AND pg_relation_size('public.users') > 0 THEN
        RAISE EXCEPTION 'V12 gives every tenant its credit-note series: run it as a role that bypasses '
                        'row-level security (BYPASSRLS or superuser)';
    END IF;
    INSERT INTO public.invoice_series (user_id, id, document_kind, name, prefix, pattern, is_default)
    SELECT u.id, gen_random_uuid(), 'credit_note', 'Credit notes', 'CN-', '{prefix}{seq:6}', true
    FROM public.users u
    WHERE NOT EXISTS (SELECT FROM public.invoice_series s
                      WHERE s.user_id = u.id AND s.document_kind = 'credit_note' AND s.is_default);
END
$$;


CREATE TABLE IF NOT EXISTS credit_notes (
    user_id            uuid          NOT NULL,
    id                 uuid          NOT NULL,
    invoice_id         uuid          NOT NULL,
    currency           char(3)       NOT NULL,
    status             text          NOT NULL DEFAULT 'draft',
    reason             text          NOT NULL,
    -- Given at issue by issue_credit_note: number, series, date, the invoice's tax rate, the
    -- totals of the lines, and the parties the invoice names.
    credit_note_number text,
    series_id          uuid,
    sequence_number    bigint,
    issue_date         date,
    issued_at          timestamptz,
    tax_rate           numeric(5,2),
    subtotal           numeric(12,2),
    tax                numeric(12,2),
    total              numeric(12,2),
    seller_name        text,
    seller_address     text,
    seller_vat_id      text,
    buyer_name         text,
    buyer_address      text,
    buyer_vat_id       text,
    version            bigint        NOT NULL DEFAULT 0,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id),
    CONSTRAINT credit_notes_number_unique_per_tenant UNIQUE (user_id, credit_note_number),
    -- Targets of the lines' and refunds' keys: in the credit note's currency, of its invoice.
    CONSTRAINT credit_notes_id_currency_unique UNIQUE (user_id, id, currency),
    CONSTRAINT credit_notes_id_invoice_currency_unique UNIQUE (user_id, id, invoice_id, currency),
    CONSTRAINT credit_notes_invoice_fk FOREIGN KEY (user_id, invoice_id, currency)
        REFERENCES invoices (user_id, id, currency) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT credit_notes_series_fk FOREIGN KEY (user_id, series_id)
        REFERENCES invoice_series (user_id, id) ON DELETE RESTRICT,
    CONSTRAINT credit_notes_status_known CHECK (status IN ('draft', 'issued')),
    CONSTRAINT credit_notes_reason_not_blank CHECK (reason ~ '[^[:space:]]' AND length(reason) <= 1000),
    CONSTRAINT credit_notes_issued_complete
        CHECK (CASE status
                   WHEN 'issued' THEN credit_note_number IS NOT NULL AND series_id IS NOT NULL
                                      AND sequence_number > 0 AND issue_date IS NOT NULL AND tax_rate IS NOT NULL
                                      AND total > 0 AND total = subtotal + tax
                   ELSE credit_note_number IS NULL AND series_id IS NULL AND sequence_number IS NULL
                        AND total IS NULL
               END)
);
CREATE INDEX CONCURRENTLY IF NOT EXISTS credit_notes_user_invoice_idx ON credit_notes (user_id, invoice_id);

CREATE TABLE IF NOT EXISTS credit_note_lines (
    user_id        uuid          NOT NULL,
    id             uuid          NOT NULL,
    credit_note_id uuid          NOT NULL,
    currency       char(3)       NOT NULL,
    position       integer       NOT NULL,
    description    text          NOT NULL,
    quantity       numeric(12,3) NOT NULL,
    unit_price     numeric(12,2) NOT NULL,
    amount         numeric(12,2) NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id),
    CONSTRAINT credit_note_lines_position_unique UNIQUE (user_id, credit_note_id, position),
    CONSTRAINT credit_note_lines_credit_note_fk FOREIGN KEY (user_id, credit_note_id, currency)
        REFERENCES credit_notes (user_id, id, currency) ON DELETE CASCADE,
    CONSTRAINT credit_note_lines_position_positive CHECK (position >= 1),
    CONSTRAINT credit_note_lines_description_not_blank
        CHECK (description ~ '[^[:space:]]' AND length(description) <= 1000),
    CONSTRAINT credit_note_lines_quantity_positive CHECK (quantity > 0),
    CONSTRAINT credit_note_lines_unit_price_non_negative
        CHECK (unit_price >= 0 AND unit_price = round(unit_price, public.currency_minor_units(currency))),
    CONSTRAINT credit_note_lines_amount_consistent
        CHECK (amount = round(quantity * unit_price, public.currency_minor_units(currency)))
);

CREATE TABLE IF NOT EXISTS refunds (
    user_id        uuid          NOT NULL,
    id             uuid          NOT NULL,
    credit_note_id uuid          NOT NULL,
    invoice_id     uuid          NOT NULL,
    currency       char(3)       NOT NULL,
    amount         numeric(12,2) NOT NULL,
    method         text          NOT NULL,
    transaction_id varchar(255),
    refund_date    date          NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id),
    CONSTRAINT refunds_credit_note_fk FOREIGN KEY (user_id, credit_note_id, invoice_id, currency)
        REFERENCES credit_notes (user_id, id, invoice_id, currency) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT refunds_transaction_id_unique UNIQUE (user_id, transaction_id),
    CONSTRAINT refunds_amount_positive CHECK (amount > 0),
    CONSTRAINT refunds_method_valid CHECK (method IN ('bank_transfer', 'card', 'cash', 'cheque', 'other'))
);
CREATE INDEX CONCURRENTLY IF NOT EXISTS refunds_user_invoice_idx ON refunds (user_id, invoice_id);
-- The refund trigger sums a credit note's refunds; deleting a credit note checks it has none.
CREATE INDEX CONCURRENTLY IF NOT EXISTS refunds_user_credit_note_idx ON refunds (user_id, credit_note_id);

DROP TRIGGER IF EXISTS credit_notes_set_updated_at ON credit_notes;
CREATE TRIGGER credit_notes_set_updated_at BEFORE UPDATE ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
DROP TRIGGER IF EXISTS credit_note_lines_set_updated_at ON credit_note_lines;
CREATE TRIGGER credit_note_lines_set_updated_at BEFORE UPDATE ON credit_note_lines
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- A credit note is the database's from issue: its invoice and key never change, and once issued
-- nothing does; one with a number is never deleted.
CREATE OR REPLACE FUNCTION public.guard_credit_note_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' AND NOT public.purging(OLD.user_id) THEN
            RAISE EXCEPTION 'credit note % is issued and kept', OLD.credit_note_number
                USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_notes_issued_kept', TABLE = 'credit_notes',
                      DETAIL = 'an issued credit note is never deleted';
        END IF;
        RETURN OLD;
    END IF;
    IF (NEW.user_id, NEW.id, NEW.invoice_id, NEW.currency) IS DISTINCT FROM
       (OLD.user_id, OLD.id, OLD.invoice_id, OLD.currency)
       OR OLD.status = 'issued' AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
        RAISE EXCEPTION 'credit note % of invoice % no longer changes', coalesce(OLD.credit_note_number, OLD.id::text),
            OLD.invoice_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_notes_frozen', TABLE = 'credit_notes',
                  DETAIL = 'a credit note keeps its invoice, and from issue nothing of it changes';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS credit_notes_guard_change ON credit_notes;
CREATE TRIGGER credit_notes_guard_change BEFORE UPDATE OR DELETE ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION public.guard_credit_note_change();

-- Lines change only while their credit note is a draft (the share lock orders a concurrent issue).
CREATE OR REPLACE FUNCTION public.guard_credit_note_line_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    line        public.credit_note_lines;
    note_status text;
BEGIN
    FOREACH line IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW] WHEN 'DELETE' THEN ARRAY[OLD] ELSE ARRAY[OLD, NEW] END
    LOOP
        SELECT n.status INTO note_status FROM public.credit_notes n
        WHERE n.user_id = line.user_id AND n.id = line.credit_note_id
        FOR SHARE;
        IF note_status <> 'draft' THEN
            RAISE EXCEPTION 'the lines of an issued credit note no longer change'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_note_lines_of_draft_only',
                      TABLE = 'credit_note_lines',
                      DETAIL = 'lines change only while their credit note is a draft';
        END IF;
    END LOOP;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
DROP TRIGGER IF EXISTS credit_note_lines_guard_change ON credit_note_lines;
CREATE TRIGGER credit_note_lines_guard_change BEFORE INSERT OR UPDATE OR DELETE ON credit_note_lines
    FOR EACH ROW EXECUTE FUNCTION public.guard_credit_note_line_change();

-- Issues a draft credit note of the transaction's tenant at p_version: its totals from its lines
-- at the invoice's tax rate (rounded half up, as InvoiceTotals), at most what is left to credit
-- of an issued invoice, numbered in p_series_id (NULL: the default credit-note series) and dated
-- p_issue_date, naming the invoice's parties; the invoice's amount credited and status follow.
-- The invoice is locked first and the series last. SECURITY DEFINER because ${appRole} writes
-- neither totals, numbers, the invoice's amount credited nor its status. Returns the new version,
-- or NULL if the tenant has no such credit note at that version.
CREATE OR REPLACE FUNCTION public.issue_credit_note(p_credit_note_id uuid, p_version bigint, p_series_id uuid,
                                                    p_issue_date date)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tenant      uuid := public.current_tenant_id();
    note        public.credit_notes;
    invoice     public.invoices;
    net         numeric(12,2);
    vat         numeric(12,2);
    settled     text;
    taken       record;
    new_version bigint;
BEGIN
    SELECT * INTO note FROM public.credit_notes n
    WHERE n.user_id = tenant AND n.id = p_credit_note_id AND n.version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF note.status <> 'draft' THEN
        RAISE EXCEPTION 'credit note % is issued already', note.credit_note_number
            USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_notes_issued_once', TABLE = 'credit_notes',
                  DETAIL = 'a credit note is issued once, from draft';
    END IF;
    -- NO KEY UPDATE, which the UPDATE below takes anyway: it orders concurrent issues on the invoice
    -- and lets through the key share that storing a credit note's draft takes on its invoice
    -- (credit_notes_invoice_fk). FOR UPDATE waits for those: two transactions that each store and
    -- issue a credit note of one invoice would deadlock.
    SELECT * INTO invoice FROM public.invoices i
    WHERE i.user_id = tenant AND i.id = note.invoice_id
    FOR NO KEY UPDATE;
    IF p_issue_date < invoice.issue_date THEN
        RAISE EXCEPTION 'invoice % was issued on %, its credit note cannot be dated %', invoice.invoice_number,
            invoice.issue_date, p_issue_date
            USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_notes_after_invoice', TABLE = 'credit_notes',
                  DETAIL = 'issueDate of a credit note must not be before the issue date of its invoice';
    END IF;
    SELECT coalesce(sum(l.amount), 0) INTO net FROM public.credit_note_lines l
    WHERE l.user_id = tenant AND l.credit_note_id = note.id;
    vat := round(net * invoice.tax_rate / 100, public.currency_minor_units(invoice.currency));
    IF invoice.status IN ('draft', 'void') OR net <= 0
       OR invoice.amount_credited + net + vat > invoice.total THEN
        RAISE EXCEPTION 'invoice % (%, total %, credited %) cannot be credited %', invoice.invoice_number,
            invoice.status, invoice.total, invoice.amount_credited, net + vat
            USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_notes_within_invoice', TABLE = 'credit_notes',
                  DETAIL = 'a credit note credits an issued invoice more than 0 and at most what is left of its '
                           'total: credit notes never add up to more than the invoice';
    END IF;
    settled := public.invoice_settled_status(invoice.status, invoice.total, invoice.amount_paid,
                                             invoice.amount_credited + net + vat);
    UPDATE public.invoices i
    SET amount_credited = i.amount_credited + net + vat,
        status          = settled,
        -- As apply_payment_to_invoice: paid the day payments and credit notes first cover the total.
        paid_date       = CASE WHEN i.amount_paid > 0 AND i.amount_paid + i.amount_credited + net + vat >= i.total
                               THEN coalesce(i.paid_date, now()) END,
        version         = i.version + 1
    WHERE i.user_id = tenant AND i.id = invoice.id;
    SELECT * INTO taken FROM public.take_document_number(tenant, 'credit_note', p_series_id, p_issue_date);
    UPDATE public.credit_notes n
    SET status             = 'issued',
        credit_note_number = taken.document_number,
        series_id          = taken.series_id,
        sequence_number    = taken.sequence_number,
        issue_date         = p_issue_date,
        issued_at          = now(),
        tax_rate           = invoice.tax_rate,
        subtotal           = net,
        tax                = vat,
        total              = net + vat,
        seller_name        = invoice.seller_name,
        seller_address     = invoice.seller_address,
        seller_vat_id      = invoice.seller_vat_id,
        buyer_name         = invoice.buyer_name,
        buyer_address      = invoice.buyer_address,
        buyer_vat_id       = invoice.buyer_vat_id,
        version            = n.version + 1
    WHERE n.user_id = tenant AND n.id = note.id
    RETURNING n.version INTO new_version;
    RETURN new_version;
END
$$;
REVOKE ALL ON FUNCTION public.issue_credit_note(uuid, bigint, uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.issue_credit_note(uuid, bigint, uuid, date) TO ${appRole};

-- V8's guard of payments: a completed payment is no longer refunded by its status (a refund is a
-- record of its own, against a credit note); money arrives only while something is owed.
CREATE OR REPLACE FUNCTION public.guard_payment_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    invoice        public.invoices;
    status_allowed boolean;
BEGIN
    -- Checked when a payment is recorded and again when a pending one completes (the invoice may
    -- have been credited meanwhile). The row lock makes a concurrent credit note wait for us.
    IF NEW.status = 'completed' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'completed') THEN
        SELECT * INTO invoice FROM public.invoices i
        WHERE i.user_id = NEW.user_id AND i.id = NEW.invoice_id
        FOR UPDATE;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT * INTO invoice FROM public.invoices i
        WHERE i.user_id = NEW.user_id AND i.id = NEW.invoice_id;
    END IF;
    IF invoice.status IN ('draft', 'void', 'credited') THEN
        RAISE EXCEPTION 'a payment cannot be recorded on a % invoice', invoice.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_invoice_payable', TABLE = 'payments',
                  DETAIL = 'payments are recorded only on issued invoices that are neither void nor credited';
    END IF;
    IF NEW.status = 'completed' AND invoice.id IS NOT NULL
       AND invoice.amount_paid + invoice.amount_credited + NEW.amount > invoice.total THEN
        RAISE EXCEPTION 'a payment of % exceeds the balance % of invoice %', NEW.amount,
            invoice.total - invoice.amount_paid - invoice.amount_credited, invoice.invoice_number
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_amount_paid_within_total', TABLE = 'invoices',
                  DETAIL = 'amount paid must stay between 0 and the invoice total less what is credited: the '
                           'payment would overpay';
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
                      END;
    IF NOT status_allowed THEN
        RAISE EXCEPTION 'a payment cannot go from % to %',
            CASE TG_OP WHEN 'INSERT' THEN 'nothing' ELSE OLD.status END, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_status_transition', TABLE = 'payments',
                  DETAIL = 'a payment is recorded pending or completed, and moves pending -> completed | failed; '
                           'money paid back is a refund against a credit note';
    END IF;
    RETURN NEW;
END
$$;

-- V8's payment trigger, with the status from what was paid and credited.
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
    UPDATE public.invoices i
    SET amount_paid = i.amount_paid + delta,
        status      = public.invoice_settled_status(i.status, i.total, i.amount_paid + delta, i.amount_credited),
        paid_date   = CASE WHEN i.amount_paid + delta + i.amount_credited >= i.total
                           THEN coalesce(i.paid_date, now()) END
    WHERE i.user_id = NEW.user_id
      AND i.id = NEW.invoice_id;
    RETURN NULL;
END
$$;

-- Money paid back, against an issued credit note: at most what it credits less what was refunded
-- on it, and at most what was paid beyond what is still owed. Immutable (purge_tenant aside).
-- SECURITY DEFINER because only this trigger lowers the invoice's amount paid.
CREATE OR REPLACE FUNCTION public.apply_refund_to_invoice() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    invoice  public.invoices;
    note     public.credit_notes;
    refunded numeric(12,2);
BEGIN
    IF TG_OP = 'DELETE' AND public.purging(OLD.user_id) THEN
        RETURN OLD;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'refund % never changes', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_immutable', TABLE = 'refunds',
                  DETAIL = 'a refund''s record never changes and is never deleted';
    END IF;
    SELECT * INTO invoice FROM public.invoices i
    WHERE i.user_id = NEW.user_id AND i.id = NEW.invoice_id
    FOR UPDATE;
    SELECT * INTO note FROM public.credit_notes n WHERE n.user_id = NEW.user_id AND n.id = NEW.credit_note_id;
    SELECT coalesce(sum(r.amount), 0) INTO refunded FROM public.refunds r
    WHERE r.user_id = NEW.user_id AND r.credit_note_id = NEW.credit_note_id AND r.id <> NEW.id;
    IF note.status IS DISTINCT FROM 'issued' OR refunded + NEW.amount > note.total
       OR NEW.amount > invoice.amount_paid + invoice.amount_credited - invoice.total THEN
        RAISE EXCEPTION 'a refund of % on credit note % (total %, refunded %) of invoice % (paid %, credited %, '
                        'total %) is more than is owed back', NEW.amount, note.credit_note_number, note.total,
            refunded, invoice.invoice_number, invoice.amount_paid, invoice.amount_credited, invoice.total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_within_credit', TABLE = 'refunds',
                  DETAIL = 'a refund pays back at most what its issued credit note credits and what was paid '
                           'beyond what is owed';
    END IF;
    UPDATE public.invoices i
    SET amount_paid = i.amount_paid - NEW.amount,
        status      = public.invoice_settled_status(i.status, i.total, i.amount_paid - NEW.amount,
                                                    i.amount_credited)
    WHERE i.user_id = NEW.user_id AND i.id = NEW.invoice_id;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION public.apply_refund_to_invoice() FROM PUBLIC;
DROP TRIGGER IF EXISTS refunds_apply_to_invoice ON refunds;
CREATE TRIGGER refunds_apply_to_invoice BEFORE INSERT OR UPDATE OR DELETE ON refunds
    FOR EACH ROW EXECUTE FUNCTION public.apply_refund_to_invoice();

CALL public.isolate_tenant_table('credit_notes');
CALL public.isolate_tenant_table('credit_note_lines');
CALL public.isolate_tenant_table('refunds');

GRANT SELECT, DELETE ON credit_notes, credit_note_lines TO ${appRole};
GRANT INSERT (user_id, id, invoice_id, currency, reason, version) ON credit_notes TO ${appRole};
GRANT UPDATE (reason, version, updated_at) ON credit_notes TO ${appRole};
GRANT INSERT (user_id, id, credit_note_id, currency, position, description, quantity, unit_price, amount)
    ON credit_note_lines TO ${appRole};
GRANT UPDATE (position, description, quantity, unit_price, amount, updated_at) ON credit_note_lines TO ${appRole};
GRANT SELECT ON refunds TO ${appRole};
GRANT INSERT (user_id, id, credit_note_id, invoice_id, currency, amount, method, transaction_id, refund_date)
    ON refunds TO ${appRole};

CALL public.forget_column_statistics('public.invoices', '{status,currency}');
CALL public.forget_column_statistics('public.credit_notes', '{status,currency}');
CALL public.forget_column_statistics('public.credit_note_lines', '{currency}');
CALL public.forget_column_statistics('public.refunds', '{currency,method}');

COMMENT ON CONSTRAINT invoices_amount_credited_within_total ON invoices
    IS 'amount credited must stay between 0 and the invoice total: credit notes never add up to more';
COMMENT ON CONSTRAINT invoices_status_valid ON invoices IS 'status must be a known invoice status';
COMMENT ON CONSTRAINT invoices_status_matches_settlement ON invoices
    IS 'status must follow what was paid and credited: credited at the total, paid once payments and credit '
       'notes cover it, partially paid below, nothing paid otherwise';
COMMENT ON CONSTRAINT credit_notes_pkey ON credit_notes IS 'id is already one of this tenant''s credit notes';
COMMENT ON CONSTRAINT credit_notes_number_unique_per_tenant ON credit_notes
    IS 'credit note number is already used by this tenant';
COMMENT ON CONSTRAINT credit_notes_id_currency_unique ON credit_notes
    IS 'a credit note has one currency, which its lines share';
COMMENT ON CONSTRAINT credit_notes_id_invoice_currency_unique ON credit_notes
    IS 'a credit note has one invoice and currency, which its refunds share';
COMMENT ON CONSTRAINT credit_notes_invoice_fk ON credit_notes
    IS 'invoice must be one of this tenant''s, in the same currency';
COMMENT ON CONSTRAINT credit_notes_series_fk ON credit_notes IS 'series must be one of this tenant''s';
COMMENT ON CONSTRAINT credit_notes_status_known ON credit_notes IS 'status must be draft or issued';
COMMENT ON CONSTRAINT credit_notes_reason_not_blank ON credit_notes IS 'reason must be 1 to 1000 characters, not blank';
COMMENT ON CONSTRAINT credit_notes_issued_complete ON credit_notes
    IS 'an issued credit note has its number, date, tax rate and totals, a draft none of them';
COMMENT ON CONSTRAINT credit_note_lines_pkey ON credit_note_lines IS 'id is already one of this tenant''s credit note lines';
COMMENT ON CONSTRAINT credit_note_lines_position_unique ON credit_note_lines IS 'position is already taken on this credit note';
COMMENT ON CONSTRAINT credit_note_lines_credit_note_fk ON credit_note_lines
    IS 'credit note must be one of this tenant''s, in the same currency';
COMMENT ON CONSTRAINT credit_note_lines_position_positive ON credit_note_lines IS 'position must be at least 1';
COMMENT ON CONSTRAINT credit_note_lines_description_not_blank ON credit_note_lines
    IS 'description must be 1 to 1000 characters';
COMMENT ON CONSTRAINT credit_note_lines_quantity_positive ON credit_note_lines IS 'quantity must be greater than 0';
COMMENT ON CONSTRAINT credit_note_lines_unit_price_non_negative ON credit_note_lines
    IS 'unitPrice must be at least 0, in the currency''s minor units';
COMMENT ON CONSTRAINT credit_note_lines_amount_consistent ON credit_note_lines
    IS 'amount must equal quantity x unitPrice, rounded half up to the currency';
COMMENT ON CONSTRAINT refunds_pkey ON refunds IS 'id is already one of this tenant''s refunds';
COMMENT ON CONSTRAINT refunds_credit_note_fk ON refunds
    IS 'credit note must be one of this tenant''s, of the same invoice and currency';
COMMENT ON CONSTRAINT refunds_transaction_id_unique ON refunds IS 'transactionId is already recorded for this tenant';
COMMENT ON CONSTRAINT refunds_amount_positive ON refunds IS 'amount must be greater than 0';
COMMENT ON CONSTRAINT refunds_method_valid ON refunds IS 'method must be a known payment method';

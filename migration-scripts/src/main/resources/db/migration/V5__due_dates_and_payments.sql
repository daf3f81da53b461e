-- V5 due dates and payments (seed phase 4): due dates, amounts paid, and a payments table whose
-- trigger keeps each invoice's amount_paid, status and paid_date right.
--
-- Purpose: the seeds' trigger fired on UPDATE of invoices, so recording a payment never changed
--          the invoice, and it overwrote paid_date on every update. Here the trigger is on
--          payments and applies the change in amount paid as a delta in one UPDATE of the
--          invoice row: concurrent payments on one invoice serialise on that row, each adding
--          its own amount to the latest value. An overpayment fails the invoices CHECK, so the
--          payment is refused with it. "Overdue" is not stored: it is derived from due date,
--          balance and today when asked for.
-- Compat:  the release before this one does not know due_date and keeps running while (and
--          after) this migrates. An insert that leaves due_date out gets issue date plus the
--          client's payment terms, the same rule as the backfill, so its inserts keep passing
--          the new NOT NULL check; an explicit NULL is still refused. (The column default
--          'infinity' marks "left out"; a trigger replaces it before any check sees it.)
-- Locks:   ADD COLUMN without a volatile default changes the catalog only (ACCESS EXCLUSIVE for
--          an instant, no rewrite); CREATE TRIGGER takes SHARE ROW EXCLUSIVE for an instant; the
--          due-date backfill runs in batches of short transactions (a writer waits at most one
--          batch for a row); constraints go NOT VALID then VALIDATE; indexes are built
--          CONCURRENTLY. Hence no surrounding transaction (see the .conf beside it).
-- Note:    the backfill is an UPDATE: invoices_set_updated_at moves each backfilled invoice's
--          updated_at to the time of the backfill.
-- Re-run:  every step is idempotent; the backfill resumes where it stopped (rows that have a due
--          date are not touched again).
-- Undo:    db/undo/U5__due_dates_and_payments.sql drops the payments table, the triggers and
--          functions and the three columns. It refuses while any payment exists: payments are
--          money received and are never dropped; restore the backup instead.

ALTER TABLE invoices
    ADD COLUMN IF NOT EXISTS due_date    date,
    ADD COLUMN IF NOT EXISTS amount_paid numeric(12,2) NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS paid_date   timestamptz;

-- Until every running release sets due_date itself (see Compat above): the trigger first, so
-- that no insert can keep the marker between the two statements.
CREATE OR REPLACE FUNCTION default_invoice_due_date() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    SELECT NEW.issue_date + c.payment_terms_days
    INTO NEW.due_date
    FROM clients c
    WHERE c.user_id = NEW.user_id
      AND c.id = NEW.client_id;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER invoices_default_due_date BEFORE INSERT ON invoices
    FOR EACH ROW WHEN (NEW.due_date = 'infinity') EXECUTE FUNCTION default_invoice_due_date();

-- A separate statement from ADD COLUMN, so that existing rows stay NULL for the backfill and
-- only new inserts get the marker. SET DEFAULT can run again as it is (squawk cannot tell
-- outside a transaction).
-- squawk-ignore prefer-robust-stmts
ALTER TABLE invoices ALTER COLUMN due_date SET DEFAULT 'infinity';

-- The pattern for every backfill of a large table. One giant UPDATE would hold its row locks
-- for the whole run; here each batch is its own transaction (COMMIT per batch, so CALL it
-- outside a transaction block), so a writer waits at most one batch for a row. Batches walk
-- the primary key (keyset pagination: each one starts where the last ended, an index range
-- scan, never a rescan from the start) and touch only rows still without a due date, so the
-- procedure can be stopped at any point and called again: the new call walks the keys from the
-- start but rewrites nothing already done. Progress: a NOTICE per batch.
CREATE OR REPLACE PROCEDURE backfill_invoice_due_dates(batch_size integer)
    LANGUAGE plpgsql AS
$$
DECLARE
    nil          CONSTANT uuid := '00000000-0000-0000-0000-000000000000';
    last_user_id uuid; -- the key of the last invoice looked at, NULL before the first batch
    last_id      uuid;
    updated      integer;
    total        bigint := 0;
    started      timestamptz;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION 'batch_size must be at least 1, was %', batch_size;
    END IF;
    LOOP
        started := clock_timestamp();
        WITH batch AS (
            SELECT user_id, id
            FROM invoices
            WHERE (user_id, id) >= (coalesce(last_user_id, nil), coalesce(last_id, nil))
              AND (user_id, id) IS DISTINCT FROM (last_user_id, last_id)
            ORDER BY user_id, id
            LIMIT batch_size
        ), backfilled AS (
            UPDATE invoices i
            SET due_date = i.issue_date + c.payment_terms_days
            FROM batch b, clients c
            WHERE i.user_id = b.user_id
              AND i.id = b.id
              AND i.due_date IS NULL
              AND c.user_id = i.user_id
              AND c.id = i.client_id
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM backfilled), last.user_id, last.id
        INTO updated, last_user_id, last_id
        FROM (SELECT user_id, id FROM batch ORDER BY user_id DESC, id DESC LIMIT 1) last;
        EXIT WHEN NOT FOUND;
        total := total + updated;
        RAISE NOTICE 'backfill_invoice_due_dates: % invoices so far, last batch % ms',
            total, round(extract(epoch FROM clock_timestamp() - started) * 1000);
        COMMIT;
    END LOOP;
    RAISE NOTICE 'backfill_invoice_due_dates: done, % invoices', total;
END
$$;

CALL backfill_invoice_due_dates(10000);

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_due_date_required,
    ADD CONSTRAINT invoices_due_date_required CHECK (due_date IS NOT NULL) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_due_date_required;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_due_not_before_issue,
    ADD CONSTRAINT invoices_due_not_before_issue CHECK (due_date >= issue_date) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_due_not_before_issue;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_amount_paid_within_total,
    ADD CONSTRAINT invoices_amount_paid_within_total CHECK (amount_paid BETWEEN 0 AND total) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_amount_paid_within_total;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_void_only_unpaid,
    ADD CONSTRAINT invoices_void_only_unpaid CHECK (status <> 'void' OR amount_paid = 0) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_void_only_unpaid;

DROP INDEX CONCURRENTLY IF EXISTS invoices_user_status_due_date_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_user_status_due_date_idx
    ON invoices (user_id, status, due_date);

CREATE TABLE IF NOT EXISTS payments (
    user_id        uuid          NOT NULL,
    id             uuid          NOT NULL,
    invoice_id     uuid          NOT NULL,
    currency       char(3)       NOT NULL,
    amount         numeric(12,2) NOT NULL,
    method         text          NOT NULL,
    status         text          NOT NULL DEFAULT 'pending',
    transaction_id varchar(255),
    payment_date   date          NOT NULL,
    notes          text,
    version        bigint        NOT NULL DEFAULT 0,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id),
    CONSTRAINT payments_invoice_fk FOREIGN KEY (user_id, invoice_id, currency)
        REFERENCES invoices (user_id, id, currency) ON DELETE RESTRICT ON UPDATE RESTRICT,
    -- A payment provider's id is recorded once per tenant: a retried webhook cannot pay twice.
    CONSTRAINT payments_transaction_id_unique UNIQUE (user_id, transaction_id),
    CONSTRAINT payments_amount_positive CHECK (amount > 0),
    CONSTRAINT payments_method_valid CHECK (method IN ('bank_transfer', 'card', 'cash', 'cheque', 'other')),
    CONSTRAINT payments_status_valid CHECK (status IN ('pending', 'completed', 'failed', 'refunded'))
);

DROP INDEX CONCURRENTLY IF EXISTS payments_user_invoice_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS payments_user_invoice_idx
    ON payments (user_id, invoice_id, payment_date);

-- Payments are records: amount, currency and invoice never change, and status only moves
-- pending -> completed | failed, completed -> refunded. A payment can only be recorded against
-- an invoice that has been sent and is not void.
CREATE OR REPLACE FUNCTION guard_payment_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    invoice_status text;
BEGIN
    -- Money can only arrive on a sent invoice that is not void: checked when a payment is
    -- recorded and again when a pending one completes (the invoice may have been voided or
    -- taken back to draft meanwhile). The row lock makes a concurrent void wait for us.
    IF NEW.status = 'completed' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'completed') THEN
        SELECT status INTO invoice_status FROM invoices
        WHERE user_id = NEW.user_id AND id = NEW.invoice_id
        FOR UPDATE;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT status INTO invoice_status FROM invoices WHERE user_id = NEW.user_id AND id = NEW.invoice_id;
    END IF;
    IF invoice_status IN ('draft', 'void') THEN
        RAISE EXCEPTION 'a payment cannot be recorded on a % invoice', invoice_status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_invoice_payable',
                  TABLE = 'payments';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status NOT IN ('pending', 'completed') THEN
            RAISE EXCEPTION 'a payment is recorded as pending or completed, not %', NEW.status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_status_transition',
                      TABLE = 'payments';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.user_id, NEW.invoice_id, NEW.amount, NEW.currency) IS DISTINCT FROM
       (OLD.user_id, OLD.invoice_id, OLD.amount, OLD.currency) THEN
        RAISE EXCEPTION 'the invoice, amount and currency of a payment never change'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_immutable', TABLE = 'payments';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT ((OLD.status = 'pending' AND NEW.status IN ('completed', 'failed'))
             OR (OLD.status = 'completed' AND NEW.status = 'refunded')) THEN
        RAISE EXCEPTION 'a payment cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_status_transition',
                  TABLE = 'payments';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION apply_payment_to_invoice() RETURNS trigger
    LANGUAGE plpgsql AS
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
    UPDATE invoices i
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

-- What a sent invoice says was sent to the client: its number, client, currency, issue date,
-- tax rate and amounts never change after the draft (its due date may be extended). Without
-- this, a paid invoice whose total grew would still read as paid.
CREATE OR REPLACE FUNCTION guard_sent_invoice() RETURNS trigger
    LANGUAGE plpgsql AS
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

DROP TRIGGER IF EXISTS invoices_guard_sent ON invoices;
CREATE TRIGGER invoices_guard_sent BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION guard_sent_invoice();

DROP TRIGGER IF EXISTS payments_guard_change ON payments;
CREATE TRIGGER payments_guard_change BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION guard_payment_change();

DROP TRIGGER IF EXISTS payments_apply_to_invoice ON payments;
CREATE TRIGGER payments_apply_to_invoice AFTER INSERT OR UPDATE OF status ON payments
    FOR EACH ROW EXECUTE FUNCTION apply_payment_to_invoice();

DROP TRIGGER IF EXISTS payments_set_updated_at ON payments;
CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

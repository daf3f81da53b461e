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
-- Locks:   ADD COLUMN without a volatile default changes the catalog only (no rewrite); the
--          due-date backfill runs in batches of short transactions; constraints go NOT VALID
--          then VALIDATE. Hence no surrounding transaction (see the .conf beside it).
-- Re-run:  every step is idempotent; the backfill resumes where it stopped.
-- Undo:    DROP TABLE payments; DROP FUNCTION apply_payment_to_invoice(), guard_payment_change();
--          DROP PROCEDURE backfill_invoice_due_dates(integer);
--          ALTER TABLE invoices DROP COLUMN due_date, DROP COLUMN amount_paid, DROP COLUMN paid_date
--          (only once no released code reads them).

ALTER TABLE invoices
    ADD COLUMN IF NOT EXISTS due_date    date,
    ADD COLUMN IF NOT EXISTS amount_paid numeric(12,2) NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS paid_date   timestamptz;

-- One giant UPDATE would hold its row locks for the whole run; each batch here is its own
-- transaction, so writers wait at most one batch. Safe to stop and call again.
CREATE OR REPLACE PROCEDURE backfill_invoice_due_dates(batch_size integer)
    LANGUAGE plpgsql AS
$$
DECLARE
    updated integer;
    total   bigint := 0;
BEGIN
    LOOP
        UPDATE invoices i
        SET due_date = i.issue_date + c.payment_terms_days
        FROM clients c
        WHERE c.user_id = i.user_id
          AND c.id = i.client_id
          AND (i.user_id, i.id) IN (SELECT user_id, id
                                    FROM invoices
                                    WHERE due_date IS NULL
                                    LIMIT batch_size);
        GET DIAGNOSTICS updated = ROW_COUNT;
        EXIT WHEN updated = 0;
        total := total + updated;
        RAISE NOTICE 'backfill_invoice_due_dates: % invoices so far', total;
        COMMIT;
    END LOOP;
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

CREATE INDEX IF NOT EXISTS payments_user_invoice_idx ON payments (user_id, invoice_id, payment_date);

-- Payments are records: amount, currency and invoice never change, and status only moves
-- pending -> completed | failed, completed -> refunded. A payment can only be recorded against
-- an invoice that has been sent and is not void.
CREATE OR REPLACE FUNCTION guard_payment_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    invoice_status text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT status INTO invoice_status FROM invoices WHERE user_id = NEW.user_id AND id = NEW.invoice_id;
        IF invoice_status IN ('draft', 'void') THEN
            RAISE EXCEPTION 'a payment cannot be recorded on a % invoice', invoice_status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_invoice_payable',
                      TABLE = 'payments';
        END IF;
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

DROP TRIGGER IF EXISTS payments_guard_change ON payments;
CREATE TRIGGER payments_guard_change BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION guard_payment_change();

DROP TRIGGER IF EXISTS payments_apply_to_invoice ON payments;
CREATE TRIGGER payments_apply_to_invoice AFTER INSERT OR UPDATE OF status ON payments
    FOR EACH ROW EXECUTE FUNCTION apply_payment_to_invoice();

DROP TRIGGER IF EXISTS payments_set_updated_at ON payments;
CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Undo of V5 due dates and payments: drops the payments table, its triggers and functions, the
-- due-date default and backfill, the invoices constraints and index, and the three columns.
--
-- Locks:   DROP INDEX CONCURRENTLY; ALTER TABLE invoices ... DROP COLUMN changes the catalog only
--          (ACCESS EXCLUSIVE for an instant, no rewrite); lock_timeout bounds each wait. Every
--          statement can run again.
-- Refuses: while any payment exists. Payments record money received and are never dropped by
--          an undo: restore the backup taken before V5 instead, or keep V5 (the release before it
--          runs on V5, see Compat in V5's header).

-- Dropping what the migration created is what an undo is for (squawk keeps the rules for db/migration).
-- squawk-ignore-file ban-drop-table, ban-drop-column

DO
$$
BEGIN
    IF to_regclass('payments') IS NOT NULL THEN
        IF EXISTS (SELECT FROM payments) THEN
            RAISE EXCEPTION 'undo of V5 refused: payments holds % rows, which it would drop',
                (SELECT count(*) FROM payments)
                USING HINT = 'restore the backup taken before V5, or keep V5';
        END IF;
    END IF;
END
$$;

DROP TABLE IF EXISTS payments;
DROP FUNCTION IF EXISTS apply_payment_to_invoice();
DROP FUNCTION IF EXISTS guard_payment_change();
DROP TRIGGER IF EXISTS invoices_guard_sent ON invoices;
DROP FUNCTION IF EXISTS guard_sent_invoice();

DROP INDEX CONCURRENTLY IF EXISTS invoices_user_status_due_date_idx;

DROP TRIGGER IF EXISTS invoices_default_due_date ON invoices;
DROP FUNCTION IF EXISTS default_invoice_due_date();
DROP PROCEDURE IF EXISTS backfill_invoice_due_dates(integer);

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_void_only_unpaid,
    DROP CONSTRAINT IF EXISTS invoices_amount_paid_within_total,
    DROP CONSTRAINT IF EXISTS invoices_due_not_before_issue,
    DROP CONSTRAINT IF EXISTS invoices_due_date_required,
    DROP COLUMN IF EXISTS paid_date,
    DROP COLUMN IF EXISTS amount_paid,
    DROP COLUMN IF EXISTS due_date;

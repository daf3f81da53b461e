-- V17 invoice summary indexes: a tenant's invoices awaiting payment, newest first, in one index
-- that answers a page of invoice summaries by itself.
--
-- Purpose: InvoiceRepository.summaries (list screens) by status: OVERDUE (awaiting payment, due
--          before today) and SENT, VIEWED, PARTIALLY_PAID (not overdue). A partial index over the
--          statuses awaiting payment, in list order (user_id, issue_date DESC, id DESC); due_date
--          is a key column, so that the due-date test runs on the index entries (an index
--          condition) and skips the invoices not yet due without visiting the table; the other
--          columns a summary reads are INCLUDEd, so that a page is an index-only scan. The
--          planner picks it with no statistics on user_id or due_date (V8): the same index
--          without INCLUDE loses to a bitmap scan of every overdue invoice and a sort.
-- Cost:    an entry (about 150 bytes) per invoice awaiting payment: 21 MB for the 144,005 of the
--          benchmarks' 1,000,000 invoices, built in 1.3 s. An update of an invoice can no longer
--          be HOT when it changes total, amount_paid, amount_credited, buyer_name or version
--          (status, dates, client and number were indexed before): a payment that leaves the
--          status as it is (a second instalment), a credit note for part of the total, a draft's
--          edit that keeps its client and dates. At the default fillfactor (100) such updates were
--          hardly ever HOT anyway (10 of 1,000 second instalments without this index); at
--          fillfactor 90, 280 of 1,000 were, and none are with it.
-- Locks:   CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE only, writers keep going. Hence the
--          script runs outside a transaction (see the .conf beside it).
-- Re-run:  a build interrupted part way leaves an INVALID index behind; the index is dropped (if
--          present) and built again, so running the migration again repairs it.
-- Undo:    db/undo/U17__invoice_summary_indexes.sql: DROP INDEX CONCURRENTLY.

-- The predicate names the statuses as InvoiceRepository writes them, inline: a status sent as a
-- bind parameter would not prove the predicate, and a generic plan could not use the index.
DROP INDEX CONCURRENTLY IF EXISTS invoices_user_awaiting_payment_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_user_awaiting_payment_idx
    ON invoices (user_id, issue_date DESC, id DESC, due_date)
    INCLUDE (status, invoice_number, client_id, buyer_name, currency, total, amount_paid, amount_credited,
             version)
    WHERE status IN ('sent', 'viewed', 'partially_paid');

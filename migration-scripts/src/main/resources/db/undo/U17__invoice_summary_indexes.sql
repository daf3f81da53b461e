-- Undo of V17 invoice summary indexes: drops the index of invoices awaiting payment.
--
-- Locks:   DROP INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE, writers keep going (summaries by status
--          get slower). Run outside a transaction, statement by statement (InvoiceMigrations#undo
--          does); it can run again.

DROP INDEX CONCURRENTLY IF EXISTS invoices_user_awaiting_payment_idx;

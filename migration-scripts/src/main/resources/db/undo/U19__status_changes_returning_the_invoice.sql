-- Undo of V19 status changes returning the invoice: issue_invoice_row() and
-- change_invoice_status_row() are dropped.
--
-- Locks:   the catalog only.
-- Hazard:  this release issues invoices and changes their status with these functions: run the
--          release before V19 with it.

DROP FUNCTION IF EXISTS public.issue_invoice_row(uuid, bigint, uuid, date);
DROP FUNCTION IF EXISTS public.change_invoice_status_row(uuid, bigint, text);

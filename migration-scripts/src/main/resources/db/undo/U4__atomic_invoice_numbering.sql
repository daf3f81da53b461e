-- Undo of V4 atomic invoice numbering: drops get_next_invoice_number and the counters.
--
-- Locks:   DROP TABLE of the counters (ACCESS EXCLUSIVE on that table only); lock_timeout bounds
--          the wait. Every statement can run again.
-- Note:    nothing is lost that V4 cannot rebuild: running V4 again starts each tenant's counter
--          after the highest number its invoices carry. Until then the release before V4 numbers
--          invoices itself.

-- Dropping what the migration created is what an undo is for (squawk keeps the rule for db/migration).
-- squawk-ignore-file ban-drop-table

DROP FUNCTION IF EXISTS get_next_invoice_number(uuid);
DROP TABLE IF EXISTS invoice_number_counters;

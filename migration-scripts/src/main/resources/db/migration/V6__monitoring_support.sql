-- V6 monitoring support (seed phase 5): the daily checks of the seeds as views the health
-- report and operators query.
--
-- Purpose: the seeds looked for duplicate invoice numbers with GROUP BY invoice_number across
--          all tenants, which flags legal duplicates (every tenant has its own INV-000001).
--          Duplicates are looked for within a tenant. The view runs with the caller's rights
--          (security_invoker), so row-level security applies to whoever reads it.
-- Locks:   creates a view.
-- Undo:    db/undo/U6__monitoring_support.sql: DROP VIEW invoice_number_duplicates.

CREATE VIEW invoice_number_duplicates WITH (security_invoker = true) AS
SELECT user_id, invoice_number, count(*) AS occurrences
FROM invoices
GROUP BY user_id, invoice_number
HAVING count(*) > 1;

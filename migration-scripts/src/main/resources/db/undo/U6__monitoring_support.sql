-- Undo of V6 monitoring support: drops the duplicate-number view.
--
-- Locks:   DROP VIEW, on the view only.

DROP VIEW IF EXISTS invoice_number_duplicates;

-- V10 application role, least privilege (the contract step of V8): ${appRole} may write only the
-- columns the application owns; what the database derives, only the database writes.
--
-- Purpose: invoice numbers and counters, an invoice's status, amount paid and paid date are
--          written only by V8's functions (number_new_invoice, change_invoice_status,
--          apply_payment_to_invoice); ${appRole} has no privilege on the counters at all, may not
--          delete an invoice (each is numbered, and numbers never skip), and writes no key,
--          number, status, timestamp or payment record column after insert. (updated_at stays
--          writable where UPDATE is granted: set_updated_at overwrites it with now() anyway.)
--          get_next_invoice_number(uuid), the release before's way to number, goes.
-- Deploy:  run once every instance runs the release that ships V8 to V10: the release before
--          numbers and changes status itself and is refused (42501) from here on. Until then,
--          migrate with .target("9").
-- Locks:   GRANT and REVOKE take a brief lock on each table's catalog row; no data is read.
-- Undo:    db/undo/U10__application_role_least_privilege.sql grants back V7's table privileges and
--          restores get_next_invoice_number(uuid).

REVOKE ALL ON users, clients, services, invoices, line_items, payments, invoice_number_counters FROM ${appRole};

GRANT SELECT ON users, clients, services, invoices, line_items, payments TO ${appRole};

GRANT INSERT (id, name, email) ON users TO ${appRole};
GRANT UPDATE (name, email, updated_at) ON users TO ${appRole};

GRANT INSERT (user_id, id, name, email, payment_terms_days, address, tax_id, version) ON clients TO ${appRole};
GRANT UPDATE (name, email, payment_terms_days, address, tax_id, version, updated_at) ON clients TO ${appRole};

GRANT INSERT (user_id, id, name, description, unit_price, currency, default_tax_rate, active, version)
    ON services TO ${appRole};
GRANT UPDATE (name, description, unit_price, currency, default_tax_rate, active, version, updated_at)
    ON services TO ${appRole};

-- A draft's content; its number, status and payment state are the database's.
GRANT INSERT (user_id, id, client_id, currency, issue_date, due_date, tax_rate, subtotal, tax, total, notes,
              purchase_order, version) ON invoices TO ${appRole};
GRANT UPDATE (client_id, currency, issue_date, due_date, tax_rate, subtotal, tax, total, notes, purchase_order,
              version, updated_at) ON invoices TO ${appRole};

GRANT INSERT (user_id, id, invoice_id, currency, position, service_id, description, quantity, unit_price, amount)
    ON line_items TO ${appRole};
GRANT UPDATE (position, service_id, description, quantity, unit_price, amount, updated_at) ON line_items TO ${appRole};
GRANT DELETE ON line_items TO ${appRole};

GRANT INSERT (user_id, id, invoice_id, currency, amount, method, status, transaction_id, payment_date, notes)
    ON payments TO ${appRole};
GRANT UPDATE (status, version, updated_at) ON payments TO ${appRole};

DROP FUNCTION IF EXISTS public.get_next_invoice_number(uuid);

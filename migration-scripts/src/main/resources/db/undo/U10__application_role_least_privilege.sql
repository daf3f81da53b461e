-- Undo of V10 application role, least privilege: gives ${appRole} back the table privileges V7
-- granted and the release before V8 its numbering function, get_next_invoice_number(uuid), as V8
-- left it.
--
-- Locks:   GRANT and REVOKE take a brief lock on each table's catalog row; no data is read. Every
--          statement can run again.
-- Hazard:  from here on ${appRole} can again write numbers, counters, status and amounts paid
--          directly (V8's guards still refuse what breaks the lifecycle); undo only to run the
--          release before V8 again.

REVOKE ALL ON users, clients, services, invoices, line_items, payments, invoice_number_counters FROM ${appRole};
GRANT SELECT, INSERT, UPDATE ON users, clients, services, invoice_number_counters TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON invoices, line_items TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON payments TO ${appRole};

CREATE OR REPLACE FUNCTION public.get_next_invoice_number(p_user_id uuid) RETURNS text
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp AS
$$
INSERT INTO public.invoice_number_counters AS counter (user_id, last_value)
VALUES (p_user_id, 1)
ON CONFLICT (user_id) DO UPDATE SET last_value = counter.last_value + 1
RETURNING public.invoice_number_text(counter.last_value)
$$;

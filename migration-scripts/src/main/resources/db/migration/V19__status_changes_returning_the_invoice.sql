-- V19 status changes returning the invoice: issue_invoice_row() and change_invoice_status_row()
-- make the change and return the invoice as changed.
--
-- Purpose: the repository called issue_invoice() or change_invoice_status() and then read the
--          invoice back, a round trip more, and after issuing one more while the series' counter
--          stays locked (from issue_invoice() to the commit). These functions make the change and
--          return the row as changed, in one statement: a SELECT calling the function would read
--          the invoice in the snapshot its statement began with, from before the change, whereas
--          each statement of a PL/pgSQL function sees what the one before it wrote. SECURITY
--          INVOKER: they do only what the application role may do itself, call the function and
--          read its tenant's invoice (row-level security applies).
-- Locks:   new functions: the catalog only.
-- Re-run:  CREATE OR REPLACE.
-- Undo:    db/undo/U19__status_changes_returning_the_invoice.sql drops them.

CREATE OR REPLACE FUNCTION public.issue_invoice_row(p_invoice_id uuid, p_version bigint, p_series_id uuid,
                                                    p_issue_date date)
    RETURNS SETOF public.invoices
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    new_version bigint := public.issue_invoice(p_invoice_id, p_version, p_series_id, p_issue_date);
BEGIN
    RETURN QUERY SELECT * FROM public.invoices i
                 WHERE i.user_id = public.current_tenant_id() AND i.id = p_invoice_id AND i.version = new_version;
END
$$;
REVOKE ALL ON FUNCTION public.issue_invoice_row(uuid, bigint, uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.issue_invoice_row(uuid, bigint, uuid, date) TO ${appRole};
COMMENT ON FUNCTION public.issue_invoice_row(uuid, bigint, uuid, date) IS
    'issue_invoice(), returning the invoice as issued: no row if the tenant has no such invoice at that version.';

CREATE OR REPLACE FUNCTION public.change_invoice_status_row(p_invoice_id uuid, p_version bigint, p_status text)
    RETURNS SETOF public.invoices
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    new_version bigint := public.change_invoice_status(p_invoice_id, p_version, p_status);
BEGIN
    RETURN QUERY SELECT * FROM public.invoices i
                 WHERE i.user_id = public.current_tenant_id() AND i.id = p_invoice_id AND i.version = new_version;
END
$$;
REVOKE ALL ON FUNCTION public.change_invoice_status_row(uuid, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.change_invoice_status_row(uuid, bigint, text) TO ${appRole};
COMMENT ON FUNCTION public.change_invoice_status_row(uuid, bigint, text) IS
    'change_invoice_status(), returning the invoice as changed: no row if the tenant has no such invoice at that version.';

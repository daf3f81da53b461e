-- V20 credit note issue returning the note: issue_credit_note_row() issues a draft credit note
-- and returns it as issued.
--
-- Purpose: the repository called issue_credit_note() and then read the credit note back, a round
--          trip more while the series' counter stays locked (from the numbering to the commit).
--          As V19's issue_invoice_row(), this function issues and returns the row as issued in
--          one statement: a SELECT calling issue_credit_note() would read the credit note in the
--          snapshot its statement began with, from before the issue, whereas each statement of a
--          PL/pgSQL function sees what the one before it wrote. SECURITY INVOKER: it does only
--          what the application role may do itself, call issue_credit_note() and read its
--          tenant's credit note (row-level security applies).
-- Locks:   a new function: the catalog only.
-- Re-run:  CREATE OR REPLACE.
-- Undo:    db/undo/U20__credit_note_issue_returning_the_note.sql drops it.

CREATE OR REPLACE FUNCTION public.issue_credit_note_row(p_credit_note_id uuid, p_version bigint, p_series_id uuid,
                                                        p_issue_date date)
    RETURNS SETOF public.credit_notes
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    new_version bigint := public.issue_credit_note(p_credit_note_id, p_version, p_series_id, p_issue_date);
BEGIN
    RETURN QUERY SELECT * FROM public.credit_notes n
                 WHERE n.user_id = public.current_tenant_id() AND n.id = p_credit_note_id
                   AND n.version = new_version;
END
$$;
REVOKE ALL ON FUNCTION public.issue_credit_note_row(uuid, bigint, uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.issue_credit_note_row(uuid, bigint, uuid, date) TO ${appRole};
COMMENT ON FUNCTION public.issue_credit_note_row(uuid, bigint, uuid, date) IS
    'issue_credit_note(), returning the credit note as issued: no row if the tenant has no such draft at that version.';

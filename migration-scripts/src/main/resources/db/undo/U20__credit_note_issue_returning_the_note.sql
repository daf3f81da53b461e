-- Undo of V20 credit note issue returning the note: issue_credit_note_row() is dropped.
--
-- Locks:   the catalog only.
-- Hazard:  this release issues credit notes with this function: run the release before V20 with it.

DROP FUNCTION IF EXISTS public.issue_credit_note_row(uuid, bigint, uuid, date);

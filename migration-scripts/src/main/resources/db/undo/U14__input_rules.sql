-- Undo of V14 input rules: V13's constraints (white space and control characters as the server's
-- locale has them), their comments and invoice_number_pattern_valid; drops the date rules, the
-- rule on a tenant's email and V14's two functions.
--
-- Locks:   as V14: each ALTER TABLE takes ACCESS EXCLUSIVE on its one table for an instant, each
--          VALIDATE SHARE UPDATE EXCLUSIVE while it reads the table; lock_timeout bounds each wait.
--          Every statement can run again.
-- Hazard:  from here on the database takes dates before year 1 or after 9999 (which read back
--          wrong) and a tenant's email of any shape, and Java refuses what the database takes:
--          run the release before V14 with it.

-- V11's, as it was.
CREATE OR REPLACE FUNCTION public.invoice_number_pattern_valid(pattern text, reset_period text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT length(pattern) <= 60
       AND (SELECT count(*) FROM regexp_matches(pattern, '\{seq(:[0-9]+)?\}', 'g')) = 1
       AND regexp_replace(pattern, '\{(prefix|yyyy|yy|mm|seq|seq:([1-9]|1[0-8]))\}', '', 'g') !~ '[{}[:cntrl:]]'
       AND CASE reset_period
               WHEN 'yearly' THEN pattern ~ '\{yyyy\}|\{yy\}'
               WHEN 'monthly' THEN pattern ~ '\{yyyy\}|\{yy\}' AND pattern ~ '\{mm\}'
               ELSE true
           END
$$;

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_name_not_blank,
    ADD CONSTRAINT users_name_not_blank CHECK (name ~ '[^[:space:]]' AND length(name) <= 200) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_not_blank;
COMMENT ON CONSTRAINT users_name_not_blank ON users IS 'name must be 1 to 200 characters, not blank';

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_legal_name_not_blank,
    ADD CONSTRAINT users_legal_name_not_blank CHECK (legal_name ~ '[^[:space:]]' AND length(legal_name) <= 200) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_legal_name_not_blank;
COMMENT ON CONSTRAINT users_legal_name_not_blank ON users IS 'legalName must be 1 to 200 characters, not blank';

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_name_not_blank,
    ADD CONSTRAINT clients_name_not_blank CHECK (name ~ '[^[:space:]]' AND length(name) <= 200) NOT VALID;
ALTER TABLE clients VALIDATE CONSTRAINT clients_name_not_blank;
COMMENT ON CONSTRAINT clients_name_not_blank ON clients IS 'name must be 1 to 200 characters, not blank';

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_email_format,
    ADD CONSTRAINT clients_email_format CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$') NOT VALID;
ALTER TABLE clients VALIDATE CONSTRAINT clients_email_format;
COMMENT ON CONSTRAINT clients_email_format ON clients IS 'email must be an address of at most 254 characters';

ALTER TABLE services
    DROP CONSTRAINT IF EXISTS services_name_not_blank,
    ADD CONSTRAINT services_name_not_blank CHECK (name ~ '[^[:space:]]' AND length(name) <= 200) NOT VALID;
ALTER TABLE services VALIDATE CONSTRAINT services_name_not_blank;
COMMENT ON CONSTRAINT services_name_not_blank ON services IS 'name must be 1 to 200 characters, not blank';

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_number_printable,
    ADD CONSTRAINT invoices_number_printable CHECK (length(invoice_number) BETWEEN 1 AND 100 AND invoice_number !~ '[[:cntrl:]]') NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_number_printable;
COMMENT ON CONSTRAINT invoices_number_printable ON invoices IS 'invoice number must be 1 to 100 characters, without control characters';

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_description_not_blank,
    ADD CONSTRAINT line_items_description_not_blank CHECK (description ~ '[^[:space:]]' AND length(description) <= 1000) NOT VALID;
ALTER TABLE line_items VALIDATE CONSTRAINT line_items_description_not_blank;
COMMENT ON CONSTRAINT line_items_description_not_blank ON line_items IS 'description must be 1 to 1000 characters';

ALTER TABLE credit_notes
    DROP CONSTRAINT IF EXISTS credit_notes_reason_not_blank,
    ADD CONSTRAINT credit_notes_reason_not_blank CHECK (reason ~ '[^[:space:]]' AND length(reason) <= 1000) NOT VALID;
ALTER TABLE credit_notes VALIDATE CONSTRAINT credit_notes_reason_not_blank;
COMMENT ON CONSTRAINT credit_notes_reason_not_blank ON credit_notes IS 'reason must be 1 to 1000 characters, not blank';

ALTER TABLE credit_note_lines
    DROP CONSTRAINT IF EXISTS credit_note_lines_description_not_blank,
    ADD CONSTRAINT credit_note_lines_description_not_blank CHECK (description ~ '[^[:space:]]' AND length(description) <= 1000) NOT VALID;
ALTER TABLE credit_note_lines VALIDATE CONSTRAINT credit_note_lines_description_not_blank;
COMMENT ON CONSTRAINT credit_note_lines_description_not_blank ON credit_note_lines IS 'description must be 1 to 1000 characters';

ALTER TABLE invoice_series
    DROP CONSTRAINT IF EXISTS invoice_series_name_not_blank,
    ADD CONSTRAINT invoice_series_name_not_blank CHECK (name ~ '[^[:space:]]' AND length(name) <= 100) NOT VALID;
ALTER TABLE invoice_series VALIDATE CONSTRAINT invoice_series_name_not_blank;
COMMENT ON CONSTRAINT invoice_series_name_not_blank ON invoice_series IS 'name must be 1 to 100 characters, not blank';

ALTER TABLE invoice_series
    DROP CONSTRAINT IF EXISTS invoice_series_prefix_valid,
    ADD CONSTRAINT invoice_series_prefix_valid CHECK (length(prefix) <= 20 AND prefix !~ '[{}[:cntrl:]]') NOT VALID;
ALTER TABLE invoice_series VALIDATE CONSTRAINT invoice_series_prefix_valid;
COMMENT ON CONSTRAINT invoice_series_prefix_valid ON invoice_series IS 'prefix must be at most 20 characters, without braces or control characters';

ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_format;
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_issue_date_in_range,
    DROP CONSTRAINT IF EXISTS invoices_due_date_in_range;
ALTER TABLE credit_notes DROP CONSTRAINT IF EXISTS credit_notes_issue_date_in_range;
ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_payment_date_in_range;
ALTER TABLE refunds DROP CONSTRAINT IF EXISTS refunds_refund_date_in_range;

DROP FUNCTION IF EXISTS public.has_control_character(text);
DROP FUNCTION IF EXISTS public.without_white_space(text);

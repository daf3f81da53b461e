-- V14 input rules: what Java refuses the database refuses too, in the same words, whatever the
-- server's locale.
--
-- Purpose: issue #12. invoice-core now refuses, naming the field and the rule in the words of
--          the constraint's comment, every input the database would refuse or store changed; a
--          test walks every constraint on what the application writes and feeds both the
--          boundary. Here the database keeps what Java now states and the schema did not:
--          * a date a document carries is of the years 1 to 9999: java.time's year 0 (1 BC) and
--            before were stored as BC dates that the driver reads back as AD, and a year of five
--            digits does not fit an invoice number's {yyyy} (invoice_number_render cuts it);
--          * a tenant's email is an address, as a client's is (users had no rule);
--          * white space and control characters are spelled out, as Java has them
--            (Character.isWhitespace; Unicode's Cc), in without_white_space() and
--            has_control_character(): [:space:] and [:cntrl:] were whatever the server's locale
--            made them (a C locale knows no U+2003, glibc's [:space:] no U+001C..U+001F), so an
--            email Java took could be refused with the words of another rule. The not-blank
--            rules, the email rule, the prefix, the pattern and the printable number are restated
--            with them, under their names;
--          * the email rule's comment says what it refuses (it spoke of 254 characters only), the
--            line descriptions' that they are not blank.
--          A NUL (22021), half a character (the driver stores "?") and an amount beyond
--          numeric(12,2) (22003) never reach a CHECK: the column types refuse them or never see
--          them, and Java refuses them first.
-- Locks:   each constraint is dropped and added NOT VALID in one ALTER TABLE (ACCESS EXCLUSIVE on
--          its one table for an instant, no scan), then VALIDATEd in its own transaction (SHARE
--          UPDATE EXCLUSIVE: reads and writes go on). Hence no surrounding transaction (see the
--          .conf beside it). VALIDATE stops at the first row that breaks a rule (a payment dated
--          in year 0, a tenant's email without an @): correct it, then run the migration again.
-- Re-run:  every statement is idempotent; a run that stopped part way can simply run again.
-- Undo:    db/undo/U14__input_rules.sql restores V13's constraints, comments and pattern function.

-- White space as java.lang.Character.isWhitespace has it (InputRulesAgreementTest compares every
-- code point): the ASCII controls TAB..CR and FS..US, the space, and Unicode's space, line and
-- paragraph separators but the three that do not break (U+00A0, U+2007, U+202F).
CREATE OR REPLACE FUNCTION public.without_white_space(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT regexp_replace(value, '[\u0009-\u000d\u001c-\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]',
                      '', 'g')
$$;

-- Control characters as Unicode has them (category Cc, Java's \p{Cc}): C0, DEL and C1.
CREATE OR REPLACE FUNCTION public.has_control_character(value text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT value ~ '[\u0001-\u001f\u007f-\u009f]'
$$;

-- V11's rule, its control characters spelled out.
CREATE OR REPLACE FUNCTION public.invoice_number_pattern_valid(pattern text, reset_period text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT length(pattern) <= 60
       AND (SELECT count(*) FROM regexp_matches(pattern, '\{seq(:[0-9]+)?\}', 'g')) = 1
       AND regexp_replace(pattern, '\{(prefix|yyyy|yy|mm|seq|seq:([1-9]|1[0-8]))\}', '', 'g') !~ '[{}]'
       AND NOT public.has_control_character(pattern)
       AND CASE reset_period
               WHEN 'yearly' THEN pattern ~ '\{yyyy\}|\{yy\}'
               WHEN 'monthly' THEN pattern ~ '\{yyyy\}|\{yy\}' AND pattern ~ '\{mm\}'
               ELSE true
           END
$$;

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_name_not_blank,
    ADD CONSTRAINT users_name_not_blank
        CHECK (public.without_white_space(name) <> '' AND length(name) <= 200) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_not_blank;

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_legal_name_not_blank,
    ADD CONSTRAINT users_legal_name_not_blank
        CHECK (public.without_white_space(legal_name) <> '' AND length(legal_name) <= 200) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_legal_name_not_blank;

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_email_format,
    ADD CONSTRAINT users_email_format
        CHECK (length(email) <= 254 AND public.without_white_space(email) = email
               AND email ~ '^[^@]+@[^@]+\.[^@]+$') NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_format;

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_name_not_blank,
    ADD CONSTRAINT clients_name_not_blank
        CHECK (public.without_white_space(name) <> '' AND length(name) <= 200) NOT VALID;
ALTER TABLE clients VALIDATE CONSTRAINT clients_name_not_blank;

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_email_format,
    ADD CONSTRAINT clients_email_format
        CHECK (length(email) <= 254 AND public.without_white_space(email) = email
               AND email ~ '^[^@]+@[^@]+\.[^@]+$') NOT VALID;
ALTER TABLE clients VALIDATE CONSTRAINT clients_email_format;

ALTER TABLE services
    DROP CONSTRAINT IF EXISTS services_name_not_blank,
    ADD CONSTRAINT services_name_not_blank
        CHECK (public.without_white_space(name) <> '' AND length(name) <= 200) NOT VALID;
ALTER TABLE services VALIDATE CONSTRAINT services_name_not_blank;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_number_printable,
    ADD CONSTRAINT invoices_number_printable
        CHECK (length(invoice_number) BETWEEN 1 AND 100 AND NOT public.has_control_character(invoice_number)) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_number_printable;

-- due_date's default 'infinity' ("left out", V5) is replaced by a trigger before any CHECK sees it.
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_issue_date_in_range,
    ADD CONSTRAINT invoices_issue_date_in_range
        CHECK (issue_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_issue_date_in_range;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_due_date_in_range,
    ADD CONSTRAINT invoices_due_date_in_range
        CHECK (due_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_due_date_in_range;

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_description_not_blank,
    ADD CONSTRAINT line_items_description_not_blank
        CHECK (public.without_white_space(description) <> '' AND length(description) <= 1000) NOT VALID;
ALTER TABLE line_items VALIDATE CONSTRAINT line_items_description_not_blank;

ALTER TABLE credit_notes
    DROP CONSTRAINT IF EXISTS credit_notes_reason_not_blank,
    ADD CONSTRAINT credit_notes_reason_not_blank
        CHECK (public.without_white_space(reason) <> '' AND length(reason) <= 1000) NOT VALID;
ALTER TABLE credit_notes VALIDATE CONSTRAINT credit_notes_reason_not_blank;

ALTER TABLE credit_notes
    DROP CONSTRAINT IF EXISTS credit_notes_issue_date_in_range,
    ADD CONSTRAINT credit_notes_issue_date_in_range
        CHECK (issue_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') NOT VALID;
ALTER TABLE credit_notes VALIDATE CONSTRAINT credit_notes_issue_date_in_range;

ALTER TABLE credit_note_lines
    DROP CONSTRAINT IF EXISTS credit_note_lines_description_not_blank,
    ADD CONSTRAINT credit_note_lines_description_not_blank
        CHECK (public.without_white_space(description) <> '' AND length(description) <= 1000) NOT VALID;
ALTER TABLE credit_note_lines VALIDATE CONSTRAINT credit_note_lines_description_not_blank;

ALTER TABLE payments
    DROP CONSTRAINT IF EXISTS payments_payment_date_in_range,
    ADD CONSTRAINT payments_payment_date_in_range
        CHECK (payment_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') NOT VALID;
ALTER TABLE payments VALIDATE CONSTRAINT payments_payment_date_in_range;

ALTER TABLE refunds
    DROP CONSTRAINT IF EXISTS refunds_refund_date_in_range,
    ADD CONSTRAINT refunds_refund_date_in_range
        CHECK (refund_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') NOT VALID;
ALTER TABLE refunds VALIDATE CONSTRAINT refunds_refund_date_in_range;

ALTER TABLE invoice_series
    DROP CONSTRAINT IF EXISTS invoice_series_name_not_blank,
    ADD CONSTRAINT invoice_series_name_not_blank
        CHECK (public.without_white_space(name) <> '' AND length(name) <= 100) NOT VALID;
ALTER TABLE invoice_series VALIDATE CONSTRAINT invoice_series_name_not_blank;

ALTER TABLE invoice_series
    DROP CONSTRAINT IF EXISTS invoice_series_prefix_valid,
    ADD CONSTRAINT invoice_series_prefix_valid
        CHECK (length(prefix) <= 20 AND prefix !~ '[{}]' AND NOT public.has_control_character(prefix)) NOT VALID;
ALTER TABLE invoice_series VALIDATE CONSTRAINT invoice_series_prefix_valid;

-- A constraint dropped and added again has lost its comment: every one above says its rule again.
COMMENT ON CONSTRAINT users_name_not_blank ON users IS 'name must be 1 to 200 characters, not blank';
COMMENT ON CONSTRAINT users_legal_name_not_blank ON users IS 'legalName must be 1 to 200 characters, not blank';
COMMENT ON CONSTRAINT users_email_format ON users
    IS 'email must be an address like ana@example.com: one @, a dot after it, no white space, at most 254 characters';
COMMENT ON CONSTRAINT clients_name_not_blank ON clients IS 'name must be 1 to 200 characters, not blank';
COMMENT ON CONSTRAINT clients_email_format ON clients
    IS 'email must be an address like ana@example.com: one @, a dot after it, no white space, at most 254 characters';
COMMENT ON CONSTRAINT services_name_not_blank ON services IS 'name must be 1 to 200 characters, not blank';
COMMENT ON CONSTRAINT invoices_number_printable ON invoices
    IS 'invoice number must be 1 to 100 characters, without control characters';
COMMENT ON CONSTRAINT invoices_issue_date_in_range ON invoices IS 'issueDate must be between 0001-01-01 and 9999-12-31';
COMMENT ON CONSTRAINT invoices_due_date_in_range ON invoices IS 'dueDate must be between 0001-01-01 and 9999-12-31';
COMMENT ON CONSTRAINT line_items_description_not_blank ON line_items
    IS 'description must be 1 to 1000 characters, not blank';
COMMENT ON CONSTRAINT credit_notes_reason_not_blank ON credit_notes IS 'reason must be 1 to 1000 characters, not blank';
COMMENT ON CONSTRAINT credit_notes_issue_date_in_range ON credit_notes
    IS 'issueDate must be between 0001-01-01 and 9999-12-31';
COMMENT ON CONSTRAINT credit_note_lines_description_not_blank ON credit_note_lines
    IS 'description must be 1 to 1000 characters, not blank';
COMMENT ON CONSTRAINT payments_payment_date_in_range ON payments
    IS 'paymentDate must be between 0001-01-01 and 9999-12-31';
COMMENT ON CONSTRAINT refunds_refund_date_in_range ON refunds IS 'refundDate must be between 0001-01-01 and 9999-12-31';
COMMENT ON CONSTRAINT invoice_series_name_not_blank ON invoice_series IS 'name must be 1 to 100 characters, not blank';
COMMENT ON CONSTRAINT invoice_series_prefix_valid ON invoice_series
    IS 'prefix must be at most 20 characters, without braces or control characters';

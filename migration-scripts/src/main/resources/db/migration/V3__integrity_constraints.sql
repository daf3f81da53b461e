-- V3 integrity constraints (seed phase 2): every rule the seeds name, enforced by the database.
--
-- Purpose: positive quantities, non-negative prices, line amounts, tax and totals that add up
--          with the currency's rounding, valid statuses, payment terms 0..365, invoice number
--          format, and only currencies that numeric(12,2) can hold exactly.
-- Locks:   each constraint is added NOT VALID (a brief ACCESS EXCLUSIVE lock, no scan), then
--          VALIDATEd in its own transaction under SHARE UPDATE EXCLUSIVE, which lets reads and
--          writes go on while existing rows are checked. Hence no surrounding transaction
--          (see the .conf beside it).
-- Re-run:  each statement drops the constraint it adds (IF EXISTS) in the same ALTER, so a run
--          that stopped part way can simply run again.
-- Undo:    db/undo/U3__integrity_constraints.sql: ALTER TABLE <table> DROP CONSTRAINT IF EXISTS
--          <each constraint below>; DROP FUNCTION currency_minor_units(char).

-- ISO 4217 minor units, the same table as java.util.Currency#getDefaultFractionDigits
-- (a test compares the two for every currency the JDK knows). NULL: not a currency of account.
CREATE OR REPLACE FUNCTION currency_minor_units(code char(3)) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE
           WHEN code IN ('ADP', 'BEF', 'BIF', 'BYB', 'BYR', 'CLP', 'DJF', 'ESP', 'GNF', 'GRD', 'ISK',
                         'ITL', 'JPY', 'KMF', 'KRW', 'LUF', 'MGF', 'PTE', 'PYG', 'ROL', 'RWF', 'TPE',
                         'TRL', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
           WHEN code IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
           WHEN code IN ('CLF') THEN 4
           WHEN code IN ('XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XFO', 'XFU', 'XPD', 'XPT',
                         'XSU', 'XTS', 'XUA', 'XXX') THEN NULL
           ELSE 2
       END
$$;

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_name_not_blank,
    ADD CONSTRAINT users_name_not_blank CHECK (name ~ '[^[:space:]]' AND length(name) <= 200) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_not_blank;

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_payment_terms_range,
    ADD CONSTRAINT clients_payment_terms_range CHECK (payment_terms_days BETWEEN 0 AND 365) NOT VALID;
ALTER TABLE clients VALIDATE CONSTRAINT clients_payment_terms_range;

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_name_not_blank,
    ADD CONSTRAINT clients_name_not_blank CHECK (name ~ '[^[:space:]]' AND length(name) <= 200) NOT VALID;
ALTER TABLE clients VALIDATE CONSTRAINT clients_name_not_blank;

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_email_format,
    ADD CONSTRAINT clients_email_format
        CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$') NOT VALID;
ALTER TABLE clients VALIDATE CONSTRAINT clients_email_format;

ALTER TABLE services
    DROP CONSTRAINT IF EXISTS services_name_not_blank,
    ADD CONSTRAINT services_name_not_blank CHECK (name ~ '[^[:space:]]' AND length(name) <= 200) NOT VALID;
ALTER TABLE services VALIDATE CONSTRAINT services_name_not_blank;

ALTER TABLE services
    DROP CONSTRAINT IF EXISTS services_unit_price_non_negative,
    ADD CONSTRAINT services_unit_price_non_negative
        CHECK (unit_price >= 0 AND unit_price = round(unit_price, currency_minor_units(currency))) NOT VALID;
ALTER TABLE services VALIDATE CONSTRAINT services_unit_price_non_negative;

ALTER TABLE services
    DROP CONSTRAINT IF EXISTS services_default_tax_rate_range,
    ADD CONSTRAINT services_default_tax_rate_range CHECK (default_tax_rate BETWEEN 0 AND 100) NOT VALID;
ALTER TABLE services VALIDATE CONSTRAINT services_default_tax_rate_range;

ALTER TABLE services
    DROP CONSTRAINT IF EXISTS services_currency_supported,
    ADD CONSTRAINT services_currency_supported
        CHECK (currency ~ '^[A-Z]{3}$' AND coalesce(currency_minor_units(currency) BETWEEN 0 AND 2, false)) NOT VALID;
ALTER TABLE services VALIDATE CONSTRAINT services_currency_supported;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_status_valid,
    ADD CONSTRAINT invoices_status_valid
        CHECK (status IN ('draft', 'sent', 'viewed', 'partially_paid', 'paid', 'void')) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_status_valid;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_number_format,
    ADD CONSTRAINT invoices_number_format CHECK (invoice_number ~ '^INV-[0-9]{6,}$') NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_number_format;

-- numeric(12,2) holds currencies of up to two minor units exactly; BHD (three) would be rounded.
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_currency_supported,
    ADD CONSTRAINT invoices_currency_supported
        CHECK (currency ~ '^[A-Z]{3}$' AND coalesce(currency_minor_units(currency) BETWEEN 0 AND 2, false)) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_currency_supported;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_tax_rate_range,
    ADD CONSTRAINT invoices_tax_rate_range CHECK (tax_rate BETWEEN 0 AND 100) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_tax_rate_range;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_subtotal_non_negative,
    ADD CONSTRAINT invoices_subtotal_non_negative
        CHECK (subtotal >= 0 AND subtotal = round(subtotal, currency_minor_units(currency))) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_subtotal_non_negative;

-- Exact, not within a cent as the seeds had it: Java computes the same rounding (HALF_UP).
ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_tax_consistent,
    ADD CONSTRAINT invoices_tax_consistent
        CHECK (tax = round(subtotal * tax_rate / 100, currency_minor_units(currency))) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_tax_consistent;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_total_consistent,
    ADD CONSTRAINT invoices_total_consistent CHECK (total = subtotal + tax) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_total_consistent;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_purchase_order_length,
    ADD CONSTRAINT invoices_purchase_order_length CHECK (length(purchase_order) <= 100) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_purchase_order_length;

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_quantity_positive,
    ADD CONSTRAINT line_items_quantity_positive CHECK (quantity > 0) NOT VALID;
ALTER TABLE line_items VALIDATE CONSTRAINT line_items_quantity_positive;

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_unit_price_non_negative,
    ADD CONSTRAINT line_items_unit_price_non_negative
        CHECK (unit_price >= 0 AND unit_price = round(unit_price, currency_minor_units(currency))) NOT VALID;
ALTER TABLE line_items VALIDATE CONSTRAINT line_items_unit_price_non_negative;

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_amount_consistent,
    ADD CONSTRAINT line_items_amount_consistent
        CHECK (amount = round(quantity * unit_price, currency_minor_units(currency))) NOT VALID;
ALTER TABLE line_items VALIDATE CONSTRAINT line_items_amount_consistent;

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_description_not_blank,
    ADD CONSTRAINT line_items_description_not_blank CHECK (description ~ '[^[:space:]]' AND length(description) <= 1000) NOT VALID;
ALTER TABLE line_items VALIDATE CONSTRAINT line_items_description_not_blank;

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_position_positive,
    ADD CONSTRAINT line_items_position_positive CHECK (position >= 1) NOT VALID;
ALTER TABLE line_items VALIDATE CONSTRAINT line_items_position_positive;

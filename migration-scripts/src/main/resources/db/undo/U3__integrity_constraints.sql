-- Undo of V3 integrity constraints: drops every CHECK it added and currency_minor_units.
--
-- Locks:   one ALTER TABLE per table, ACCESS EXCLUSIVE for an instant (no scan); lock_timeout
--          bounds the wait. Every statement can run again.
-- Hazard:  from here on the database accepts rows the application would refuse; validate them
--          before running V3 again (its VALIDATE fails on the first bad row).

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_name_not_blank;

ALTER TABLE clients
    DROP CONSTRAINT IF EXISTS clients_payment_terms_range,
    DROP CONSTRAINT IF EXISTS clients_name_not_blank,
    DROP CONSTRAINT IF EXISTS clients_email_format;

ALTER TABLE services
    DROP CONSTRAINT IF EXISTS services_name_not_blank,
    DROP CONSTRAINT IF EXISTS services_unit_price_non_negative,
    DROP CONSTRAINT IF EXISTS services_default_tax_rate_range,
    DROP CONSTRAINT IF EXISTS services_currency_supported;

ALTER TABLE invoices
    DROP CONSTRAINT IF EXISTS invoices_status_valid,
    DROP CONSTRAINT IF EXISTS invoices_number_format,
    DROP CONSTRAINT IF EXISTS invoices_currency_supported,
    DROP CONSTRAINT IF EXISTS invoices_tax_rate_range,
    DROP CONSTRAINT IF EXISTS invoices_subtotal_non_negative,
    DROP CONSTRAINT IF EXISTS invoices_tax_consistent,
    DROP CONSTRAINT IF EXISTS invoices_total_consistent,
    DROP CONSTRAINT IF EXISTS invoices_purchase_order_length;

ALTER TABLE line_items
    DROP CONSTRAINT IF EXISTS line_items_quantity_positive,
    DROP CONSTRAINT IF EXISTS line_items_unit_price_non_negative,
    DROP CONSTRAINT IF EXISTS line_items_amount_consistent,
    DROP CONSTRAINT IF EXISTS line_items_description_not_blank,
    DROP CONSTRAINT IF EXISTS line_items_position_positive;

DROP FUNCTION IF EXISTS currency_minor_units(char);

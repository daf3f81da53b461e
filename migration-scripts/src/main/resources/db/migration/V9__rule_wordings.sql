-- V9 rule wordings: every constraint says, in the schema, which rule it keeps.
--
-- Purpose: errors name the constraint they broke; the library shows the rule in words. Those words
--          lived in a Java table that drifted from the schema (three constraints had none). Now
--          each constraint carries its rule as its comment, read by invoice-persistence when it
--          translates an error, and a rule that a trigger raises carries its words in the error's
--          DETAIL (V8). A test fails for a constraint without a comment. A later migration that
--          adds a constraint comments it in the same script.
-- Locks:   COMMENT ON CONSTRAINT changes the catalog only.
-- Undo:    none needed: comments change no behaviour (COMMENT ... IS NULL removes one).

COMMENT ON CONSTRAINT users_pkey ON users IS 'id is already a tenant';
COMMENT ON CONSTRAINT users_name_not_blank ON users IS 'name must be 1 to 200 characters, not blank';

COMMENT ON CONSTRAINT clients_pkey ON clients IS 'id is already one of this tenant''s clients';
COMMENT ON CONSTRAINT clients_user_id_fkey ON clients IS 'the tenant must exist';
COMMENT ON CONSTRAINT clients_name_not_blank ON clients IS 'name must be 1 to 200 characters, not blank';
COMMENT ON CONSTRAINT clients_email_format ON clients IS 'email must be an address of at most 254 characters';
COMMENT ON CONSTRAINT clients_payment_terms_range ON clients IS 'paymentTermsDays must be between 0 and 365';

COMMENT ON CONSTRAINT services_pkey ON services IS 'id is already one of this tenant''s catalog items';
COMMENT ON CONSTRAINT services_user_id_fkey ON services IS 'the tenant must exist';
COMMENT ON CONSTRAINT services_name_not_blank ON services IS 'name must be 1 to 200 characters, not blank';
COMMENT ON CONSTRAINT services_unit_price_non_negative ON services
    IS 'unitPrice must be at least 0, in the currency''s minor units';
COMMENT ON CONSTRAINT services_default_tax_rate_range ON services IS 'defaultTaxRate must be between 0 and 100';
COMMENT ON CONSTRAINT services_currency_supported ON services
    IS 'currency must be an ISO 4217 code with at most 2 minor units';

COMMENT ON CONSTRAINT invoices_pkey ON invoices IS 'id is already one of this tenant''s invoices';
COMMENT ON CONSTRAINT invoices_user_id_fkey ON invoices IS 'the tenant must exist';
COMMENT ON CONSTRAINT invoices_client_fk ON invoices IS 'client must be one of this tenant''s clients';
COMMENT ON CONSTRAINT invoices_id_currency_unique ON invoices
    IS 'an invoice has one currency, which its lines and payments share';
COMMENT ON CONSTRAINT invoices_number_unique_per_tenant ON invoices IS 'invoice number is already used by this tenant';
COMMENT ON CONSTRAINT invoices_number_canonical ON invoices
    IS 'invoice number must be INV- and six digits, or more without a leading zero';
COMMENT ON CONSTRAINT invoices_status_valid ON invoices IS 'status must be a known invoice status';
COMMENT ON CONSTRAINT invoices_status_matches_amount_paid ON invoices
    IS 'status must follow the amount paid: paid at the total, partially paid below it, nothing paid otherwise';
COMMENT ON CONSTRAINT invoices_currency_supported ON invoices
    IS 'currency must be an ISO 4217 code with at most 2 minor units';
COMMENT ON CONSTRAINT invoices_tax_rate_range ON invoices IS 'taxRate must be between 0 and 100';
COMMENT ON CONSTRAINT invoices_subtotal_non_negative ON invoices
    IS 'subtotal must be at least 0, in the currency''s minor units';
COMMENT ON CONSTRAINT invoices_tax_consistent ON invoices IS 'tax must equal subtotal x taxRate / 100, rounded half up';
COMMENT ON CONSTRAINT invoices_total_consistent ON invoices IS 'total must equal subtotal + tax';
COMMENT ON CONSTRAINT invoices_purchase_order_length ON invoices IS 'purchaseOrder must be at most 100 characters';
COMMENT ON CONSTRAINT invoices_due_date_required ON invoices IS 'dueDate is required';
COMMENT ON CONSTRAINT invoices_due_not_before_issue ON invoices IS 'dueDate must not be before issueDate';
COMMENT ON CONSTRAINT invoices_amount_paid_within_total ON invoices
    IS 'amount paid must stay between 0 and the invoice total: the payment would overpay';

COMMENT ON CONSTRAINT line_items_pkey ON line_items IS 'id is already one of this tenant''s line items';
COMMENT ON CONSTRAINT line_items_invoice_fk ON line_items
    IS 'invoice must be one of this tenant''s, in the same currency';
COMMENT ON CONSTRAINT line_items_service_fk ON line_items IS 'service must be one of this tenant''s catalog items';
COMMENT ON CONSTRAINT line_items_position_unique ON line_items IS 'position is already taken on this invoice';
COMMENT ON CONSTRAINT line_items_position_positive ON line_items IS 'position must be at least 1';
COMMENT ON CONSTRAINT line_items_quantity_positive ON line_items IS 'quantity must be greater than 0';
COMMENT ON CONSTRAINT line_items_unit_price_non_negative ON line_items
    IS 'unitPrice must be at least 0, in the currency''s minor units';
COMMENT ON CONSTRAINT line_items_amount_consistent ON line_items
    IS 'amount must equal quantity x unitPrice, rounded half up to the currency';
COMMENT ON CONSTRAINT line_items_description_not_blank ON line_items IS 'description must be 1 to 1000 characters';

COMMENT ON CONSTRAINT payments_pkey ON payments IS 'id is already one of this tenant''s payments';
COMMENT ON CONSTRAINT payments_invoice_fk ON payments IS 'invoice must be one of this tenant''s, in the same currency';
COMMENT ON CONSTRAINT payments_transaction_id_unique ON payments IS 'transactionId is already recorded for this tenant';
COMMENT ON CONSTRAINT payments_amount_positive ON payments IS 'amount must be greater than 0';
COMMENT ON CONSTRAINT payments_method_valid ON payments IS 'method must be a known payment method';
COMMENT ON CONSTRAINT payments_status_valid ON payments IS 'status must be a known payment status';

COMMENT ON CONSTRAINT invoice_number_counters_pkey ON invoice_number_counters IS 'the tenant has a counter already';
COMMENT ON CONSTRAINT invoice_number_counters_user_id_fkey ON invoice_number_counters IS 'the tenant must exist';
COMMENT ON CONSTRAINT invoice_number_counters_last_value_non_negative ON invoice_number_counters
    IS 'a counter never goes below 0';

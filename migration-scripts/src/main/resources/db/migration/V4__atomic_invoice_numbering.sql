-- V4 atomic invoice numbering (seed phase 1.3): per-tenant, gapless, race-free invoice numbers.
--
-- Purpose: the seeds' application read MAX(invoice_number) and added one, so two concurrent
--          requests got the same number. Here each tenant has one counter row; allocating a
--          number updates it, which takes the row lock in the caller's transaction: concurrent
--          allocations for one tenant queue behind each other, other tenants are not touched,
--          and a rollback returns the number (no gap). Numbers are formatted with at least six
--          digits and keep growing past INV-999999 (the seeds' lpad(n, 6) truncated them).
-- Locks:   creates new objects; reads invoices once to start each counter after the highest
--          number a tenant already has.
-- Undo:    db/undo/U4__atomic_invoice_numbering.sql: DROP FUNCTION get_next_invoice_number(uuid);
--          DROP TABLE invoice_number_counters. Running V4 again rebuilds the counters from the
--          invoice numbers.

CREATE TABLE invoice_number_counters (
    user_id    uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_value bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT invoice_number_counters_last_value_non_negative CHECK (last_value >= 0)
);

CREATE TRIGGER invoice_number_counters_set_updated_at BEFORE UPDATE ON invoice_number_counters
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Continue after the numbers tenants already have (ordered as numbers, not as text).
INSERT INTO invoice_number_counters (user_id, last_value)
SELECT user_id, max(substring(invoice_number FROM 5)::bigint)
FROM invoices
WHERE invoice_number ~ '^INV-[0-9]+$'
GROUP BY user_id
ON CONFLICT (user_id) DO NOTHING;

CREATE FUNCTION get_next_invoice_number(p_user_id uuid) RETURNS text
    LANGUAGE sql VOLATILE AS
$$
INSERT INTO invoice_number_counters AS counter (user_id, last_value)
VALUES (p_user_id, 1)
ON CONFLICT (user_id) DO UPDATE SET last_value = counter.last_value + 1
RETURNING 'INV-' || lpad(counter.last_value::text, greatest(6, length(counter.last_value::text)), '0')
$$;

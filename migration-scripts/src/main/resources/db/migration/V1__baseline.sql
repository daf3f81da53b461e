-- V1 baseline: the invoicing schema as the applications in the seeds first shipped it
-- (tenants, clients, service catalog, invoices, line items), already keyed by tenant.
--
-- Purpose: every tenant-owned table carries user_id, NOT NULL, inside every primary, unique
--          and foreign key, so a row can never point at another tenant's row and the schema
--          can be sharded by user_id. Money is numeric(12,2); ids are UUIDs made by the
--          application (time-ordered), never serials that reveal other tenants' activity.
-- Locks:   creates new objects only.
-- Undo:    none (no db/undo script): going back from the baseline means dropping the database;
--          restore the backup taken before the install.

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TABLE users (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    email      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clients (
    user_id            uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id                 uuid        NOT NULL,
    name               text        NOT NULL,
    email              text        NOT NULL,
    payment_terms_days integer     NOT NULL DEFAULT 30,
    address            text,
    tax_id             text,
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
);

CREATE TABLE services (
    user_id          uuid          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id               uuid          NOT NULL,
    name             text          NOT NULL,
    description      text,
    unit_price       numeric(12,2) NOT NULL,
    currency         char(3)       NOT NULL,
    default_tax_rate numeric(5,2)  NOT NULL DEFAULT 0,
    active           boolean       NOT NULL DEFAULT true,
    version          bigint        NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
);

CREATE TABLE invoices (
    user_id        uuid          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id             uuid          NOT NULL,
    client_id      uuid          NOT NULL,
    invoice_number text          NOT NULL,
    status         text          NOT NULL DEFAULT 'draft',
    currency       char(3)       NOT NULL,
    issue_date     date          NOT NULL,
    tax_rate       numeric(5,2)  NOT NULL DEFAULT 0,
    subtotal       numeric(12,2) NOT NULL DEFAULT 0,
    tax            numeric(12,2) NOT NULL DEFAULT 0,
    total          numeric(12,2) NOT NULL DEFAULT 0,
    notes          text,
    purchase_order text,
    version        bigint        NOT NULL DEFAULT 0,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id),
    -- Numbers are unique per tenant, not globally: two tenants both have INV-000001.
    CONSTRAINT invoices_number_unique_per_tenant UNIQUE (user_id, invoice_number),
    -- Target of the (user_id, invoice_id, currency) keys below: a line item or payment can only
    -- ever be in its invoice's currency.
    CONSTRAINT invoices_id_currency_unique UNIQUE (user_id, id, currency),
    CONSTRAINT invoices_client_fk FOREIGN KEY (user_id, client_id)
        REFERENCES clients (user_id, id) ON DELETE RESTRICT
);

CREATE TABLE line_items (
    user_id     uuid          NOT NULL,
    id          uuid          NOT NULL,
    invoice_id  uuid          NOT NULL,
    currency    char(3)       NOT NULL,
    position    integer       NOT NULL,
    service_id  uuid,
    description text          NOT NULL,
    quantity    numeric(12,3) NOT NULL,
    unit_price  numeric(12,2) NOT NULL,
    amount      numeric(12,2) NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id),
    CONSTRAINT line_items_position_unique UNIQUE (user_id, invoice_id, position),
    CONSTRAINT line_items_invoice_fk FOREIGN KEY (user_id, invoice_id, currency)
        REFERENCES invoices (user_id, id, currency) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT line_items_service_fk FOREIGN KEY (user_id, service_id)
        REFERENCES services (user_id, id) ON DELETE RESTRICT
);

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER clients_set_updated_at BEFORE UPDATE ON clients
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER services_set_updated_at BEFORE UPDATE ON services
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER invoices_set_updated_at BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER line_items_set_updated_at BEFORE UPDATE ON line_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
